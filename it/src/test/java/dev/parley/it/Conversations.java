package dev.parley.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.it.peers.XmppUser;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;

/** A new local user and a new user of a real peer exchange one message each way, as people would. */
final class Conversations {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private Conversations() {
    }

    /**
     * The local user (through the user API) greets the remote one of {@code server}, whose client answers; each side
     * gets the other's message.
     */
    static void bothWays(RealPeers peers, String server, String localName, String remoteName, String greeting)
            throws Exception {
        String local = ItEnvironment.localUser(localName);
        LocalUserApi localApi = new LocalUserApi(local);
        try (XmppUser remote = peers.user(server, remoteName, "secret-" + remoteName)) {
            HttpResponse<String> sent = localApi.send(remote.jid(), greeting);
            assertThat(sent.statusCode()).as(sent.body()).isEqualTo(202);
            assertThat(remote.awaitMessage(local, WAIT)).isEqualTo(greeting);

            String answer = "Hello back from " + server + " " + UUID.randomUUID();
            remote.send(local, answer);
            Eventually.equals("the answer from " + server + " reached the local user", () -> localApi.messages()
                    .stream().anyMatch(message -> message.getString("xml").contains(answer)), true, WAIT);
        }
    }
}
