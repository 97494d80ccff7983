package dev.parley.infrastructure.persistence.migration;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/** The migrations run on H2, the embedded default, and leave the default settings row. */
class SchemaMigrationScriptsTest {

    @Test
    void migrationsCreateTheSchemaWithDefaultSettings() throws Exception {
        String url = "jdbc:h2:mem:migration-test;DB_CLOSE_DELAY=-1";
        Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration").load().migrate();

        try (Connection connection = DriverManager.getConnection(url, "sa", "");
             ResultSet row = connection.createStatement().executeQuery(
                     "SELECT enabled, mode, s2s_port, s2s_bind_address, proxy_port, tls_policy FROM federation_settings")) {
            assertThat(row.next()).isTrue();
            assertThat(row.getBoolean("enabled")).isFalse();
            assertThat(row.getString("mode")).isEqualTo("DIRECT");
            assertThat(row.getInt("s2s_port")).isEqualTo(5269);
            assertThat(row.getString("s2s_bind_address")).isEqualTo("127.0.0.1");
            assertThat(row.getInt("proxy_port")).isEqualTo(5275);
            assertThat(row.getString("tls_policy")).isEqualTo("OPTIONAL");
            assertThat(row.next()).isFalse();
        }
    }
}
