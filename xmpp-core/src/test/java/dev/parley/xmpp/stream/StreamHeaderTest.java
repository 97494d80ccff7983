package dev.parley.xmpp.stream;

import dev.parley.xmpp.testing.StreamTranscript;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class StreamHeaderTest {

    @Test
    void rendersResponseHeaderWithXmlDeclarationNamespacesAndAttributes() {
        StreamHeader header = new StreamHeader(Optional.of("example.com"), Optional.of("remote.example"),
                Optional.of("c2f3"), Optional.of(StreamVersion.V1_0), Optional.of("en"), XmppNamespaces.SERVER);

        String rendered = header.render();

        assertThat(rendered).startsWith("<?xml version='1.0'?><stream:stream xmlns='jabber:server'"
                + " xmlns:stream='http://etherx.jabber.org/streams' ").endsWith(">").doesNotEndWith("/>");
        StreamTranscript parsed = StreamTranscript.parse(rendered);
        assertThat(parsed.defaultNamespace()).isEqualTo("jabber:server");
        assertThat(parsed.header("from")).hasValue("example.com");
        assertThat(parsed.header("to")).hasValue("remote.example");
        assertThat(parsed.header("id")).hasValue("c2f3");
        assertThat(parsed.header("version")).hasValue("1.0");
        assertThat(parsed.lang()).hasValue("en");
        assertThat(parsed.closed()).isFalse();
    }

    @Test
    void leavesAbsentAttributesOut() {
        StreamHeader header = new StreamHeader(Optional.empty(), Optional.empty(), Optional.of("1"),
                Optional.empty(), Optional.empty(), XmppNamespaces.SERVER);

        StreamTranscript parsed = StreamTranscript.parse(header.render());

        assertThat(parsed.header("from")).isEmpty();
        assertThat(parsed.header("to")).isEmpty();
        assertThat(parsed.header("version")).isEmpty();
        assertThat(parsed.lang()).isEmpty();
    }

    @Test
    void escapesAttributeValuesFromThePeer() {
        StreamHeader header = new StreamHeader(Optional.empty(), Optional.of("x' evil='1"), Optional.empty(),
                Optional.empty(), Optional.empty(), XmppNamespaces.SERVER);

        StreamTranscript parsed = StreamTranscript.parse(header.render());

        assertThat(parsed.header("to")).hasValue("x' evil='1");
        assertThat(parsed.header("evil")).isEmpty();
    }
}
