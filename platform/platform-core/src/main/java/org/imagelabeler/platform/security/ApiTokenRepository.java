package org.imagelabeler.platform.security;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.imagelabeler.platform.database.Database;
import org.imagelabeler.platform.database.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;

/** API tokens, stored by the SHA-256 of their secret. */
public class ApiTokenRepository {

    private static final String SELECT = "SELECT t.*, u.username FROM api_tokens t JOIN users u ON u.id = t.user_id ";

    private final JdbcClient jdbc;

    public ApiTokenRepository(Database database) {
        this.jdbc = JdbcClient.create(database.dataSource());
    }

    public void insert(ApiToken token, String secretHash) {
        jdbc.sql("INSERT INTO api_tokens (id, user_id, name, token_hash, prefix, created_at, expires_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?)")
                .params(
                        token.id(),
                        token.userId(),
                        token.name(),
                        secretHash,
                        token.prefix(),
                        Timestamps.toSql(token.created()),
                        Timestamps.toSql(token.expires()))
                .update();
    }

    public Optional<ApiToken> findByHash(String secretHash) {
        return jdbc.sql(SELECT + "WHERE t.token_hash = ?")
                .param(secretHash)
                .query(this::map)
                .optional();
    }

    public Optional<ApiToken> findById(String id) {
        return jdbc.sql(SELECT + "WHERE t.id = ?").param(id).query(this::map).optional();
    }

    public List<ApiToken> findByUser(long userId) {
        return jdbc.sql(SELECT + "WHERE t.user_id = ? ORDER BY t.created_at")
                .param(userId)
                .query(this::map)
                .list();
    }

    public List<ApiToken> findAll() {
        return jdbc.sql(SELECT + "ORDER BY u.username, t.created_at")
                .query(this::map)
                .list();
    }

    /** Marks the token revoked; returns false if it was unknown or already revoked. */
    public boolean revoke(String id, Instant when) {
        return jdbc.sql("UPDATE api_tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL")
                        .params(Timestamps.toSql(when), id)
                        .update()
                > 0;
    }

    public void touch(String id, Instant when) {
        jdbc.sql("UPDATE api_tokens SET last_used_at = ? WHERE id = ?")
                .params(Timestamps.toSql(when), id)
                .update();
    }

    private ApiToken map(ResultSet rs, int row) throws SQLException {
        return new ApiToken(
                rs.getString("id"),
                rs.getLong("user_id"),
                rs.getString("username"),
                rs.getString("name"),
                rs.getString("prefix"),
                Timestamps.read(rs, "created_at"),
                Timestamps.read(rs, "expires_at"),
                Timestamps.read(rs, "last_used_at"),
                Timestamps.read(rs, "revoked_at"));
    }
}
