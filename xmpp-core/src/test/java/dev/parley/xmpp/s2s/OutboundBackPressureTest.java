package dev.parley.xmpp.s2s;

import dev.parley.xmpp.xml.XmlElement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A remote server that stops reading: the engine queues what it cannot write, in order, up to the
 * queue bound, bounces the rest with {@code resource-constraint}, and delivers everything it accepted
 * once the peer reads again. Nothing is lost, nothing overtakes, and memory stays bounded.
 */
@Timeout(60)
class OutboundBackPressureTest {

    private static final int QUEUE_BOUND = 100;
    /** 20 MB of stanzas at most: far more than the socket buffers hold, so a missing bound shows. */
    private static final int MOST_SENT = 20_000;
    private static final String BODY = "x".repeat(1000);
    private static final Pattern MESSAGE_ID = Pattern.compile("<message[^>]*\\sid='m(\\d+)'");
    private static final Pattern PING = Pattern.compile("<iq [^>]*id='([^']+)'[^>]*><ping xmlns='urn:xmpp:ping'/></iq>");

    private final LoopbackDns dns = new LoopbackDns();
    private final Queue<XmlElement> bounces = new ConcurrentLinkedQueue<>();
    private S2sEngine engine;
    private ServerSocket listening;

    @AfterEach
    void stop() throws IOException {
        if (engine != null) {
            engine.close();
        }
        if (listening != null) {
            listening.close();
        }
    }

    @Test
    void queuesInOrderUpToTheBoundBouncesBeyondItAndDeliversTheRestOnceThePeerReads() throws Exception {
        StallingPeer peer = new StallingPeer("slow.test");
        engine = S2sEngine.start(EngineConfig.of(InetAddress.getLoopbackAddress(), 0, Set.of("a.test"), dns, dns)
                .withQueueBound(QUEUE_BOUND), bounces::add);

        engine.send(message(0));
        assertThat(peer.stalled.await(10, TimeUnit.SECONDS)).as("the first stanza arrived; the peer read %s", peer.text)
                .isTrue();
        int sent = 1;
        while (sent < MOST_SENT && bounces.size() < 10) {
            engine.send(message(sent++));
        }

        List<Integer> bounced = new ArrayList<>();
        for (XmlElement bounce : bounces) {
            assertThat(Stanzas.errorCondition(bounce)).isEqualTo("resource-constraint");
            assertThat(Stanzas.errorText(bounce)).contains("waiting for slow.test to read");
            bounced.add(Integer.parseInt(bounce.attribute("id").orElseThrow().substring(1)));
        }
        assertThat(bounced).as("a bound was reached well before %d stanzas", MOST_SENT).hasSizeGreaterThanOrEqualTo(10);
        List<Integer> accepted = new ArrayList<>();
        for (int i = 0; i < sent; i++) {
            if (!bounced.contains(i)) {
                accepted.add(i);
            }
        }

        peer.resume();
        assertThat(peer.received(accepted.size())).as("every accepted stanza, once, in order").isEqualTo(accepted);
    }

    private static XmlElement message(int n) {
        return Stanzas.message("alice@a.test", "bob@slow.test", "m" + n, BODY);
    }

    /**
     * Authenticates us by dialback (it simply says valid), reads up to the first message, and then
     * reads nothing until {@link #resume()}. Its receive buffer is small, so the engine feels it soon.
     */
    private final class StallingPeer {

        private final CountDownLatch stalled = new CountDownLatch(1);
        private final CountDownLatch resumed = new CountDownLatch(1);
        private final StringBuilder text = new StringBuilder();
        private volatile Socket socket;

        StallingPeer(String domain) throws IOException {
            listening = new ServerSocket();
            listening.setReceiveBufferSize(16 * 1024);
            listening.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            dns.register(domain, listening.getLocalPort());
            Thread thread = new Thread(() -> serve(domain), "stalling peer");
            thread.setDaemon(true);
            thread.start();
        }

        private void serve(String domain) {
            try {
                socket = listening.accept();
                InputStream in = socket.getInputStream();
                OutputStream out = socket.getOutputStream();
                readUntil(in, ">", "<stream:stream");
                out.write(("<?xml version='1.0'?><stream:stream xmlns='jabber:server'"
                        + " xmlns:stream='http://etherx.jabber.org/streams' xmlns:db='jabber:server:dialback'"
                        + " from='" + domain + "' id='s1' version='1.0'><stream:features>"
                        + "<dialback xmlns='urn:xmpp:features:dialback'><errors/></dialback></stream:features>")
                        .getBytes(StandardCharsets.UTF_8));
                readUntil(in, "</db:result>", "");
                out.write(("<db:result from='" + domain + "' to='a.test' type='valid'/>").getBytes(StandardCharsets.UTF_8));
                readUntil(in, "</message>", "");
                stalled.countDown();
                resumed.await();
            } catch (IOException | InterruptedException e) {
                // the test is over
            }
        }

        /** Reads until {@code end} follows {@code after} (or anything, when that is empty). */
        private void readUntil(InputStream in, String end, String after) throws IOException {
            byte[] buffer = new byte[1024];
            while (text.indexOf(after) < 0 || text.indexOf(end, text.indexOf(after)) < 0) {
                int read = in.read(buffer);
                if (read < 0) {
                    throw new IOException("the engine closed the stream");
                }
                text.append(new String(buffer, 0, read, StandardCharsets.UTF_8));
            }
        }

        void resume() {
            resumed.countDown();
        }

        /**
         * Reads until {@code count} messages arrived (the first included) and returns their numbers in order; answers
         * the pings asking for receipts on the same connection as it goes, or the engine would stop writing once the
         * queue bound's worth waited for one.
         */
        List<Integer> received(int count) throws IOException {
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[64 * 1024];
            socket.setSoTimeout(10_000);
            StringBuilder unread = new StringBuilder(text);
            StringBuilder all = new StringBuilder(text);
            int pingsScanned = 0;
            List<Integer> ids = new ArrayList<>();
            while (true) {
                Matcher ping = PING.matcher(all);
                while (ping.find(pingsScanned)) {
                    socket.getOutputStream().write(("<iq type='result' id='" + ping.group(1)
                            + "' from='slow.test' to='a.test'/>").getBytes(StandardCharsets.UTF_8));
                    pingsScanned = ping.end();
                }
                int complete = unread.lastIndexOf("</message>");
                if (complete >= 0) {
                    Matcher matcher = MESSAGE_ID.matcher(unread.substring(0, complete));
                    while (matcher.find()) {
                        ids.add(Integer.parseInt(matcher.group(1)));
                    }
                    unread.delete(0, complete + "</message>".length());
                }
                if (ids.size() >= count) {
                    return ids;
                }
                int read = in.read(buffer);
                if (read < 0) {
                    return ids;
                }
                String chunk = new String(buffer, 0, read, StandardCharsets.US_ASCII);
                unread.append(chunk);
                all.append(chunk);
            }
        }
    }
}
