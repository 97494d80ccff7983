package dev.parley.it.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

/**
 * The operator accounts (administrators, integrations) of a provisioned server, written as WildFly's add-user tool
 * writes them for Parley's properties realm: for the tests' server and the benchmarks' alike.
 */
public final class OperatorAccountsFile {

    private static final String REALM = "ParleyRealm";

    private OperatorAccountsFile() {
    }

    /**
     * Replaces the accounts in {@code configuration} (the server's configuration folder).
     *
     * @param accounts per account name, its password and its role
     */
    public static void write(Path configuration, Map<String, Map.Entry<String, String>> accounts) {
        StringBuilder users = new StringBuilder("#$REALM_NAME=" + REALM + "$\n");
        StringBuilder roles = new StringBuilder();
        accounts.forEach((name, passwordAndRole) -> {
            users.append(name).append('=').append(digest(name, passwordAndRole.getKey())).append('\n');
            roles.append(name).append('=').append(passwordAndRole.getValue()).append('\n');
        });
        try {
            Files.writeString(configuration.resolve("parley-users.properties"), users, StandardCharsets.UTF_8);
            Files.writeString(configuration.resolve("parley-roles.properties"), roles, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Operator accounts could not be written to " + configuration, e);
        }
    }

    /** The digest add-user writes: hex MD5 of user:realm:password, never the password. */
    private static String digest(String user, String password) {
        try {
            MessageDigest md5 = MessageDigest.getInstance("MD5");
            return HexFormat.of().formatHex(md5.digest((user + ":" + REALM + ":" + password)
                    .getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
