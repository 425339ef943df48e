package org.imagelabeler.labeler.teams;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.imagelabeler.platform.database.Database;
import org.imagelabeler.platform.database.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Team memberships in the relational database. */
public class MembershipRepository {

    private final JdbcClient jdbc;

    public MembershipRepository(Database database) {
        this.jdbc = JdbcClient.create(database.dataSource());
    }

    public void insert(Membership m) {
        jdbc.sql("INSERT INTO labeler_members (event_id, username, role, added_at) VALUES (?, ?, ?, ?)")
                .params(m.eventId(), m.username(), m.role().name(), Timestamps.toSql(m.added()))
                .update();
    }

    public void changeRole(String eventId, String username, TeamRole role) {
        jdbc.sql("UPDATE labeler_members SET role = ? WHERE event_id = ? AND username = ?")
                .params(role.name(), eventId, username)
                .update();
    }

    public boolean delete(String eventId, String username) {
        return jdbc.sql("DELETE FROM labeler_members WHERE event_id = ? AND username = ?")
                        .params(eventId, username)
                        .update()
                == 1;
    }

    public Optional<Membership> find(String eventId, String username) {
        return jdbc.sql("SELECT * FROM labeler_members WHERE event_id = ? AND username = ?")
                .params(eventId, username)
                .query(this::map)
                .optional();
    }

    public List<Membership> ofEvent(String eventId) {
        return jdbc.sql("SELECT * FROM labeler_members WHERE event_id = ? ORDER BY added_at, username")
                .param(eventId)
                .query(this::map)
                .list();
    }

    /** The events a user belongs to, by id. */
    public List<String> eventsOf(String username) {
        return jdbc.sql("SELECT event_id FROM labeler_members WHERE username = ?")
                .param(username)
                .query(String.class)
                .list();
    }

    public long countWithRole(String eventId, TeamRole role) {
        return jdbc.sql("SELECT COUNT(*) FROM labeler_members WHERE event_id = ? AND role = ?")
                .params(eventId, role.name())
                .query(Long.class)
                .single();
    }

    private Membership map(ResultSet rs, int row) throws SQLException {
        return new Membership(
                rs.getString("event_id"),
                rs.getString("username"),
                TeamRole.valueOf(rs.getString("role")),
                Timestamps.read(rs, "added_at"));
    }
}
