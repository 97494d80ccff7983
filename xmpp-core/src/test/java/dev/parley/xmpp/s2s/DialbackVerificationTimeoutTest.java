package dev.parley.xmpp.s2s;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.w3c.dom.Element;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An authoritative server that accepts the verify connection and never says a word: after the dialback timeout the
 * peer gets {@code remote-server-timeout}, and the connection to the silent server is closed, not left open.
 */
@Timeout(30)
class DialbackVerificationTimeoutTest {

    private final LoopbackDns dns = new LoopbackDns();
    private ServerSocket silentAuthority;
    private S2sEngine b;

    @BeforeEach
    void start() throws IOException {
        silentAuthority = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        dns.register("a.test", silentAuthority.getLocalPort());
        b = S2sEngine.start(EngineConfig.of(InetAddress.getLoopbackAddress(), 0, Set.of("b.test"), dns, dns)
                .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(1)), new Inbox());
    }

    @AfterEach
    void stop() throws IOException {
        b.close();
        silentAuthority.close();
    }

    @Test
    void closesVerifyConnectionThatNeverAnswersOnTimeout() throws IOException {
        try (RawServer peer = new RawServer(b.localAddress().getPort())) {
            peer.send(RemotePeer.header("xmlns:db='jabber:server:dialback' from='a.test' to='b.test' version='1.0'"));
            peer.readUntil(t -> !t.children().isEmpty());
            peer.send("<db:result from='a.test' to='b.test'>00</db:result>");

            try (Socket verify = silentAuthority.accept()) {
                Element result = peer.readUntil(t -> t.children().stream().anyMatch(e -> "result".equals(e.getLocalName())))
                        .children().stream().filter(e -> "result".equals(e.getLocalName())).findFirst().orElseThrow();
                assertThat(result.getElementsByTagNameNS("urn:ietf:params:xml:ns:xmpp-stanzas", "remote-server-timeout")
                        .getLength()).isEqualTo(1);

                // A SocketTimeoutException here means the connection was left open.
                verify.setSoTimeout(5_000);
                assertThat(new String(verify.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
                        .endsWith(ServerStreams.CLOSING_TAG);
            }
        }
    }
}
