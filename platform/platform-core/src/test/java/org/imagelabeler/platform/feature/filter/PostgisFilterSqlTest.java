package org.imagelabeler.platform.feature.filter;

import org.imagelabeler.platform.database.Database;
import org.imagelabeler.platform.database.DatabaseKind;
import org.imagelabeler.platform.database.TestDatabases;

/** The filter SQL contract on PostgreSQL + PostGIS (the cluster started by ./labeler test). */
class PostgisFilterSqlTest extends FilterSqlContract {

    @Override
    protected Database newDatabase() {
        return TestDatabases.postgis();
    }

    @Override
    protected DatabaseKind expectedKind() {
        return DatabaseKind.POSTGIS;
    }
}
