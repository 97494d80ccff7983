package dev.parley.xmpp.sm;

import dev.parley.xmpp.xml.XmlAttribute;
import dev.parley.xmpp.xml.XmlElement;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class StreamManagementTest {

    private static XmlElement acknowledgement(String h) {
        return new XmlElement("a", StreamManagement.NAMESPACE, List.of(XmlAttribute.of("h", h)), List.of());
    }

    @Test
    void hIsAnUnsigned32BitNumber() {
        assertThat(StreamManagement.handled(acknowledgement("4294967295"))).hasValue(4_294_967_295L);
        assertThat(StreamManagement.handled(acknowledgement("0"))).hasValue(0);
        assertThat(StreamManagement.handled(acknowledgement("4294967296"))).isEmpty();
        assertThat(StreamManagement.handled(acknowledgement("-1"))).isEmpty();
        assertThat(StreamManagement.handled(acknowledgement("many"))).isEmpty();
        assertThat(StreamManagement.handled(XmlElement.empty("a", StreamManagement.NAMESPACE))).isEmpty();
    }

    @Test
    void aWrappedHCountsFromTheStanzasSent() {
        long wrap = 1L << 32;
        assertThat(StreamManagement.unwrap(5, 5)).isEqualTo(5);
        assertThat(StreamManagement.unwrap(5, 3)).isEqualTo(3);
        assertThat(StreamManagement.unwrap(wrap + 3, 2)).isEqualTo(wrap + 2);
        assertThat(StreamManagement.unwrap(wrap + 3, 4_294_967_295L)).isEqualTo(wrap - 1);
        assertThat(StreamManagement.unwrap(5, 7)).as("more than sent: behind any count already taken").isNegative();
    }

    @Test
    void theFeatureIsFoundAmongOthers() {
        XmlElement features = new XmlElement("features", "http://etherx.jabber.org/streams", List.of(),
                List.of(XmlElement.empty("dialback", "urn:xmpp:features:dialback"), StreamManagement.feature()));
        XmlElement without = new XmlElement("features", "http://etherx.jabber.org/streams", List.of(),
                List.of(XmlElement.empty("sm", "urn:xmpp:sm:2")));

        assertThat(StreamManagement.offered(features)).isTrue();
        assertThat(StreamManagement.offered(without)).as("version 2 is not spoken").isFalse();
    }
}
