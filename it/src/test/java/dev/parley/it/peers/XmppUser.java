package dev.parley.it.peers;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jivesoftware.smack.ConnectionConfiguration.SecurityMode;
import org.jivesoftware.smack.SmackException;
import org.jivesoftware.smack.XMPPException;
import org.jivesoftware.smack.filter.StanzaTypeFilter;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.Presence;
import org.jivesoftware.smack.roster.Roster;
import org.jivesoftware.smack.roster.RosterEntry;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smack.tcp.XMPPTCPConnectionConfiguration;
import org.jivesoftware.smackx.disco.ServiceDiscoveryManager;
import org.jivesoftware.smackx.disco.packet.DiscoverInfo;
import org.jivesoftware.smackx.iqversion.packet.Version;
import org.jivesoftware.smackx.vcardtemp.VCardManager;
import org.jivesoftware.smackx.vcardtemp.packet.VCard;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.stringprep.XmppStringprepException;

/**
 * A real client (Smack) logged in to a peer as one of its users: what a remote user does, seen from the wire.
 * It connects to the peer's loopback address directly, without DNS, and without TLS (loopback only).
 */
public final class XmppUser implements AutoCloseable {

    private final String jid;
    private final XMPPTCPConnection connection;
    private final List<ArrivedMessage> arrived = new ArrayList<>();

    /**
     * A message as it reached this user; {@code error} names the condition of a bounce, else it is empty, and
     * {@code errorText} is the bounce's human-readable text, empty if it has none.
     */
    private record ArrivedMessage(String fromBareJid, String body, Optional<String> error, String errorText) {
        @Override
        public String toString() {
            return "from " + fromBareJid + error.map(condition -> " error " + condition + " (" + errorText + ")").orElse("")
                    + ": " + body;
        }
    }

    private XmppUser(String jid, XMPPTCPConnection connection) {
        this.jid = jid;
        this.connection = connection;
    }

    /** Logs the (registered) user in to the peer and announces presence, so that messages reach this client. */
    public static XmppUser login(FederationPeer peer, String user, String password) {
        String jid = user + "@" + peer.domain();
        try {
            XMPPTCPConnection connection = new XMPPTCPConnection(XMPPTCPConnectionConfiguration.builder()
                    .setXmppDomain(peer.domain())
                    .setHostAddress(peer.address())
                    .setPort(peer.c2sPort())
                    .setSecurityMode(SecurityMode.disabled)
                    .setUsernameAndPassword(user, password)
                    .setResource("harness")
                    .setConnectTimeout(10_000)
                    .build());
            XmppUser client = new XmppUser(jid, connection);
            // Synchronous: Smack calls such listeners one at a time in the order the stanzas came; asynchronous ones run
            // concurrently, and a test of order saw 969 before 968 that way.
            connection.addSyncStanzaListener(stanza -> client.arrived((Message) stanza), StanzaTypeFilter.MESSAGE);
            connection.connect().login();
            return client;
        } catch (SmackException | IOException | XMPPException e) {
            throw new IllegalStateException(jid + " could not log in to " + peer + "; see " + peer.log(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while logging in " + jid, e);
        }
    }

    /** The user's bare JID, e.g. {@code alice@prosody.test}. */
    public String jid() {
        return jid;
    }

    /** Sends a chat message; delivery to another domain goes over the peers' S2S stream. */
    public void send(String toJid, String body) {
        try {
            connection.sendStanza(connection.getStanzaFactory().buildMessageStanza()
                    .to(JidCreate.from(toJid))
                    .ofType(Message.Type.chat)
                    .setBody(body)
                    .build());
        } catch (XmppStringprepException e) {
            throw new IllegalArgumentException("Not a JID: " + toJid, e);
        } catch (SmackException.NotConnectedException e) {
            throw new IllegalStateException(jid + " is not connected", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while sending from " + jid, e);
        }
    }

    /**
     * Waits for a message (not an error bounce) from the bare JID and returns its body, removing it from what
     * arrived; fails after the timeout with everything that did arrive.
     */
    public String awaitMessage(String fromBareJid, Duration timeout) {
        return await(fromBareJid, false, timeout).body();
    }

    /**
     * Waits for an error bounce from the bare JID (the address the user wrote to) and returns its stanza error
     * condition, e.g. {@code remote_server_not_found}; fails after the timeout with everything that did arrive.
     */
    public String awaitError(String fromBareJid, Duration timeout) {
        return await(fromBareJid, true, timeout).error().orElseThrow();
    }

    /**
     * Waits for an error bounce from the bare JID and returns its text (what the server says happened), empty when
     * the bounce has none; fails after the timeout with everything that did arrive.
     */
    public String awaitErrorText(String fromBareJid, Duration timeout) {
        return await(fromBareJid, true, timeout).errorText();
    }

    /** The bodies of every message (not error) from the bare JID that arrived and was not awaited yet, in order. */
    public List<String> messagesFrom(String fromBareJid) {
        synchronized (arrived) {
            return arrived.stream().filter(m -> m.fromBareJid().equals(fromBareJid) && m.error().isEmpty())
                    .map(ArrivedMessage::body).toList();
        }
    }

    private ArrivedMessage await(String fromBareJid, boolean error, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (arrived) {
            while (true) {
                for (ArrivedMessage message : arrived) {
                    if (message.fromBareJid().equals(fromBareJid) && message.error().isPresent() == error) {
                        arrived.remove(message);
                        return message;
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError(jid + " got no " + (error ? "error" : "message") + " from " + fromBareJid
                            + " within " + timeout.toMillis() + " ms; arrived instead: "
                            + (arrived.isEmpty() ? "nothing" : arrived));
                }
                try {
                    arrived.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("Interrupted while waiting for a message to " + jid, e);
                }
            }
        }
    }

    private void arrived(Message message) {
        Optional<String> error = Optional.ofNullable(message.getError()).map(e -> e.getCondition().toString());
        String errorText = Optional.ofNullable(message.getError()).map(e -> e.getDescriptiveText()).orElse("");
        String from = message.getFrom() == null ? "(no from)" : message.getFrom().asBareJid().toString();
        synchronized (arrived) {
            arrived.add(new ArrivedMessage(from, message.getBody(), error, errorText == null ? "" : errorText));
            arrived.notifyAll();
        }
    }

    /**
     * Asks {@code jid} for its service discovery information (XEP-0030) and returns its identities as
     * {@code category/type} and its features.
     */
    public List<String> discoverInfo(String jid) {
        try {
            DiscoverInfo info = ServiceDiscoveryManager.getInstanceFor(connection).discoverInfo(JidCreate.from(jid));
            List<String> found = new ArrayList<>();
            info.getIdentities().forEach(identity -> found.add(identity.getCategory() + "/" + identity.getType()));
            info.getFeatures().forEach(feature -> found.add(feature.getVar()));
            return found;
        } catch (SmackException | XMPPException | XmppStringprepException e) {
            throw new IllegalStateException(this.jid + " got no service discovery answer from " + jid, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while asking " + jid, e);
        }
    }

    /**
     * Asks {@code jid} for its software version (XEP-0092) and returns "result", or the condition of the error it
     * answered with, such as {@code service-unavailable}.
     */
    public String askVersion(String jid) {
        try {
            connection.sendIqRequestAndWaitForResponse(new Version(JidCreate.from(jid)));
            return "result";
        } catch (XMPPException.XMPPErrorException e) {
            return e.getStanzaError().getCondition().toString();
        } catch (SmackException | XmppStringprepException e) {
            throw new IllegalStateException(this.jid + " got no answer to its version request to " + jid, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while asking " + jid, e);
        }
    }

    /**
     * Reads {@code bareJid}'s contact card (XEP-0054) and returns it as XML, or the condition of the error it was
     * answered with, such as {@code service-unavailable}.
     */
    public String readVCard(String bareJid) {
        try {
            VCard card = VCardManager.getInstanceFor(connection).loadVCard(JidCreate.entityBareFrom(bareJid));
            return card.toXML().toString();
        } catch (XMPPException.XMPPErrorException e) {
            return e.getStanzaError().getCondition().toString();
        } catch (SmackException | XMPPException | XmppStringprepException e) {
            throw new IllegalStateException(this.jid + " got no answer to its vCard request to " + bareJid, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while asking " + bareJid, e);
        }
    }

    /** From now on approves every request to see this user's presence, as a client whose user always says yes. */
    public void approveSubscriptionRequests() {
        Roster.getInstanceFor(connection).setSubscriptionMode(Roster.SubscriptionMode.accept_all);
    }

    /** Adds {@code bareJid} to the roster and asks to see their presence (RFC 6121 §3.1.1). */
    public void requestSubscription(String bareJid) {
        try {
            Roster.getInstanceFor(connection).createItemAndRequestSubscription(JidCreate.bareFrom(bareJid), bareJid,
                    null);
        } catch (SmackException | XMPPException | XmppStringprepException e) {
            throw new IllegalStateException(jid + " could not ask " + bareJid + " for a subscription", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while subscribing to " + bareJid, e);
        }
    }

    /** The subscription toward {@code bareJid} as the roster says: none, to, from, both; "absent" with no item. */
    public String subscription(String bareJid) {
        try {
            RosterEntry entry = Roster.getInstanceFor(connection).getEntry(JidCreate.bareFrom(bareJid));
            return entry == null ? "absent" : entry.getType().name();
        } catch (XmppStringprepException e) {
            throw new IllegalArgumentException("Not a JID: " + bareJid, e);
        }
    }

    /** {@code bareJid}'s presence as this client knows it: "unavailable", or the mode and " / status" if any. */
    public String presenceOf(String bareJid) {
        try {
            Presence presence = Roster.getInstanceFor(connection).getPresence(JidCreate.bareFrom(bareJid));
            if (!presence.isAvailable()) {
                return "unavailable";
            }
            return presence.getMode() + (presence.getStatus() == null ? "" : " / " + presence.getStatus());
        } catch (XmppStringprepException e) {
            throw new IllegalArgumentException("Not a JID: " + bareJid, e);
        }
    }

    /** Announces this user's presence: {@code mode} is available, away, dnd or xa. */
    public void announce(String mode, String status) {
        try {
            connection.sendStanza(connection.getStanzaFactory().buildPresenceStanza()
                    .ofType(Presence.Type.available)
                    .setMode(Presence.Mode.fromString(mode))
                    .setStatus(status)
                    .build());
        } catch (SmackException.NotConnectedException e) {
            throw new IllegalStateException(jid + " is not connected", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while announcing " + jid + "'s presence", e);
        }
    }

    /** Logs out and disconnects. */
    @Override
    public void close() {
        connection.disconnect();
    }
}
