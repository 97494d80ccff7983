package dev.parley.xmpp.s2s;

import dev.parley.xmpp.testing.TestPki;
import dev.parley.xmpp.tls.ServerCredential;
import dev.parley.xmpp.tls.TlsConfig;
import dev.parley.xmpp.tls.TlsPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The initiating side of SASL EXTERNAL against a receiving server that, like Prosody with
 * {@code s2s_secure_auth}, authenticates only by certificate and offers no dialback: scripted here
 * on a plain JDK TLS socket, so that the engine meets something other than itself.
 */
@Timeout(20)
class OutboundSaslExternalTest {

    private static final TestPki CA = TestPki.create("SASL Test CA");
    private static final char[] PASSWORD = "test".toCharArray();
    private static final String OUR_HEADER_END = "xml:lang='en'>";
    private static final Pattern PING = Pattern.compile("<iq [^>]*id='([^']+)'[^>]*><ping xmlns='urn:xmpp:ping'/></iq>");

    private final LoopbackDns dns = new LoopbackDns();
    private final Inbox inbox = new Inbox();
    private ServerSocket listener;
    private S2sEngine engine;

    @AfterEach
    void stop() throws IOException {
        if (engine != null) {
            engine.close();
        }
        if (listener != null) {
            listener.close();
        }
    }

    @Test
    void authenticatesByCertificateAndRefusesDomainsThatWouldNeedDialback() throws Exception {
        listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        dns.register("b.test", listener.getLocalPort());
        CompletableFuture<String> received = CompletableFuture.supplyAsync(() -> peer(false));
        startEngine();

        engine.send(Stanzas.message("alice@a.test", "bob@b.test", "m1", "first"));
        engine.send(Stanzas.message("room@chat.a.test", "bob@b.test", "m2", "needs dialback"));
        assertThat(Stanzas.errorText(inbox.next()))
                .contains("b.test authenticated only a.test (by SASL EXTERNAL) and offers no dialback to authenticate chat.a.test");
        engine.send(Stanzas.message("alice@a.test", "bob@b.test", "m3", "last"));
        engine.close();

        assertThat(received.get(10, TimeUnit.SECONDS)).contains("first").contains("last").doesNotContain("needs dialback");
        assertThat(inbox.drain()).isEmpty();
    }

    @Test
    void fallsBackToDialbackWhenThePeerRefusesOurCertificate() throws Exception {
        listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        dns.register("b.test", listener.getLocalPort());
        CompletableFuture<String> received = CompletableFuture.supplyAsync(() -> peer(true));
        startEngine();

        engine.send(Stanzas.message("alice@a.test", "bob@b.test", "m1", "after dialback"));
        awaitSent();
        assertThat(engine.sessions()).singleElement().satisfies(session -> {
            assertThat(session.authMethod()).isEqualTo(AuthMethod.DIALBACK);
            assertThat(session.tls()).isPresent();
        });
        engine.close();

        assertThat(received.get(10, TimeUnit.SECONDS)).contains("after dialback");
        assertThat(inbox.drain()).isEmpty();
    }

    /** Waits until the engine has written the stanza to an authenticated session. */
    private void awaitSent() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (engine.sessions().stream().noneMatch(session -> session.stanzasOut() == 1)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("nothing sent within 5 s: " + engine.sessions() + " " + engine.recentFailures());
            }
            Thread.sleep(20);
        }
    }

    private void startEngine() {
        engine = S2sEngine.start(EngineConfig.of(InetAddress.getLoopbackAddress(), 0, Set.of("a.test", "chat.a.test"), dns, dns)
                .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(5))
                .withTls(TlsConfig.of(TlsPolicy.REQUIRED_VALID_CERT, CA.leaf("a.test").dns("a.test").issue(), List.of("a.test"))
                        .withExtraTrustedCas(List.of(CA.certificate()))), inbox);
    }

    /**
     * Plays b.test: STARTTLS required, then SASL EXTERNAL only, or (with {@code refuseSasl}) SASL
     * EXTERNAL that fails and dialback that accepts any key; returns what arrived once authenticated.
     */
    private String peer(boolean refuseSasl) {
        try (Socket plain = listener.accept()) {
            plain.setSoTimeout(10_000);
            readUntil(plain.getInputStream(), OUR_HEADER_END);
            write(plain.getOutputStream(), header("s1") + "<stream:features><starttls xmlns='urn:ietf:params:xml:ns:xmpp-tls'>"
                    + "<required/></starttls></stream:features>");
            readUntil(plain.getInputStream(), "/>");
            write(plain.getOutputStream(), "<proceed xmlns='urn:ietf:params:xml:ns:xmpp-tls'/>");
            SSLSocket tls = (SSLSocket) serverTls().getSocketFactory().createSocket(plain, null, plain.getPort(), true);
            tls.setUseClientMode(false);
            tls.setNeedClientAuth(true);
            tls.startHandshake();
            readUntil(tls.getInputStream(), OUR_HEADER_END);
            write(tls.getOutputStream(), header("s2") + "<stream:features><mechanisms xmlns='urn:ietf:params:xml:ns:xmpp-sasl'>"
                    + "<mechanism>EXTERNAL</mechanism></mechanisms>"
                    + (refuseSasl ? "<dialback xmlns='urn:xmpp:features:dialback'><errors/></dialback>" : "")
                    + "</stream:features>");
            String auth = readUntil(tls.getInputStream(), "</auth>");
            if (!auth.contains("mechanism='EXTERNAL'")) {
                throw new AssertionError("expected SASL EXTERNAL, got " + auth);
            }
            if (refuseSasl) {
                write(tls.getOutputStream(), "<failure xmlns='urn:ietf:params:xml:ns:xmpp-sasl'><not-authorized/></failure>");
                readUntil(tls.getInputStream(), "</db:result>");
                write(tls.getOutputStream(), "<db:result xmlns:db='jabber:server:dialback' from='b.test' to='a.test'"
                        + " type='valid'/>");
                return readAnsweringPings(tls);
            }
            write(tls.getOutputStream(), "<success xmlns='urn:ietf:params:xml:ns:xmpp-sasl'/>");
            readUntil(tls.getInputStream(), OUR_HEADER_END);
            write(tls.getOutputStream(), header("s3") + "<stream:features/>");
            return readAnsweringPings(tls);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static SSLContext serverTls() throws Exception {
        ServerCredential credential = CA.leaf("b.test").dns("b.test").issue();
        KeyStore keys = KeyStore.getInstance("PKCS12");
        keys.load(null, null);
        keys.setKeyEntry("b", credential.key(), PASSWORD, credential.chain().toArray(Certificate[]::new));
        KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keyManagers.init(keys, PASSWORD);
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("ca", CA.certificate());
        TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trustManagers.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keyManagers.getKeyManagers(), trustManagers.getTrustManagers(), null);
        return context;
    }

    private static String header(String id) {
        return "<?xml version='1.0'?><stream:stream xmlns='jabber:server' xmlns:stream='http://etherx.jabber.org/streams'"
                + " from='b.test' to='a.test' id='" + id + "' version='1.0'>";
    }

    private static void write(OutputStream out, String xml) throws IOException {
        out.write(xml.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /**
     * Reads up to our closing tag, answering each ping that asks for a receipt on the same connection, as a server
     * that answers where it was asked may; returns what was read.
     */
    private static String readAnsweringPings(Socket peer) throws IOException {
        StringBuilder read = new StringBuilder();
        int scanned = 0;
        while (read.indexOf("</stream:stream>") < 0) {
            int next = peer.getInputStream().read();
            if (next < 0) {
                break;
            }
            read.append((char) next);
            Matcher ping = PING.matcher(read).region(scanned, read.length());
            if (next == '>' && ping.find()) {
                write(peer.getOutputStream(), "<iq type='result' id='" + ping.group(1) + "' from='b.test' to='a.test'/>");
                scanned = read.length();
            }
        }
        return read.toString();
    }

    /** Reads byte by byte, so that nothing of the next step (such as a TLS handshake) is consumed. */
    private static String readUntil(InputStream in, String end) throws IOException {
        StringBuilder read = new StringBuilder();
        while (read.indexOf(end) < 0) {
            int next = in.read();
            if (next < 0) {
                break;
            }
            read.append((char) next);
        }
        return read.toString();
    }
}
