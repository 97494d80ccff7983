package dev.parley.interfaces.console.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CsrfTokenTest {

    @Test
    void matchesOnlyTheSessionsOwnToken() {
        assertThat(CsrfToken.matches("abc123", "abc123")).isTrue();
        assertThat(CsrfToken.matches("abc123", "abc124")).isFalse();
        assertThat(CsrfToken.matches("abc123", "abc1234")).isFalse();
        assertThat(CsrfToken.matches("abc123", "")).isFalse();
    }

    @Test
    void noTokenOnEitherSideNeverMatches() {
        assertThat(CsrfToken.matches(null, null)).isFalse();
        assertThat(CsrfToken.matches(null, "abc")).isFalse();
        assertThat(CsrfToken.matches("abc", null)).isFalse();
    }
}
