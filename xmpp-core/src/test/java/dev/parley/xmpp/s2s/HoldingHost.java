package dev.parley.xmpp.s2s;

import dev.parley.xmpp.xml.XmlElement;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/** A host that takes the stanzas it is handed only when the test says so, as a slow application would. */
final class HoldingHost implements StanzaListener {

    /** A stanza handed over, and how to say it was taken. */
    record Held(XmlElement stanza, Runnable taken) {
    }

    private final BlockingQueue<Held> held = new LinkedBlockingQueue<>();
    private final List<XmlElement> bounces = new ArrayList<>();

    /** Only the engine's bounces come this way; they are kept apart. */
    @Override
    public synchronized void onStanza(XmlElement stanza) {
        bounces.add(stanza);
    }

    @Override
    public void onStanza(XmlElement stanza, Runnable taken) {
        held.add(new Held(stanza, taken));
    }

    /** How many stanzas wait to be taken. */
    int holding() {
        return held.size();
    }

    /** Takes everything handed over so far; returns the stanzas, in the order they came. */
    List<XmlElement> takeAll() {
        List<Held> now = new ArrayList<>();
        held.drainTo(now);
        now.forEach(one -> one.taken().run());
        return now.stream().map(Held::stanza).toList();
    }

    /** Returns the stanzas handed over so far without taking them. */
    List<Held> drain() {
        List<Held> now = new ArrayList<>();
        held.drainTo(now);
        return now;
    }

    synchronized List<XmlElement> bounces() {
        return List.copyOf(bounces);
    }
}
