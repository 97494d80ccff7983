package dev.parley.xmpp.stanza;

import dev.parley.xmpp.xml.XmlAttribute;
import dev.parley.xmpp.xml.XmlElement;
import dev.parley.xmpp.xml.XmlText;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** RFC 6120 §8.3.1: error replies to undeliverable stanzas. */
class BouncesTest {

    private static final XmlElement BODY = new XmlElement("body", "jabber:server", List.of(), List.of(new XmlText("hi")));

    private static XmlElement message(String type) {
        return new XmlElement("message", "jabber:server", List.of(XmlAttribute.of("from", "alice@a.test/phone"),
                XmlAttribute.of("to", "bob@b.test"), XmlAttribute.of("id", "m1"), XmlAttribute.of("type", type)),
                List.of(BODY));
    }

    @Test
    void repliesToTheSenderWithSameIdOriginalChildrenAndTheError() {
        XmlElement reply = Bounces.reply(message("chat"),
                StanzaError.of(StanzaErrorCondition.REMOTE_SERVER_NOT_FOUND, "b.test does not exist")).orElseThrow();

        assertThat(reply.attribute("from")).hasValue("bob@b.test");
        assertThat(reply.attribute("to")).hasValue("alice@a.test/phone");
        assertThat(reply.attribute("id")).hasValue("m1");
        assertThat(reply.attribute("type")).hasValue("error");
        assertThat(reply.elements()).first().isEqualTo(BODY);
        XmlElement error = reply.elements().get(1);
        assertThat(error.name()).isEqualTo("error");
        assertThat(error.attribute("type")).hasValue("cancel");
        assertThat(error.elements()).extracting(XmlElement::name).containsExactly("remote-server-not-found", "text");
        assertThat(error.elements().get(1).text()).isEqualTo("b.test does not exist");
    }

    @Test
    void usesWaitForTimeouts() {
        XmlElement reply = Bounces.reply(message("chat"),
                StanzaError.of(StanzaErrorCondition.REMOTE_SERVER_TIMEOUT, "no answer")).orElseThrow();

        assertThat(reply.elements().get(1).attribute("type")).hasValue("wait");
    }

    @Test
    void neverRepliesToAnError() {
        assertThat(Bounces.reply(message("error"), StanzaError.of(StanzaErrorCondition.REMOTE_SERVER_NOT_FOUND, "x"))).isEmpty();
    }
}
