package dev.parley.infrastructure.messaging.jms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.Message;
import jakarta.jms.Queue;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The lanes' selectors against a real Artemis broker, embedded as WildFly embeds it. */
class DeliveryLanesTest {

    private EmbeddedBroker broker;
    private JMSContext jms;
    private Queue queue;

    @BeforeEach
    void startBroker() throws Exception {
        broker = EmbeddedBroker.start();
        jms = broker.connections().createContext();
        queue = jms.createQueue("ParleyFromFederation");
    }

    @AfterEach
    void stopBroker() throws Exception {
        jms.close();
        broker.close();
    }

    @Test
    void eachLaneTakesItsSendersStanzasInOrderAndTheFirstAlsoWhatHasNoLaneOrAnOldOne() throws Exception {
        List<String> senders = IntStream.range(0, 40).mapToObj(i -> "sender" + i + "@theirs.test").toList();
        for (int round = 0; round < 3; round++) {
            for (String sender : senders) {
                send(sender + " " + round, DeliveryLanes.of(sender));
            }
        }
        send("queued before lanes", null);
        send("queued with more lanes", DeliveryLanes.LANES + 3);

        List<List<String>> taken = new ArrayList<>();
        for (int lane = 0; lane < DeliveryLanes.LANES; lane++) {
            taken.add(takeAll(lane));
        }

        for (int lane = 0; lane < DeliveryLanes.LANES; lane++) {
            int thisLane = lane;
            List<String> expected = new ArrayList<>();
            for (int round = 0; round < 3; round++) {
                for (String sender : senders) {
                    if (DeliveryLanes.of(sender) == thisLane) {
                        expected.add(sender + " " + round);
                    }
                }
            }
            if (lane == 0) {
                expected.addAll(List.of("queued before lanes", "queued with more lanes"));
            }
            assertThat(taken.get(lane)).as("lane %d", lane).containsExactlyElementsOf(expected);
        }
        Set<Integer> used = senders.stream().map(DeliveryLanes::of).collect(Collectors.toSet());
        assertThat(used).as("forty senders spread over every lane").hasSize(DeliveryLanes.LANES);
    }

    @Test
    void thereIsNoLaneBeyondTheLanes() {
        assertThatThrownBy(() -> DeliveryLanes.selector(DeliveryLanes.LANES))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DeliveryLanes.selector(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    private void send(String body, Integer lane) throws Exception {
        Message message = jms.createTextMessage(body);
        if (lane != null) {
            message.setIntProperty(DeliveryLanes.PROPERTY, lane);
        }
        jms.createProducer().send(queue, message);
    }

    private List<String> takeAll(int lane) {
        List<String> bodies = new ArrayList<>();
        try (JMSConsumer consumer = jms.createConsumer(queue, DeliveryLanes.selector(lane))) {
            for (Message message = consumer.receive(500); message != null; message = consumer.receive(200)) {
                bodies.add(message.getBody(String.class));
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return bodies;
    }
}
