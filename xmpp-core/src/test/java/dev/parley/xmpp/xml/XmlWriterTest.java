package dev.parley.xmpp.xml;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.xml.sax.InputSource;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.StringReader;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class XmlWriterTest {

    private static final NamespaceScope SERVER_STREAM = NamespaceScope.of("jabber:server")
            .withPrefix("stream", "http://etherx.jabber.org/streams");

    @Test
    void escapesTheFiveSpecialCharactersInTextAndAttributes() {
        String nasty = "a&b<c>d\"e'f";
        XmlElement element = new XmlElement("body", "jabber:server", List.of(XmlAttribute.of("id", nasty)),
                List.of(new XmlText(nasty)));

        String xml = XmlWriter.write(element, SERVER_STREAM);

        assertThat(xml).isEqualTo("<body id='a&amp;b&lt;c&gt;d&quot;e&apos;f'>a&amp;b&lt;c&gt;d&quot;e&apos;f</body>");
        Element parsed = parse(xml);
        assertThat(parsed.getAttribute("id")).isEqualTo(nasty);
        assertThat(parsed.getTextContent()).isEqualTo(nasty);
    }

    @Test
    void keepsWhitespaceInAttributesAndCarriageReturnsInText() {
        XmlElement element = new XmlElement("body", "", List.of(XmlAttribute.of("v", "a\tb\nc\rd")),
                List.of(new XmlText("line\r\nnext\ttab")));

        Element parsed = parse(XmlWriter.write(element, NamespaceScope.of("")));

        assertThat(parsed.getAttribute("v")).isEqualTo("a\tb\nc\rd");
        assertThat(parsed.getTextContent()).isEqualTo("line\r\nnext\ttab");
    }

    @Test
    void declaresNamespacesOnlyWhereTheyChange() {
        XmlElement iq = new XmlElement("iq", "jabber:server", List.of(XmlAttribute.of("type", "get")),
                List.of(new XmlElement("query", "http://jabber.org/protocol/disco#info", List.of(),
                        List.of(XmlElement.empty("feature", "http://jabber.org/protocol/disco#info")))));

        assertThat(XmlWriter.write(iq, SERVER_STREAM)).isEqualTo("<iq type='get'>"
                + "<query xmlns='http://jabber.org/protocol/disco#info'><feature/></query></iq>");
    }

    @Test
    void usesPrefixesBoundInScope() {
        XmlElement features = new XmlElement("features", "http://etherx.jabber.org/streams", List.of(),
                List.of(XmlElement.empty("starttls", "urn:ietf:params:xml:ns:xmpp-tls")));

        assertThat(XmlWriter.write(features, SERVER_STREAM))
                .isEqualTo("<stream:features><starttls xmlns='urn:ietf:params:xml:ns:xmpp-tls'/></stream:features>");
    }

    @Test
    void writesNamespacedAttributesWithPrefixes() {
        XmlElement element = new XmlElement("message", "jabber:server", List.of(
                new XmlAttribute(XmlAttribute.XML_NAMESPACE, "lang", "en"), new XmlAttribute("urn:ext", "flag", "1")), List.of());

        Element parsed = parse(XmlWriter.write(element, SERVER_STREAM));

        assertThat(parsed.getAttributeNS("http://www.w3.org/XML/1998/namespace", "lang")).isEqualTo("en");
        assertThat(parsed.getAttributeNS("urn:ext", "flag")).isEqualTo("1");
    }

    @Test
    void writesWhatTheDecoderReadsBackToTheSameTree() {
        XmlElement original = new XmlElement("message", "jabber:server",
                List.of(XmlAttribute.of("to", "juliet@capulet.example"), new XmlAttribute(XmlAttribute.XML_NAMESPACE, "lang", "en")),
                List.of(new XmlElement("body", "jabber:server", List.of(), List.of(new XmlText("<O Romeo & 'Juliet'>"))),
                        new XmlElement("x", "urn:x", List.of(XmlAttribute.of("a", "\"")), List.of(XmlElement.empty("y", "")))));
        DecoderHarness decoder = new DecoderHarness();
        decoder.feed(DecoderHarness.header());

        var events = decoder.feed(XmlWriter.write(original, SERVER_STREAM));

        assertThat(events).singleElement().isEqualTo(new XmlStreamEvent.ElementReceived(original));
    }

    @Test
    void refusesCharactersXmlCannotCarry() {
        XmlElement element = new XmlElement("body", "", List.of(), List.of(new XmlText("bell\u0007")));

        assertThatThrownBy(() -> XmlWriter.write(element, NamespaceScope.of("")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("U+0007");
    }

    private static Element parse(String xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            // Wrap so that prefixes bound by the surrounding stream are declared.
            Element wrapper = factory.newDocumentBuilder().parse(new InputSource(new StringReader(
                    "<w xmlns='jabber:server' xmlns:stream='http://etherx.jabber.org/streams'>" + xml + "</w>")))
                    .getDocumentElement();
            return (Element) wrapper.getFirstChild();
        } catch (Exception e) {
            throw new AssertionError("not well-formed: " + xml, e);
        }
    }
}
