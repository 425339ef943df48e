package org.imagelabeler.platform.database;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The repository contract on the embedded H2GIS database. */
class H2gisPlatformRepositoryTest extends PlatformRepositoryContract {

    @TempDir
    Path dir;

    @Override
    protected Database newDatabase() {
        return TestDatabases.h2gis(dir);
    }

    @Override
    protected DatabaseKind expectedKind() {
        return DatabaseKind.H2GIS;
    }
}
