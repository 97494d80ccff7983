package dev.parley.xmpp.s2s;

import dev.parley.xmpp.sm.StreamManagement;
import dev.parley.xmpp.stanza.StanzaErrorCondition;
import dev.parley.xmpp.stream.XmppNamespaces;
import dev.parley.xmpp.xml.XmlAttribute;
import dev.parley.xmpp.xml.XmlElement;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.w3c.dom.Element;

import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * XEP-0198 on our outbound streams: where the remote server offers it, receipts are its {@code <a/>} on the same
 * connection instead of answers to pings, counted over every stanza written, whoever wrote it.
 */
@Timeout(30)
class OutboundStreamManagementTest {

    private static final Delivery ACKNOWLEDGED = new Delivery.Acknowledged();

    private final Inbox inbox = new Inbox();
    private final Inbox inboxB = new Inbox();
    private final LoopbackDns dns = new LoopbackDns();
    @RegisterExtension
    final StartedEngines engines = new StartedEngines();

    private static XmlElement acknowledgement(String h) {
        return new XmlElement("a", StreamManagement.NAMESPACE, List.of(XmlAttribute.of("h", h)), List.of());
    }

    private EmbeddedLink link(EngineConfig config) {
        return new EmbeddedLink(new Bouncer(inbox), config, EmbeddedLink.withStreamManagement());
    }

    /** A link that takes the remote server for dead when it leaves a request for a receipt unanswered for 2 s. */
    private EmbeddedLink linkWithTwoSecondReceipts() {
        return link(EmbeddedLink.config()
                .withHealth(SessionHealth.DEFAULTS.withPing(Duration.ofMinutes(5), Duration.ofSeconds(2))));
    }

    /** Authenticates the link's route (a stanza opened it), which enables stream management, and says enabled. */
    private static void enable(EmbeddedLink embedded) {
        embedded.authenticate(true);
        embedded.channel.runPendingTasks();
        embedded.receive(StreamManagement.enabled());
    }

    @Test
    void enabledBeforeTheFirstStanzaAndItsAcknowledgementsAreTheReceipts() {
        EmbeddedLink embedded = link(EmbeddedLink.config());
        CompletableFuture<Delivery> first = embedded.submit("m1");
        embedded.authenticate(true);
        embedded.channel.runPendingTasks();

        List<Element> written = embedded.written();
        assertThat(written).extracting(Element::getLocalName).containsSubsequence("enable", "message");
        assertThat(embedded.streamManagementWritten()).as("no request before the answer to enable").containsExactly("enable");

        embedded.receive(StreamManagement.enabled());
        assertThat(embedded.streamManagementWritten()).containsExactly("enable", "r");
        assertThat(embedded.pingIds()).as("no ping asks for receipts").isEmpty();

        embedded.receive(acknowledgement("0"));
        assertThat(first).as("an acknowledgement short of the request is no receipt").isNotDone();
        embedded.receive(acknowledgement("1"));
        assertThat(first).isCompletedWithValue(ACKNOWLEDGED);

        List<CompletableFuture<Delivery>> more = List.of(embedded.submit("m2"), embedded.submit("m3"));
        embedded.channel.runPendingTasks();
        assertThat(embedded.streamManagementWritten()).containsExactly("enable", "r", "r");
        embedded.receive(acknowledgement("3"));
        assertThat(more).allSatisfy(fate -> assertThat(fate).isCompletedWithValue(ACKNOWLEDGED));
        assertThat(inbox.drain()).isEmpty();
    }

    @Test
    void everyStanzaOnTheConnectionCountsTheKeepalivesPingsToo() {
        EmbeddedLink embedded = link(EmbeddedLink.config());
        CompletableFuture<Delivery> first = embedded.submit("m1");
        enable(embedded);
        // As the keepalive writes its ping, past the link's writer.
        embedded.channel.writeAndFlush("<iq type='get' id='keepalive-1' from='a.test' to='b.test'>"
                + "<ping xmlns='urn:xmpp:ping'/></iq>");
        CompletableFuture<Delivery> second = embedded.submit("m2");
        embedded.channel.runPendingTasks();

        embedded.receive(acknowledgement("1"));
        assertThat(first).isCompletedWithValue(ACKNOWLEDGED);
        embedded.receive(acknowledgement("2"));
        assertThat(second).as("the remote server counted only the ping").isNotDone();
        embedded.receive(acknowledgement("3"));
        assertThat(second).isCompletedWithValue(ACKNOWLEDGED);
    }

    @Test
    void aRefusalLeavesTheReceiptsToPings() {
        EmbeddedLink embedded = link(EmbeddedLink.config());
        CompletableFuture<Delivery> fate = embedded.submit("m1");
        embedded.authenticate(true);
        embedded.channel.runPendingTasks();

        embedded.receive(StreamManagement.failed(StanzaErrorCondition.FEATURE_NOT_IMPLEMENTED));

        assertThat(embedded.pingIds()).hasSize(1);
        embedded.answer(embedded.pingIds().get(0));
        assertThat(fate).isCompletedWithValue(ACKNOWLEDGED);
        assertThat(embedded.streamManagementWritten()).containsExactly("enable");
    }

    @Test
    void aStreamWhereNoneIsOfferedAsksByPing() {
        EmbeddedLink embedded = link(EmbeddedLink.config());
        CompletableFuture<Delivery> fate = embedded.submit("m1");
        embedded.authenticate(false);
        embedded.confirmAll();

        assertThat(fate).isCompletedWithValue(ACKNOWLEDGED);
        assertThat(embedded.streamManagementWritten()).isEmpty();
    }

    @Test
    void anUnansweredRequestEndsTheStreamAndHandsOnWhatItHadNotConfirmed() {
        EmbeddedLink embedded = linkWithTwoSecondReceipts();
        CompletableFuture<Delivery> fate = embedded.submit("m1");
        enable(embedded);

        embedded.channel.advanceTimeBy(2, TimeUnit.SECONDS);
        embedded.channel.runScheduledPendingTasks();

        assertThat(embedded.channel.isOpen()).as("taken for dead").isFalse();
        assertThat(embedded.handedOn).singleElement().satisfies(again ->
                assertThat(again).extracting(Outgoing::fate).containsExactly(Optional.of(fate)));
        assertThat(fate).as("still waiting, for the next stream").isNotDone();
    }

    @Test
    void anEnableLeftUnansweredLeavesTheReceiptsToPingsOnTheSameStream() {
        EmbeddedLink embedded = linkWithTwoSecondReceipts();
        CompletableFuture<Delivery> fate = embedded.submit("m1");
        embedded.authenticate(true);
        embedded.channel.runPendingTasks();
        assertThat(embedded.pingIds()).as("none while the enable waits for its answer").isEmpty();

        embedded.channel.advanceTimeBy(2, TimeUnit.SECONDS);
        embedded.channel.runScheduledPendingTasks();

        assertThat(embedded.channel.isOpen()).as("not taken for dead for ignoring stream management").isTrue();
        assertThat(embedded.pingIds()).hasSize(1);
        embedded.receive(StreamManagement.enabled());
        embedded.receive(acknowledgement("1"));
        assertThat(fate).as("a late answer to the enable counts for nothing").isNotDone();
        embedded.answer(embedded.pingIds().get(0));
        assertThat(fate).isCompletedWithValue(ACKNOWLEDGED);
        assertThat(embedded.handedOn).isEmpty();
    }

    @Test
    void aServerThatLeavesTheEnableAndThenThePingUnansweredIsTakenForDead() {
        EmbeddedLink embedded = linkWithTwoSecondReceipts();
        CompletableFuture<Delivery> fate = embedded.submit("m1");
        embedded.authenticate(true);
        embedded.channel.runPendingTasks();

        for (int timeout = 0; timeout < 2; timeout++) {
            embedded.channel.advanceTimeBy(2, TimeUnit.SECONDS);
            embedded.channel.runScheduledPendingTasks();
        }

        assertThat(embedded.channel.isOpen()).isFalse();
        assertThat(embedded.handedOn).singleElement().satisfies(again ->
                assertThat(again).extracting(Outgoing::fate).containsExactly(Optional.of(fate)));
    }

    @Test
    void aFailureAfterEnabledLeavesTheOpenRequestToAPingAndStillAnswersTheRemoteServersRequests() {
        EmbeddedLink embedded = link(EmbeddedLink.config());
        CompletableFuture<Delivery> fate = embedded.submit("m1");
        enable(embedded);
        assertThat(embedded.streamManagementWritten()).containsExactly("enable", "r");

        embedded.receive(StreamManagement.failed(StanzaErrorCondition.UNEXPECTED_REQUEST));

        assertThat(embedded.pingIds()).hasSize(1);
        embedded.answer(embedded.pingIds().get(0));
        assertThat(fate).isCompletedWithValue(ACKNOWLEDGED);
        embedded.receive(StreamManagement.request());
        assertThat(embedded.streamManagementWritten()).containsExactly("enable", "r", "a");
        CompletableFuture<Delivery> later = embedded.submit("m2");
        embedded.confirmAll();
        assertThat(later).isCompletedWithValue(ACKNOWLEDGED);
        assertThat(embedded.streamManagementWritten()).as("no more requests").containsExactly("enable", "r", "a");
    }

    @Test
    void anAcknowledgementOfStanzasNeverSentEndsTheStreamWithAnError() {
        EmbeddedLink embedded = link(EmbeddedLink.config());
        List<Object> toTheStreamHandler = new ArrayList<>();
        embedded.channel.pipeline().addLast(new ChannelInboundHandlerAdapter() {
            @Override
            public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
                toTheStreamHandler.add(event);
            }
        });
        CompletableFuture<Delivery> fate = embedded.submit("m1");
        enable(embedded);

        embedded.receive(acknowledgement("5"));

        assertThat(toTheStreamHandler).as("why the stream ended, for the link's audit trail")
                .containsExactly(new StreamEndedHere("we ended the stream with undefined-condition: the remote server"
                        + " sent an <a/> with h=5 after it had counted 0 of 1 stanzas"));

        assertThat(embedded.written()).anySatisfy(element -> {
            assertThat(element.getLocalName()).isEqualTo("error");
            assertThat(element.getElementsByTagName("undefined-condition").getLength()).isEqualTo(1);
        });
        assertThat(embedded.channel.isOpen()).isFalse();
        assertThat(fate).as("not taken as delivered").isNotDone();
    }

    @Test
    void theRemoteServersRequestIsAnsweredWithTheStanzasItSentOnThisConnection() {
        EmbeddedLink embedded = link(EmbeddedLink.config());
        embedded.submit("m1");
        enable(embedded);
        embedded.receive(new XmlElement("iq", XmppNamespaces.SERVER, List.of(XmlAttribute.of("type", "result"),
                XmlAttribute.of("id", "x"), XmlAttribute.of("from", "b.test"), XmlAttribute.of("to", "a.test")),
                List.of()));

        embedded.receive(StreamManagement.request());

        assertThat(embedded.written()).filteredOn(element -> element.getLocalName().equals("a"))
                .singleElement().satisfies(answer -> assertThat(answer.getAttribute("h")).isEqualTo("1"));
    }

    /**
     * Between two engines (ours offers stream management on its inbound streams): the acknowledgements come on the
     * stream that carried the stanzas, so they still come once our listener closed, as when the host stops, and the
     * stanzas are acknowledged rather than settled as written without a receipt.
     */
    @Test
    void betweenTwoEnginesReceiptsComeOnTheStreamEvenAfterTheListenerClosed() throws Exception {
        S2sEngine a = engines.start(EngineConfig.of(InetAddress.getLoopbackAddress(), 0, Set.of("a.test"), dns, dns),
                inbox);
        S2sEngine b = engines.start(EngineConfig.of(InetAddress.getLoopbackAddress(), 0, Set.of("b.test"), dns, dns),
                inboxB);
        dns.register("a.test", a.localAddress().getPort()).register("b.test", b.localAddress().getPort());
        assertThat(a.submit(Stanzas.message("alice@a.test", "bob@b.test", "m1", "first")).toCompletableFuture()
                .get(5, TimeUnit.SECONDS)).isEqualTo(ACKNOWLEDGED);

        a.closeInbound();
        CompletableFuture<Delivery> second = a.submit(Stanzas.message("alice@a.test", "bob@b.test", "m2", "second"))
                .toCompletableFuture();

        assertThat(second.get(5, TimeUnit.SECONDS)).isEqualTo(ACKNOWLEDGED);
        assertThat(inboxB.next(2)).extracting(Stanzas::body).containsExactly("first", "second");
    }
}
