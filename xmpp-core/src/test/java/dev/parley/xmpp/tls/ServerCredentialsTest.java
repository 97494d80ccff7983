package dev.parley.xmpp.tls;

import dev.parley.xmpp.testing.TestPki;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Importing the server certificate as an administrator has it: PKCS#12, or a PEM key plus a PEM chain. */
class ServerCredentialsTest {

    private static final char[] PASSWORD = "secret".toCharArray();

    private final ServerCredential issued = TestPki.create("Loader CA").leaf("a.example").dns("a.example").issue();

    @Test
    void readsPkcs12(@TempDir Path dir) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("server", issued.key(), PASSWORD, issued.chain().toArray(Certificate[]::new));
        Path file = dir.resolve("server.p12");
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, PASSWORD);
        }

        ServerCredential loaded = ServerCredentials.fromPkcs12(file, PASSWORD);

        assertThat(loaded.chain()).isEqualTo(issued.chain());
        assertThat(loaded.key().getEncoded()).isEqualTo(issued.key().getEncoded());
    }

    @Test
    void readsPemKeyAndChain(@TempDir Path dir) throws Exception {
        Path key = Files.writeString(dir.resolve("server.key"), pem("PRIVATE KEY", issued.key().getEncoded()));
        StringBuilder chain = new StringBuilder();
        for (X509Certificate certificate : issued.chain()) {
            chain.append(pem("CERTIFICATE", certificate.getEncoded()));
        }
        Path chainFile = Files.writeString(dir.resolve("chain.pem"), chain);

        ServerCredential loaded = ServerCredentials.fromPem(key, chainFile);

        assertThat(loaded.chain()).isEqualTo(issued.chain());
        assertThat(loaded.key().getEncoded()).isEqualTo(issued.key().getEncoded());
    }

    @Test
    void explainsHowToConvertATraditionalKey(@TempDir Path dir) throws Exception {
        Path key = Files.writeString(dir.resolve("old.key"), pem("EC PRIVATE KEY", new byte[] {1, 2, 3}));
        Path chainFile = Files.writeString(dir.resolve("chain.pem"), pem("CERTIFICATE", issued.certificate().getEncoded()));

        assertThatThrownBy(() -> ServerCredentials.fromPem(key, chainFile))
                .isInstanceOf(CredentialLoadException.class).hasMessageContaining("openssl pkcs8 -topk8");
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
