package org.imagelabeler.labeler.images;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.imagelabeler.labeler.rest.BboxParameter;
import org.imagelabeler.labeler.rest.TimeParameter;
import org.imagelabeler.platform.database.Database;
import org.imagelabeler.platform.database.Timestamps;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKTReader;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Event images in the relational database; tags, source and transform are JSON text. */
public class ImageRepository {

    private final JdbcClient jdbc;
    private final ObjectMapper json = new ObjectMapper();

    public ImageRepository(Database database) {
        this.jdbc = JdbcClient.create(database.dataSource());
    }

    /**
     * Filters of a list; null means any. {@code className}: images with at least one annotation
     * of that class; {@code bbox}: georeferenced images whose footprint meets it (EPSG:4326);
     * {@code time}: images acquired in that interval; {@code assigned}: images with (true) or
     * without (false) an assignee.
     */
    public record Query(
            String eventId,
            ImageStatus status,
            String assignee,
            String tag,
            String className,
            org.locationtech.jts.geom.Envelope bbox,
            TimeParameter.Interval time,
            Boolean assigned) {

        public Query(
                String eventId,
                ImageStatus status,
                String assignee,
                String tag,
                String className,
                org.locationtech.jts.geom.Envelope bbox,
                TimeParameter.Interval time) {
            this(eventId, status, assignee, tag, className, bbox, time, null);
        }
    }

    public void insert(EventImage i) {
        jdbc.sql("INSERT INTO labeler_images (id, event_id, name, media_type, width, height, bytes, sha256, file_path,"
                        + " crs, transform, footprint, status, assignee, labeled_by, tags, source, acquired_at,"
                        + " created_by, created_at, updated_at, version) VALUES (:id, :event, :name, :type, :width, :height,"
                        + " :bytes, :sha, :path, :crs, :transform, ST_GeomFromText(:footprint, 4326), :status,"
                        + " :assignee, :labeledBy, :tags,"
                        + " :source, :acquired, :createdBy, :created, :updated, :version)")
                .paramSource(parameters(i))
                .update();
    }

    /** Writes status, assignee and tags if the stored version is {@code expected}. */
    public boolean update(EventImage i, int expected) {
        var p = parameters(i);
        p.addValue("expected", expected);
        return jdbc.sql("UPDATE labeler_images SET status = :status, assignee = :assignee,"
                                + " labeled_by = :labeledBy, tags = :tags,"
                                + " updated_at = :updated, version = :version WHERE id = :id AND version = :expected")
                        .paramSource(p)
                        .update()
                == 1;
    }

    public boolean delete(String id) {
        return jdbc.sql("DELETE FROM labeler_images WHERE id = ?").param(id).update() == 1;
    }

    public Optional<EventImage> find(String eventId, String id) {
        return jdbc.sql(SELECT + " WHERE event_id = ? AND id = ?")
                .params(eventId, id)
                .query(this::map)
                .optional();
    }

    public long count(Query q) {
        StringBuilder sql = new StringBuilder("SELECT COUNT(*) FROM labeler_images");
        var p = where(q, sql);
        return jdbc.sql(sql.toString()).params(p).query(Long.class).single();
    }

    public List<EventImage> list(Query q, int offset, int limit) {
        StringBuilder sql = new StringBuilder(SELECT);
        var p = where(q, sql);
        sql.append(" ORDER BY created_at, id LIMIT :limit OFFSET :offset");
        p.put("limit", limit);
        p.put("offset", offset);
        return jdbc.sql(sql.toString()).params(p).query(this::map).list();
    }

    /** The event's georeferenced images (GeoTIFF uploads, extracted chips). */
    public List<EventImage> georeferenced(String eventId) {
        return jdbc.sql(SELECT + " WHERE event_id = ? AND crs IS NOT NULL")
                .param(eventId)
                .query(this::map)
                .list();
    }

    /** How many of an event's images are in each status (every status, zero included), in one query. */
    public Map<ImageStatus, Long> countByStatus(String eventId) {
        Map<ImageStatus, Long> counts = new java.util.EnumMap<>(ImageStatus.class);
        for (ImageStatus s : ImageStatus.values()) {
            counts.put(s, 0L);
        }
        jdbc.sql("SELECT status, COUNT(*) AS n FROM labeler_images WHERE event_id = ? GROUP BY status")
                .param(eventId)
                .query((rs, row) -> counts.put(ImageStatus.valueOf(rs.getString("status")), rs.getLong("n")))
                .list();
        return counts;
    }

    /** The files of an event's images, relative to the data directory. */
    public List<String> filesOf(String eventId) {
        return jdbc.sql("SELECT file_path FROM labeler_images WHERE event_id = ?")
                .param(eventId)
                .query(String.class)
                .list();
    }

    private static final String SELECT = "SELECT id, event_id, name, media_type, width, height, bytes, sha256,"
            + " file_path, crs, transform, ST_AsText(footprint) AS footprint_wkt, status, assignee, labeled_by, tags,"
            + " source, acquired_at,"
            + " created_by, created_at, updated_at, version FROM labeler_images";

    private static Map<String, Object> where(Query q, StringBuilder sql) {
        Map<String, Object> p = new java.util.HashMap<>();
        List<String> and = new ArrayList<>();
        and.add("event_id = :event");
        p.put("event", q.eventId());
        if (q.status() != null) {
            and.add("status = :status");
            p.put("status", q.status().name());
        }
        if (q.assignee() != null) {
            and.add("assignee = :assignee");
            p.put("assignee", q.assignee());
        }
        if (q.assigned() != null) {
            and.add(q.assigned() ? "assignee IS NOT NULL" : "assignee IS NULL");
        }
        if (q.tag() != null) {
            // tags are a JSON array of strings: match the quoted value
            and.add("tags LIKE :tag");
            p.put("tag", "%\"" + q.tag().replace("\"", "") + "\"%");
        }
        if (q.className() != null) {
            and.add("EXISTS (SELECT 1 FROM labeler_annotations a WHERE a.image_id = labeler_images.id"
                    + " AND a.class_name = :class)");
            p.put("class", q.className());
        }
        if (q.bbox() != null) {
            BboxParameter.where("footprint", q.bbox(), and, p);
        }
        if (q.time() != null) {
            TimeParameter.where("acquired_at", q.time(), and, p);
        }
        sql.append(" WHERE ").append(String.join(" AND ", and));
        return p;
    }

    private MapSqlParameterSource parameters(EventImage i) {
        try {
            var p = new MapSqlParameterSource();
            p.addValue("id", i.id());
            p.addValue("event", i.eventId());
            p.addValue("name", i.name());
            p.addValue("type", i.mediaType());
            p.addValue("width", i.width());
            p.addValue("height", i.height());
            p.addValue("bytes", i.bytes());
            p.addValue("sha", i.sha256());
            p.addValue("path", i.filePath());
            Georeference g = i.georeference();
            p.addValue("crs", g == null ? null : g.crs());
            p.addValue("transform", g == null ? null : json.writeValueAsString(g.transform()));
            p.addValue("footprint", g == null ? null : g.footprint().toText());
            p.addValue("status", i.status().name());
            p.addValue("assignee", i.assignee());
            p.addValue("labeledBy", i.labeledBy());
            p.addValue("tags", json.writeValueAsString(i.tags()));
            p.addValue("source", json.writeValueAsString(i.source()));
            p.addValue("acquired", Timestamps.toSql(i.acquired()));
            p.addValue("createdBy", i.createdBy());
            p.addValue("created", Timestamps.toSql(i.created()));
            p.addValue("updated", Timestamps.toSql(i.updated()));
            p.addValue("version", i.version());
            return p;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private EventImage map(ResultSet rs, int row) throws SQLException {
        try {
            Georeference geo = null;
            if (rs.getString("crs") != null) {
                Geometry footprint = new WKTReader().read(rs.getString("footprint_wkt"));
                footprint.setSRID(4326);
                geo = new Georeference(
                        rs.getString("crs"), json.readValue(rs.getString("transform"), double[].class), footprint);
            }
            return new EventImage(
                    rs.getString("id"),
                    rs.getString("event_id"),
                    rs.getString("name"),
                    rs.getString("media_type"),
                    rs.getInt("width"),
                    rs.getInt("height"),
                    rs.getLong("bytes"),
                    rs.getString("sha256"),
                    rs.getString("file_path"),
                    geo,
                    ImageStatus.valueOf(rs.getString("status")),
                    rs.getString("assignee"),
                    rs.getString("labeled_by"),
                    json.readValue(rs.getString("tags"), new TypeReference<List<String>>() {}),
                    json.readValue(rs.getString("source"), new TypeReference<Map<String, Object>>() {}),
                    Timestamps.read(rs, "acquired_at"),
                    rs.getString("created_by"),
                    Timestamps.read(rs, "created_at"),
                    Timestamps.read(rs, "updated_at"),
                    rs.getInt("version"));
        } catch (Exception e) {
            throw new SQLException("unreadable image row: " + e.getMessage(), e);
        }
    }
}
