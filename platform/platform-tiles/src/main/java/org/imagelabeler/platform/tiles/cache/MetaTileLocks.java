package org.imagelabeler.platform.tiles.cache;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One lock per meta-tile being produced, created on demand and dropped when nobody holds or
 * waits for it, so that the map only holds the meta-tiles in production.
 */
final class MetaTileLocks {

    private static final class Entry {
        final ReentrantLock lock = new ReentrantLock();
        int users;
    }

    private final Map<TileKey, Entry> locks = new ConcurrentHashMap<>();

    /** Takes the lock of {@code metaTile} (its first tile's key), waiting for it if needed. */
    AutoCloseable lock(TileKey metaTile) {
        Entry entry = locks.compute(metaTile, (k, e) -> {
            Entry held = e == null ? new Entry() : e;
            held.users++;
            return held;
        });
        entry.lock.lock();
        return () -> {
            entry.lock.unlock();
            locks.computeIfPresent(metaTile, (k, e) -> --e.users == 0 ? null : e);
        };
    }

    int size() {
        return locks.size();
    }
}
