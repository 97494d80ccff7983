package dev.parley.xmpp.xml;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class XmlElementTest {

    private static final XmlElement BODY = XmlElement.empty("body", "jabber:server");
    private static final XmlElement THREAD = XmlElement.empty("thread", "jabber:server");

    @Test
    void elementsSkipTextBetweenThemInDocumentOrder() {
        XmlElement message = new XmlElement("message", "jabber:server", List.of(),
                List.of(new XmlText("\n  "), BODY, new XmlText(" "), THREAD, new XmlText("\n")));

        assertThat(message.elements()).containsExactly(BODY, THREAD);
    }

    @Test
    void elementsOfAnElementWithoutTextAreItsChildren() {
        XmlElement message = new XmlElement("message", "jabber:server", List.of(), List.of(BODY, THREAD));

        assertThat(message.elements()).containsExactly(BODY, THREAD);
    }

    @Test
    void elementsOfTextOnlyOrNothingAreNone() {
        assertThat(new XmlElement("body", "jabber:server", List.of(), List.of(new XmlText("hi"))).elements()).isEmpty();
        assertThat(BODY.elements()).isEmpty();
    }

    @Test
    void elementsCannotBeChangedEitherWay() {
        XmlElement withText = new XmlElement("message", "jabber:server", List.of(), List.of(new XmlText(" "), BODY));
        XmlElement withoutText = new XmlElement("message", "jabber:server", List.of(), List.of(BODY));

        assertThatThrownBy(() -> withText.elements().add(THREAD)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> withoutText.elements().add(THREAD)).isInstanceOf(UnsupportedOperationException.class);
        assertThat(withoutText.children()).containsExactly(BODY);
    }
}
