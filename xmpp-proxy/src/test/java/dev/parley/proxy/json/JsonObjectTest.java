package dev.parley.proxy.json;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JsonObjectTest {

    @Test
    void writesMembersInTheOrderAdded() {
        assertThat(new JsonObject().add("name", "value").add("flag", true).add("count", 42L).add("none", null))
                .hasToString("{\"name\":\"value\",\"flag\":true,\"count\":42,\"none\":null}");
        assertThat(new JsonObject()).hasToString("{}");
    }

    @Test
    void escapesQuotesBackslashesAndControlCharacters() {
        assertThat(new JsonObject().add("text", "say \"hi\"\\\n\r\t\u0000\u001f\u007f end"))
                .hasToString("{\"text\":\"say \\\"hi\\\"\\\\\\n\\r\\t\\u0000\\u001f\u007f end\"}");
    }

    @Test
    void escapesTheUnicodeLineSeparators() {
        assertThat(new JsonObject().add("text", "a\u2028b\u2029c")).hasToString("{\"text\":\"a\\u2028b\\u2029c\"}");
    }

    @Test
    void keepsLettersBeyondAsciiAndReplacesLoneSurrogates() {
        assertThat(new JsonObject().add("text", "bücher \uD83D\uDE00 \uD83D x \uDE00"))
                .hasToString("{\"text\":\"bücher \uD83D\uDE00 \uFFFD x \uFFFD\"}");
    }

    @Test
    void escapesNamesToo() {
        assertThat(new JsonObject().add("a\"b", 1)).hasToString("{\"a\\\"b\":1}");
    }
}
