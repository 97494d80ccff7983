package dev.parley.xmpp.s2s;

import dev.parley.xmpp.stanza.StanzaErrorCondition;
import dev.parley.xmpp.xml.XmlElement;
import io.netty.channel.embedded.EmbeddedChannel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.InetAddress;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A stanza that no XML 1.0 stream can carry is refused by {@code send} and {@code submit}; one that reaches a link
 * anyway is bounced where it would be written, and the stanzas around it go on and are acknowledged.
 */
@Timeout(30)
class UnwritableStanzaTest {

    private static final Delivery ACKNOWLEDGED = new Delivery.Acknowledged();

    private final LoopbackDns dns = new LoopbackDns();
    private final Inbox inbox = new Inbox();
    private final EmbeddedLink embedded = new EmbeddedLink(new Bouncer(inbox), EmbeddedLink.config(),
            new EmbeddedChannel());
    private final OutboundLink link = embedded.link;
    @RegisterExtension
    final StartedEngines engines = new StartedEngines();

    private EngineConfig config() {
        return EngineConfig.of(InetAddress.getLoopbackAddress(), 0, Set.of("a.test"), dns, dns);
    }

    @Test
    void sendAndSubmitRefuseAStanzaWithACharacterXml10DoesNotAllow() {
        S2sEngine a = engines.start(config(), inbox);
        XmlElement bell = Stanzas.message("alice@a.test", "bob@b.test", "m1", "ding\u0001");
        String problem = "U+0001 in the text of <body/> cannot be written: XML 1.0 does not allow it";

        assertThatThrownBy(() -> a.send(bell)).isInstanceOf(IllegalArgumentException.class).hasMessage(problem);
        assertThatThrownBy(() -> a.submit(bell)).isInstanceOf(IllegalArgumentException.class).hasMessage(problem);
        assertThat(a.sessions()).as("nothing queued, nothing connected").isEmpty();
        assertThat(inbox.drain()).isEmpty();
    }

    @Test
    void aStanzaThatCannotBeWrittenIsBouncedAndTheOthersAreWritten() {
        CompletableFuture<Delivery> first = new CompletableFuture<>();
        CompletableFuture<Delivery> third = new CompletableFuture<>();
        link.send("a.test", Outgoing.tracked(Stanzas.message("alice@a.test", "bob@b.test", "m1", "first"), first));
        link.send("a.test", Outgoing.of(Stanzas.message("alice@a.test/phone", "bob@b.test", "m2", "ding\u0001")));
        link.send("a.test", Outgoing.tracked(Stanzas.message("alice@a.test", "bob@b.test", "m3", "third"), third));

        embedded.authenticate();
        embedded.confirmAll();

        assertThat(first).isCompletedWithValue(ACKNOWLEDGED);
        assertThat(third).isCompletedWithValue(ACKNOWLEDGED);
        XmlElement bounce = inbox.drain().get(0);
        assertThat(bounce.attribute("id")).hasValue("m2");
        assertThat(bounce.attribute("to")).hasValue("alice@a.test/phone");
        assertThat(Stanzas.errorCondition(bounce)).isEqualTo("internal-server-error");
        assertThat(Stanzas.errorText(bounce))
                .isEqualTo("the stanza could not be written as XML: U+0001 cannot appear in XML");
        assertThat(embedded.writtenIds()).containsExactly("m1", "m3");
    }

    @Test
    void theLinkStillDrainsAfterAStanzaThatCannotBeWritten() {
        CompletableFuture<Delivery> bell = new CompletableFuture<>();
        link.send("a.test", Outgoing.tracked(Stanzas.message("alice@a.test", "bob@b.test", "m1", "\uFFFF"), bell));
        embedded.authenticate();
        embedded.confirmAll();
        assertThat(bell).isCompletedWithValue(new Delivery.Bounced(StanzaErrorCondition.INTERNAL_SERVER_ERROR,
                "the stanza could not be written as XML: U+FFFF cannot appear in XML"));

        CompletableFuture<Delivery> later = new CompletableFuture<>();
        link.send("a.test", Outgoing.tracked(Stanzas.message("alice@a.test", "bob@b.test", "m2", "later"), later));
        embedded.confirmAll();

        assertThat(later).isCompletedWithValue(ACKNOWLEDGED);
        assertThat(embedded.writtenIds()).containsExactly("m2");
    }

    @Test
    void aStanzaNestedTooDeeplyToWriteIsBouncedAndTheNextIsWritten() {
        XmlElement deep = XmlElement.empty("x", "urn:deep");
        for (int depth = 0; depth < 200_000; depth++) {
            deep = new XmlElement("x", "urn:deep", List.of(), List.of(deep));
        }
        XmlElement message = Stanzas.message("alice@a.test", "bob@b.test", "m1", "deep");
        CompletableFuture<Delivery> tooDeep = new CompletableFuture<>();
        CompletableFuture<Delivery> next = new CompletableFuture<>();
        link.send("a.test", Outgoing.tracked(new XmlElement("message", "jabber:server", message.attributes(),
                List.of(deep)), tooDeep));
        link.send("a.test", Outgoing.tracked(Stanzas.message("alice@a.test", "bob@b.test", "m2", "flat"), next));

        embedded.authenticate();
        embedded.confirmAll();

        assertThat(tooDeep).isCompletedWithValue(new Delivery.Bounced(StanzaErrorCondition.INTERNAL_SERVER_ERROR,
                "the stanza could not be written as XML: it is nested too deeply"));
        assertThat(next).isCompletedWithValue(ACKNOWLEDGED);
    }
}
