package dev.parley.xmpp.tls;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class TlsConfigTest {

    private final TlsConfig config = new TlsConfig(Map.of(), List.of(), TlsPolicy.OPTIONAL,
            domain -> switch (domain) {
                case "strict.test" -> TlsPolicy.REQUIRED_VALID_CERT;
                case "xn--bcher-kva.test" -> TlsPolicy.REQUIRED_IGNORE_CERT_ERRORS;
                default -> null;
            });

    @ParameterizedTest
    @ValueSource(strings = {"strict.test", "STRICT.test", "strict.test.", "strict\u3002test", "strict\uFF0Etest",
            "\uFF53\uFF54\uFF52\uFF49\uFF43\uFF54.test"})
    void looksUpPolicyByCanonicalDomain(String spelling) {
        assertThat(config.policyFor(spelling)).isEqualTo(TlsPolicy.REQUIRED_VALID_CERT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"bücher.test", "BÜCHER.test", "xn--bcher-kva.test"})
    void looksUpPolicyOfInternationalizedDomainByItsALabel(String spelling) {
        assertThat(config.policyFor(spelling)).isEqualTo(TlsPolicy.REQUIRED_IGNORE_CERT_ERRORS);
    }
}
