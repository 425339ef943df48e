package org.imagelabeler.platform.database;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.imagelabeler.platform.extension.ExtensionPriority;

/**
 * Real databases for tests: a fresh H2GIS file database in a temporary directory, or a fresh
 * database in the throw-away PostGIS cluster that {@code ./labeler test} starts and names in
 * {@code LABELER_TEST_PG_URL}. There is no fallback: without the cluster, PostGIS tests fail.
 */
public final class TestDatabases {

    public static final String PG_URL = "LABELER_TEST_PG_URL";

    private TestDatabases() {}

    /** A fresh, migrated H2GIS database under {@code dir}. */
    public static Database h2gis(Path dir, SchemaMigration... modules) {
        String url = "jdbc:h2:file:" + dir.resolve("labeler") + ";DB_CLOSE_ON_EXIT=FALSE";
        return migrated(pool(url, "sa", ""), DatabaseKind.H2GIS, modules);
    }

    /** A fresh, migrated database in the test PostGIS cluster. */
    public static Database postgis(SchemaMigration... modules) {
        return migrated(pool(createPostgisDatabase(), pgUser(), pgPassword()), DatabaseKind.POSTGIS, modules);
    }

    /** Points a server under test (a {@code @DynamicPropertySource}) at a fresh PostGIS database. */
    public static void serverOnPostgis(org.springframework.test.context.DynamicPropertyRegistry registry) {
        String url = createPostgisDatabase();
        registry.add("labeler.db.url", () -> url);
        registry.add("labeler.db.user", TestDatabases::pgUser);
        registry.add("labeler.db.password", TestDatabases::pgPassword);
    }

    /** Creates an empty database with PostGIS in the test cluster and returns its JDBC URL. */
    public static String createPostgisDatabase() {
        String base = System.getenv(PG_URL);
        if (base == null || base.isBlank()) {
            throw new IllegalStateException(PG_URL + " is not set: run the tests with ./labeler test, which starts"
                    + " a throw-away PostGIS cluster and sets it");
        }
        String name = "test_"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toLowerCase(Locale.ROOT);
        try (Connection c = DriverManager.getConnection(base, pgUser(), pgPassword());
                Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create a test database in " + base, e);
        }
        return base.substring(0, base.lastIndexOf('/') + 1) + name;
    }

    public static String pgUser() {
        return System.getenv().getOrDefault("LABELER_TEST_PG_USER", "postgres");
    }

    public static String pgPassword() {
        return System.getenv().getOrDefault("LABELER_TEST_PG_PASSWORD", "");
    }

    public static SchemaMigration platformSchema() {
        return new SchemaMigration("platform", ExtensionPriority.HIGHEST);
    }

    private static HikariDataSource pool(String url, String user, String password) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(4);
        return new HikariDataSource(config);
    }

    private static Database migrated(HikariDataSource ds, DatabaseKind kind, SchemaMigration... modules) {
        Database db = new Database(ds, kind);
        db.migrate(modules.length == 0 ? List.of(platformSchema()) : List.of(modules));
        return db;
    }
}
