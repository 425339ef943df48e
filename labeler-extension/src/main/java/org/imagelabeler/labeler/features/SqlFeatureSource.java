package org.imagelabeler.labeler.features;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import javax.sql.DataSource;
import org.imagelabeler.platform.feature.AttributeDescriptor;
import org.imagelabeler.platform.feature.Feature;
import org.imagelabeler.platform.feature.FeatureCursor;
import org.imagelabeler.platform.feature.FeatureQuery;
import org.imagelabeler.platform.feature.FeatureSource;
import org.imagelabeler.platform.feature.FeatureType;
import org.imagelabeler.platform.feature.SortBy;
import org.imagelabeler.platform.feature.VectorStyle;
import org.imagelabeler.platform.feature.filter.FeatureColumns;
import org.imagelabeler.platform.feature.filter.Filter;
import org.imagelabeler.platform.feature.filter.FilterSql;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.springframework.jdbc.core.SqlTypeValue;
import org.springframework.jdbc.core.StatementCreatorUtils;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterUtils;
import org.springframework.jdbc.core.namedparam.ParsedSql;
import org.springframework.jdbc.datasource.DataSourceUtils;

/**
 * The features of one event collection, read with SQL on H2GIS or PostGIS: filters become
 * WHERE clauses, sorting and paging become ORDER BY (always ending with creation time and id, so
 * pages are stable and maps draw newer features on top), LIMIT and OFFSET, and rows are read from a cursor as the caller consumes them.
 */
class SqlFeatureSource implements FeatureSource {

    /** Rows fetched per round trip: PostgreSQL streams only with a fetch size and no auto-commit. */
    private static final int FETCH_SIZE = 1000;

    private final DataSource dataSource;
    private final EventCollection collection;
    private final String eventId;
    private final FeatureType type;
    private final VectorStyle style;
    private final Map<String, String> columns;
    private final FilterSql filterSql;

    SqlFeatureSource(
            DataSource dataSource, EventCollection collection, String eventId, String layerName, VectorStyle style) {
        this.dataSource = dataSource;
        this.collection = collection;
        this.eventId = eventId;
        this.type = collection.type(layerName);
        this.style = style;
        this.columns = collection.columns();
        this.filterSql =
                new FilterSql(type, new FeatureColumns(collection.idColumn(), columns, collection.geometryColumn()));
    }

    @Override
    public FeatureType type() {
        return type;
    }

    @Override
    public VectorStyle style() {
        return style;
    }

    @Override
    public long count(FeatureQuery query) {
        Map<String, Object> params = new HashMap<>();
        String sql = "SELECT COUNT(*) FROM " + collection.from() + where(query.filter(), params);
        Connection c = DataSourceUtils.getConnection(dataSource);
        try (PreparedStatement ps = prepare(c, sql, params);
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot count " + type.name() + ": " + e.getMessage(), e);
        } finally {
            DataSourceUtils.releaseConnection(c, dataSource);
        }
    }

    @Override
    public Optional<Envelope> bounds() {
        String g = collection.geometryColumn();
        Map<String, Object> params = Map.of("event", eventId);
        String sql = "SELECT MIN(ST_XMin(" + g + ")), MIN(ST_YMin(" + g + ")), MAX(ST_XMax(" + g + ")),"
                + " MAX(ST_YMax(" + g + ")) FROM " + collection.from();
        Connection c = DataSourceUtils.getConnection(dataSource);
        try (PreparedStatement ps = prepare(c, sql, params);
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            double minX = rs.getDouble(1);
            if (rs.wasNull()) {
                return Optional.empty();
            }
            return Optional.of(new Envelope(minX, rs.getDouble(3), rs.getDouble(2), rs.getDouble(4)));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot measure " + type.name() + ": " + e.getMessage(), e);
        } finally {
            DataSourceUtils.releaseConnection(c, dataSource);
        }
    }

    @Override
    public FeatureCursor features(FeatureQuery query) {
        Map<String, Object> params = new HashMap<>();
        StringBuilder sql =
                new StringBuilder("SELECT ").append(collection.idColumn()).append(" AS fid");
        List<AttributeDescriptor> attributes = type.attributes();
        for (int i = 0; i < attributes.size(); i++) {
            AttributeDescriptor a = attributes.get(i);
            String column = columns.get(a.name());
            sql.append(", ")
                    .append(a.isGeometry() ? "ST_AsBinary(" + column + ")" : column)
                    .append(" AS c")
                    .append(i);
        }
        sql.append(" FROM ").append(collection.from()).append(where(query.filter(), params));
        sql.append(" ORDER BY ");
        for (SortBy s : query.sortBy()) {
            sql.append(columns.get(s.property())).append(s.ascending() ? " ASC, " : " DESC, ");
        }
        sql.append(collection.naturalOrder());
        if (query.count() != FeatureQuery.ALL) {
            sql.append(" LIMIT ").append(query.count());
        }
        if (query.startIndex() > 0) {
            sql.append(" OFFSET ").append(query.startIndex());
        }
        // within a transaction (a WFS Transaction reading what it changes), read on its connection
        Connection c = DataSourceUtils.getConnection(dataSource);
        boolean own = !DataSourceUtils.isConnectionTransactional(c, dataSource);
        try {
            if (own) {
                c.setAutoCommit(false);
            }
            PreparedStatement ps = prepare(c, sql.toString(), params);
            ps.setFetchSize(FETCH_SIZE);
            return new Cursor(c, own, ps, ps.executeQuery());
        } catch (SQLException e) {
            release(c, own);
            throw new IllegalStateException("cannot read " + type.name() + ": " + e.getMessage(), e);
        }
    }

    /** The WHERE clause of a filter (the event's own condition is already in {@code from()}). */
    private String where(Filter filter, Map<String, Object> params) {
        params.put("event", eventId);
        if (filter instanceof Filter.Include) {
            return "";
        }
        FilterSql.Where where = filterSql.where(filter, "f");
        params.putAll(where.parameters());
        return " AND (" + where.sql() + ")";
    }

    private static PreparedStatement prepare(Connection c, String sql, Map<String, Object> params) throws SQLException {
        ParsedSql parsed = NamedParameterUtils.parseSqlStatement(sql);
        MapSqlParameterSource source = new MapSqlParameterSource(params);
        PreparedStatement ps = c.prepareStatement(NamedParameterUtils.substituteNamedParameters(parsed, source));
        int index = 1;
        // a collection (IN lists) stands for as many markers as it has elements
        for (Object value : NamedParameterUtils.buildValueArray(parsed, source, null)) {
            for (Object one : value instanceof java.util.Collection<?> many ? many : java.util.List.of(value)) {
                StatementCreatorUtils.setParameterValue(ps, index++, SqlTypeValue.TYPE_UNKNOWN, one);
            }
        }
        return ps;
    }

    /** Rows turned into features one at a time; closing returns the connection to the pool. */
    private final class Cursor implements FeatureCursor {

        private final Connection connection;
        private final boolean own;
        private final PreparedStatement statement;
        private final ResultSet rows;
        private final WKBReader wkb = new WKBReader();
        private Boolean ahead;

        Cursor(Connection connection, boolean own, PreparedStatement statement, ResultSet rows) {
            this.connection = connection;
            this.own = own;
            this.statement = statement;
            this.rows = rows;
        }

        @Override
        public boolean hasNext() {
            if (ahead == null) {
                try {
                    ahead = rows.next();
                } catch (SQLException e) {
                    throw new IllegalStateException("cannot read " + type.name() + ": " + e.getMessage(), e);
                }
            }
            return ahead;
        }

        @Override
        public Feature next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            ahead = null;
            try {
                Map<String, Object> values = new LinkedHashMap<>();
                List<AttributeDescriptor> attributes = type.attributes();
                for (int i = 0; i < attributes.size(); i++) {
                    values.put(attributes.get(i).name(), value(attributes.get(i), "c" + i));
                }
                return new Feature(rows.getString("fid"), values);
            } catch (SQLException | ParseException e) {
                throw new IllegalStateException("cannot read " + type.name() + ": " + e.getMessage(), e);
            }
        }

        private Object value(AttributeDescriptor a, String column) throws SQLException, ParseException {
            switch (a.type()) {
                case GEOMETRY -> {
                    byte[] bytes = rows.getBytes(column);
                    if (bytes == null) {
                        return null;
                    }
                    Geometry g = wkb.read(bytes);
                    g.setSRID(4326);
                    return g;
                }
                case DATETIME -> {
                    OffsetDateTime t = rows.getObject(column, OffsetDateTime.class);
                    return t == null ? null : t.toInstant();
                }
                case INTEGER -> {
                    long v = rows.getLong(column);
                    return rows.wasNull() ? null : v;
                }
                case DOUBLE -> {
                    double v = rows.getDouble(column);
                    return rows.wasNull() ? null : v;
                }
                case BOOLEAN -> {
                    boolean v = rows.getBoolean(column);
                    return rows.wasNull() ? null : v;
                }
                default -> {
                    return rows.getString(column);
                }
            }
        }

        @Override
        public void close() {
            try {
                rows.close();
                statement.close();
            } catch (SQLException ignored) {
                // the connection's release below closes what is left
            }
            release(connection, own);
        }
    }

    /** Gives back a connection; one of our own was read-only work in its own transaction. */
    private void release(Connection c, boolean own) {
        if (own) {
            try {
                c.rollback();
                c.setAutoCommit(true);
            } catch (SQLException ignored) {
                // a broken connection: the pool discards it
            }
        }
        DataSourceUtils.releaseConnection(c, dataSource);
    }
}
