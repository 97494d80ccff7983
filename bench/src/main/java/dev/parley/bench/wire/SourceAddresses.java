package dev.parley.bench.wire;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Loopback source addresses for many idle streams: in the field each remote server connects from
 * its own address, and Parley caps the connections it accepts from one address (64), so the
 * streams are spread over {@value #STREAMS_PER_ADDRESS} per address in 127.250.0.0/16.
 */
public final class SourceAddresses {

    static final int STREAMS_PER_ADDRESS = 50;

    private SourceAddresses() {
    }

    /** The source address of the {@code index}th stream (from 0). */
    public static InetAddress forStream(int index) {
        int address = index / STREAMS_PER_ADDRESS;
        if (address >= 250 * 250) {
            throw new IllegalArgumentException("more streams than 127.250.0.0/16 has addresses for: " + index);
        }
        try {
            return InetAddress.getByAddress(new byte[] {127, (byte) 250, (byte) (address / 250), (byte) (address % 250 + 1)});
        } catch (UnknownHostException e) {
            throw new IllegalStateException("four bytes are an IPv4 address", e);
        }
    }
}
