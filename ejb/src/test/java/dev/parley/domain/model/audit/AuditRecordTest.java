package dev.parley.domain.model.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class AuditRecordTest {

    private static final Instant AT = Instant.parse("2026-11-26T10:15:30.123456789Z");

    private static AuditRecord refusedWith(String detail) {
        return new AuditRecord(AT, AuditKind.REFUSED, AuditDirection.INBOUND, "corp.example", "peer.example",
                "192.0.2.7:40112", null, null, detail);
    }

    @Test
    void keepsShortTextsAsTheyAre() {
        AuditRecord record = new AuditRecord(AT, AuditKind.STREAM_OPENED, AuditDirection.OUTBOUND, "corp.example",
                "jabber.example", "[2001:db8::1]:5269", "SASL EXTERNAL", "TLSv1.3 TLS_AES_128_GCM_SHA256", "stream ready");

        assertThat(record.remoteAddress()).isEqualTo("[2001:db8::1]:5269");
        assertThat(record.authMethod()).isEqualTo("SASL EXTERNAL");
        assertThat(record.tls()).isEqualTo("TLSv1.3 TLS_AES_128_GCM_SHA256");
        assertThat(record.detail()).isEqualTo("stream ready");
    }

    @Test
    void cutsALongDetailToItsColumnWithAnEllipsis() {
        AuditRecord record = refusedWith("a".repeat(5000));

        assertThat(record.detail()).hasSize(AuditRecord.MAX_DETAIL_LENGTH).endsWith("a\u2026");
        assertThat(refusedWith("b".repeat(AuditRecord.MAX_DETAIL_LENGTH)).detail()).isEqualTo("b".repeat(1024));
    }

    @Test
    void neverCutsASurrogatePairInHalf() {
        // U+1F600 is two chars; place one so that the cut would fall between them.
        String detail = "a".repeat(AuditRecord.MAX_DETAIL_LENGTH - 2) + "\uD83D\uDE00" + "tail";

        String kept = refusedWith(detail).detail();

        assertThat(kept).hasSizeLessThanOrEqualTo(AuditRecord.MAX_DETAIL_LENGTH).endsWith("a\u2026");
        assertThat(kept.codePoints().noneMatch(c -> Character.isSurrogate((char) c))).isTrue();
    }

    @Test
    void replacesControlCharactersThatDatabasesOrLogReadersChokeOn() {
        AuditRecord record = refusedWith("bad\u0000name\r\nforged line\t!");

        assertThat(record.detail()).isEqualTo("bad name  forged line !");
    }

    @Test
    void keepsDomainsInLowerCaseAndBlankTextsAsNull() {
        AuditRecord record = new AuditRecord(AT, AuditKind.STREAM_CLOSED, AuditDirection.INBOUND, " Corp.Example ",
                "Jabber.EXAMPLE", "  ", "", null, " \n ");

        assertThat(record.localDomain()).isEqualTo("corp.example");
        assertThat(record.remoteDomain()).isEqualTo("jabber.example");
        assertThat(record.remoteAddress()).isNull();
        assertThat(record.authMethod()).isNull();
        assertThat(record.tls()).isNull();
        assertThat(record.detail()).isNull();
    }

    @Test
    void cutsEveryTextToItsColumn() {
        AuditRecord record = new AuditRecord(AT, AuditKind.REFUSED, AuditDirection.INBOUND, "l".repeat(300),
                "r".repeat(300), "a".repeat(300), "m".repeat(100), "t".repeat(200), null);

        assertThat(record.localDomain()).hasSize(AuditRecord.MAX_DOMAIN_LENGTH);
        assertThat(record.remoteDomain()).hasSize(AuditRecord.MAX_DOMAIN_LENGTH);
        assertThat(record.remoteAddress()).hasSize(AuditRecord.MAX_ADDRESS_LENGTH);
        assertThat(record.authMethod()).hasSize(AuditRecord.MAX_AUTH_METHOD_LENGTH);
        assertThat(record.tls()).hasSize(AuditRecord.MAX_TLS_LENGTH);
    }

    @Test
    void keepsTimeToTheMicrosecondAsTheDatabasesDo() {
        assertThat(refusedWith(null).at()).isEqualTo(Instant.parse("2026-11-26T10:15:30.123456Z"));
    }

    @Test
    void requiresTimeKindAndDirection() {
        assertThatThrownBy(() -> new AuditRecord(null, AuditKind.REFUSED, AuditDirection.INBOUND, null, null, null, null, null, null))
                .isInstanceOf(NullPointerException.class).hasMessage("at");
        assertThatThrownBy(() -> new AuditRecord(AT, null, AuditDirection.INBOUND, null, null, null, null, null, null))
                .isInstanceOf(NullPointerException.class).hasMessage("kind");
        assertThatThrownBy(() -> new AuditRecord(AT, AuditKind.REFUSED, null, null, null, null, null, null, null))
                .isInstanceOf(NullPointerException.class).hasMessage("direction");
    }

    @Test
    void settingsChangesHaveNoDirectionNorDomains() {
        AuditRecord record = AuditRecord.settingsChanged(AT, "admin: enabled false -> true");

        assertThat(record.kind()).isEqualTo(AuditKind.SETTINGS_CHANGED);
        assertThat(record.direction()).isEqualTo(AuditDirection.NONE);
        assertThat(record.remoteDomain()).isNull();
        assertThat(record.detail()).isEqualTo("admin: enabled false -> true");
    }
}
