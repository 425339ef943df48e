package org.imagelabeler.labeler;

import org.imagelabeler.platform.database.TestDatabases;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@link WfsTransactionTest} with the server's database on PostGIS instead of H2GIS. */
class WfsTransactionOnPostgisTest extends WfsTransactionTest {

    @DynamicPropertySource
    static void postgis(DynamicPropertyRegistry registry) {
        TestDatabases.serverOnPostgis(registry);
    }
}
