package dev.parley.domain.model.stanza;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.parley.xmpp.xml.NamespaceScope;
import dev.parley.xmpp.xml.XmlAttribute;
import dev.parley.xmpp.xml.XmlElement;
import dev.parley.xmpp.xml.XmlNode;
import dev.parley.xmpp.xml.XmlText;
import dev.parley.xmpp.xml.XmlWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * An element from the engine gets the envelope, or the refusal, that its XML text gets from {@link StanzaXml#parse}:
 * the engine's path checks the element without parsing it again, and must not let through what the text's would not.
 */
class StanzaElementsTest {

    static Stream<XmlElement> stanzas() {
        return Stream.of(
                stanza("message", List.of(attribute("from", "alice@remote.example/desk"),
                        attribute("to", "bob@parley.example"), attribute("type", "chat"), attribute("id", "m1")),
                        List.of(new XmlElement("body", StanzaElements.SERVER_NAMESPACE, List.of(),
                                List.of(new XmlText("Hi & <bye>"))))),
                stanza("presence", List.of(attribute("from", "alice@remote.example"),
                        attribute("to", "bob@parley.example")), List.of()),
                stanza("iq", List.of(attribute("from", "remote.example"), attribute("to", "parley.example"),
                        attribute("type", "get"), attribute("id", "v1")),
                        List.of(XmlElement.empty("query", "jabber:iq:version"))),
                stanza("message", List.of(attribute("from", "bücher.example"), attribute("to", "bob@parley.example"),
                        new XmlAttribute(XmlAttribute.XML_NAMESPACE, "lang", "de")), List.of()));
    }

    @ParameterizedTest
    @MethodSource("stanzas")
    void anElementGetsTheEnvelopeOfItsText(XmlElement element) throws Exception {
        StanzaEnvelope envelope = StanzaElements.toEnvelope(element);

        assertThat(envelope).isEqualTo(StanzaXml.parse(text(element)));
    }

    static Stream<XmlElement> refused() {
        List<XmlAttribute> addressed = List.of(attribute("from", "alice@remote.example"),
                attribute("to", "bob@parley.example"));
        return Stream.of(
                stanza("message", List.of(attribute("to", "bob@parley.example")), List.of()),
                stanza("message", List.of(attribute("from", "alice@remote.example")), List.of()),
                stanza("message", List.of(attribute("from", "alice @remote.example"),
                        attribute("to", "bob@parley.example")), List.of()),
                stanza("message", with(addressed, attribute("type", "shout")), List.of()),
                stanza("iq", addressed, List.of()),
                stanza("presence", with(addressed, attribute("id", "x".repeat(1025))), List.of()),
                stanza("stream", addressed, List.of()),
                new XmlElement("message", "urn:example:not-a-stanza", addressed, List.of()),
                stanza("message", addressed, List.of(new XmlElement("body", StanzaElements.SERVER_NAMESPACE,
                        List.of(), List.of(new XmlText("x".repeat(StanzaXml.MAX_CHARS)))))));
    }

    @ParameterizedTest
    @MethodSource("refused")
    void anElementIsRefusedWhereItsTextIs(XmlElement element) {
        InvalidStanzaException textRefused = catchThrowableOfType(InvalidStanzaException.class,
                () -> StanzaXml.parse(text(element)));
        assertThat(textRefused).as("refused as text").isNotNull();

        assertThatThrownBy(() -> StanzaElements.toEnvelope(element)).isInstanceOf(InvalidStanzaException.class)
                .hasMessage(textRefused.getMessage());
    }

    private static String text(XmlElement element) {
        return XmlWriter.write(element, NamespaceScope.of(""));
    }

    private static XmlElement stanza(String name, List<XmlAttribute> attributes, List<XmlNode> children) {
        return new XmlElement(name, StanzaElements.SERVER_NAMESPACE, attributes, children);
    }

    private static XmlAttribute attribute(String name, String value) {
        return new XmlAttribute("", name, value);
    }

    private static List<XmlAttribute> with(List<XmlAttribute> attributes, XmlAttribute more) {
        List<XmlAttribute> all = new ArrayList<>(attributes);
        all.add(more);
        return all;
    }
}
