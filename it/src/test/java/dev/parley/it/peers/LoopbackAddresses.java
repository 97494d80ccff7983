package dev.parley.it.peers;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.UnknownHostException;
import java.util.Collection;
import java.util.concurrent.ThreadLocalRandom;

/** Picks random addresses in 127.0.0.0/8 on which the wanted ports are free, so that parallel runs never collide. */
final class LoopbackAddresses {

    private static final int ATTEMPTS = 100;

    private LoopbackAddresses() {
    }

    /**
     * A random 127.x.y.z, not among the taken ones, on which every port can be bound. The second octet stays below
     * 100 because {@code ItEnvironment} picks the WildFly address from 127.100.0.0 upwards.
     */
    static InetAddress pick(Collection<InetAddress> taken, Collection<Integer> ports) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            InetAddress candidate = address(random.nextInt(2, 100), random.nextInt(0, 256), random.nextInt(2, 255));
            if (!taken.contains(candidate) && ports.stream().allMatch(port -> tcpFree(candidate, port))) {
                return candidate;
            }
        }
        throw new IllegalStateException("No loopback address with free ports " + ports + " after " + ATTEMPTS + " tries");
    }

    /** A port on the address free for both TCP and UDP, as a DNS server needs. */
    static int freeDnsPort(InetAddress address) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            try (ServerSocket tcp = new ServerSocket()) {
                tcp.bind(new InetSocketAddress(address, 0));
                int port = tcp.getLocalPort();
                try (DatagramSocket udp = new DatagramSocket(new InetSocketAddress(address, port))) {
                    return port;
                } catch (IOException udpTaken) {
                    // try another port
                }
            } catch (IOException e) {
                throw new IllegalStateException("Cannot bind to " + address.getHostAddress(), e);
            }
        }
        throw new IllegalStateException("No port free for TCP and UDP on " + address.getHostAddress());
    }

    private static boolean tcpFree(InetAddress address, int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(address, port));
            return true;
        } catch (IOException taken) {
            return false;
        }
    }

    private static InetAddress address(int b, int c, int d) {
        try {
            return InetAddress.getByAddress(new byte[] {127, (byte) b, (byte) c, (byte) d});
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e); // only for a wrong length, which four bytes are not
        }
    }
}
