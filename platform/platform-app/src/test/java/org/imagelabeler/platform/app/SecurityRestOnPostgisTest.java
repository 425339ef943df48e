package org.imagelabeler.platform.app;

import org.imagelabeler.platform.database.TestDatabases;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@link SecurityRestTest} with the server's database on PostGIS instead of H2GIS. */
class SecurityRestOnPostgisTest extends SecurityRestTest {

    @DynamicPropertySource
    static void postgis(DynamicPropertyRegistry registry) {
        TestDatabases.serverOnPostgis(registry);
    }
}
