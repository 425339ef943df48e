package org.imagelabeler.platform.feature.filter;

import java.util.Map;
import java.util.function.Function;

/**
 * Where a feature type's values are in a table or view, for {@link FilterSql}. The expressions are
 * the caller's SQL, never a client's.
 *
 * @param idColumn the SQL expression of the feature id
 * @param columnOf the SQL expression of each attribute, by attribute name
 * @param geometryColumn the column of the default geometry, in SRID 4326; it may be left out of
 *     {@code columnOf}
 * @param idValue the parameter value compared with {@code idColumn} for an id as clients write it;
 *     null when the id names no row (the text of a numeric key that is not a number)
 */
public record FeatureColumns(
        String idColumn, Map<String, String> columnOf, String geometryColumn, Function<String, Object> idValue) {

    public FeatureColumns {
        columnOf = Map.copyOf(columnOf);
    }

    /** Columns of a table whose id column holds the ids as text. */
    public FeatureColumns(String idColumn, Map<String, String> columnOf, String geometryColumn) {
        this(idColumn, columnOf, geometryColumn, id -> id);
    }

    /** The same columns with a numeric ({@code BIGINT}) id column. */
    public FeatureColumns withLongIds() {
        return new FeatureColumns(idColumn, columnOf, geometryColumn, FeatureColumns::longOrNull);
    }

    private static Object longOrNull(String id) {
        try {
            return Long.valueOf(id);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
