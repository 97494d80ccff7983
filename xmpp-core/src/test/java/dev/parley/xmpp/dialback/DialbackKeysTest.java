package dev.parley.xmpp.dialback;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** XEP-0185: dialback keys. */
class DialbackKeysTest {

    @Test
    void computesTheKeyOfTheXep0185Example() {
        // XEP-0185 §2: secret, receiving server, originating server, stream id and the resulting key.
        DialbackKeys keys = new DialbackKeys("s3cr3tf0rd14lb4ck");

        assertThat(keys.key("xmpp.example.com", "example.org", "D60000229F"))
                .isEqualTo("37c69b1cf07a3f67c04a5ef5902fa5114f2c76fe4a2686482ba5b89323075643");
    }

    @Test
    void bindsTheKeyToEveryInput() {
        DialbackKeys keys = new DialbackKeys("secret");
        String key = keys.key("r.example", "o.example", "id1");

        assertThat(keys.key("o.example", "r.example", "id1")).isNotEqualTo(key);
        assertThat(keys.key("r.example", "o.example", "id2")).isNotEqualTo(key);
        assertThat(new DialbackKeys("other").key("r.example", "o.example", "id1")).isNotEqualTo(key);
    }

    @Test
    void acceptsOnlyTheKeyItIssued() {
        DialbackKeys keys = DialbackKeys.random();
        String key = keys.key("r.example", "o.example", "id1");

        assertThat(keys.matches(key, "r.example", "o.example", "id1")).isTrue();
        assertThat(keys.matches(key, "r.example", "o.example", "id2")).isFalse();
        String altered = (key.charAt(0) == 'a' ? 'b' : 'a') + key.substring(1);
        assertThat(keys.matches(altered, "r.example", "o.example", "id1")).isFalse();
        assertThat(DialbackKeys.random().matches(key, "r.example", "o.example", "id1")).isFalse();
    }
}
