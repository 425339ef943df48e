package org.imagelabeler.labeler;

import org.imagelabeler.platform.database.TestDatabases;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@link ImageLayerTest} with the server's database on PostGIS instead of H2GIS. */
class ImageLayerOnPostgisTest extends ImageLayerTest {

    @DynamicPropertySource
    static void postgis(DynamicPropertyRegistry registry) {
        TestDatabases.serverOnPostgis(registry);
    }
}
