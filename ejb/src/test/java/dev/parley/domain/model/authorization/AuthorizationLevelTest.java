package dev.parley.domain.model.authorization;

import static dev.parley.domain.model.authorization.AuthorizationLevel.BLOCKED;
import static dev.parley.domain.model.authorization.AuthorizationLevel.BUSINESS;
import static dev.parley.domain.model.authorization.AuthorizationLevel.PERSONAL;
import static dev.parley.domain.model.authorization.AuthorizationLevel.PUBLIC;
import static dev.parley.domain.model.authorization.AuthorizationLevel.TEAM_MEMBER;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AuthorizationLevelTest {

    @Test
    void levelsRiseFromBlockedToPersonal() {
        assertThat(AuthorizationLevel.values()).containsExactly(BLOCKED, PUBLIC, BUSINESS, TEAM_MEMBER, PERSONAL);
    }

    @Test
    void cappedAtKeepsTheLowerOfTheTwo() {
        assertThat(PERSONAL.cappedAt(BUSINESS)).isEqualTo(BUSINESS);
        assertThat(PUBLIC.cappedAt(BUSINESS)).isEqualTo(PUBLIC);
        assertThat(TEAM_MEMBER.cappedAt(TEAM_MEMBER)).isEqualTo(TEAM_MEMBER);
        assertThat(PERSONAL.cappedAt(BLOCKED)).isEqualTo(BLOCKED);
        assertThat(BLOCKED.cappedAt(PERSONAL)).isEqualTo(BLOCKED);
    }

    @Test
    void onlyBlockedDeniesFederation() {
        assertThat(BLOCKED.allowsFederation()).isFalse();
        assertThat(PUBLIC.allowsFederation()).isTrue();
        assertThat(PERSONAL.allowsFederation()).isTrue();
    }
}
