package dev.parley.infrastructure.security;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals secrets with AES-256-GCM under a key kept in a file readable only by the server's user,
 * outside the database: a copy of the database alone reveals no password. Each secret is bound
 * to its {@link Purpose} (as GCM's associated data), so that someone who can write the database
 * cannot move the sealed private key into the proxy password's column and have it sent out. The key file is
 * {@code parley.secret-key.file}, or {@code secret.key} in Parley's data folder
 * ({@code parley.data.dir}); it is created on first use.
 */
@ApplicationScoped
public class SecretSealer {

    static final String KEY_FILE_PROPERTY = "parley.secret-key.file";
    /** What a sealed secret is for; a secret opens only for the purpose it was sealed for. */
    public enum Purpose {
        PROXY_PASSWORD("federation_settings.proxy_password"),
        SERVER_CREDENTIAL("server_certificate.credential"),
        REQUEST_KEY("certificate_request.key");

        private final byte[] associatedData;

        Purpose(String column) {
            this.associatedData = column.getBytes(StandardCharsets.US_ASCII);
        }
    }

    /** Bound to a purpose. */
    private static final String FORMAT = "v2:";
    /** Before purposes: proxy passwords stored by earlier versions, which still open as such. */
    private static final String LEGACY_FORMAT = "v1:";
    private static final int KEY_BYTES = 32;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecureRandom random = new SecureRandom();
    private SecretKey key;
    private Path keyFile;

    public SecretSealer() {
    }

    SecretSealer(Path keyFile) {
        this.keyFile = keyFile;
        this.key = loadOrCreate(keyFile);
    }

    @PostConstruct
    void loadKey() {
        keyFile = defaultKeyFile();
        key = loadOrCreate(keyFile);
    }

    public String seal(String secret, Purpose purpose) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(purpose.associatedData);
            byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            return FORMAT + Base64.getEncoder().encodeToString(
                    ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this JVM", e);
        }
    }

    /**
     * @throws IllegalArgumentException when {@code sealed} is no sealed secret of a known version
     * @throws IllegalStateException    when it cannot be opened with this key for this purpose
     */
    public String open(String sealed, Purpose purpose) {
        boolean legacy = sealed.startsWith(LEGACY_FORMAT) && purpose == Purpose.PROXY_PASSWORD;
        if (!sealed.startsWith(FORMAT) && !legacy) {
            throw new IllegalArgumentException("Not a sealed secret of this version");
        }
        byte[] bytes = Base64.getDecoder().decode(sealed.substring(FORMAT.length()));
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, bytes, 0, NONCE_BYTES));
            if (!legacy) {
                cipher.updateAAD(purpose.associatedData);
            }
            return new String(cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The secret cannot be opened as a " + purpose + ": was the key file "
                    + keyFile + " replaced, or the secret moved?", e);
        }
    }

    private static Path defaultKeyFile() {
        String configured = System.getProperty(KEY_FILE_PROPERTY);
        if (configured != null) {
            return Path.of(configured);
        }
        String dataDir = System.getProperty("parley.data.dir");
        if (dataDir == null) {
            throw new IllegalStateException("Set " + KEY_FILE_PROPERTY + " or parley.data.dir: where Parley keeps its secret key");
        }
        return Path.of(dataDir, "secret.key");
    }

    private SecretKey loadOrCreate(Path file) {
        try {
            if (!Files.exists(file)) {
                create(file);
            }
            byte[] bytes = Files.readAllBytes(file);
            if (bytes.length != KEY_BYTES) {
                throw new IllegalStateException("The key file " + file + " holds " + bytes.length
                        + " bytes, not " + KEY_BYTES);
            }
            return new SecretKeySpec(bytes, "AES");
        } catch (IOException e) {
            throw new UncheckedIOException("Parley's secret key file " + file + " cannot be read or created", e);
        }
    }

    private void create(Path file) throws IOException {
        byte[] bytes = new byte[KEY_BYTES];
        random.nextBytes(bytes);
        Files.createDirectories(file.getParent());
        try {
            // Created owner-only from the start, so the key is never readable by others, not even briefly.
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.write(file, bytes);
        } catch (FileAlreadyExistsException raceWithAnotherStart) {
            // Another start created it first; use theirs.
        }
    }
}
