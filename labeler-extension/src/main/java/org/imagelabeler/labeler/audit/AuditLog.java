package org.imagelabeler.labeler.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import org.imagelabeler.platform.database.Database;
import org.imagelabeler.platform.database.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The audit log of the labeling domain: every change to events, memberships, images and
 * annotations, written in the transaction of the change itself, so the log and the data never
 * disagree.
 */
public class AuditLog {

    private final JdbcClient jdbc;
    private final ObjectMapper json = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    public AuditLog(Database database) {
        this.jdbc = JdbcClient.create(database.dataSource());
    }

    /** Records a change; {@code before} and {@code after} are written as JSON. */
    public void record(
            String eventId,
            String actor,
            String action,
            String targetType,
            String targetId,
            Object before,
            Object after) {
        jdbc.sql("INSERT INTO labeler_audit (event_id, actor, action, target_type, target_id, before_json, after_json,"
                        + " at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        eventId,
                        actor,
                        action,
                        targetType,
                        targetId,
                        write(before),
                        write(after),
                        Timestamps.toSql(Instant.now()))
                .update();
    }

    public long count(String eventId) {
        return jdbc.sql("SELECT COUNT(*) FROM labeler_audit WHERE event_id = ?")
                .param(eventId)
                .query(Long.class)
                .single();
    }

    /** The event's log, newest first. */
    public List<AuditEntry> ofEvent(String eventId, int offset, int limit) {
        return jdbc.sql("SELECT * FROM labeler_audit WHERE event_id = ? ORDER BY id DESC LIMIT ? OFFSET ?")
                .params(eventId, limit, offset)
                .query(this::map)
                .list();
    }

    /** What happened to one object of an event, oldest first. */
    public List<AuditEntry> ofTarget(String eventId, String targetType, String targetId) {
        return jdbc.sql(
                        "SELECT * FROM labeler_audit WHERE event_id = ? AND target_type = ? AND target_id = ? ORDER BY id")
                .params(eventId, targetType, targetId)
                .query(this::map)
                .list();
    }

    private String write(Object value) {
        try {
            return value == null ? null : json.writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private AuditEntry map(ResultSet rs, int row) throws SQLException {
        return new AuditEntry(
                rs.getLong("id"),
                rs.getString("event_id"),
                rs.getString("actor"),
                rs.getString("action"),
                rs.getString("target_type"),
                rs.getString("target_id"),
                rs.getString("before_json"),
                rs.getString("after_json"),
                Timestamps.read(rs, "at"));
    }
}
