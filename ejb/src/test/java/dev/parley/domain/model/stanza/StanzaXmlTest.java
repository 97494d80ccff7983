package dev.parley.domain.model.stanza;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

class StanzaXmlTest {

    @Test
    void readsRoutingFactsFromTheStanza() throws Exception {
        StanzaEnvelope stanza = StanzaXml.parse(
                "<message xmlns='jabber:client' from='alice@parley.example/desk' to='bob@remote.example' type='chat' id='m1'>"
                        + "<body>Hi &amp; bye</body></message>");

        assertThat(stanza.kind()).isEqualTo(StanzaKind.MESSAGE);
        assertThat(stanza.from()).isEqualTo("alice@parley.example/desk");
        assertThat(stanza.to()).isEqualTo("bob@remote.example");
        assertThat(stanza.type()).isEqualTo("chat");
        assertThat(stanza.id()).isEqualTo("m1");
    }

    @Test
    void theTreeJustParsedIsReadOnceForThatEnvelopeOnly() throws Exception {
        StanzaEnvelope first = StanzaXml.parse(message("one"));
        StanzaEnvelope second = StanzaXml.parse(message("two"));

        assertThat(StanzaXml.takeParsedRoot(first).getTextContent()).as("not the tree of the later one").isEqualTo("one");
        StanzaXml.parse(second.xml());
        Element kept = StanzaXml.takeParsedRoot(second);
        assertThat(kept.getTextContent()).isEqualTo("two");
        assertThat(StanzaXml.takeParsedRoot(second)).as("read once, then parsed anew").isNotSameAs(kept);
        StanzaXml.parse(second.xml());
        assertThat(StanzaXml.takeParsedRoot(new StanzaEnvelope(second.kind(), second.from(), second.to(),
                second.type(), second.id(), new String(second.xml()))).getTextContent())
                .as("equal text in another string").isEqualTo("two");
    }

    private static String message(String body) {
        return "<message from='a@parley.example' to='b@remote.example' type='chat'><body>" + body + "</body></message>";
    }

    @Test
    void refusesEntityExpansion() {
        String billionLaughs = "<?xml version='1.0'?><!DOCTYPE m [<!ENTITY a 'aaaaaaaaaa'>"
                + "<!ENTITY b '&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;'><!ENTITY c '&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;'>]>"
                + "<message from='a@x' to='b@y'><body>&c;</body></message>";

        assertThatThrownBy(() -> StanzaXml.parse(billionLaughs))
                .isInstanceOf(InvalidStanzaException.class)
                .hasMessageContaining("DOCTYPE");
    }

    @Test
    void refusesXml11WhoseControlCharactersNoStreamMayCarry() {
        String xml11 = "<?xml version='1.1'?><message from='a@parley.example' to='b@remote.example' type='chat'>"
                + "<body>bell &#x7;</body></message>";

        assertThatThrownBy(() -> StanzaXml.parse(xml11))
                .isInstanceOf(InvalidStanzaException.class)
                .hasMessage("The stanza must be XML 1.0, not XML 1.1");
    }

    @Test
    void refusesWhatIsNoStanza() {
        assertThatThrownBy(() -> StanzaXml.parse("<stream:features xmlns:stream='http://etherx.jabber.org/streams'/>"))
                .hasMessage("<features/> is not a stanza: expected message, presence or iq");
        assertThatThrownBy(() -> StanzaXml.parse("<message from='a@x' to='b@y'"))
                .hasMessageStartingWith("The stanza is not well-formed or restricted XML");
        assertThatThrownBy(() -> StanzaXml.parse("  "))
                .hasMessage("The stanza is empty");
    }

    @Test
    void refusesStanzaWithoutAddresses() {
        assertThatThrownBy(() -> StanzaXml.parse("<message to='b@y'/>"))
                .hasMessage("The stanza has no 'from' address; Parley routes only addressed stanzas");
    }

    @Test
    void refusesTypesTheRfcDoesNotDefine() {
        assertThatThrownBy(() -> StanzaXml.parse("<iq from='a@x' to='b@y' id='1'/>"))
                .hasMessage("An <iq/> needs a type");
        assertThatThrownBy(() -> StanzaXml.parse("<message from='a@x' to='b@y' type='shout'/>"))
                .hasMessage("type='shout' is not allowed on <message/>");
    }

    @Test
    void refusesForeignNamespace() {
        assertThatThrownBy(() -> StanzaXml.parse("<message xmlns='urn:example' from='a@x' to='b@y'/>"))
                .hasMessageContaining("jabber:client or jabber:server");
    }

    @Test
    void refusesOversizedStanzaBeforeParsing() {
        String huge = "<message from='a@x' to='b@y'><body>" + "x".repeat(StanzaXml.MAX_CHARS) + "</body></message>";

        assertThatThrownBy(() -> StanzaXml.parse(huge)).hasMessageContaining("at most 262144 are accepted");
    }
}
