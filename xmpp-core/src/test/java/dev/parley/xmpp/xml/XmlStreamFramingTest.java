package dev.parley.xmpp.xml;

import dev.parley.xmpp.xml.XmlStreamEvent.ElementReceived;
import dev.parley.xmpp.xml.XmlStreamEvent.StreamClosed;
import dev.parley.xmpp.xml.XmlStreamEvent.StreamOpened;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class XmlStreamFramingTest {

    private static final String STANZA = "<message to='a@example.com' type='chat' xml:lang='de'>"
            + "<body>Tom &amp; Jerry &lt;3 &#x263A; <![CDATA[<raw>]]></body><x xmlns='urn:x'><y/></x></message>";

    @Test
    void emitsStreamOpenedWithHeaderAttributesAndNamespaces() {
        List<XmlStreamEvent> events = new DecoderHarness().feed(DecoderHarness.header());

        assertThat(events).singleElement().isInstanceOfSatisfying(StreamOpened.class, opened -> {
            assertThat(opened.name()).isEqualTo("stream");
            assertThat(opened.namespace()).isEqualTo("http://etherx.jabber.org/streams");
            assertThat(opened.namespaceDeclarations()).isEqualTo(Map.of(
                    "", "jabber:server", "stream", "http://etherx.jabber.org/streams"));
            assertThat(opened.attribute("to")).hasValue("example.com");
            assertThat(opened.attribute("from")).hasValue("remote.example");
            assertThat(opened.attribute("version")).hasValue("1.0");
            assertThat(opened.attribute("id")).isEmpty();
        });
    }

    @Test
    void emitsEachStanzaAsImmutableElementTree() {
        List<XmlStreamEvent> events = new DecoderHarness().feed(DecoderHarness.header() + STANZA);

        assertThat(events).hasSize(2);
        XmlElement message = ((ElementReceived) events.get(1)).element();
        assertThat(message.name()).isEqualTo("message");
        assertThat(message.namespace()).isEqualTo("jabber:server");
        assertThat(message.attributes()).containsExactly(
                XmlAttribute.of("to", "a@example.com"), XmlAttribute.of("type", "chat"),
                new XmlAttribute(XmlAttribute.XML_NAMESPACE, "lang", "de"));
        assertThat(message.elements()).extracting(XmlElement::name).containsExactly("body", "x");
        assertThat(message.elements().get(0).text()).isEqualTo("Tom & Jerry <3 \u263A <raw>");
        assertThat(message.elements().get(0).children()).hasSize(1);
        XmlElement extension = message.elements().get(1);
        assertThat(extension.namespace()).isEqualTo("urn:x");
        assertThat(extension.elements()).singleElement().isEqualTo(XmlElement.empty("y", "urn:x"));
    }

    @Test
    void decodesTheSameEventsWhenBytesArriveOneAtATime() {
        String stream = DecoderHarness.header() + " " + STANZA + "\n<presence/></stream:stream>";

        List<XmlStreamEvent> whole = new DecoderHarness().feed(stream);
        List<XmlStreamEvent> trickled = new DecoderHarness().feed(stream, 1);

        assertThat(whole).hasSize(4).last().isEqualTo(StreamClosed.INSTANCE);
        assertThat(trickled).isEqualTo(whole);
    }

    @Test
    void keepsMultiByteCharactersSplitAcrossReads() {
        String stream = DecoderHarness.header() + "<message><body>Grüße 😀 中文</body></message>";

        for (int bytesPerRead = 1; bytesPerRead <= 4; bytesPerRead++) {
            List<XmlStreamEvent> events = new DecoderHarness().feed(stream, bytesPerRead);

            XmlElement message = ((ElementReceived) events.get(1)).element();
            assertThat(message.elements().get(0).text()).isEqualTo("Grüße 😀 中文");
        }
    }

    @Test
    void dropsWhitespaceKeepalivesBetweenStanzas() {
        List<XmlStreamEvent> events = new DecoderHarness().feed(DecoderHarness.header() + " \n <iq/>\t \r\n<iq/> ");

        assertThat(events).hasSize(3).filteredOn(ElementReceived.class::isInstance).hasSize(2);
    }

    @Test
    void emitsStreamClosedAndIgnoresEverythingAfterIt() {
        DecoderHarness decoder = new DecoderHarness();

        List<XmlStreamEvent> events = decoder.feed(DecoderHarness.header() + "</stream:stream><message/>not even xml <<<");

        assertThat(events).hasSize(2).last().isEqualTo(StreamClosed.INSTANCE);
        assertThat(decoder.feed("<more/>")).isEmpty();
    }

    @Test
    void keepsParserStatePerChannel() {
        DecoderHarness first = new DecoderHarness();
        DecoderHarness second = new DecoderHarness();
        first.feed(DecoderHarness.header() + "<message><bo");
        second.feed(DecoderHarness.header() + "<iq type='get'><pi");

        List<XmlStreamEvent> fromFirst = first.feed("dy>one</body></message>");
        List<XmlStreamEvent> fromSecond = second.feed("ng xmlns='urn:xmpp:ping'/></iq>");

        assertThat(fromFirst).singleElement().extracting(event -> ((ElementReceived) event).element().name()).isEqualTo("message");
        assertThat(fromSecond).singleElement().extracting(event -> ((ElementReceived) event).element().elements().get(0).namespace())
                .isEqualTo("urn:xmpp:ping");
    }
}
