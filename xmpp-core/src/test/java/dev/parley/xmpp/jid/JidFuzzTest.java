package dev.parley.xmpp.jid;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Any text is either a JID or refused with an {@link InvalidJidException} naming the rule: no other exception; and a
 * JID's canonical form is itself a JID, the same one, as every domain and address is compared in that form.
 */
class JidFuzzTest {

    @FuzzTest(maxDuration = "30s")
    void anyTextIsAJidInACanonicalFormThatParsesBackOrIsRefused(FuzzedDataProvider data) {
        String text = data.consumeRemainingAsString();
        Jid jid;
        try {
            jid = Jid.parse(text);
        } catch (InvalidJidException refused) {
            return;
        }
        Jid again = Jid.parse(jid.toString());
        assertThat(again).isEqualTo(jid);
        assertThat(again.toString()).isEqualTo(jid.toString());
        assertThat(Jid.parse(jid.toDisplayString())).as("the display form names the same JID").isEqualTo(jid);
    }
}
