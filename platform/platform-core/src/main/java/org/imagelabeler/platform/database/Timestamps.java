package org.imagelabeler.platform.database;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Conversions for {@code TIMESTAMP WITH TIME ZONE} columns. Both drivers bind and read
 * {@link OffsetDateTime}; {@link Instant} is not portable across them.
 */
public final class Timestamps {

    private Timestamps() {}

    public static OffsetDateTime toSql(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    public static Instant read(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
