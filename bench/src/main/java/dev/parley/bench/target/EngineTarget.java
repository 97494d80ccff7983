package dev.parley.bench.target;

import dev.parley.bench.delivery.DeliveryRecorder;
import dev.parley.bench.delivery.DeliverySnapshot;
import dev.parley.xmpp.s2s.S2sEngine;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Optional;

/**
 * Parley's engine in the benchmark's own JVM: quick to start, which suits the smoke test, but it shares heap, JIT
 * and cores with the generator, so the full benchmark runs {@link EngineProcessTarget} instead.
 */
public final class EngineTarget implements Target {

    private final String domain;
    private final DeliveryRecorder recorder = new DeliveryRecorder();
    private final S2sEngine engine;

    public EngineTarget(String domain, InetAddress bind, InetSocketAddress dns, Optional<EngineTls> tls) {
        this.domain = domain;
        this.engine = EngineHost.start(domain, bind, dns, Optional.empty(), tls, new EngineSink(recorder));
    }

    @Override
    public String name() {
        return "Parley engine (same JVM)";
    }

    @Override
    public String domain() {
        return domain;
    }

    @Override
    public InetSocketAddress s2sAddress() {
        return engine.localAddress();
    }

    @Override
    public String recipient() {
        return "sink@" + domain + "/bench";
    }

    @Override
    public void reset() {
        recorder.reset();
    }

    @Override
    public long delivered() {
        return recorder.delivered();
    }

    @Override
    public DeliverySnapshot snapshot() {
        return recorder.snapshot();
    }

    @Override
    public MemorySample memory() {
        return new MemorySample(ProcessMemory.heapAfterGc(), ProcessMemory.ownRss());
    }

    @Override
    public String note() {
        return "heap shared with the generator";
    }

    @Override
    public void close() {
        engine.close();
    }
}
