package dev.parley.domain.model.stanza;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/** Every IQ get and set from a remote entity gets an answer: the server's own, or service-unavailable. */
class IqAnswersTest {

    private static StanzaEnvelope request(String to, String type, String payload) throws Exception {
        return StanzaXml.parse("<iq xmlns='jabber:server' from='tina@prosody.test/phone' to='" + to + "' type='" + type
                + "' id='q1'>" + payload + "</iq>");
    }

    private static Element parsed(StanzaEnvelope answer) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
        factory.setNamespaceAware(true);
        Document document = factory.newDocumentBuilder().parse(new InputSource(new StringReader(answer.xml())));
        return document.getDocumentElement();
    }

    private static String condition(Element iq) {
        Element error = (Element) iq.getElementsByTagNameNS("jabber:server", "error").item(0);
        return error.getElementsByTagNameNS("urn:ietf:params:xml:ns:xmpp-stanzas", "*").item(0).getLocalName();
    }

    @Test
    void theServerTellsItsIdentityAndFeatures() throws Exception {
        StanzaEnvelope answer = IqAnswers.answer(request("parley.test", "get",
                "<query xmlns='http://jabber.org/protocol/disco#info'/>"));

        assertThat(answer.type()).isEqualTo("result");
        assertThat(answer.from()).isEqualTo("parley.test");
        assertThat(answer.to()).isEqualTo("tina@prosody.test/phone");
        assertThat(answer.id()).isEqualTo("q1");
        Element iq = parsed(answer);
        assertThat(iq.getNamespaceURI()).isEqualTo("jabber:server");
        Element identity = (Element) iq.getElementsByTagNameNS(IqAnswers.DISCO_INFO, "identity").item(0);
        assertThat(identity.getAttribute("category")).isEqualTo("server");
        assertThat(identity.getAttribute("type")).isEqualTo("im");
        NodeList features = iq.getElementsByTagNameNS(IqAnswers.DISCO_INFO, "feature");
        assertThat(features.getLength()).isEqualTo(3);
        assertThat(((Element) features.item(2)).getAttribute("var")).isEqualTo(IqAnswers.PING);
    }

    @Test
    void theServerHasNoItemsAndAnswersPings() throws Exception {
        Element items = parsed(IqAnswers.answer(request("parley.test", "get",
                "<query xmlns='http://jabber.org/protocol/disco#items'/>")));
        assertThat(items.getAttribute("type")).isEqualTo("result");
        assertThat(items.getElementsByTagNameNS(IqAnswers.DISCO_ITEMS, "query").getLength()).isEqualTo(1);
        assertThat(items.getElementsByTagNameNS(IqAnswers.DISCO_ITEMS, "item").getLength()).isZero();

        Element pong = parsed(IqAnswers.answer(request("parley.test", "get", "<ping xmlns='urn:xmpp:ping'/>")));
        assertThat(pong.getAttribute("type")).isEqualTo("result");
        assertThat(pong.getChildNodes().getLength()).isZero();
    }

    @Test
    void everythingElseIsServiceUnavailable() throws Exception {
        for (StanzaEnvelope request : new StanzaEnvelope[] {
                request("parley.test", "get", "<query xmlns='jabber:iq:version'/>"),
                request("parley.test", "get", "<query xmlns='http://jabber.org/protocol/disco#info' node='x'/>"),
                request("parley.test", "set", "<query xmlns='jabber:iq:register'/>"),
                request("parley.test", "set", "<ping xmlns='urn:xmpp:ping'/>"),
                request("parley.test", "get", "")}) {
            Element answer = parsed(IqAnswers.answer(request));

            assertThat(answer.getAttribute("type")).as(request.xml()).isEqualTo("error");
            assertThat(condition(answer)).as(request.xml()).isEqualTo("service-unavailable");
            assertThat(answer.getAttribute("id")).isEqualTo("q1");
        }
    }

    @Test
    void onlyGetAndSetAreAnswered() throws Exception {
        StanzaEnvelope result = request("parley.test", "result", "");

        assertThat(IqRequest.isRequest(result)).isFalse();
        assertThatThrownBy(() -> IqAnswers.answer(result)).isInstanceOf(IllegalArgumentException.class);
        assertThat(IqRequest.isRequest(StanzaXml.parse("<message from='a@b.test' to='c@parley.test'/>"))).isFalse();
    }

    @Test
    void theServerAnswersOnlyWhatIsAddressedToItself() throws Exception {
        assertThat(IqAnswers.isForTheServer(request("parley.test", "get", ""))).isTrue();
        assertThat(IqAnswers.isForTheServer(request("alice@parley.test", "get", ""))).isFalse();
        assertThat(IqAnswers.isForTheServer(request("parley.test/admin", "get", ""))).isFalse();
        assertThat(IqAnswers.isForTheServer(request("parley.test", "result", ""))).isFalse();
    }
}
