package org.imagelabeler.labeler.export;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.imagelabeler.platform.database.Database;
import org.imagelabeler.platform.database.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Exports in the relational database. */
public class ExportRepository {

    private static final String SELECT = "SELECT id, event_id, job_id, options, file_path, bytes, images, annotations,"
            + " created_by, created_at, expires_at FROM labeler_exports";

    private final JdbcClient jdbc;

    public ExportRepository(Database database) {
        this.jdbc = JdbcClient.create(database.dataSource());
    }

    public void insert(Export e) {
        jdbc.sql("INSERT INTO labeler_exports (id, event_id, job_id, options, created_by, created_at, expires_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?)")
                .params(
                        e.id(),
                        e.eventId(),
                        e.jobId(),
                        e.options(),
                        e.createdBy(),
                        Timestamps.toSql(e.created()),
                        Timestamps.toSql(e.expires()))
                .update();
    }

    public void setJob(String id, String jobId) {
        jdbc.sql("UPDATE labeler_exports SET job_id = ? WHERE id = ?")
                .params(jobId, id)
                .update();
    }

    /** Records the written archive. */
    public void written(Export e) {
        jdbc.sql("UPDATE labeler_exports SET file_path = ?, bytes = ?, images = ?, annotations = ? WHERE id = ?")
                .params(e.filePath(), e.bytes(), e.images(), e.annotations(), e.id())
                .update();
    }

    public Optional<Export> find(String eventId, String id) {
        return jdbc.sql(SELECT + " WHERE event_id = ? AND id = ?")
                .params(eventId, id)
                .query(this::map)
                .optional();
    }

    public Optional<Export> find(String id) {
        return jdbc.sql(SELECT + " WHERE id = ?").param(id).query(this::map).optional();
    }

    public List<Export> ofEvent(String eventId) {
        return jdbc.sql(SELECT + " WHERE event_id = ? ORDER BY created_at DESC, id")
                .param(eventId)
                .query(this::map)
                .list();
    }

    public List<Export> expiredBefore(Instant when) {
        return jdbc.sql(SELECT + " WHERE expires_at < ?")
                .param(Timestamps.toSql(when))
                .query(this::map)
                .list();
    }

    public boolean delete(String id) {
        return jdbc.sql("DELETE FROM labeler_exports WHERE id = ?").param(id).update() == 1;
    }

    private Export map(ResultSet rs, int row) throws SQLException {
        long bytes = rs.getLong("bytes");
        Long size = rs.wasNull() ? null : bytes;
        int images = rs.getInt("images");
        Integer imageCount = rs.wasNull() ? null : images;
        int annotations = rs.getInt("annotations");
        Integer annotationCount = rs.wasNull() ? null : annotations;
        return new Export(
                rs.getString("id"),
                rs.getString("event_id"),
                rs.getString("job_id"),
                rs.getString("options"),
                rs.getString("file_path"),
                size,
                imageCount,
                annotationCount,
                rs.getString("created_by"),
                Timestamps.read(rs, "created_at"),
                Timestamps.read(rs, "expires_at"));
    }
}
