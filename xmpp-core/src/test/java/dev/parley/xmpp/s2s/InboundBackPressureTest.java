package dev.parley.xmpp.s2s;

import dev.parley.xmpp.dialback.DialbackKeys;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A peer that sends {@code db:verify} requests as fast as it can and never reads the answers: the engine stops
 * reading once its answers pile up (so its memory stays bounded and the peer's writes block), and a stream it then
 * closes is closed even though the peer never takes the closing tag.
 */
@Timeout(60)
class InboundBackPressureTest {

    /** Far more than the socket buffers of both ends and Netty's high-water mark together. */
    private static final long FLOOD_BYTES = 24L << 20;

    private final LoopbackDns dns = new LoopbackDns();
    private final AtomicLong written = new AtomicLong();
    private final AtomicReference<IOException> broken = new AtomicReference<>();
    private S2sEngine a;

    @AfterEach
    void stop() {
        a.close();
    }

    @Test
    void stopsReadingFromPeerThatDoesNotReadItsAnswers() throws Exception {
        a = start(SessionHealth.DEFAULTS);
        try (Socket peer = new Socket(InetAddress.getLoopbackAddress(), a.localAddress().getPort())) {
            Thread flood = flood(peer);

            flood.join(Duration.ofSeconds(8).toMillis());

            assertThat(flood.isAlive()).as("the peer's writes block").isTrue();
            assertThat(written.get()).isLessThan(FLOOD_BYTES);
        }
    }

    @Test
    void closesStreamWhosePeerNeverReadsTheClosingTag() throws Exception {
        // The ping interval must be shorter than the idle timeout; pings play no part here.
        a = start(SessionHealth.DEFAULTS.withPing(Duration.ofMillis(500), Duration.ofSeconds(30))
                .withIdleTimeout(Duration.ofSeconds(1)));
        try (Socket peer = new Socket(InetAddress.getLoopbackAddress(), a.localAddress().getPort())) {
            Thread flood = flood(peer);

            // Reading stops, the stream is idle after 1 s, its closing tag waits in vain: closed after the grace.
            flood.join(Duration.ofSeconds(15).toMillis());

            assertThat(flood.isAlive()).as("the peer's blocked write ends with the connection").isFalse();
            assertThat(broken.get()).as("the connection was closed under the peer").isNotNull();
            assertThat(written.get()).isLessThan(FLOOD_BYTES);
        }
    }

    private S2sEngine start(SessionHealth health) {
        return S2sEngine.start(EngineConfig.of(InetAddress.getLoopbackAddress(), 0, Set.of("a.test"), dns, dns)
                .withDialbackSecret("secret").withHealth(health), new Inbox());
    }

    /** Writes the header and then db:verify requests until {@link #FLOOD_BYTES} or the connection breaks ({@link #broken}). */
    private Thread flood(Socket peer) throws IOException {
        OutputStream out = peer.getOutputStream();
        out.write(RemotePeer.header("xmlns:db='jabber:server:dialback' from='b.test' to='a.test' version='1.0'")
                .getBytes(StandardCharsets.UTF_8));
        String key = new DialbackKeys("secret").key("b.test", "a.test", "stream-1");
        byte[] requests = ("<db:verify from='b.test' to='a.test' id='stream-1'>" + key + "</db:verify>").repeat(100)
                .getBytes(StandardCharsets.UTF_8);
        Thread flood = new Thread(() -> {
            try {
                while (written.get() < FLOOD_BYTES) {
                    out.write(requests);
                    written.addAndGet(requests.length);
                }
            } catch (IOException closed) {
                broken.set(closed);
            }
        });
        flood.setDaemon(true);
        flood.start();
        return flood;
    }
}
