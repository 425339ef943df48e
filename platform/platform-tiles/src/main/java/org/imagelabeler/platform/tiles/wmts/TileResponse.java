package org.imagelabeler.platform.tiles.wmts;

import java.time.Duration;
import org.imagelabeler.platform.tiles.cache.CachedTile;

/**
 * A tile to send: its bytes, how long clients may keep it, and whether it came from the cache
 * (told to clients in {@code X-Cache}, as GeoWebCache's {@code geowebcache-cache-result}).
 */
public record TileResponse(CachedTile tile, Duration maxAge, boolean hit) {}
