package dev.parley.xmpp.s2s;

import dev.parley.xmpp.xml.XmlElement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.Timeout;

import java.net.InetAddress;
import java.util.Set;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two engines on 127.0.0.1 federating with Server Dialback: outbound sessions, the inbound
 * receiving side, and the authoritative verify step, all over real sockets.
 */
@Timeout(30)
class S2sFederationTest {

    private final LoopbackDns dns = new LoopbackDns();
    private final Inbox inboxA = new Inbox();
    private final Inbox inboxB = new Inbox();
    @RegisterExtension
    final StartedEngines engines = new StartedEngines();
    private S2sEngine a;
    private S2sEngine b;

    private void start(Set<String> domainsOfA) {
        a = engines.start(EngineConfig.of(InetAddress.getLoopbackAddress(), 0, domainsOfA, dns, dns), inboxA);
        b = engines.start(EngineConfig.of(InetAddress.getLoopbackAddress(), 0, Set.of("b.test"), dns, dns), inboxB);
        domainsOfA.forEach(domain -> dns.register(domain, a.localAddress().getPort()));
        dns.register("b.test", b.localAddress().getPort());
    }

    @Test
    void exchangesMessagesBothWaysAuthenticatedByDialback() throws InterruptedException {
        start(Set.of("a.test"));

        a.send(Stanzas.message("alice@a.test/phone", "bob@b.test", "m1", "hello Bob"));
        XmlElement atB = inboxB.next();
        b.send(Stanzas.message("bob@b.test", "alice@a.test/phone", "m2", "hello Alice"));
        XmlElement atA = inboxA.next();

        assertThat(atB.attribute("from")).hasValue("alice@a.test/phone");
        assertThat(atB.attribute("id")).hasValue("m1");
        assertThat(Stanzas.body(atB)).isEqualTo("hello Bob");
        assertThat(atA.attribute("to")).hasValue("alice@a.test/phone");
        assertThat(Stanzas.body(atA)).isEqualTo("hello Alice");
        assertThat(a.sessions()).anySatisfy(session -> {
            assertThat(session.direction()).isEqualTo(SessionDirection.OUTBOUND);
            assertThat(session.state()).isEqualTo(SessionState.AUTHENTICATED);
            assertThat(session.localDomains()).containsExactly("a.test");
            assertThat(session.peerDomains()).containsExactly("b.test");
            // m1, and our answer to B's ping asking for the receipt of m2 if it came yet
            assertThat(session.stanzasOut()).isBetween(1L, 2L);
            assertThat(session.authMethod()).isEqualTo(AuthMethod.DIALBACK);
        });
        assertThat(b.sessions()).anySatisfy(session -> {
            assertThat(session.direction()).isEqualTo(SessionDirection.INBOUND);
            assertThat(session.state()).isEqualTo(SessionState.AUTHENTICATED);
            assertThat(session.localDomains()).containsExactly("b.test");
            assertThat(session.peerDomains()).containsExactly("a.test");
            assertThat(session.stanzasIn()).isEqualTo(1);
            assertThat(session.remoteAddress()).hasValueSatisfying(address ->
                    assertThat(address.getAddress().isLoopbackAddress()).isTrue());
        });
    }

    @Test
    void deliversStanzasQueuedBeforeAuthenticationInOrder() throws InterruptedException {
        start(Set.of("a.test"));

        for (int i = 0; i < 20; i++) {
            a.send(Stanzas.message("alice@a.test", "bob@b.test", "m" + i, "message " + i));
        }

        assertThat(inboxB.next(20)).extracting(Stanzas::body)
                .containsExactlyElementsOf(IntStream.range(0, 20).mapToObj(i -> "message " + i).toList());
    }

    @Test
    void piggyBacksSecondLocalDomainOnTheSameStream() throws InterruptedException {
        start(Set.of("a.test", "chat.a.test"));

        a.send(Stanzas.message("alice@a.test", "bob@b.test", "m1", "from a.test"));
        inboxB.next();
        a.send(Stanzas.message("room@chat.a.test", "bob@b.test", "m2", "from chat.a.test"));
        XmlElement second = inboxB.next();

        assertThat(second.attribute("from")).hasValue("room@chat.a.test");
        assertThat(a.sessions()).filteredOn(session -> session.direction() == SessionDirection.OUTBOUND)
                .singleElement()
                .satisfies(session -> assertThat(session.localDomains()).containsExactlyInAnyOrder("a.test", "chat.a.test"));
        assertThat(b.sessions()).filteredOn(session -> session.direction() == SessionDirection.INBOUND
                        && session.state() == SessionState.AUTHENTICATED)
                .singleElement()
                .satisfies(session -> assertThat(session.peerDomains()).containsExactlyInAnyOrder("a.test", "chat.a.test"));
    }
}
