package dev.parley.it;

import static dev.parley.it.RawS2s.STREAMS;
import static dev.parley.it.RawS2s.exchange;
import static dev.parley.it.RawS2s.freePort;
import static dev.parley.it.RawS2s.header;
import static dev.parley.it.RawS2s.listening;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.it.ParleyAdmin.Federation;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.http.HttpResponse;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.w3c.dom.Element;
import org.xml.sax.InputSource;

/**
 * The resource adapter's S2S listener follows the stored settings at once, without a redeploy:
 * it answers remote servers' stream headers while federation is on, is gone while it is off, and
 * moves when the port changes; settings it cannot bind are refused with the reason.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class S2sListenerHotApplyIT {

    @BeforeEach
    void federationOn() throws Exception {
        ParleyAdmin.settings(Federation.on());
    }

    @AfterAll
    static void federationOff() throws Exception {
        ParleyAdmin.settings(Federation.on().off());
    }

    @Test
    void listenerClosesWhenFederationIsSwitchedOffAndReopensWhenOn() throws Exception {
        assertThat(listening(ItEnvironment.S2S_PORT)).isTrue();
        JsonObject running = ParleyAdmin.federationStatus();
        assertThat(running.getString("state")).isEqualTo("RUNNING");
        assertThat(running.getString("listening")).isEqualTo(ItEnvironment.address() + ":" + ItEnvironment.S2S_PORT);
        assertThat(running.getJsonArray("localDomains").getString(0)).isEqualTo(ItEnvironment.XMPP_DOMAIN);

        ParleyAdmin.settings(Federation.on().off());
        assertThat(listening(ItEnvironment.S2S_PORT)).as("listening while off").isFalse();
        assertThat(ParleyAdmin.federationStatus().getString("state")).isEqualTo("OFF");

        ParleyAdmin.settings(Federation.on());
        assertThat(listening(ItEnvironment.S2S_PORT)).as("listening when on again").isTrue();
        assertThat(exchange(header("parley.test"), "</stream:features>", "<stream:features/>")).contains("features");
    }

    @Test
    void changingThePortMovesTheListener() throws Exception {
        int newPort = freePort();

        ParleyAdmin.settings(Federation.on().withPort(newPort));
        try {
            assertThat(listening(newPort)).as("listening on the new port").isTrue();
            assertThat(listening(ItEnvironment.S2S_PORT)).as("listening on the old port").isFalse();
            assertThat(exchange(newPort, header("parley.test"), "</stream:features>", "<stream:features/>"))
                    .contains("features");
        } finally {
            ParleyAdmin.settings(Federation.on());
        }
        assertThat(listening(ItEnvironment.S2S_PORT)).isTrue();
    }

    @Test
    void refusesAnAddressItCannotBindAndKeepsListening() throws Exception {
        String before = ParleyHttp.asAdmin().get(ParleyAdmin.SETTINGS).body();

        // TEST-NET-1 (RFC 5737) is never assigned to this machine: binding fails before any packet is sent.
        HttpResponse<String> response = ParleyAdmin.trySettings(Federation.on(), "192.0.2.1");

        assertThat(response.statusCode()).isEqualTo(400);
        JsonObject problem = (JsonObject) ParleyHttp.json(response);
        assertThat(problem.getJsonArray("problems").toString()).contains("192.0.2.1");
        assertThat(ParleyHttp.asAdmin().get(ParleyAdmin.SETTINGS).body()).isEqualTo(before);
        assertThat(listening(ItEnvironment.S2S_PORT)).isTrue();
    }

    @Test
    void answersStreamHeaderWithHeaderAndFeatures() throws Exception {
        String answer = exchange("<?xml version='1.0'?><stream:stream xmlns='jabber:server' xmlns:stream='" + STREAMS
                + "' from='remote.example' to='parley.test' version='1.0'>", "</stream:features>", "<stream:features/>");

        // The stream stays open; close it on paper to read what arrived as one document.
        Element stream = parse(answer + "</stream:stream>");
        assertThat(stream.getLocalName()).isEqualTo("stream");
        assertThat(stream.getNamespaceURI()).isEqualTo(STREAMS);
        assertThat(stream.getAttribute("from")).isEqualTo("parley.test");
        assertThat(stream.getAttribute("to")).isEqualTo("remote.example");
        assertThat(stream.getAttribute("version")).isEqualTo("1.0");
        assertThat(stream.getAttribute("id")).hasSizeGreaterThanOrEqualTo(16);
        assertThat(stream.getElementsByTagNameNS(STREAMS, "features").getLength()).isEqualTo(1);
    }

    @Test
    void refusesStreamForADomainItDoesNotServe() throws Exception {
        String answer = exchange("<?xml version='1.0'?><stream:stream xmlns='jabber:server' xmlns:stream='" + STREAMS
                + "' from='remote.example' to='elsewhere.example' version='1.0'>", "</stream:stream>");

        Element stream = parse(answer);
        Element error = (Element) stream.getElementsByTagNameNS(STREAMS, "error").item(0);
        assertThat(error).isNotNull();
        assertThat(error.getElementsByTagNameNS("urn:ietf:params:xml:ns:xmpp-streams", "host-unknown").getLength())
                .isEqualTo(1);
    }

    private static Element parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml))).getDocumentElement();
    }
}
