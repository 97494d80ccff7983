package dev.parley.xmpp.stanza;

import dev.parley.xmpp.xml.XmlAttribute;
import dev.parley.xmpp.xml.XmlElement;
import dev.parley.xmpp.xml.XmlText;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Reading the error a peer's error stanza carries (RFC 6120 §8.3), leniently. */
class StanzaErrorTest {

    @Test
    void readsTypeConditionAndTextOfAnErrorWritten() {
        XmlElement stanza = iqError(StanzaError.of(StanzaErrorCondition.SERVICE_UNAVAILABLE, "no pings here").toElement());

        assertThat(StanzaError.in(stanza)).hasValue(new StanzaError(StanzaErrorType.CANCEL,
                StanzaErrorCondition.SERVICE_UNAVAILABLE, Optional.of("no pings here")));
    }

    @Test
    void takesAnUnknownConditionAsUndefinedAndAMissingTypeAsTheConditionsUsualOne() {
        XmlElement error = new XmlElement("error", "jabber:server", List.of(), List.of(
                XmlElement.empty("no-such-condition", StanzaErrorCondition.NAMESPACE)));

        assertThat(StanzaError.in(iqError(error))).hasValue(new StanzaError(StanzaErrorType.CANCEL,
                StanzaErrorCondition.UNDEFINED_CONDITION, Optional.empty()));
        XmlElement waiting = new XmlElement("error", "jabber:server", List.of(XmlAttribute.of("type", "bogus")), List.of(
                XmlElement.empty("remote-server-timeout", StanzaErrorCondition.NAMESPACE),
                new XmlElement("text", StanzaErrorCondition.NAMESPACE, List.of(), List.of(new XmlText("later")))));
        assertThat(StanzaError.in(iqError(waiting))).hasValue(new StanzaError(StanzaErrorType.WAIT,
                StanzaErrorCondition.REMOTE_SERVER_TIMEOUT, Optional.of("later")));
    }

    @Test
    void findsNoErrorInAStanzaWithoutOne() {
        assertThat(StanzaError.in(new XmlElement("iq", "jabber:server", List.of(XmlAttribute.of("type", "error")),
                List.of()))).isEmpty();
    }

    private static XmlElement iqError(XmlElement error) {
        return new XmlElement("iq", "jabber:server", List.of(XmlAttribute.of("type", "error"),
                XmlAttribute.of("id", "ping-1")), List.of(error));
    }
}
