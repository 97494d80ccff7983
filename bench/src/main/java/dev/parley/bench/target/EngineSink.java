package dev.parley.bench.target;

import dev.parley.bench.delivery.BodyStamp;
import dev.parley.bench.delivery.DeliveryRecorder;
import dev.parley.xmpp.s2s.StanzaListener;
import dev.parley.xmpp.xml.XmlElement;
import dev.parley.xmpp.xml.XmlNode;

/** The engine's host for the benchmark: records each delivered message on the I/O thread and returns at once. */
final class EngineSink implements StanzaListener {

    private final DeliveryRecorder recorder;

    EngineSink(DeliveryRecorder recorder) {
        this.recorder = recorder;
    }

    @Override
    public void onStanza(XmlElement stanza) {
        for (XmlNode child : stanza.children()) {
            if (child instanceof XmlElement element && element.name().equals("body")) {
                BodyStamp stamp = BodyStamp.parse(element.text());
                if (stamp != null) {
                    recorder.arrived(stamp);
                }
                return;
            }
        }
    }
}
