package dev.parley.xmpp.s2s;

import dev.parley.xmpp.xml.XmlAttribute;
import dev.parley.xmpp.xml.XmlElement;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Our pings awaiting answers: which answers are ours, and that a late one stays ours after nobody waits for it. */
class ServerPingsTest {

    private final ServerPings pings = new ServerPings();
    private final List<XmlElement> told = new ArrayList<>();

    @Test
    void handsAResultOrAnErrorFromThePingedDomainToWhoeverWaits() {
        String result = pings.register("a.test", "b.test", told::add);
        String error = pings.register("a.test", "b.test", told::add);

        assertThat(pings.answer(answer("result", result, "B.test", "a.test"))).isTrue();
        assertThat(pings.answer(answer("error", error, "b.test", "a.test"))).isTrue();

        assertThat(told).extracting(element -> element.attribute("type").orElseThrow()).containsExactly("result", "error");
    }

    @Test
    void leavesAnswersFromOtherDomainsOrToOtherDomainsToTheHost() {
        String id = pings.register("a.test", "b.test", told::add);

        assertThat(pings.answer(answer("result", id, "evil.test", "a.test"))).isFalse();
        assertThat(pings.answer(answer("result", id, "b.test", "other.test"))).isFalse();
        assertThat(pings.answer(answer("result", "ping-unknown", "b.test", "a.test"))).isFalse();
        assertThat(told).isEmpty();
    }

    @Test
    void takesTheLateAnswerToAnAbandonedPingWithoutTellingAnyone() {
        String id = pings.register("a.test", "b.test", told::add);

        pings.abandon(id);

        assertThat(pings.answer(answer("result", id, "b.test", "a.test"))).as("dropped, not handed to the host").isTrue();
        assertThat(told).isEmpty();
        assertThat(pings.answer(answer("result", id, "b.test", "a.test"))).as("only once").isFalse();
    }

    private static XmlElement answer(String type, String id, String from, String to) {
        return new XmlElement("iq", "jabber:server", List.of(XmlAttribute.of("type", type), XmlAttribute.of("id", id),
                XmlAttribute.of("from", from), XmlAttribute.of("to", to)), List.of());
    }
}
