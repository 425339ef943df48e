package org.imagelabeler.labeler.events;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.imagelabeler.labeler.rest.BboxParameter;
import org.imagelabeler.platform.database.Database;
import org.imagelabeler.platform.database.Timestamps;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Events in the relational database (H2GIS or PostGIS; the same SQL for both). The area of
 * interest is a geometry column in EPSG:4326; label schema and keywords are JSON text.
 */
public class EventRepository {

    private final JdbcClient jdbc;
    private final ObjectMapper json = new ObjectMapper();

    public EventRepository(Database database) {
        this.jdbc = JdbcClient.create(database.dataSource());
    }

    /** What to list: the slugs a caller may see (null: all) and optional filters. */
    public record Query(
            List<String> visibleIds,
            boolean includePublic,
            boolean includeTeam,
            String phenomenon,
            String text,
            Envelope bbox,
            java.time.Instant at) {}

    public void insert(Event e) {
        jdbc.sql("INSERT INTO labeler_events (id, slug, title, description, phenomenon, starts_at, ends_at, aoi,"
                        + " keywords, visibility, label_schema, created_by, created_at, updated_at, version)"
                        + " VALUES (:id, :slug, :title, :description, :phenomenon, :start, :end,"
                        + " ST_GeomFromText(:aoi, 4326), :keywords, :visibility, :schema, :createdBy, :created,"
                        + " :updated, :version)")
                .paramSource(parameters(e))
                .update();
    }

    /** Writes {@code e} if the stored version is {@code expectedVersion}; false otherwise. */
    public boolean update(Event e, int expectedVersion) {
        var p = parameters(e);
        p.addValue("expected", expectedVersion);
        return jdbc.sql("UPDATE labeler_events SET title = :title, description = :description,"
                                + " phenomenon = :phenomenon, starts_at = :start, ends_at = :end,"
                                + " aoi = ST_GeomFromText(:aoi, 4326), keywords = :keywords, visibility = :visibility,"
                                + " label_schema = :schema, updated_at = :updated, version = :version"
                                + " WHERE id = :id AND version = :expected")
                        .paramSource(p)
                        .update()
                == 1;
    }

    public boolean delete(String id) {
        return jdbc.sql("DELETE FROM labeler_events WHERE id = ?").param(id).update() == 1;
    }

    public Optional<Event> findBySlug(String slug) {
        return jdbc.sql(SELECT + " WHERE slug = ?").param(slug).query(this::map).optional();
    }

    public Optional<Event> findById(String id) {
        return jdbc.sql(SELECT + " WHERE id = ?").param(id).query(this::map).optional();
    }

    /** Every event, oldest first: for publishing their layers at start-up. */
    public List<Event> all() {
        return jdbc.sql(SELECT + " ORDER BY created_at, id").query(this::map).list();
    }

    public long count(Query q) {
        var sql = new StringBuilder("SELECT COUNT(*) FROM labeler_events");
        var params = where(q, sql);
        return jdbc.sql(sql.toString()).params(params).query(Long.class).single();
    }

    /** A page of events, newest first. */
    public List<Event> list(Query q, int offset, int limit) {
        var sql = new StringBuilder(SELECT);
        var params = where(q, sql);
        sql.append(" ORDER BY created_at DESC, id LIMIT :limit OFFSET :offset");
        params.put("limit", limit);
        params.put("offset", offset);
        return jdbc.sql(sql.toString()).params(params).query(this::map).list();
    }

    private static final String SELECT = "SELECT id, slug, title, description, phenomenon, starts_at, ends_at,"
            + " ST_AsText(aoi) AS aoi_wkt, keywords, visibility, label_schema, created_by, created_at, updated_at,"
            + " version FROM labeler_events";

    /** Appends the WHERE clause. */
    private static java.util.Map<String, Object> where(Query q, StringBuilder sql) {
        java.util.Map<String, Object> p = new java.util.HashMap<>();
        List<String> and = new ArrayList<>();
        if (q.visibleIds() != null) {
            List<String> or = new ArrayList<>();
            if (!q.visibleIds().isEmpty()) {
                or.add("id IN (:ids)");
                p.put("ids", q.visibleIds());
            }
            if (q.includePublic()) {
                or.add("visibility = 'PUBLIC'");
            }
            if (q.includeTeam()) {
                or.add("visibility = 'TEAM'");
            }
            and.add(or.isEmpty() ? "1 = 0" : "(" + String.join(" OR ", or) + ")");
        }
        if (q.phenomenon() != null) {
            and.add("LOWER(phenomenon) = LOWER(:phenomenon)");
            p.put("phenomenon", q.phenomenon());
        }
        if (q.text() != null) {
            and.add("(LOWER(title) LIKE :text OR LOWER(description) LIKE :text OR LOWER(keywords) LIKE :text)");
            p.put("text", "%" + q.text().toLowerCase(java.util.Locale.ROOT) + "%");
        }
        if (q.bbox() != null) {
            BboxParameter.where("aoi", q.bbox(), and, p);
        }
        if (q.at() != null) {
            and.add("(starts_at IS NULL OR starts_at <= :at) AND (ends_at IS NULL OR ends_at >= :at)");
            p.put("at", Timestamps.toSql(q.at()));
        }
        if (!and.isEmpty()) {
            sql.append(" WHERE ").append(String.join(" AND ", and));
        }
        return p;
    }

    private org.springframework.jdbc.core.namedparam.MapSqlParameterSource parameters(Event e) {
        try {
            var p = new org.springframework.jdbc.core.namedparam.MapSqlParameterSource();
            p.addValue("id", e.id());
            p.addValue("slug", e.slug());
            p.addValue("title", e.title());
            p.addValue("description", e.description());
            p.addValue("phenomenon", e.phenomenon());
            p.addValue("start", e.start() == null ? null : Timestamps.toSql(e.start()));
            p.addValue("end", e.end() == null ? null : Timestamps.toSql(e.end()));
            p.addValue(
                    "aoi",
                    e.areaOfInterest() == null ? null : e.areaOfInterest().toText());
            p.addValue("keywords", json.writeValueAsString(e.keywords()));
            p.addValue("visibility", e.visibility().name());
            p.addValue("schema", json.writeValueAsString(e.labelSchema()));
            p.addValue("createdBy", e.createdBy());
            p.addValue("created", Timestamps.toSql(e.created()));
            p.addValue("updated", Timestamps.toSql(e.updated()));
            p.addValue("version", e.version());
            return p;
        } catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private Event map(ResultSet rs, int row) throws SQLException {
        try {
            String wkt = rs.getString("aoi_wkt");
            Geometry aoi = wkt == null ? null : new WKTReader().read(wkt);
            if (aoi != null) {
                aoi.setSRID(4326);
            }
            return new Event(
                    rs.getString("id"),
                    rs.getString("slug"),
                    rs.getString("title"),
                    rs.getString("description"),
                    rs.getString("phenomenon"),
                    Timestamps.read(rs, "starts_at"),
                    Timestamps.read(rs, "ends_at"),
                    aoi,
                    json.readValue(rs.getString("keywords"), new TypeReference<List<String>>() {}),
                    Visibility.valueOf(rs.getString("visibility")),
                    json.readValue(rs.getString("label_schema"), LabelSchema.class),
                    rs.getString("created_by"),
                    Timestamps.read(rs, "created_at"),
                    Timestamps.read(rs, "updated_at"),
                    rs.getInt("version"));
        } catch (ParseException | com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new SQLException("unreadable event row: " + e.getMessage(), e);
        }
    }
}
