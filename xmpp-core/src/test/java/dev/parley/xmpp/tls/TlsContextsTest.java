package dev.parley.xmpp.tls;

import dev.parley.xmpp.testing.TestPki;
import io.netty.buffer.ByteBufAllocator;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TlsContextsTest {

    private static final TestPki CA = TestPki.create("TLS Contexts Test CA");

    @Test
    void enablesTls12And13WithForwardSecretAeadSuitesOnly() {
        TlsContexts contexts = TlsContexts.create(TlsConfig.of(TlsPolicy.REQUIRED_VALID_CERT,
                CA.leaf("a.test").dns("a.test").issue(), List.of("a.test")));

        var engine = contexts.newClientHandler(ByteBufAllocator.DEFAULT, "a.test", "b.test", 5269).engine();

        assertThat(engine.getEnabledProtocols()).containsExactlyInAnyOrder("TLSv1.3", "TLSv1.2");
        assertThat(engine.getEnabledCipherSuites()).containsExactlyInAnyOrderElementsOf(TlsContexts.CIPHER_SUITES)
                .allSatisfy(suite -> assertThat(suite).doesNotContain("CBC").doesNotStartWith("TLS_RSA_")
                        .doesNotStartWith("TLS_DHE_").matches("TLS_(AES|CHACHA20)_.*|TLS_ECDHE_.*_(GCM_SHA\\d+|POLY1305_SHA256)"));
    }
}
