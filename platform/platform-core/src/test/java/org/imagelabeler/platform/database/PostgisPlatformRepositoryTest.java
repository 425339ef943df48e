package org.imagelabeler.platform.database;

/** The repository contract on PostgreSQL + PostGIS (the cluster started by ./labeler test). */
class PostgisPlatformRepositoryTest extends PlatformRepositoryContract {

    @Override
    protected Database newDatabase() {
        return TestDatabases.postgis();
    }

    @Override
    protected DatabaseKind expectedKind() {
        return DatabaseKind.POSTGIS;
    }
}
