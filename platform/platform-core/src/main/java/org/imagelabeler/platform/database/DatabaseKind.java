package org.imagelabeler.platform.database;

/** The two supported databases; the migration folders are named by {@link #vendor()}. */
public enum DatabaseKind {
    /** H2 with the H2GIS spatial functions, embedded in the data dir: the zero-set-up default. */
    H2GIS("h2"),
    /** PostgreSQL 15+ with PostGIS, for production and several server nodes. */
    POSTGIS("postgresql");

    private final String vendor;

    DatabaseKind(String vendor) {
        this.vendor = vendor;
    }

    public String vendor() {
        return vendor;
    }

    public static DatabaseKind ofUrl(String jdbcUrl) {
        if (jdbcUrl.startsWith("jdbc:h2:")) {
            return H2GIS;
        }
        if (jdbcUrl.startsWith("jdbc:postgresql:")) {
            return POSTGIS;
        }
        throw new IllegalArgumentException(
                "Unsupported database URL " + jdbcUrl + ": expected jdbc:postgresql:... (PostGIS) or jdbc:h2:...");
    }
}
