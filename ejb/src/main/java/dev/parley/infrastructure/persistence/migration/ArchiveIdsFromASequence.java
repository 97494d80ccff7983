package dev.parley.infrastructure.persistence.migration;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * Version 10: archived stanzas take their ids from a sequence, 50 at a time, instead of the identity column, which
 * made Hibernate insert each row on its own as it was archived (it needs an identity's id at once) where local
 * delivery archives up to 100 in one transaction: with ids known beforehand, it sends them in one batch. Java, not
 * SQL, because the sequence starts above the ids handed out so far, which neither H2 nor PostgreSQL can compute in the
 * statement that makes it. The identity column stays, and takes the ids given; what else writes rows must take its ids
 * from the sequence too, or the identity's would meet Hibernate's.
 */
final class ArchiveIdsFromASequence implements JavaMigration {

    /** The sequence's step: the ArchivedStanza entity's allocation size, which Hibernate checks against it at start. */
    private static final int IDS_AT_ONCE = 50;

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("10");
    }

    @Override
    public String getDescription() {
        return "archive ids from a sequence";
    }

    @Override
    public Integer getChecksum() {
        return null;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        long highest;
        try (Statement query = connection.createStatement();
             ResultSet row = query.executeQuery("SELECT COALESCE(MAX(id), 0) FROM archived_stanza")) {
            row.next();
            highest = row.getLong(1);
        }
        // Hibernate's pooled ids take the value the sequence gives as the last of the 50 it may use: the first value
        // is past the highest id by a full step, so that none of its 50 is taken already.
        try (Statement create = connection.createStatement()) {
            create.execute("CREATE SEQUENCE archived_stanza_seq START WITH " + (highest + IDS_AT_ONCE + 1)
                    + " INCREMENT BY " + IDS_AT_ONCE);
        }
    }
}
