package org.imagelabeler.labeler.annotations;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.imagelabeler.labeler.rest.BboxParameter;
import org.imagelabeler.platform.database.Database;
import org.imagelabeler.platform.database.Timestamps;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKTReader;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Annotations in the relational database: pixel geometry as WKT, geographic as a geometry column. */
public class AnnotationRepository implements org.imagelabeler.labeler.events.LabelUsage {

    private final JdbcClient jdbc;
    private final ObjectMapper json = new ObjectMapper();

    public AnnotationRepository(Database database) {
        this.jdbc = JdbcClient.create(database.dataSource());
    }

    /** Filters; null means any. The bbox is in EPSG:4326 and tests the geographic geometry. */
    public record Query(String eventId, String imageId, String className, Annotation.Space space, Envelope bbox) {}

    public void insert(Annotation a) {
        jdbc.sql("INSERT INTO labeler_annotations (id, event_id, image_id, space, shape, class_name, pixels, geo,"
                        + " attributes, author, created_at, updated_at, version) VALUES (:id, :event, :image, :space,"
                        + " :shape, :class, :pixels, ST_GeomFromText(:geo, 4326), :attributes, :author, :created,"
                        + " :updated, :version)")
                .paramSource(parameters(a))
                .update();
    }

    public boolean update(Annotation a, int expected) {
        var p = parameters(a);
        p.addValue("expected", expected);
        return jdbc.sql("UPDATE labeler_annotations SET shape = :shape, class_name = :class, pixels = :pixels,"
                                + " geo = ST_GeomFromText(:geo, 4326), attributes = :attributes, updated_at = :updated,"
                                + " version = :version WHERE id = :id AND version = :expected")
                        .paramSource(p)
                        .update()
                == 1;
    }

    public boolean delete(String id) {
        return jdbc.sql("DELETE FROM labeler_annotations WHERE id = ?")
                        .param(id)
                        .update()
                == 1;
    }

    public Optional<Annotation> find(String eventId, String id) {
        return jdbc.sql(SELECT + " WHERE event_id = ? AND id = ?")
                .params(eventId, id)
                .query(this::map)
                .optional();
    }

    @Override
    public long annotationsWithClass(String eventId, String className) {
        return jdbc.sql("SELECT COUNT(*) FROM labeler_annotations WHERE event_id = ? AND class_name = ?")
                .params(eventId, className)
                .query(Long.class)
                .single();
    }

    public long count(Query q) {
        StringBuilder sql = new StringBuilder("SELECT COUNT(*) FROM labeler_annotations");
        var p = where(q, sql);
        return jdbc.sql(sql.toString()).params(p).query(Long.class).single();
    }

    public List<Annotation> list(Query q, int offset, int limit) {
        StringBuilder sql = new StringBuilder(SELECT);
        var p = where(q, sql);
        sql.append(" ORDER BY created_at, id LIMIT :limit OFFSET :offset");
        p.put("limit", limit);
        p.put("offset", offset);
        return jdbc.sql(sql.toString()).params(p).query(this::map).list();
    }

    /** The pixel labels of several images at once (one query per page of an export), oldest first. */
    public List<Annotation> labelsOf(String eventId, java.util.Collection<String> imageIds) {
        if (imageIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(SELECT + " WHERE event_id = :event AND space = 'PIXEL' AND image_id IN (:images)"
                        + " ORDER BY created_at, id")
                .param("event", eventId)
                .param("images", imageIds)
                .query(this::map)
                .list();
    }

    private static final String SELECT = "SELECT id, event_id, image_id, space, shape, class_name, pixels,"
            + " ST_AsText(geo) AS geo_wkt, attributes, author, created_at, updated_at, version FROM labeler_annotations";

    private static Map<String, Object> where(Query q, StringBuilder sql) {
        Map<String, Object> p = new java.util.HashMap<>();
        List<String> and = new ArrayList<>();
        and.add("event_id = :event");
        p.put("event", q.eventId());
        if (q.imageId() != null) {
            and.add("image_id = :image");
            p.put("image", q.imageId());
        }
        if (q.className() != null) {
            and.add("class_name = :class");
            p.put("class", q.className());
        }
        if (q.space() != null) {
            and.add("space = :space");
            p.put("space", q.space().name());
        }
        if (q.bbox() != null) {
            BboxParameter.where("geo", q.bbox(), and, p);
        }
        sql.append(" WHERE ").append(String.join(" AND ", and));
        return p;
    }

    private MapSqlParameterSource parameters(Annotation a) {
        try {
            var p = new MapSqlParameterSource();
            p.addValue("id", a.id());
            p.addValue("event", a.eventId());
            p.addValue("image", a.imageId());
            p.addValue("space", a.space().name());
            p.addValue("shape", a.shape().name());
            p.addValue("class", a.className());
            p.addValue("pixels", a.pixels() == null ? null : a.pixels().toText());
            p.addValue("geo", a.geographic() == null ? null : a.geographic().toText());
            p.addValue("attributes", json.writeValueAsString(a.attributes()));
            p.addValue("author", a.author());
            p.addValue("created", Timestamps.toSql(a.created()));
            p.addValue("updated", Timestamps.toSql(a.updated()));
            p.addValue("version", a.version());
            return p;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Annotation map(ResultSet rs, int row) throws SQLException {
        try {
            WKTReader wkt = new WKTReader();
            String pixels = rs.getString("pixels");
            String geo = rs.getString("geo_wkt");
            Geometry geographic = geo == null ? null : wkt.read(geo);
            if (geographic != null) {
                geographic.setSRID(4326);
            }
            return new Annotation(
                    rs.getString("id"),
                    rs.getString("event_id"),
                    rs.getString("image_id"),
                    Annotation.Space.valueOf(rs.getString("space")),
                    Annotation.Shape.valueOf(rs.getString("shape")),
                    rs.getString("class_name"),
                    pixels == null ? null : wkt.read(pixels),
                    geographic,
                    json.readValue(rs.getString("attributes"), new TypeReference<Map<String, Object>>() {}),
                    rs.getString("author"),
                    Timestamps.read(rs, "created_at"),
                    Timestamps.read(rs, "updated_at"),
                    rs.getInt("version"));
        } catch (Exception e) {
            throw new SQLException("unreadable annotation row: " + e.getMessage(), e);
        }
    }
}
