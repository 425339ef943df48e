package org.imagelabeler.platform.app;

import org.imagelabeler.platform.database.TestDatabases;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@link JobRestTest} with the server's database on PostGIS instead of H2GIS. */
class JobRestOnPostgisTest extends JobRestTest {

    @DynamicPropertySource
    static void postgis(DynamicPropertyRegistry registry) {
        TestDatabases.serverOnPostgis(registry);
    }
}
