package dev.parley.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.StringReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.w3c.dom.Element;
import org.xml.sax.InputSource;

/** The resource adapter's S2S listener answers a remote server's stream header on port 5269. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class S2sListenerIT {

    private static final String STREAMS = "http://etherx.jabber.org/streams";

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

    /** Sends the text and reads until one of the markers arrived or the server closed the stream. */
    private static String exchange(String send, String... untilAny) throws Exception {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(ItEnvironment.address(), ItEnvironment.S2S_PORT), 5000);
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(send.getBytes(StandardCharsets.UTF_8));
            socket.getOutputStream().flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            byte[] buffer = new byte[4096];
            int read;
            while ((read = in.read(buffer)) != -1) {
                received.write(buffer, 0, read);
                String text = received.toString(StandardCharsets.UTF_8);
                for (String marker : untilAny) {
                    if (text.contains(marker)) {
                        return text;
                    }
                }
            }
            return received.toString(StandardCharsets.UTF_8);
        }
    }

    private static Element parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml))).getDocumentElement();
    }
}
