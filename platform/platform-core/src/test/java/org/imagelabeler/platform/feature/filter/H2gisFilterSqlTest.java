package org.imagelabeler.platform.feature.filter;

import java.nio.file.Path;
import org.imagelabeler.platform.database.Database;
import org.imagelabeler.platform.database.DatabaseKind;
import org.imagelabeler.platform.database.TestDatabases;
import org.junit.jupiter.api.io.TempDir;

/** The filter SQL contract on the embedded H2GIS database. */
class H2gisFilterSqlTest extends FilterSqlContract {

    @TempDir
    static Path dir;

    @Override
    protected Database newDatabase() {
        return TestDatabases.h2gis(dir);
    }

    @Override
    protected DatabaseKind expectedKind() {
        return DatabaseKind.H2GIS;
    }
}
