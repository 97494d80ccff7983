package dev.parley.domain.model.stanza;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.xmpp.xml.XmlAttribute;
import dev.parley.xmpp.xml.XmlElement;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A stanza the application cannot take is answered with bad-request and the reason, without its payload. */
class InboundRefusalTest {

    private static final String SERVER = "jabber:server";

    private static XmlElement stanza(String name, List<XmlAttribute> attributes) {
        return new XmlElement(name, SERVER, attributes, List.of(XmlElement.empty("query", "jabber:iq:private")));
    }

    @Test
    void anIqWithoutTypeGetsBadRequestWithTheReason() {
        XmlElement refused = stanza("iq", List.of(XmlAttribute.of("from", "tina@prosody.test/phone"),
                XmlAttribute.of("to", "alice@parley.test"), XmlAttribute.of("id", "x1")));

        StanzaEnvelope reply = InboundRefusal.reply(refused, "an iq needs a type").orElseThrow();

        assertThat(reply.kind()).isEqualTo(StanzaKind.IQ);
        assertThat(reply.type()).isEqualTo("error");
        assertThat(reply.from()).isEqualTo("alice@parley.test");
        assertThat(reply.to()).isEqualTo("tina@prosody.test/phone");
        assertThat(reply.id()).isEqualTo("x1");
        assertThat(reply.xml()).contains("bad-request").contains("this server could not take the stanza: an iq needs a"
                + " type").doesNotContain("jabber:iq:private");
    }

    @Test
    void anErrorIsNeverAnswered() {
        XmlElement error = stanza("message", List.of(XmlAttribute.of("from", "tina@prosody.test"),
                XmlAttribute.of("to", "alice@parley.test"), XmlAttribute.of("type", "error")));

        assertThat(InboundRefusal.reply(error, "whatever")).isEmpty();
    }
}
