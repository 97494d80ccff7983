package dev.parley.xmpp.tls;

import dev.parley.xmpp.testing.TestPki;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Importing the server certificate as an administrator has it: PKCS#12, or a PEM key plus a PEM chain, from a file
 * or uploaded; and every way it can be wrong, said so that the administrator knows what to fix.
 */
class ServerCredentialsTest {

    private static final char[] PASSWORD = "secret".toCharArray();

    private final TestPki ca = TestPki.create("Loader CA");
    private final ServerCredential issued = ca.leaf("a.example").dns("a.example").issue();

    @Test
    void readsPkcs12(@TempDir Path dir) throws Exception {
        Path file = Files.write(dir.resolve("server.p12"), pkcs12(issued.key(), issued.chain(), PASSWORD, PASSWORD));

        ServerCredential loaded = ServerCredentials.fromPkcs12(file, PASSWORD);

        assertThat(loaded.chain()).isEqualTo(issued.chain());
        assertThat(loaded.key().getEncoded()).isEqualTo(issued.key().getEncoded());
    }

    @Test
    void readsPkcs12FromMemory() throws Exception {
        ServerCredential loaded = ServerCredentials.fromPkcs12(pkcs12(issued.key(), issued.chain(), PASSWORD, PASSWORD),
                PASSWORD);

        assertThat(loaded.chain()).isEqualTo(issued.chain());
        assertThat(loaded.key().getEncoded()).isEqualTo(issued.key().getEncoded());
    }

    @Test
    void refusesAWrongPkcs12PasswordWithoutRepeatingIt() throws Exception {
        byte[] keystore = pkcs12(issued.key(), issued.chain(), PASSWORD, PASSWORD);

        assertThatThrownBy(() -> ServerCredentials.fromPkcs12(keystore, "guessed-wrong".toCharArray()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the PKCS#12 key store cannot be opened: wrong password")
                .hasMessageNotContaining("guessed-wrong");
    }

    @Test
    void refusesAKeyWhosePasswordDiffersFromTheStores() throws Exception {
        byte[] keystore = pkcs12(issued.key(), issued.chain(), "other".toCharArray(), PASSWORD);

        assertThatThrownBy(() -> ServerCredentials.fromPkcs12(keystore, PASSWORD))
                .isInstanceOf(CredentialLoadException.class).hasMessageContaining("password other than the store's");
    }

    @Test
    void refusesAKeyStoreWithoutPrivateKey() throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setCertificateEntry("ca", ca.certificate());

        assertThatThrownBy(() -> ServerCredentials.fromPkcs12(stored(store, PASSWORD), PASSWORD))
                .isInstanceOf(CredentialLoadException.class)
                .hasMessage("the PKCS#12 key store holds no private key, only 1 certificate(s): export it with the"
                        + " server's private key");
    }

    @Test
    void refusesAKeyStoreWithSeveralPrivateKeys() throws Exception {
        ServerCredential other = ca.leaf("b.example").dns("b.example").issue();
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("a", issued.key(), PASSWORD, issued.chain().toArray(Certificate[]::new));
        store.setKeyEntry("b", other.key(), PASSWORD, other.chain().toArray(Certificate[]::new));

        assertThatThrownBy(() -> ServerCredentials.fromPkcs12(stored(store, PASSWORD), PASSWORD))
                .isInstanceOf(CredentialLoadException.class).hasMessageContaining("holds 2 private keys");
    }

    @Test
    void refusesPemTextOrAnythingElseGivenAsPkcs12() {
        byte[] pem = (ServerCredentials.privateKeyPem(issued.key()) + Certificates.toPem(issued.chain()))
                .getBytes(StandardCharsets.US_ASCII);

        assertThatThrownBy(() -> ServerCredentials.fromPkcs12(pem, PASSWORD))
                .isInstanceOf(CredentialLoadException.class).hasMessageStartingWith("this is PEM text, not a PKCS#12");
        assertThatThrownBy(() -> ServerCredentials.fromPkcs12(new byte[] {1, 2, 3, 4, 5}, PASSWORD))
                .isInstanceOf(CredentialLoadException.class).hasMessageStartingWith("not a PKCS#12 key store");
        assertThatThrownBy(() -> ServerCredentials.fromPkcs12(new byte[0], PASSWORD))
                .isInstanceOf(CredentialLoadException.class).hasMessage("the PKCS#12 key store is empty");
    }

    @Test
    void readsPemKeyAndChain(@TempDir Path dir) throws Exception {
        Path key = Files.writeString(dir.resolve("server.key"), pem("PRIVATE KEY", issued.key().getEncoded()));
        Path chainFile = Files.writeString(dir.resolve("chain.pem"), Certificates.toPem(issued.chain()));

        ServerCredential loaded = ServerCredentials.fromPem(key, chainFile);

        assertThat(loaded.chain()).isEqualTo(issued.chain());
        assertThat(loaded.key().getEncoded()).isEqualTo(issued.key().getEncoded());
    }

    @Test
    void readsPemFromMemoryWithTheTextOpensslPutsAroundIt() {
        String key = "Bag Attributes\r\n    localKeyID: 01 02\r\n" + pem("PRIVATE KEY", issued.key().getEncoded())
                .replace("\n", "\r\n");
        String chain = "subject=CN = a.example\nissuer=CN = Loader CA\n\n" + Certificates.toPem(issued.certificate())
                + "\nsubject=CN = Loader CA\n" + Certificates.toPem(ca.certificate());

        ServerCredential loaded = ServerCredentials.fromPem(key, chain);

        assertThat(loaded.chain()).isEqualTo(issued.chain());
        assertThat(loaded.key().getEncoded()).isEqualTo(issued.key().getEncoded());
    }

    @Test
    void acceptsAKeyFileThatHoldsTheCertificateToo() {
        String key = Certificates.toPem(issued.certificate()) + ServerCredentials.privateKeyPem(issued.key());

        assertThat(ServerCredentials.fromPem(key, Certificates.toPem(issued.chain())).chain()).isEqualTo(issued.chain());
    }

    @Test
    void writesTheKeyAsPemThatReadsBack() {
        String key = ServerCredentials.privateKeyPem(issued.key());

        assertThat(key).startsWith("-----BEGIN PRIVATE KEY-----\n").endsWith("-----END PRIVATE KEY-----\n");
        assertThat(ServerCredentials.fromPem(key, Certificates.toPem(issued.chain())).key().getEncoded())
                .isEqualTo(issued.key().getEncoded());
    }

    @Test
    void explainsHowToConvertATraditionalKey(@TempDir Path dir) throws Exception {
        Path key = Files.writeString(dir.resolve("old.key"), pem("EC PRIVATE KEY", new byte[] {1, 2, 3}));
        Path chainFile = Files.writeString(dir.resolve("chain.pem"), pem("CERTIFICATE", issued.certificate().getEncoded()));

        assertThatThrownBy(() -> ServerCredentials.fromPem(key, chainFile))
                .isInstanceOf(CredentialLoadException.class).hasMessageContaining("openssl pkcs8 -topk8")
                .hasMessageContaining("old.key");
    }

    @Test
    void explainsHowToDecryptAnEncryptedKey() {
        assertThatThrownBy(() -> ServerCredentials.fromPem(pem("ENCRYPTED PRIVATE KEY", new byte[] {1, 2, 3}),
                Certificates.toPem(issued.chain())))
                .isInstanceOf(CredentialLoadException.class).hasMessageContaining("encrypted")
                .hasMessageContaining("openssl pkcs8 -in ENCRYPTED -out PLAIN");
    }

    @Test
    void refusesTextThatIsNotPem() {
        String chain = Certificates.toPem(issued.chain());

        assertThatThrownBy(() -> ServerCredentials.fromPem("my key", chain))
                .isInstanceOf(CredentialLoadException.class).hasMessage("the private key is not PEM: no -----BEGIN ...----- line")
                .hasMessageNotContaining("my key");
        assertThatThrownBy(() -> ServerCredentials.fromPem("", chain))
                .isInstanceOf(CredentialLoadException.class).hasMessage("the private key is empty");
        assertThatThrownBy(() -> ServerCredentials.fromPem(ServerCredentials.privateKeyPem(issued.key()), "MIIB..."))
                .isInstanceOf(CredentialLoadException.class)
                .hasMessage("the certificate chain is not PEM: no -----BEGIN ...----- line");
        assertThatThrownBy(() -> ServerCredentials.fromPem(Certificates.toPem(issued.certificate()), chain))
                .isInstanceOf(CredentialLoadException.class)
                .hasMessage("the private key holds only certificates, no -----BEGIN PRIVATE KEY----- block");
    }

    @Test
    void refusesABlockCutWhileCopying() {
        String key = ServerCredentials.privateKeyPem(issued.key());
        String cut = Certificates.toPem(issued.certificate()) + Certificates.toPem(ca.certificate()).substring(0, 100);

        assertThatThrownBy(() -> ServerCredentials.fromPem(key, cut))
                .isInstanceOf(CredentialLoadException.class).hasMessageContaining("the certificate chain is not complete PEM");
        assertThatThrownBy(() -> ServerCredentials.fromPem(key.replace("-----\n", "-----\n*"), Certificates.toPem(issued.chain())))
                .isInstanceOf(CredentialLoadException.class)
                .hasMessageContaining("the private key: PEM block 1 (PRIVATE KEY) is not valid base64");
    }

    @Test
    void refusesAPrivateKeyInTheChain() {
        String key = ServerCredentials.privateKeyPem(issued.key());

        assertThatThrownBy(() -> ServerCredentials.fromPem(key, Certificates.toPem(issued.chain()) + key))
                .isInstanceOf(CredentialLoadException.class)
                .hasMessage("the certificate chain holds a PRIVATE KEY block (number 3); only CERTIFICATE blocks"
                        + " belong here: the private key is given separately");
    }

    @Test
    void refusesAKeyThatDoesNotMatchTheCertificate() {
        ServerCredential other = ca.leaf("b.example").dns("b.example").issue();

        assertThatThrownBy(() -> ServerCredentials.fromPem(ServerCredentials.privateKeyPem(other.key()),
                Certificates.toPem(issued.chain())))
                .isInstanceOf(CredentialLoadException.class)
                .hasMessageStartingWith("the private key does not match the certificate (subject CN=a.example)");
        assertThatThrownBy(() -> ServerCredentials.fromPkcs12(pkcs12(other.key(), issued.chain(), PASSWORD, PASSWORD),
                PASSWORD))
                .isInstanceOf(CredentialLoadException.class).hasMessageContaining("does not match the certificate");
    }

    @Test
    void refusesAChainThatStartsWithItsCa() {
        assertThatThrownBy(() -> ServerCredentials.fromPem(ServerCredentials.privateKeyPem(issued.key()),
                Certificates.toPem(List.of(ca.certificate(), issued.certificate()))))
                .isInstanceOf(CredentialLoadException.class)
                .hasMessage("the chain is out of order: the key belongs to certificate 2 of 2 (subject CN=a.example);"
                        + " the server's certificate comes first, then each certificate's issuer");
    }

    @Test
    void refusesAChainWhoseNextCertificateIsNotTheIssuer() {
        TestPki other = TestPki.create("Other CA");

        assertThatThrownBy(() -> ServerCredentials.fromPem(ServerCredentials.privateKeyPem(issued.key()),
                Certificates.toPem(List.of(issued.certificate(), other.certificate()))))
                .isInstanceOf(CredentialLoadException.class)
                .hasMessage("the chain is out of order: certificate 1 (subject CN=a.example) is issued by CN=Loader CA,"
                        + " but certificate 2 is subject CN=Other CA; the server's certificate comes first, then each"
                        + " certificate's issuer");
    }

    @Test
    void refusesAnIssuerOfTheSameNameWithAnotherKey() {
        TestPki sameName = TestPki.create("Loader CA");

        assertThatThrownBy(() -> ServerCredentials.fromPem(ServerCredentials.privateKeyPem(issued.key()),
                Certificates.toPem(List.of(issued.certificate(), sameName.certificate()))))
                .isInstanceOf(CredentialLoadException.class)
                .hasMessageContaining("certificate 1 (subject CN=a.example) is not signed by the key of certificate 2");
    }

    @Test
    void acceptsASelfSignedCertificateAlone() {
        ServerCredential selfSigned = ca.leaf("a.example").dns("a.example").selfSigned().issue();

        assertThat(ServerCredentials.fromPem(ServerCredentials.privateKeyPem(selfSigned.key()),
                Certificates.toPem(selfSigned.chain())).chain()).containsExactly(selfSigned.certificate());
    }

    @Test
    void tellsRsaKeysApartByTheirModulus() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair one = generator.generateKeyPair();
        KeyPair two = generator.generateKeyPair();

        assertThat(ServerCredentials.matches(one.getPrivate(), one.getPublic())).isTrue();
        assertThat(ServerCredentials.matches(one.getPrivate(), two.getPublic())).isFalse();
        assertThat(ServerCredentials.matches(one.getPrivate(), issued.certificate().getPublicKey())).isFalse();
        assertThat(ServerCredentials.matches(issued.key(), one.getPublic())).isFalse();
    }

    @Test
    void namesTheFilesWhenReadingFromFiles(@TempDir Path dir) throws Exception {
        Path key = Files.writeString(dir.resolve("server.key"), ServerCredentials.privateKeyPem(issued.key()));
        Path chain = Files.writeString(dir.resolve("chain.pem"), Certificates.toPem(ca.certificate()));
        Path p12 = Files.write(dir.resolve("server.p12"), pkcs12(issued.key(), issued.chain(), PASSWORD, PASSWORD));

        assertThatThrownBy(() -> ServerCredentials.fromPem(key, chain)).hasMessageStartingWith(key + ", " + chain + ": ");
        assertThatThrownBy(() -> ServerCredentials.fromPkcs12(p12, "no".toCharArray()))
                .hasMessage(p12 + ": the PKCS#12 key store cannot be opened: wrong password");
    }

    private static byte[] pkcs12(PrivateKey key, List<X509Certificate> chain, char[] keyPassword, char[] storePassword)
            throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("server", key, keyPassword, chain.toArray(Certificate[]::new));
        return stored(store, storePassword);
    }

    private static byte[] stored(KeyStore store, char[] password) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = bytes) {
            store.store(out, password);
        }
        return bytes.toByteArray();
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
