package dev.parley.domain.model.stanza;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.xmpp.stanza.StanzaErrorCondition;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

class StanzaBounceTest {

    @Test
    void returnsTheStanzaToItsSenderWithTheCondition() throws Exception {
        StanzaEnvelope sent = StanzaXml.parse("<message xmlns='jabber:client' from='alice@parley.example/desk'"
                + " to='bob@remote.example' type='chat' id='m1'><body>Hi</body></message>");

        StanzaEnvelope bounce = StanzaBounce.of(sent, StanzaErrorCondition.SERVICE_UNAVAILABLE, "federation is off");

        assertThat(bounce.from()).isEqualTo("bob@remote.example");
        assertThat(bounce.to()).isEqualTo("alice@parley.example/desk");
        assertThat(bounce.type()).isEqualTo("error");
        assertThat(bounce.id()).isEqualTo("m1");
        StanzaEnvelope reparsed = StanzaXml.parse(bounce.xml());
        assertThat(reparsed).isEqualTo(bounce);

        Element root = StanzaXml.parseElement(bounce.xml()).getDocumentElement();
        assertThat(root.getElementsByTagNameNS("jabber:client", "body").item(0).getTextContent()).isEqualTo("Hi");
        Element error = (Element) root.getElementsByTagNameNS("jabber:client", "error").item(0);
        assertThat(error.getAttribute("type")).isEqualTo("cancel");
        assertThat(error.getElementsByTagNameNS(StanzaErrorCondition.NAMESPACE, "service-unavailable").getLength())
                .isEqualTo(1);
        assertThat(error.getElementsByTagNameNS(StanzaErrorCondition.NAMESPACE, "text").item(0).getTextContent())
                .isEqualTo("federation is off");
    }

    @Test
    void neverBouncesAnError() throws Exception {
        StanzaEnvelope error = StanzaXml.parse("<message from='a@x' to='b@y' type='error'/>");

        assertThatThrownBy(() -> StanzaBounce.of(error, StanzaErrorCondition.SERVICE_UNAVAILABLE, "x"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
