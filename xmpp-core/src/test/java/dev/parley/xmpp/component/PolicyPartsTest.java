package dev.parley.xmpp.component;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.xmpp.s2s.DomainPolicy;
import dev.parley.xmpp.tls.TlsPolicy;
import dev.parley.xmpp.xml.XmlElement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PolicyPartsTest {

    @Test
    void aPolicyWithoutRulesIsOnePart() {
        ProxyPolicy none = new ProxyPolicy(TlsPolicy.OPTIONAL, DomainPolicy.none());
        List<XmlElement> parts = none.toElements();
        assertThat(parts).hasSize(1);
        assertThat(new PolicyParts().add(parts.get(0))).contains(none);
    }

    @Test
    void thePartsMakeThePolicyWhenTheLastArrives() {
        ProxyPolicy policy = policyOf(450);
        List<XmlElement> parts = policy.toElements();
        assertThat(parts).hasSize(3);
        PolicyParts assembly = new PolicyParts();

        assertThat(assembly.add(parts.get(0))).isEmpty();
        assertThat(assembly.add(parts.get(1))).isEmpty();
        assertThat(assembly.add(parts.get(2))).contains(policy);
        // A new policy starts from its first part again.
        assertThat(assembly.add(parts.get(0))).isEmpty();
    }

    @Test
    void aPartOutOfTurnIsRefused() {
        List<XmlElement> parts = policyOf(450).toElements();

        assertThatThrownBy(() -> new PolicyParts().add(parts.get(1))).hasMessageContaining("out of turn");
        PolicyParts skipping = new PolicyParts();
        skipping.add(parts.get(0));
        assertThatThrownBy(() -> skipping.add(parts.get(2))).hasMessageContaining("out of turn");
    }

    private static ProxyPolicy policyOf(int rules) {
        List<DomainPolicy.Rule> all = new ArrayList<>();
        for (int i = 0; i < rules; i++) {
            all.add(new DomainPolicy.Rule("d" + i + ".example", false, i % 3 != 0, Optional.empty()));
        }
        return new ProxyPolicy(TlsPolicy.REQUIRED_IGNORE_CERT_ERRORS, new DomainPolicy(all, true));
    }
}
