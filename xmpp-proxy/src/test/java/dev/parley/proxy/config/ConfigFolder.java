package dev.parley.proxy.config;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.xmpp.tls.Certificates;
import dev.parley.xmpp.tls.ServerCredential;
import dev.parley.xmpp.tls.ServerCredentials;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.List;
import java.util.stream.Stream;

/** A folder holding a configuration file and the files it names, as an administrator would set it up. */
final class ConfigFolder {

    static final String SECRET = "s3cret-Link-Passw0rd-4-tests";
    static final String FILE_NAME = "parley-xmpp-proxy.properties";

    private final Path folder;

    ConfigFolder(Path folder) {
        this.folder = folder;
    }

    Path path(String name) {
        return folder.resolve(name);
    }

    Path write(String name, String content) {
        try {
            Path file = folder.resolve(name);
            Files.createDirectories(file.getParent());
            Files.writeString(file, content, StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The configuration file, one line a setting. */
    Path config(String... lines) {
        return write(FILE_NAME, String.join("\n", lines) + "\n");
    }

    /** {@code link.secret} holding {@link #SECRET}, and the two lines every valid file has. */
    List<String> minimal() {
        write("link.secret", SECRET + "\n");
        return List.of("domain=example.com", "link.secret-file=link.secret");
    }

    /** The minimal file with {@code lines} added. */
    ProxyConfig load(String... lines) throws ProxyConfigException {
        return ProxyConfig.load(config(withMinimal(lines)));
    }

    /** The problems of the minimal file with {@code lines} added, which must not load. */
    List<String> problems(String... lines) {
        return problemsOf(withMinimal(lines));
    }

    /** The problems of a file of exactly {@code lines}, which must not load. */
    List<String> problemsOf(String... lines) {
        Path file = config(lines);
        ProxyConfigException[] thrown = new ProxyConfigException[1];
        assertThatThrownBy(() -> ProxyConfig.load(file)).isInstanceOfSatisfying(ProxyConfigException.class,
                e -> thrown[0] = e);
        return thrown[0].problems();
    }

    /** {@code name}-chain.pem and {@code name}-key.pem, as the configuration names them. */
    void pem(String name, ServerCredential credential) {
        write(name + "-chain.pem", Certificates.toPem(credential.chain()));
        write(name + "-key.pem", ServerCredentials.privateKeyPem(credential.key()));
    }

    /** {@code name} as a PKCS#12 key store whose store and key have {@code password}. */
    void pkcs12(String name, ServerCredential credential, String password) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("server", credential.key(), password.toCharArray(),
                    credential.chain().toArray(Certificate[]::new));
            try (OutputStream out = Files.newOutputStream(folder.resolve(name))) {
                store.store(out, password.toCharArray());
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private String[] withMinimal(String... lines) {
        return Stream.concat(minimal().stream(), List.of(lines).stream()).toArray(String[]::new);
    }
}
