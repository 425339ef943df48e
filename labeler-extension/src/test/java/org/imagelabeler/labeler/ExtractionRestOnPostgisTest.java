package org.imagelabeler.labeler;

import org.imagelabeler.platform.database.TestDatabases;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@link ExtractionRestTest} with the server's database on PostGIS instead of H2GIS. */
class ExtractionRestOnPostgisTest extends ExtractionRestTest {

    @DynamicPropertySource
    static void postgis(DynamicPropertyRegistry registry) {
        String url = TestDatabases.createPostgisDatabase();
        registry.add("labeler.db.url", () -> url);
        registry.add("labeler.db.user", TestDatabases::pgUser);
        registry.add("labeler.db.password", TestDatabases::pgPassword);
    }
}
