package dev.parley.domain.model.certificate;

import dev.parley.xmpp.tls.Certificates;
import dev.parley.xmpp.tls.ServerCredential;
import dev.parley.xmpp.tls.ServerCredentials;
import java.util.Objects;

/**
 * The server credential as the one text that is sealed and stored: the PKCS#8 private key PEM block, then the chain's
 * certificate blocks. Only ever held in memory in the clear; {@link #toString()} leaves the key out.
 *
 * @param privateKeyPem the {@code BEGIN PRIVATE KEY} block
 * @param chainPem      the {@code BEGIN CERTIFICATE} blocks, the server's first
 */
public record CredentialPem(String privateKeyPem, String chainPem) {

    private static final String KEY_END = "-----END PRIVATE KEY-----";

    public CredentialPem {
        Objects.requireNonNull(privateKeyPem, "privateKeyPem");
        Objects.requireNonNull(chainPem, "chainPem");
    }

    public static CredentialPem of(ServerCredential credential) {
        return new CredentialPem(ServerCredentials.privateKeyPem(credential.key()), Certificates.toPem(credential.chain()));
    }

    /**
     * Reads back what {@link #text()} wrote.
     *
     * @throws IllegalArgumentException when {@code text} is not such a text
     */
    public static CredentialPem parse(String text) {
        int keyEnd = text.indexOf(KEY_END);
        if (keyEnd < 0) {
            throw new IllegalArgumentException("the stored credential holds no private key");
        }
        int split = keyEnd + KEY_END.length();
        return new CredentialPem(text.substring(0, split) + "\n", text.substring(split).strip() + "\n");
    }

    /** The key, then the chain: the text to seal. */
    public String text() {
        return privateKeyPem + chainPem;
    }

    /** The key and chain, read and checked again. */
    public ServerCredential credential() {
        return ServerCredentials.fromPem(privateKeyPem, chainPem);
    }

    @Override
    public String toString() {
        return "CredentialPem[privateKeyPem=(not shown), chainPem=" + chainPem + "]";
    }
}
