package dev.parley.xmpp.stream;

import dev.parley.xmpp.testing.StreamTranscript;
import dev.parley.xmpp.xml.XmlViolation;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

import java.util.Arrays;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class StreamErrorTest {

    private static final StreamHeader HEADER = new StreamHeader(Optional.empty(), Optional.empty(), Optional.of("1"),
            Optional.of(StreamVersion.V1_0), Optional.empty(), XmppNamespaces.SERVER);

    @Test
    void rendersConditionAndTextInTheStreamErrorsNamespace() {
        String rendered = StreamError.of(StreamErrorCondition.HOST_UNKNOWN, "no such <domain> & more")
                .render(HEADER.scope());

        assertThat(rendered).isEqualTo("<stream:error><host-unknown xmlns='urn:ietf:params:xml:ns:xmpp-streams'/>"
                + "<text xmlns='urn:ietf:params:xml:ns:xmpp-streams' xml:lang='en'>no such &lt;domain&gt; &amp; more</text>"
                + "</stream:error>");
        StreamTranscript parsed = StreamTranscript.parse(HEADER.render() + rendered + "</stream:stream>");
        assertThat(parsed.errorCondition()).hasValue("host-unknown");
        Element text = (Element) parsed.children().get(0).getLastChild();
        assertThat(text.getNamespaceURI()).isEqualTo(XmppNamespaces.STREAM_ERRORS);
        assertThat(text.getTextContent()).isEqualTo("no such <domain> & more");
    }

    @Test
    void rendersConditionAloneWithoutText() {
        StreamTranscript parsed = StreamTranscript.parse(HEADER.render()
                + StreamError.of(StreamErrorCondition.SYSTEM_SHUTDOWN).render(HEADER.scope()) + "</stream:stream>");

        assertThat(parsed.errorCondition()).hasValue("system-shutdown");
        assertThat(parsed.children().get(0).getChildNodes().getLength()).isEqualTo(1);
    }

    @Test
    void knowsEveryConditionOfRfc6120() {
        assertThat(Arrays.stream(StreamErrorCondition.values()).map(StreamErrorCondition::elementName)).containsExactly(
                "bad-format", "bad-namespace-prefix", "conflict", "connection-timeout", "host-gone", "host-unknown",
                "improper-addressing", "internal-server-error", "invalid-from", "invalid-namespace", "invalid-xml",
                "not-authorized", "not-well-formed", "policy-violation", "remote-connection-failed", "reset",
                "resource-constraint", "restricted-xml", "see-other-host", "system-shutdown", "undefined-condition",
                "unsupported-encoding", "unsupported-feature", "unsupported-stanza-type", "unsupported-version");
    }

    @Test
    void mapsEveryXmlViolationToItsCondition() {
        assertThat(StreamErrorCondition.of(XmlViolation.NOT_WELL_FORMED)).isEqualTo(StreamErrorCondition.NOT_WELL_FORMED);
        assertThat(StreamErrorCondition.of(XmlViolation.RESTRICTED_XML)).isEqualTo(StreamErrorCondition.RESTRICTED_XML);
        assertThat(StreamErrorCondition.of(XmlViolation.POLICY_VIOLATION)).isEqualTo(StreamErrorCondition.POLICY_VIOLATION);
        assertThat(StreamErrorCondition.of(XmlViolation.UNSUPPORTED_ENCODING)).isEqualTo(StreamErrorCondition.UNSUPPORTED_ENCODING);
        assertThat(StreamErrorCondition.of(XmlViolation.BAD_FORMAT)).isEqualTo(StreamErrorCondition.BAD_FORMAT);
    }
}
