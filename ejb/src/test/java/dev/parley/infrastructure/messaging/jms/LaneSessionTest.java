package dev.parley.infrastructure.messaging.jms;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.Message;
import jakarta.jms.Queue;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.transaction.xa.XAResource;
import javax.transaction.xa.Xid;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A lane's session against a real Artemis broker, its branch driven as the transaction manager drives it: what a
 * transaction takes and sends commits or rolls back with it, what was sent ahead waits for the next one, and a session
 * closed after a rollback leaves the lane's stanzas on the queue in the order they came.
 */
class LaneSessionTest {

    private static final int LANE = 1;
    private static final AtomicInteger TRANSACTIONS = new AtomicInteger();

    private EmbeddedBroker broker;
    private JMSContext jms;
    private Queue queue;
    private Queue feed;

    @BeforeEach
    void startBroker() throws Exception {
        broker = EmbeddedBroker.start();
        // As parley.cli sets it for ParleyFromFederation: what was rolled back comes again after a delay.
        broker.server().getAddressSettingsRepository().addMatch("ParleyFromFederation",
                new AddressSettings().setRedeliveryDelay(200));
        jms = broker.connections().createContext();
        queue = jms.createQueue("ParleyFromFederation");
        feed = jms.createQueue("Feed");
    }

    @AfterEach
    void stopBroker() throws Exception {
        jms.close();
        broker.close();
    }

    @Test
    void aCommittedTransactionTakesAndSendsWhatItDidAndLeavesWhatWasSentAheadToTheNext() throws Exception {
        sendStanzas(10);
        try (LaneSession lane = LaneSession.open(broker.connections(), queue, LANE)) {
            XAResource branch = lane.transactionBranch();
            Xid first = begin(lane);
            List<String> taken = take(lane, 4);
            lane.context().createProducer().send(feed, "copy of " + String.join(", ", taken));
            branch.end(first, XAResource.TMSUCCESS);
            assertThat(branch.prepare(first)).isEqualTo(XAResource.XA_OK);
            assertThat(nextOn(feed)).as("the copy, before the commit").isNull();
            branch.commit(first, false);

            assertThat(taken).containsExactly("stanza 0", "stanza 1", "stanza 2", "stanza 3");
            assertThat(nextOn(feed)).isEqualTo("copy of stanza 0, stanza 1, stanza 2, stanza 3");

            Xid second = begin(lane);
            List<String> rest = take(lane, 6);
            branch.end(second, XAResource.TMSUCCESS);
            branch.commit(second, true);
            assertThat(rest).containsExactly("stanza 4", "stanza 5", "stanza 6", "stanza 7", "stanza 8", "stanza 9");
        }
        assertThat(nextOn(queue)).as("nothing left on the queue").isNull();
    }

    @Test
    void aSessionClosedAfterARollbackLeavesTheLaneInOrderForTheNextOne() throws Exception {
        sendStanzas(10);
        try (LaneSession lane = LaneSession.open(broker.connections(), queue, LANE)) {
            XAResource branch = lane.transactionBranch();
            Xid failing = begin(lane);
            take(lane, 4);
            lane.context().createProducer().send(feed, "copy that must not be published");
            branch.end(failing, XAResource.TMFAIL);
            branch.rollback(failing);
        }
        // As FromFederationDelivery pauses past the redelivery delay before it opens the lane's session again.
        Thread.sleep(400);

        List<String> again = new ArrayList<>();
        try (LaneSession lane = LaneSession.open(broker.connections(), queue, LANE)) {
            Xid next = begin(lane);
            again.addAll(take(lane, 10));
            lane.transactionBranch().end(next, XAResource.TMSUCCESS);
            lane.transactionBranch().commit(next, true);
        }
        assertThat(again).containsExactly("stanza 0", "stanza 1", "stanza 2", "stanza 3", "stanza 4", "stanza 5",
                "stanza 6", "stanza 7", "stanza 8", "stanza 9");
        assertThat(nextOn(feed)).as("the rolled-back copy").isNull();
    }

    @Test
    void aLaneTakesOnlyItsOwnStanzas() throws Exception {
        jms.createProducer().setProperty(DeliveryLanes.PROPERTY, LANE + 1).send(queue, "another lane's");
        sendStanzas(1);
        try (LaneSession lane = LaneSession.open(broker.connections(), queue, LANE)) {
            Xid xid = begin(lane);
            assertThat(take(lane, 1)).containsExactly("stanza 0");
            assertThat(lane.consumer().receive(200)).isNull();
            lane.transactionBranch().end(xid, XAResource.TMSUCCESS);
            lane.transactionBranch().commit(xid, true);
        }
        assertThat(nextOn(queue)).isEqualTo("another lane's");
    }

    private void sendStanzas(int count) {
        for (int i = 0; i < count; i++) {
            jms.createProducer().setProperty(DeliveryLanes.PROPERTY, LANE).send(queue, "stanza " + i);
        }
    }

    private static List<String> take(LaneSession lane, int count) throws Exception {
        List<String> taken = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Message message = lane.consumer().receive(5_000);
            assertThat(message).as("stanza %d of %d", i + 1, count).isNotNull();
            taken.add(message.getBody(String.class));
        }
        return taken;
    }

    private String nextOn(Queue from) {
        try (JMSConsumer consumer = jms.createConsumer(from)) {
            return consumer.receiveBody(String.class, 200);
        }
    }

    /** Starts a transaction on the lane's branch, as the transaction manager does when the lane enlists. */
    private static Xid begin(LaneSession lane) throws Exception {
        Xid xid = nextXid();
        lane.transactionBranch().start(xid, XAResource.TMNOFLAGS);
        return xid;
    }

    private static Xid nextXid() {
        byte[] id = ByteBuffer.allocate(Integer.BYTES).putInt(TRANSACTIONS.incrementAndGet()).array();
        byte[] branch = "lane".getBytes(StandardCharsets.US_ASCII);
        return new Xid() {
            @Override
            public int getFormatId() {
                return 4711;
            }

            @Override
            public byte[] getGlobalTransactionId() {
                return id;
            }

            @Override
            public byte[] getBranchQualifier() {
                return branch;
            }
        };
    }
}
