package org.imagelabeler.platform.app;

import org.imagelabeler.platform.database.TestDatabases;
import org.springframework.test.context.DynamicPropertyRegistry;

/** Points the server under test at a fresh database in the test PostGIS cluster. */
final class OnPostgis {

    private OnPostgis() {}

    static void database(DynamicPropertyRegistry registry) {
        String url = TestDatabases.createPostgisDatabase();
        registry.add("labeler.db.url", () -> url);
        registry.add("labeler.db.user", TestDatabases::pgUser);
        registry.add("labeler.db.password", TestDatabases::pgPassword);
    }
}
