package dev.parley.bench.wire;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Loopback source addresses for many idle streams: in the field each remote server connects from
 * its own address, and Parley caps the connections it accepts from one address (64) and from one
 * IPv4 /24 (128), so the streams are spread over {@value #STREAMS_PER_ADDRESS} per address, each
 * address in a /24 of its own, in 127.250.0.1 to 127.255.249.1.
 */
public final class SourceAddresses {

    static final int STREAMS_PER_ADDRESS = 50;
    private static final int NETWORKS_PER_SECOND_OCTET = 250;
    private static final int ADDRESSES = 6 * NETWORKS_PER_SECOND_OCTET;

    private SourceAddresses() {
    }

    /** The source address of the {@code index}th stream (from 0). */
    public static InetAddress forStream(int index) {
        int address = index / STREAMS_PER_ADDRESS;
        if (address >= ADDRESSES) {
            throw new IllegalArgumentException("more streams than 127.250.0.1 to 127.255.249.1 have addresses for: "
                    + index);
        }
        try {
            return InetAddress.getByAddress(new byte[] {127, (byte) (250 + address / NETWORKS_PER_SECOND_OCTET),
                    (byte) (address % NETWORKS_PER_SECOND_OCTET), 1});
        } catch (UnknownHostException e) {
            throw new IllegalStateException("four bytes are an IPv4 address", e);
        }
    }
}
