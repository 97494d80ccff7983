package dev.parley.bench.target;

import dev.parley.bench.delivery.DeliveryRecorder;
import dev.parley.bench.delivery.DeliverySnapshot;
import dev.parley.bench.wire.ClientStream;
import dev.parley.it.peers.FederationPeer;
import dev.parley.it.peers.PeerNetwork;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A real Prosody or ejabberd started through the peer harness, with the recipient logged in over a raw client
 * stream: a stanza counts as delivered when it reached that user's socket, as a user would see it.
 */
public final class PeerTarget implements Target {

    private static final String USER = "sink";
    private static final String PASSWORD = "sink-secret";
    private static final String RESOURCE = "bench";
    private static final Duration LOGIN = Duration.ofSeconds(20);

    private final String name;
    private final FederationPeer peer;
    private final String processMarker;
    private final DeliveryRecorder recorder = new DeliveryRecorder();
    private final ClientStream client;

    /** Starts the (created, not yet started) peer, registers the recipient and logs it in. */
    public PeerTarget(String name, FederationPeer peer, PeerNetwork network) {
        this.name = name;
        this.peer = peer;
        // the peer's config, spool and logs live in this folder, and its command line names it
        this.processMarker = network.runDir().resolve(peer.domain()).toString();
        try {
            peer.start();
            peer.register(USER, PASSWORD);
            client = ClientStream.login(new InetSocketAddress(peer.address(), peer.c2sPort()), peer.domain(), USER,
                    PASSWORD, RESOURCE, recorder, LOGIN);
        } catch (IOException e) {
            peer.close();
            throw new UncheckedIOException("could not log in to " + peer + "; see " + peer.log(), e);
        } catch (RuntimeException e) {
            peer.close();
            throw e;
        }
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String domain() {
        return peer.domain();
    }

    @Override
    public InetSocketAddress s2sAddress() {
        return new InetSocketAddress(peer.address(), peer.s2sPort());
    }

    @Override
    public String recipient() {
        return USER + "@" + peer.domain() + "/" + RESOURCE;
    }

    @Override
    public void reset() {
        recorder.reset();
    }

    @Override
    public long delivered() {
        if (client.failure() != null) {
            throw new IllegalStateException(recipient() + " stopped receiving: " + client.failure() + "; see " + peer.log());
        }
        return recorder.delivered();
    }

    @Override
    public DeliverySnapshot snapshot() {
        return recorder.snapshot();
    }

    @Override
    public MemorySample memory() {
        return new MemorySample(-1, ProcessMemory.rssOfProcessesMentioning(processMarker));
    }

    @Override
    public String note() {
        return "client reader CPU " + TimeUnit.NANOSECONDS.toMillis(client.readerCpuNanos()) + " ms in total";
    }

    @Override
    public void close() {
        client.close();
        peer.close();
    }
}
