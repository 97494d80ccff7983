package dev.parley.domain.model.certificate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.xmpp.testing.TestPki;
import dev.parley.xmpp.tls.ServerCredential;
import org.junit.jupiter.api.Test;

/** The one text the key and chain are sealed as. */
class CredentialPemTest {

    private final ServerCredential credential = TestPki.create("Pem CA").leaf("parley.test").dns("parley.test").issue();

    @Test
    void readsBackWhatItWrote() {
        String text = CredentialPem.of(credential).text();

        assertThat(text).startsWith("-----BEGIN PRIVATE KEY-----").contains("-----BEGIN CERTIFICATE-----");
        ServerCredential again = CredentialPem.parse(text).credential();
        assertThat(again.chain()).isEqualTo(credential.chain());
        assertThat(again.key().getEncoded()).isEqualTo(credential.key().getEncoded());
    }

    @Test
    void neverShowsTheKey() {
        CredentialPem pem = CredentialPem.of(credential);

        assertThat(pem.toString()).doesNotContain("PRIVATE KEY").doesNotContain(pem.privateKeyPem())
                .contains("BEGIN CERTIFICATE");
    }

    @Test
    void refusesATextWithoutKey() {
        assertThatThrownBy(() -> CredentialPem.parse("-----BEGIN CERTIFICATE-----")).isInstanceOf(IllegalArgumentException.class);
    }
}
