package dev.parley.domain.model.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class UserNameTest {

    @Test
    void isTheCanonicalLocalpart() {
        assertThat(UserName.of("Alice").value()).isEqualTo("alice");
        assertThat(UserName.of("Alice")).isEqualTo(UserName.of("ALICE"));
        assertThat(UserName.of("alice").jidOn("corp.example")).hasToString("alice@corp.example");
    }

    @Test
    void saysWhatIsWrong() {
        assertThat(UserName.problem("")).hasValue("userName is required");
        assertThat(UserName.problem("a@b")).get().asString().startsWith("userName 'a@b' cannot be the localpart");
        assertThat(UserName.problem("a".repeat(65))).hasValue("userName is 65 characters long; at most 64 are allowed");
        assertThatThrownBy(() -> UserName.of("foo bar")).isInstanceOf(IllegalArgumentException.class);
    }
}
