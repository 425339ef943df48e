package org.imagelabeler.platform.database;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2gis.functions.factory.H2GISFunctions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The relational database: its data source, its kind, and the schema migrations of every
 * module. Repositories take this object, so they run only once the schema is current.
 */
public final class Database {

    private static final Logger LOG = LoggerFactory.getLogger(Database.class);

    private final DataSource dataSource;
    private final DatabaseKind kind;

    public Database(DataSource dataSource, DatabaseKind kind) {
        this.dataSource = dataSource;
        this.kind = kind;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public DatabaseKind kind() {
        return kind;
    }

    /** Makes the spatial functions available, then applies each module's pending migrations. */
    public void migrate(List<SchemaMigration> migrations) {
        if (kind == DatabaseKind.H2GIS) {
            loadH2gisFunctions();
        }
        for (SchemaMigration m : migrations) {
            var result = Flyway.configure(getClass().getClassLoader())
                    .dataSource(dataSource)
                    .locations(m.location(kind))
                    .table(m.historyTable())
                    .baselineOnMigrate(true)
                    .baselineVersion("0")
                    .failOnMissingLocations(true)
                    .load()
                    .migrate();
            LOG.info("Schema '{}' on {}: {} migration(s) applied", m.module(), kind, result.migrationsExecuted);
        }
    }

    /** Describes the database for the status page: product and spatial extension versions. */
    public String describe() {
        String spatial = kind == DatabaseKind.POSTGIS ? "SELECT 'PostGIS ' || postgis_lib_version()" : "SELECT 'H2GIS'";
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(spatial)) {
            rs.next();
            var meta = c.getMetaData();
            return meta.getDatabaseProductName() + " " + meta.getDatabaseProductVersion() + ", " + rs.getString(1);
        } catch (SQLException e) {
            return kind + " (unavailable: " + e.getMessage() + ")";
        }
    }

    /** True when a trivial query answers. */
    public boolean isUp() {
        try (Connection c = dataSource.getConnection()) {
            return c.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    private void loadH2gisFunctions() {
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(
                        "SELECT COUNT(*) FROM INFORMATION_SCHEMA.ROUTINES WHERE ROUTINE_NAME = 'ST_INTERSECTS'")) {
            rs.next();
            if (rs.getInt(1) == 0) {
                H2GISFunctions.load(c);
                LOG.info("Loaded the H2GIS spatial functions");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot load the H2GIS spatial functions", e);
        }
    }
}
