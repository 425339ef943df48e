package org.imagelabeler.platform.security;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.imagelabeler.platform.database.Database;
import org.imagelabeler.platform.database.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.transaction.support.TransactionTemplate;

/** Users and their roles in the relational database. */
public class UserRepository {

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;

    public UserRepository(Database database, TransactionTemplate tx) {
        this.jdbc = JdbcClient.create(database.dataSource());
        this.tx = tx;
    }

    public long count() {
        return jdbc.sql("SELECT COUNT(*) FROM users").query(Long.class).single();
    }

    public Optional<UserAccount> findByUsername(String username) {
        return jdbc.sql("SELECT * FROM users WHERE username = ?")
                .param(username)
                .query(this::mapUser)
                .optional()
                .map(this::withRoles);
    }

    public List<UserAccount> findAll() {
        Map<Long, Set<String>> roles = allRoles();
        return jdbc.sql("SELECT * FROM users ORDER BY username").query(this::mapUser).list().stream()
                .map(u -> withRoles(u, roles.getOrDefault(u.id(), Set.of())))
                .toList();
    }

    /** Creates a user; a duplicate user name raises {@link org.springframework.dao.DuplicateKeyException}. */
    public UserAccount create(String username, String passwordHash, boolean enabled, Set<String> roles) {
        Instant now = Instant.now();
        return tx.execute(status -> {
            var keys = new GeneratedKeyHolder();
            jdbc.sql("INSERT INTO users (username, password_hash, enabled, created_at, password_changed_at)"
                            + " VALUES (?, ?, ?, ?, ?)")
                    .params(username, passwordHash, enabled, Timestamps.toSql(now), Timestamps.toSql(now))
                    .update(keys, "id");
            long id = keys.getKey().longValue();
            insertRoles(id, roles);
            return new UserAccount(id, username, passwordHash, enabled, roles, now, now);
        });
    }

    public void updatePassword(long userId, String passwordHash) {
        jdbc.sql("UPDATE users SET password_hash = ?, password_changed_at = ? WHERE id = ?")
                .params(passwordHash, Timestamps.toSql(Instant.now()), userId)
                .update();
    }

    public void updateEnabled(long userId, boolean enabled) {
        jdbc.sql("UPDATE users SET enabled = ? WHERE id = ?")
                .params(enabled, userId)
                .update();
    }

    public void replaceRoles(long userId, Set<String> roles) {
        tx.executeWithoutResult(status -> {
            jdbc.sql("DELETE FROM user_roles WHERE user_id = ?").param(userId).update();
            insertRoles(userId, roles);
        });
    }

    public boolean delete(long userId) {
        return jdbc.sql("DELETE FROM users WHERE id = ?").param(userId).update() > 0;
    }

    private void insertRoles(long userId, Set<String> roles) {
        for (String role : new TreeSet<>(roles)) {
            jdbc.sql("INSERT INTO user_roles (user_id, role) VALUES (?, ?)")
                    .params(userId, Subject.normaliseRole(role))
                    .update();
        }
    }

    private Map<Long, Set<String>> allRoles() {
        return jdbc
                .sql("SELECT user_id, role FROM user_roles")
                .query((rs, n) -> Map.entry(rs.getLong(1), rs.getString(2)))
                .list()
                .stream()
                .collect(Collectors.groupingBy(
                        Map.Entry::getKey, Collectors.mapping(Map.Entry::getValue, Collectors.toSet())));
    }

    private UserAccount withRoles(UserAccount u) {
        Set<String> roles = new HashSet<>(jdbc.sql("SELECT role FROM user_roles WHERE user_id = ?")
                .param(u.id())
                .query(String.class)
                .list());
        return withRoles(u, roles);
    }

    private static UserAccount withRoles(UserAccount u, Set<String> roles) {
        return new UserAccount(
                u.id(), u.username(), u.passwordHash(), u.enabled(), roles, u.created(), u.passwordChanged());
    }

    private UserAccount mapUser(ResultSet rs, int row) throws SQLException {
        return new UserAccount(
                rs.getLong("id"),
                rs.getString("username"),
                rs.getString("password_hash"),
                rs.getBoolean("enabled"),
                Set.of(),
                Timestamps.read(rs, "created_at"),
                Timestamps.read(rs, "password_changed_at"));
    }
}
