package dev.parley.xmpp.s2s;

import dev.parley.xmpp.xml.XmlElement;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A {@link StanzaListener} that tests read from, waiting a bounded time. */
final class Inbox implements StanzaListener {

    private final BlockingQueue<XmlElement> stanzas = new LinkedBlockingQueue<>();

    @Override
    public void onStanza(XmlElement stanza) {
        stanzas.add(stanza);
    }

    /** The next stanza, failing the test when none arrives within five seconds. */
    XmlElement next() throws InterruptedException {
        XmlElement stanza = stanzas.poll(5, TimeUnit.SECONDS);
        if (stanza == null) {
            throw new AssertionError("no stanza arrived within 5 s");
        }
        return stanza;
    }

    List<XmlElement> next(int count) throws InterruptedException {
        List<XmlElement> received = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            received.add(next());
        }
        return received;
    }

    /** Whatever arrived so far, without waiting. */
    List<XmlElement> drain() {
        List<XmlElement> received = new ArrayList<>();
        stanzas.drainTo(received);
        return received;
    }
}
