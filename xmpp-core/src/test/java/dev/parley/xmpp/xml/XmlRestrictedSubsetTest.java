package dev.parley.xmpp.xml;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** RFC 6120 §11.1: no DTD, comments, processing instructions or entities beyond the predefined five. */
class XmlRestrictedSubsetTest {

    private static final String STREAM_OPEN = "<stream:stream xmlns='jabber:server'"
            + " xmlns:stream='http://etherx.jabber.org/streams' to='example.com' version='1.0'>";

    private static final String BILLION_LAUGHS = "<?xml version='1.0'?><!DOCTYPE stream:stream ["
            + "<!ENTITY lol 'lol'>"
            + "<!ENTITY lol1 '&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;'>"
            + "<!ENTITY lol2 '&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;'>"
            + "<!ENTITY lol3 '&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;'>"
            + "<!ENTITY lol4 '&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;'>"
            + "<!ENTITY lol5 '&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;'>"
            + "<!ENTITY lol6 '&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;'>"
            + "<!ENTITY lol7 '&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;'>"
            + "<!ENTITY lol8 '&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;'>"
            + "<!ENTITY lol9 '&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;'>"
            + "]>" + STREAM_OPEN + "<message><body>&lol9;</body></message>";

    @Test
    void rejectsDoctypeWithRestrictedXml() {
        assertViolation(new DecoderHarness(), "<?xml version='1.0'?><!DOCTYPE stream:stream>" + STREAM_OPEN, 1000);
    }

    @Test
    void rejectsDoctypeWithInternalSubsetWithRestrictedXml() {
        assertViolation(new DecoderHarness(), "<!DOCTYPE stream:stream [<!ELEMENT stream:stream ANY>]>" + STREAM_OPEN, 1000);
    }

    @Test
    @Timeout(5)
    void rejectsBillionLaughsWithRestrictedXmlWithoutExpandingEntities() {
        assertViolation(new DecoderHarness(), BILLION_LAUGHS, 1000);
    }

    @Test
    @Timeout(5)
    void rejectsBillionLaughsWithRestrictedXmlWhenFedOneByteAtATime() {
        assertViolation(new DecoderHarness(), BILLION_LAUGHS, 1);
    }

    @Test
    void rejectsExternalEntityWithRestrictedXml() {
        String xxe = "<?xml version='1.0'?><!DOCTYPE stream:stream [<!ENTITY xxe SYSTEM 'file:///etc/passwd'>]>"
                + STREAM_OPEN + "<message><body>&xxe;</body></message>";

        assertViolation(new DecoderHarness(), xxe, 1000);
    }

    @Test
    void rejectsUndeclaredEntityReferenceInTextWithRestrictedXml() {
        assertViolation(new DecoderHarness(), STREAM_OPEN + "<message><body>&lol9;</body></message>", 1000);
    }

    @Test
    void rejectsProcessingInstructionWithRestrictedXml() {
        assertViolation(new DecoderHarness(), STREAM_OPEN + "<?xml-stylesheet href='x.xsl'?>", 1000);
    }

    @Test
    void rejectsProcessingInstructionInPrologWithRestrictedXml() {
        assertViolation(new DecoderHarness(), "<?xml version='1.0'?><?evil?>" + STREAM_OPEN, 1000);
    }

    @Test
    void rejectsCommentWithRestrictedXml() {
        assertViolation(new DecoderHarness(), STREAM_OPEN + "<message><!-- hidden --></message>", 1000);
    }

    @Test
    void acceptsPredefinedEntitiesAndCharacterReferences() {
        var events = new DecoderHarness().feed(STREAM_OPEN
                + "<message id='&quot;&apos;'><body>&lt;&gt;&amp;&quot;&apos;&#65;&#x42;</body></message>");

        XmlElement message = ((XmlStreamEvent.ElementReceived) events.get(1)).element();
        assertThat(message.attribute("id")).hasValue("\"'");
        assertThat(message.elements().get(0).text()).isEqualTo("<>&\"'AB");
    }

    private static void assertViolation(DecoderHarness decoder, String xml, int bytesPerRead) {
        assertThatThrownBy(() -> decoder.feed(xml, bytesPerRead))
                .isInstanceOfSatisfying(XmlViolationException.class,
                        e -> assertThat(e.violation()).isEqualTo(XmlViolation.RESTRICTED_XML));
        assertThat(decoder.events()).noneMatch(XmlStreamEvent.ElementReceived.class::isInstance);
    }
}
