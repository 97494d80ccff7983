package dev.parley.connector.ra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.resource.spi.ResourceAdapterInternalException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import org.junit.jupiter.api.Test;

/** The adapter's life cycle is the listener's: open on start, port released on stop. */
class ParleyResourceAdapterTest {

    private static int freePort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        }
    }

    private static ParleyResourceAdapter adapterOn(int port) {
        ParleyResourceAdapter adapter = new ParleyResourceAdapter();
        adapter.setS2sBindAddress("127.0.0.1");
        adapter.setS2sPort(port);
        adapter.setXmppDomain("parley.test");
        return adapter;
    }

    @Test
    void listensWhileStartedAndReleasesThePortWhenStopped() throws Exception {
        int port = freePort();
        ParleyResourceAdapter adapter = adapterOn(port);

        adapter.start(null);
        try (Socket peer = new Socket()) {
            peer.connect(new InetSocketAddress("127.0.0.1", port), 2000);
            assertThat(peer.isConnected()).isTrue();
        } finally {
            adapter.stop();
        }

        try (ServerSocket rebind = new ServerSocket()) {
            rebind.bind(new InetSocketAddress("127.0.0.1", port));
            assertThat(rebind.isBound()).isTrue();
        }
    }

    @Test
    void refusesToStartWhenThePortIsTakenAndSaysWhere() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            ParleyResourceAdapter adapter = adapterOn(taken.getLocalPort());

            assertThatThrownBy(() -> adapter.start(null))
                    .isInstanceOf(ResourceAdapterInternalException.class)
                    .hasMessageContaining("Parley could not open its S2S listener")
                    .hasMessageContaining(String.valueOf(taken.getLocalPort()));
        }
    }
}
