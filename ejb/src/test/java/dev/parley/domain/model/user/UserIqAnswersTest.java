package dev.parley.domain.model.user;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.domain.model.authorization.AuthorizationLevel;
import dev.parley.domain.model.stanza.StanzaEnvelope;
import dev.parley.domain.model.stanza.StanzaXml;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;

/** What a remote user reads of a local user through IQs, per level, and what an unknown user looks like. */
class UserIqAnswersTest {

    private static final ContactCard ALICE = new ContactCard("Alice Liddell", "Head of Sales", "Corp", "Sales EMEA",
            List.of("+41 44 123 45 67"), "alice@corp.example", "+41 79 123 45 67", "+41 44 765 43 21",
            new Photo("image/png", new byte[] {1, 2, 3}));

    @Test
    void publicReadsNameTitleCompanyBusinessPhoneAndEmail() throws Exception {
        assertThat(vcardFields(AuthorizationLevel.PUBLIC)).containsExactly("FN=Alice Liddell", "TITLE=Head of Sales",
                "ORG/ORGNAME=Corp", "TEL/WORK+VOICE/NUMBER=+41 44 123 45 67", "EMAIL/WORK+INTERNET+PREF/USERID=alice@corp.example");
        assertThat(vcardFields(AuthorizationLevel.BUSINESS)).isEqualTo(vcardFields(AuthorizationLevel.PUBLIC));
    }

    @Test
    void teamMemberReadsTheDepartmentAndTheMobileToo() throws Exception {
        assertThat(vcardFields(AuthorizationLevel.TEAM_MEMBER)).containsExactly("FN=Alice Liddell",
                "TITLE=Head of Sales", "ORG/ORGNAME=Corp", "ORG/ORGUNIT=Sales EMEA",
                "TEL/WORK+VOICE/NUMBER=+41 44 123 45 67", "TEL/WORK+CELL/NUMBER=+41 79 123 45 67",
                "EMAIL/WORK+INTERNET+PREF/USERID=alice@corp.example");
    }

    @Test
    void personalReadsThePrivatePhoneAndThePhoto() throws Exception {
        assertThat(vcardFields(AuthorizationLevel.PERSONAL)).containsExactly("FN=Alice Liddell",
                "TITLE=Head of Sales", "ORG/ORGNAME=Corp", "ORG/ORGUNIT=Sales EMEA",
                "TEL/WORK+VOICE/NUMBER=+41 44 123 45 67", "TEL/WORK+CELL/NUMBER=+41 79 123 45 67",
                "TEL/HOME+VOICE/NUMBER=+41 44 765 43 21", "EMAIL/WORK+INTERNET+PREF/USERID=alice@corp.example",
                "PHOTO/TYPE=image/png", "PHOTO/BINVAL=AQID");
    }

    @Test
    void anUnknownUserADisabledOneAndABlockedDomainGetTheSameServiceUnavailable() throws Exception {
        Element unknown = answer(vcardRequest("alice@parley.test"), Optional.empty(), true, AuthorizationLevel.PERSONAL);
        Element blocked = answer(vcardRequest("alice@parley.test"), Optional.of(ALICE), true,
                AuthorizationLevel.BLOCKED);
        Element fullJid = answer(vcardRequest("alice@parley.test/web"), Optional.of(ALICE), false,
                AuthorizationLevel.PERSONAL);

        for (Element error : List.of(unknown, blocked, fullJid)) {
            assertThat(error.getAttribute("type")).isEqualTo("error");
            assertThat(condition(error)).isEqualTo("service-unavailable");
            assertThat(error.getTextContent()).isEqualTo(unknown.getTextContent());
        }
    }

    @Test
    void aUserIsARegisteredAccountThatAnswersPingAndNothingElse() throws Exception {
        Element info = answer(request("get", "<query xmlns='http://jabber.org/protocol/disco#info'/>"),
                Optional.of(ALICE), true, AuthorizationLevel.PUBLIC);
        Element identity = (Element) info.getElementsByTagNameNS("http://jabber.org/protocol/disco#info", "identity")
                .item(0);
        assertThat(identity.getAttribute("category") + "/" + identity.getAttribute("type"))
                .isEqualTo("account/registered");
        assertThat(info.getElementsByTagNameNS("http://jabber.org/protocol/disco#info", "feature").getLength())
                .isEqualTo(UserIqAnswers.FEATURES.size());

        Element pong = answer(request("get", "<ping xmlns='urn:xmpp:ping'/>"), Optional.of(ALICE), true,
                AuthorizationLevel.PUBLIC);
        assertThat(pong.getAttribute("type")).isEqualTo("result");

        Element version = answer(request("get", "<query xmlns='jabber:iq:version'/>"), Optional.of(ALICE), true,
                AuthorizationLevel.PERSONAL);
        assertThat(condition(version)).isEqualTo("service-unavailable");

        Element overwrite = answer(request("set", "<vCard xmlns='vcard-temp'><FN>Mallory</FN></vCard>"),
                Optional.of(ALICE), true, AuthorizationLevel.PERSONAL);
        assertThat(condition(overwrite)).isEqualTo("forbidden");
    }

    /** The vCard's leaves as PATH=text, with the type flags of TEL and EMAIL joined by '+'. */
    private static List<String> vcardFields(AuthorizationLevel level) throws Exception {
        Element result = answer(vcardRequest("alice@parley.test"), Optional.of(ALICE), true, level);
        assertThat(result.getAttribute("type")).isEqualTo("result");
        assertThat(result.getAttribute("id")).isEqualTo("v1");
        Element vcard = (Element) result.getElementsByTagNameNS(VCardTemp.NAMESPACE, "vCard").item(0);
        List<String> fields = new ArrayList<>();
        for (Node field = vcard.getFirstChild(); field != null; field = field.getNextSibling()) {
            if (!(field instanceof Element element)) {
                continue;
            }
            List<String> flags = new ArrayList<>();
            List<Element> valued = new ArrayList<>();
            for (Node part = element.getFirstChild(); part != null; part = part.getNextSibling()) {
                if (part instanceof Element child) {
                    if (child.getTextContent().isEmpty()) {
                        flags.add(child.getLocalName());
                    } else {
                        valued.add(child);
                    }
                }
            }
            String prefix = element.getLocalName() + (flags.isEmpty() ? "" : "/" + String.join("+", flags));
            if (valued.isEmpty()) {
                fields.add(prefix + "=" + element.getTextContent());
            }
            valued.forEach(child -> fields.add(prefix + "/" + child.getLocalName() + "=" + child.getTextContent()));
        }
        return fields;
    }

    private static StanzaEnvelope vcardRequest(String to) throws Exception {
        return StanzaXml.parse("<iq xmlns='jabber:server' from='tina@prosody.test/phone' to='" + to
                + "' type='get' id='v1'><vCard xmlns='vcard-temp'/></iq>");
    }

    private static StanzaEnvelope request(String type, String payload) throws Exception {
        return StanzaXml.parse("<iq xmlns='jabber:server' from='tina@prosody.test/phone' to='alice@parley.test' type='"
                + type + "' id='v1'>" + payload + "</iq>");
    }

    private static Element answer(StanzaEnvelope request, Optional<ContactCard> user, boolean bare,
            AuthorizationLevel level) throws Exception {
        StanzaEnvelope answer = UserIqAnswers.answer(request, user, bare, level);
        assertThat(answer.from()).isEqualTo(request.to());
        assertThat(answer.to()).isEqualTo(request.from());
        DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new InputSource(new StringReader(answer.xml()))).getDocumentElement();
    }

    private static String condition(Element answer) {
        Element error = (Element) answer.getElementsByTagName("error").item(0);
        for (Node child = error.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element && !"text".equals(element.getLocalName())) {
                return element.getLocalName();
            }
        }
        return null;
    }
}
