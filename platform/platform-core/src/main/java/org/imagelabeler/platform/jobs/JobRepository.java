package org.imagelabeler.platform.jobs;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.imagelabeler.platform.database.Database;
import org.imagelabeler.platform.database.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Jobs in the relational database. State changes are conditional, so a final state sticks. */
public class JobRepository {

    private final JdbcClient jdbc;

    public JobRepository(Database database) {
        this.jdbc = JdbcClient.create(database.dataSource());
    }

    public void insert(Job job) {
        jdbc.sql("INSERT INTO jobs (id, type, owner, state, progress, message, parameters, result, created_at,"
                        + " updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        job.id(),
                        job.type(),
                        job.owner(),
                        job.state().name(),
                        job.progress(),
                        job.message(),
                        job.parameters(),
                        job.result(),
                        Timestamps.toSql(job.created()),
                        Timestamps.toSql(job.updated()))
                .update();
    }

    public Optional<Job> find(String id) {
        return jdbc.sql("SELECT * FROM jobs WHERE id = ?")
                .param(id)
                .query(this::map)
                .optional();
    }

    /** The newest jobs first, of one owner or (owner null) of everybody. */
    public List<Job> list(String owner, int limit) {
        String where = owner == null ? "" : "WHERE owner = :owner ";
        var spec = jdbc.sql("SELECT * FROM jobs " + where + "ORDER BY created_at DESC, id LIMIT :limit")
                .param("limit", limit);
        if (owner != null) {
            spec = spec.param("owner", owner);
        }
        return spec.query(this::map).list();
    }

    public List<Job> findInState(JobState... states) {
        List<String> names = java.util.Arrays.stream(states).map(Enum::name).toList();
        return jdbc.sql("SELECT * FROM jobs WHERE state IN (:states) ORDER BY created_at")
                .param("states", names)
                .query(this::map)
                .list();
    }

    public long countInState(JobState state) {
        return jdbc.sql("SELECT COUNT(*) FROM jobs WHERE state = ?")
                .param(state.name())
                .query(Long.class)
                .single();
    }

    /** QUEUED -> RUNNING; false if the job is no longer queued (cancelled meanwhile). */
    public boolean markRunning(String id, Instant when) {
        return jdbc.sql("UPDATE jobs SET state = 'RUNNING', started_at = ?, updated_at = ? WHERE id = ?"
                                + " AND state = 'QUEUED'")
                        .params(Timestamps.toSql(when), Timestamps.toSql(when), id)
                        .update()
                > 0;
    }

    public void updateProgress(String id, int progress, String message, Instant when) {
        jdbc.sql("UPDATE jobs SET progress = ?, message = ?, updated_at = ? WHERE id = ? AND state = 'RUNNING'")
                .params(progress, truncate(message), Timestamps.toSql(when), id)
                .update();
    }

    /** Moves a job that is not yet final to a final state; false if it already was final. */
    public boolean finish(String id, JobState state, int progress, String message, String result, Instant when) {
        return jdbc.sql("UPDATE jobs SET state = ?, progress = ?, message = ?, result = ?, finished_at = ?,"
                                + " updated_at = ? WHERE id = ? AND state IN ('QUEUED', 'RUNNING')")
                        .params(
                                state.name(),
                                progress,
                                truncate(message),
                                result,
                                Timestamps.toSql(when),
                                Timestamps.toSql(when),
                                id)
                        .update()
                > 0;
    }

    /** Puts an interrupted job back in the queue (for handlers that can start over). */
    public void requeue(String id, String message, Instant when) {
        jdbc.sql("UPDATE jobs SET state = 'QUEUED', progress = 0, message = ?, started_at = NULL, updated_at = ?"
                        + " WHERE id = ?")
                .params(truncate(message), Timestamps.toSql(when), id)
                .update();
    }

    private static String truncate(String message) {
        return message == null || message.length() <= 2000 ? message : message.substring(0, 1997) + "...";
    }

    private Job map(ResultSet rs, int row) throws SQLException {
        return new Job(
                rs.getString("id"),
                rs.getString("type"),
                rs.getString("owner"),
                JobState.valueOf(rs.getString("state")),
                rs.getInt("progress"),
                rs.getString("message"),
                rs.getString("parameters"),
                rs.getString("result"),
                Timestamps.read(rs, "created_at"),
                Timestamps.read(rs, "started_at"),
                Timestamps.read(rs, "finished_at"),
                Timestamps.read(rs, "updated_at"));
    }
}
