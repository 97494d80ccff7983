package dev.parley.xmpp.xml;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Trees the writer cannot write are told apart before anything is written, and where the problem is is said. */
class XmlCharactersTest {

    private static XmlElement message(List<XmlAttribute> attributes, String body) {
        return new XmlElement("message", "jabber:server", attributes,
                List.of(new XmlElement("body", "jabber:server", List.of(), List.of(new XmlText(body)))));
    }

    @Test
    void acceptsWhatXml10Allows() {
        XmlElement stanza = message(List.of(XmlAttribute.of("id", "tab\tcr\rlf\n")),
                "emoji 😀, private use \uE000, last BMP \uFFFD, plane 16 \uDBFF\uDFFD");

        assertThatCode(() -> XmlCharacters.requireWritable(stanza)).doesNotThrowAnyException();
        assertThatCode(() -> XmlWriter.write(stanza, NamespaceScope.of("jabber:server"))).doesNotThrowAnyException();
    }

    @Test
    void namesAControlCharacterInATextAndWhereItIs() {
        assertThatThrownBy(() -> XmlCharacters.requireWritable(message(List.of(), "ding\u0001")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("U+0001 in the text of <body/> cannot be written: XML 1.0 does not allow it");
    }

    @Test
    void namesTheAttributeThatHoldsOne() {
        assertThatThrownBy(() -> XmlCharacters.requireWritable(message(List.of(XmlAttribute.of("id", "a\u001Fb")), "hi")))
                .hasMessage("U+001F in attribute 'id' of <message/> cannot be written: XML 1.0 does not allow it");
    }

    @Test
    void refusesNonCharactersAndUnpairedSurrogates() {
        assertThatThrownBy(() -> XmlCharacters.requireWritable(message(List.of(), "\uFFFE")))
                .hasMessageStartingWith("U+FFFE in the text of <body/>");
        assertThatThrownBy(() -> XmlCharacters.requireWritable(message(List.of(), "half \uD83D")))
                .hasMessageStartingWith("U+D83D in the text of <body/>");
        assertThatThrownBy(() -> XmlCharacters.requireWritable(message(List.of(), "\uDE00 half")))
                .hasMessageStartingWith("U+DE00 in the text of <body/>");
    }

    @Test
    void checksNamesAndNamespacesToo() {
        assertThatThrownBy(() -> XmlCharacters.requireWritable(XmlElement.empty("a\u0000", "")))
                .hasMessage("U+0000 in an element name cannot be written: XML 1.0 does not allow it");
        assertThatThrownBy(() -> XmlCharacters.requireWritable(XmlElement.empty("x", "urn:\u0002")))
                .hasMessageStartingWith("U+0002 in the namespace of <x/>");
    }

    @Test
    void walksTreesDeeperThanAnyStackWithoutRecursion() {
        XmlElement deep = new XmlElement("x", "urn:x", List.of(), List.of(new XmlText("\u0007")));
        for (int depth = 0; depth < 200_000; depth++) {
            deep = new XmlElement("x", "urn:x", List.of(), List.of(deep));
        }
        XmlElement tree = deep;

        assertThatThrownBy(() -> XmlCharacters.requireWritable(tree)).hasMessageStartingWith("U+0007 in the text of <x/>");
    }
}
