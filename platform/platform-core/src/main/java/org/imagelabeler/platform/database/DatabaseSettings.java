package org.imagelabeler.platform.database;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code labeler.db.url}, {@code .user}, {@code .password}; set from the environment as
 * {@code LABELER_DB_URL}, {@code LABELER_DB_USER}, {@code LABELER_DB_PASSWORD}. Without a URL, the
 * embedded H2GIS database lives in the data dir.
 */
@ConfigurationProperties("labeler.db")
public record DatabaseSettings(String url, String user, String password, Integer poolSize) {

    public int effectivePoolSize() {
        return poolSize == null ? 10 : poolSize;
    }
}
