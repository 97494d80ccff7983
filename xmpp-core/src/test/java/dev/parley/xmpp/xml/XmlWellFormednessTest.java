package dev.parley.xmpp.xml;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class XmlWellFormednessTest {

    @Test
    void rejectsInvalidUtf8AsNotWellFormed() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes((DecoderHarness.header() + "<message><body>").getBytes(StandardCharsets.UTF_8));
        bytes.writeBytes(new byte[]{(byte) 0xC3, (byte) 0x28}); // a lead byte followed by no continuation byte
        bytes.writeBytes("</body></message>".getBytes(StandardCharsets.UTF_8));

        assertViolation(XmlViolation.NOT_WELL_FORMED, () -> new DecoderHarness().feed(bytes.toByteArray(), 1));
    }

    @Test
    void rejectsOverlongUtf8AsNotWellFormed() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes((DecoderHarness.header() + "<message><body>").getBytes(StandardCharsets.UTF_8));
        bytes.writeBytes(new byte[]{(byte) 0xC0, (byte) 0xBC}); // '<' encoded in two bytes
        bytes.writeBytes("</body></message>".getBytes(StandardCharsets.UTF_8));

        assertViolation(XmlViolation.NOT_WELL_FORMED, () -> new DecoderHarness().feed(bytes.toByteArray(), 1000));
    }

    @Test
    void rejectsMismatchedEndTagAsNotWellFormed() {
        assertViolation(XmlViolation.NOT_WELL_FORMED,
                () -> new DecoderHarness().feed(DecoderHarness.header() + "<message><body></message>"));
    }

    @Test
    void rejectsGarbageInsteadOfHeaderAsNotWellFormed() {
        assertViolation(XmlViolation.NOT_WELL_FORMED, () -> new DecoderHarness().feed("GET / HTTP/1.1\r\n\r\n"));
    }

    @Test
    void rejectsUndeclaredEntityInAttributeValueAsNotWellFormed() {
        // Aalto reports it as a violation of XML's "Entity Declared" constraint, which it is.
        assertViolation(XmlViolation.NOT_WELL_FORMED,
                () -> new DecoderHarness().feed(DecoderHarness.header() + "<message to='&evil;'/>"));
    }

    @Test
    void rejectsEncodingOtherThanUtf8WithUnsupportedEncoding() {
        assertViolation(XmlViolation.UNSUPPORTED_ENCODING,
                () -> new DecoderHarness().feed("<?xml version='1.0' encoding='ISO-8859-1'?><stream:stream/>"));
    }

    @Test
    void acceptsUtf8EncodingDeclaration() {
        assertThat(new DecoderHarness().feed("<?xml version='1.0' encoding='utf-8'?>"
                + "<stream:stream xmlns:stream='http://etherx.jabber.org/streams'>")).hasSize(1);
    }

    @Test
    void rejectsTextDirectlyInsideTheStreamWithBadFormat() {
        assertViolation(XmlViolation.BAD_FORMAT, () -> new DecoderHarness().feed(DecoderHarness.header() + "hello<message/>"));
    }

    @Test
    void ignoresEverythingAfterAViolation() {
        DecoderHarness decoder = new DecoderHarness();
        assertViolation(XmlViolation.NOT_WELL_FORMED, () -> decoder.feed(DecoderHarness.header() + "<a></b></a>"));
        assertThat(decoder.events()).singleElement().isInstanceOf(XmlStreamEvent.StreamOpened.class);

        assertThat(decoder.feed("<message/></stream:stream>")).isEmpty();
    }

    private static void assertViolation(XmlViolation expected, Runnable decoding) {
        assertThatThrownBy(decoding::run).isInstanceOfSatisfying(XmlViolationException.class,
                e -> assertThat(e.violation()).isEqualTo(expected));
    }
}
