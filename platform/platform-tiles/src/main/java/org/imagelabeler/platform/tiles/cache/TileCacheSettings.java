package org.imagelabeler.platform.tiles.cache;

import java.time.Duration;
import org.imagelabeler.platform.catalog.ServiceSettings;

/**
 * Settings of the tile cache, options of the WMTS service settings ({@code
 * settings/services/wmts.json}): {@code metaTiling} (tiles per side of a meta-tile, default 4),
 * {@code diskQuotaMegabytes} (default 10240), {@code maxAgeSeconds} (the {@code Cache-Control}
 * lifetime given to clients, default 3600).
 */
public record TileCacheSettings(int metaTiling, long diskQuotaBytes, Duration maxAge) {

    public static TileCacheSettings of(ServiceSettings settings) {
        return new TileCacheSettings(
                (int) Math.max(1, Math.min(16, option(settings, "metaTiling", 4))),
                Math.max(1, option(settings, "diskQuotaMegabytes", 10240)) << 20,
                Duration.ofSeconds(Math.max(0, option(settings, "maxAgeSeconds", 3600))));
    }

    private static long option(ServiceSettings s, String key, long otherwise) {
        String v = s.options().get(key);
        try {
            return v == null ? otherwise : Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            return otherwise;
        }
    }
}
