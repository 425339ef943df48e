package org.imagelabeler.labeler;

import org.imagelabeler.platform.database.TestDatabases;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@link WfsTest} with the server's database on PostGIS instead of H2GIS. */
class WfsOnPostgisTest extends WfsTest {

    @DynamicPropertySource
    static void postgis(DynamicPropertyRegistry registry) {
        TestDatabases.serverOnPostgis(registry);
    }
}
