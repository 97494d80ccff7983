package dev.parley.infrastructure.persistence.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import org.junit.jupiter.api.Test;

/** The migrations run on H2, the embedded default, and leave the default settings row and an empty certificate row. */
class SchemaMigrationScriptsTest {

    @Test
    void migrationsCreateTheSchemaWithDefaultSettings() throws Exception {
        String url = "jdbc:h2:mem:migration-test;DB_CLOSE_DELAY=-1";
        SchemaMigration.migrations().dataSource(url, "sa", "").load().migrate();

        try (Connection connection = DriverManager.getConnection(url, "sa", "");
             ResultSet row = connection.createStatement().executeQuery(
                     "SELECT enabled, mode, s2s_port, s2s_bind_address, proxy_port, tls_policy, private_federation"
                             + " FROM federation_settings")) {
            assertThat(row.next()).isTrue();
            assertThat(row.getBoolean("enabled")).isFalse();
            assertThat(row.getString("mode")).isEqualTo("DIRECT");
            assertThat(row.getInt("s2s_port")).isEqualTo(5269);
            assertThat(row.getString("s2s_bind_address")).isEqualTo("127.0.0.1");
            assertThat(row.getInt("proxy_port")).isEqualTo(5275);
            assertThat(row.getString("tls_policy")).as("TLS required by default").isEqualTo("REQUIRED_IGNORE_CERT_ERRORS");
            assertThat(row.getBoolean("private_federation")).as("private federation off").isFalse();
            assertThat(row.next()).isFalse();
        }
    }

    @Test
    void theTlsDefaultChangesOnlyWhereNoAdministratorSavedTheSettings() throws Exception {
        String untouched = "jdbc:h2:mem:tls-default-untouched;DB_CLOSE_DELAY=-1";
        String chosen = "jdbc:h2:mem:tls-default-chosen;DB_CLOSE_DELAY=-1";
        SchemaMigration.migrations().dataSource(untouched, "sa", "").target("10").load().migrate();
        SchemaMigration.migrations().dataSource(chosen, "sa", "").target("10").load().migrate();
        try (Connection connection = DriverManager.getConnection(chosen, "sa", "")) {
            connection.createStatement().executeUpdate("UPDATE federation_settings SET version = 1,"
                    + " updated_at = CURRENT_TIMESTAMP, updated_by = 'admin' WHERE id = 1");
        }

        SchemaMigration.migrations().dataSource(untouched, "sa", "").load().migrate();
        SchemaMigration.migrations().dataSource(chosen, "sa", "").load().migrate();

        assertThat(tlsPolicy(untouched)).isEqualTo("REQUIRED_IGNORE_CERT_ERRORS");
        assertThat(tlsPolicy(chosen)).as("OPTIONAL as an administrator saved it").isEqualTo("OPTIONAL");
    }

    private static String tlsPolicy(String url) throws Exception {
        try (Connection connection = DriverManager.getConnection(url, "sa", "");
             ResultSet row = connection.createStatement().executeQuery("SELECT tls_policy FROM federation_settings")) {
            assertThat(row.next()).isTrue();
            return row.getString(1);
        }
    }

    @Test
    void archiveIdsFromTheSequenceStartAboveEveryIdTheIdentityGave() throws Exception {
        String url = "jdbc:h2:mem:archive-sequence-test;DB_CLOSE_DELAY=-1";
        SchemaMigration.migrations().dataSource(url, "sa", "").target("9").load().migrate();
        try (Connection connection = DriverManager.getConnection(url, "sa", "")) {
            String insert = "INSERT INTO archived_stanza (kind, sender, recipient, xml, received_at)"
                    + " VALUES ('MESSAGE', 'a@remote.example', 'b@parley.example', '<message/>', CURRENT_TIMESTAMP)";
            connection.createStatement().executeUpdate(insert);
            connection.createStatement().executeUpdate(insert.replace("(kind,", "(id, kind,")
                    .replace("VALUES (", "VALUES (500, "));
        }

        SchemaMigration.migrations().dataSource(url, "sa", "").load().migrate();

        try (Connection connection = DriverManager.getConnection(url, "sa", "")) {
            long first = nextArchiveId(connection);
            // Hibernate's pooled ids: a value v stands for the 50 ids from v - 49 to v.
            assertThat(first - 49).as("the first id Hibernate takes").isEqualTo(502);
            assertThat(nextArchiveId(connection)).as("the next 50").isEqualTo(first + 50);
        }
    }

    private static long nextArchiveId(Connection connection) throws Exception {
        try (ResultSet next = connection.createStatement().executeQuery("SELECT NEXT VALUE FOR archived_stanza_seq")) {
            assertThat(next.next()).isTrue();
            return next.getLong(1);
        }
    }

    @Test
    void auditMigrationCreatesTheAuditTableWithItsIndexes() throws Exception {
        String url = "jdbc:h2:mem:audit-migration-test;DB_CLOSE_DELAY=-1";
        SchemaMigration.migrations().dataSource(url, "sa", "").load().migrate();

        try (Connection connection = DriverManager.getConnection(url, "sa", "");
             var insert = connection.prepareStatement("INSERT INTO federation_audit (occurred_at, kind, direction,"
                     + " remote_domain, detail, recorded_at) VALUES (CURRENT_TIMESTAMP, 'REFUSED', 'INBOUND', ?, ?, CURRENT_TIMESTAMP)")) {
            // The longest texts AuditRecord lets through fit.
            insert.setString(1, "x".repeat(255));
            insert.setString(2, "d".repeat(1024));
            assertThat(insert.executeUpdate()).isEqualTo(1);

            var indexedColumns = new java.util.TreeSet<String>();
            try (ResultSet index = connection.getMetaData().getIndexInfo(null, "PUBLIC", "FEDERATION_AUDIT", false, false)) {
                while (index.next()) {
                    indexedColumns.add(index.getString("INDEX_NAME") + "." + index.getShort("ORDINAL_POSITION")
                            + "=" + index.getString("COLUMN_NAME"));
                }
            }
            assertThat(indexedColumns).contains(
                    "FEDERATION_AUDIT_OCCURRED_AT_IDX.1=OCCURRED_AT",
                    "FEDERATION_AUDIT_REMOTE_DOMAIN_IDX.1=REMOTE_DOMAIN",
                    "FEDERATION_AUDIT_REMOTE_DOMAIN_IDX.2=OCCURRED_AT");
        }
    }

    @Test
    void authorizationMigrationAddsTheSettingsAndSeedsCanonicalAuthorizations() throws Exception {
        String url = "jdbc:h2:mem:authorization-migration-test;DB_CLOSE_DELAY=-1";
        SchemaMigration.migrations().dataSource(url, "sa", "").load().migrate();

        try (Connection connection = DriverManager.getConnection(url, "sa", "")) {
            try (ResultSet settings = connection.createStatement().executeQuery(
                    "SELECT max_level, outbound_retry_window_seconds FROM federation_settings")) {
                assertThat(settings.next()).isTrue();
                assertThat(settings.getString("max_level")).isEqualTo("PERSONAL");
                assertThat(settings.getInt("outbound_retry_window_seconds")).isEqualTo(3600);
            }
            var seeded = new java.util.TreeMap<String, String>();
            try (ResultSet rows = connection.createStatement().executeQuery(
                    "SELECT pattern, protocol, level, tls_policy, note, created_by, updated_by, version"
                            + " FROM domain_authorization")) {
                while (rows.next()) {
                    String pattern = rows.getString("pattern");
                    // The stored pattern is what the application would store: canonical, valid.
                    assertThat(dev.parley.domain.model.authorization.DomainPattern.parse(pattern).text()).isEqualTo(pattern);
                    assertThat(rows.getString("protocol")).isEqualTo("XMPP");
                    assertThat(rows.getString("tls_policy")).isNull();
                    assertThat(rows.getString("note")).isNotBlank();
                    assertThat(rows.getString("created_by")).isEqualTo("installer");
                    assertThat(rows.getString("updated_by")).isEqualTo("installer");
                    assertThat(rows.getLong("version")).isZero();
                    seeded.put(pattern, rows.getString("level"));
                }
            }
            assertThat(seeded).containsEntry("jabber.org", "PUBLIC").containsEntry("conversations.im", "PUBLIC")
                    .containsEntry("gmail.com", "BLOCKED").hasSizeGreaterThanOrEqualTo(10);
            assertThat(seeded.values()).as("no domain authorized above PUBLIC on a fresh install")
                    .allMatch(level -> level.equals("PUBLIC") || level.equals("BLOCKED"));

            var duplicate = connection.prepareStatement("INSERT INTO domain_authorization (version, pattern, protocol,"
                    + " level, created_at, created_by, updated_at, updated_by)"
                    + " VALUES (0, 'jabber.org', 'XMPP', 'PERSONAL', CURRENT_TIMESTAMP, 'test', CURRENT_TIMESTAMP, 'test')");
            assertThatThrownBy(duplicate::executeUpdate).isInstanceOfSatisfying(java.sql.SQLException.class,
                    e -> assertThat(e.getSQLState()).isEqualTo("23505"));
            var sip = connection.prepareStatement("INSERT INTO domain_authorization (version, pattern, protocol,"
                    + " level, created_at, created_by, updated_at, updated_by)"
                    + " VALUES (0, 'jabber.org', 'SIP', 'PUBLIC', CURRENT_TIMESTAMP, 'test', CURRENT_TIMESTAMP, 'test')");
            assertThat(sip.executeUpdate()).isEqualTo(1);
        }
    }

    @Test
    void certificateMigrationsCreateTheEmptyXmppAndSipRowsAndTheTrustedCaTable() throws Exception {
        String url = "jdbc:h2:mem:certificate-migration-test;DB_CLOSE_DELAY=-1";
        SchemaMigration.migrations().dataSource(url, "sa", "").load().migrate();

        try (Connection connection = DriverManager.getConnection(url, "sa", "")) {
            try (ResultSet row = connection.createStatement().executeQuery(
                    "SELECT id, version, credential_sealed, subject, sha256 FROM server_certificate ORDER BY id")) {
                for (var role : dev.parley.domain.model.certificate.CertificateRole.values()) {
                    assertThat(row.next()).isTrue();
                    assertThat(row.getLong("id")).isEqualTo(role.rowId());
                    assertThat(row.getLong("version")).isZero();
                    assertThat(row.getString("credential_sealed")).isNull();
                    assertThat(row.getString("subject")).isNull();
                }
                assertThat(row.next()).isFalse();
            }
            var third = connection.prepareStatement("INSERT INTO server_certificate (id, version) VALUES (3, 0)");
            assertThatThrownBy(third::executeUpdate).isInstanceOf(java.sql.SQLException.class);
            // A certificate is stored whole or not at all.
            var half = connection.prepareStatement("UPDATE server_certificate SET credential_sealed = 'v1:x'");
            assertThatThrownBy(half::executeUpdate).isInstanceOf(java.sql.SQLException.class);
            var whole = connection.prepareStatement("UPDATE server_certificate SET credential_sealed = ?, subject = ?,"
                    + " issuer = ?, dns_names = '', not_before = CURRENT_TIMESTAMP, not_after = CURRENT_TIMESTAMP,"
                    + " sha256 = ?, self_signed = TRUE, chain_length = 1, imported_at = CURRENT_TIMESTAMP,"
                    + " imported_by = 'test' WHERE id = 1");
            // The largest values the application stores fit.
            whole.setString(1, "v1:" + "x".repeat(dev.parley.domain.model.certificate.ServerCertificate.MAX_SEALED_LENGTH - 3));
            whole.setString(2, "s".repeat(dev.parley.domain.model.certificate.CertificateRules.MAX_NAME_LENGTH));
            whole.setString(3, "i".repeat(dev.parley.domain.model.certificate.CertificateRules.MAX_NAME_LENGTH));
            whole.setString(4, "AB:".repeat(31) + "CD");
            assertThat(whole.executeUpdate()).isEqualTo(1);
            assertThat(connection.prepareStatement("UPDATE server_certificate SET credential_sealed = NULL, subject = NULL,"
                    + " issuer = NULL, dns_names = NULL, not_before = NULL, not_after = NULL, sha256 = NULL,"
                    + " self_signed = NULL, chain_length = NULL, imported_at = NULL, imported_by = NULL").executeUpdate())
                    .isEqualTo(2);

            var insertCa = "INSERT INTO trusted_ca (pem, subject, not_after, sha256, added_at, added_by)"
                    + " VALUES (?, 'CN=Partner CA', CURRENT_TIMESTAMP, ?, CURRENT_TIMESTAMP, 'test')";
            var first = connection.prepareStatement(insertCa);
            first.setString(1, "p".repeat(dev.parley.domain.model.certificate.TrustedCa.MAX_PEM_LENGTH));
            first.setString(2, "AB:".repeat(31) + "CD");
            assertThat(first.executeUpdate()).isEqualTo(1);
            var duplicate = connection.prepareStatement(insertCa);
            duplicate.setString(1, "pem");
            duplicate.setString(2, "AB:".repeat(31) + "CD");
            assertThatThrownBy(duplicate::executeUpdate).isInstanceOfSatisfying(java.sql.SQLException.class,
                    e -> assertThat(e.getSQLState()).isEqualTo("23505"));
        }
        }

    @Test
    void requestMigrationCreatesTheEmptyRequestRow() throws Exception {
        String url = "jdbc:h2:mem:request-migration-test;DB_CLOSE_DELAY=-1";
        SchemaMigration.migrations().dataSource(url, "sa", "").load().migrate();

        try (Connection connection = DriverManager.getConnection(url, "sa", "")) {
            try (ResultSet row = connection.createStatement().executeQuery(
                    "SELECT id, version, key_sealed, csr_pem FROM certificate_request")) {
                assertThat(row.next()).isTrue();
                assertThat(row.getLong("id")).isEqualTo(dev.parley.domain.model.certificate.CertificateRequest.THE_ID);
                assertThat(row.getString("key_sealed")).isNull();
                assertThat(row.next()).isFalse();
            }
            assertThatThrownBy(connection.prepareStatement("INSERT INTO certificate_request (id, version) VALUES (2, 0)")
                    ::executeUpdate).isInstanceOf(java.sql.SQLException.class);
            // A request is stored whole or not at all.
            assertThatThrownBy(connection.prepareStatement("UPDATE certificate_request SET key_sealed = 'v2:x'")
                    ::executeUpdate).isInstanceOf(java.sql.SQLException.class);
            var whole = connection.prepareStatement("UPDATE certificate_request SET key_sealed = ?, algorithm = 'RSA_3072',"
                    + " subject = ?, dns_names = ?, csr_pem = ?, created_at = CURRENT_TIMESTAMP, created_by = 'test'");
            int max = dev.parley.domain.model.certificate.CertificateRequest.MAX_LENGTH;
            whole.setString(1, "k".repeat(max));
            whole.setString(2, "s".repeat(dev.parley.domain.model.certificate.CertificateRules.MAX_NAME_LENGTH));
            whole.setString(3, "n".repeat(max));
            whole.setString(4, "c".repeat(max));
            assertThat(whole.executeUpdate()).isEqualTo(1);
        }
    }
}
