package dev.parley.domain.model.presence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.domain.model.stanza.StanzaEnvelope;
import dev.parley.domain.model.stanza.StanzaKind;
import dev.parley.domain.model.stanza.StanzaXml;
import dev.parley.xmpp.jid.Jid;
import org.junit.jupiter.api.Test;

class PresenceStanzasTest {

    private static final Jid ALICE = Jid.parse("alice@parley.test/parley");
    private static final Jid TINA = Jid.parse("tina@prosody.test/phone");

    @Test
    void subscriptionStanzasGoBetweenBareJids() {
        StanzaEnvelope subscribe = PresenceStanzas.of(PresenceType.SUBSCRIBE, ALICE, TINA);

        assertThat(subscribe.kind()).isEqualTo(StanzaKind.PRESENCE);
        assertThat(subscribe.from()).isEqualTo("alice@parley.test");
        assertThat(subscribe.to()).isEqualTo("tina@prosody.test");
        assertThat(subscribe.type()).isEqualTo("subscribe");
    }

    @Test
    void presenceCarriesShowAndStatusAndReadsBack() {
        Presence dnd = Presence.of(Availability.DND, "In a meeting <until 3>");
        StanzaEnvelope stanza = PresenceStanzas.of(dnd, ALICE, TINA.asBareJid());

        assertThat(stanza.from()).isEqualTo("alice@parley.test/parley");
        assertThat(stanza.type()).isNull();
        assertThat(stanza.xml()).contains("<show>dnd</show>", "<status>In a meeting &lt;until 3&gt;</status>");
        assertThat(PresenceStanzas.read(stanza)).isEqualTo(dnd);

        StanzaEnvelope gone = PresenceStanzas.of(Presence.UNAVAILABLE, ALICE, TINA.asBareJid());
        assertThat(gone.type()).isEqualTo("unavailable");
        assertThat(PresenceStanzas.read(gone)).isEqualTo(Presence.UNAVAILABLE);
    }

    @Test
    void readsWhatOtherServersSend() throws Exception {
        assertThat(PresenceStanzas.read(StanzaXml.parse("<presence xmlns='jabber:client' from='tina@prosody.test/phone'"
                + " to='alice@parley.test'><show>chat</show><priority>5</priority></presence>")))
                .isEqualTo(Presence.of(Availability.AVAILABLE, null));
        assertThat(PresenceStanzas.read(StanzaXml.parse("<presence xmlns='jabber:server' from='tina@prosody.test/phone'"
                + " to='alice@parley.test'><show>xa</show><status>  on holiday </status></presence>")))
                .isEqualTo(Presence.of(Availability.XA, "on holiday"));
    }
}
