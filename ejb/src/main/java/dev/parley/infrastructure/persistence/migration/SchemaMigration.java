package dev.parley.infrastructure.persistence.migration;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import java.lang.System.Logger.Level;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings the schema up to date before the application serves anything. Flyway manages its own
 * transactions per migration, hence bean-managed transactions here.
 */
@Singleton
@Startup
@TransactionManagement(TransactionManagementType.BEAN)
public class SchemaMigration {

    private static final System.Logger LOG = System.getLogger(SchemaMigration.class.getName());

    @Resource(lookup = "java:jboss/datasources/ParleyDS")
    DataSource dataSource;

    @PostConstruct
    void migrate() {
        MigrateResult result = migrations().dataSource(dataSource).load().migrate();
        LOG.log(Level.INFO, "Parley schema at version {0} ({1} migrations applied now)",
                result.targetSchemaVersion == null ? result.initialSchemaVersion : result.targetSchemaVersion,
                result.migrationsExecuted);
    }

    /** Parley's migrations: the scripts in db/migration, and those in Java, named here rather than searched for. */
    static FluentConfiguration migrations() {
        return Flyway.configure(SchemaMigration.class.getClassLoader())
                .locations("classpath:db/migration")
                .javaMigrations(new ArchiveIdsFromASequence());
    }
}
