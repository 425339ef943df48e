package org.imagelabeler.platform.tiles.cache;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the tile cache under a size limit by removing the least recently used tiles first.
 *
 * <p>Use is tracked per page, as GeoWebCache's disk quota does, not per tile: a page is one row
 * directory of one zoom level (all cached tiles of that row). Pages are few enough to track in
 * memory, and evicting one is deleting one directory. At start-up a scan of the tree rebuilds
 * the pages, taking a file's modification time as its last use, and removes temporary files a
 * crash left behind.
 */
public final class DiskQuota {

    private static final Logger LOG = LoggerFactory.getLogger(DiskQuota.class);

    /** Eviction goes down to this share of the limit, so that it does not run on every write. */
    private static final double LOW_WATER = 0.9;

    private final LongSupplier limitBytes;
    private final Map<Path, Page> pages = new ConcurrentHashMap<>();
    private final AtomicLong used = new AtomicLong();
    private final AtomicBoolean evicting = new AtomicBoolean();
    private volatile TileStore store;

    private static final class Page {
        final AtomicLong bytes = new AtomicLong();
        volatile long lastUse;
    }

    /** @param limitBytes the limit, read at each check so that a settings change applies at once */
    public DiskQuota(LongSupplier limitBytes) {
        this.limitBytes = limitBytes;
    }

    void attach(TileStore store) {
        this.store = store;
    }

    public long usedBytes() {
        return used.get();
    }

    public long limitBytes() {
        return limitBytes.getAsLong();
    }

    /** Rebuilds the pages from the files under {@code root}. */
    public void scan(Path root) {
        if (!Files.isDirectory(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            walk.forEach(p -> {
                try {
                    BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
                    if (!a.isRegularFile()) {
                        return;
                    }
                    if (p.getFileName().toString().startsWith(TileStore.TEMP_PREFIX)) {
                        Files.deleteIfExists(p);
                        return;
                    }
                    Page page = pages.computeIfAbsent(p.getParent(), k -> new Page());
                    page.bytes.addAndGet(a.size());
                    page.lastUse = Math.max(page.lastUse, a.lastModifiedTime().toMillis());
                    used.addAndGet(a.size());
                } catch (IOException e) {
                    // removed while scanning
                }
            });
        } catch (IOException | java.io.UncheckedIOException e) {
            LOG.warn("Cannot scan the tile cache {}: the disk quota counts only new tiles", root, e);
        }
        enforce();
    }

    void touched(Path page) {
        Page p = pages.get(page);
        if (p != null) {
            p.lastUse = System.currentTimeMillis();
        }
    }

    void written(Path page, long delta) {
        Page p = pages.computeIfAbsent(page, k -> new Page());
        p.bytes.addAndGet(delta);
        p.lastUse = System.currentTimeMillis();
        if (used.addAndGet(delta) > limitBytes.getAsLong()) {
            enforce();
        }
    }

    /** Drops the pages under a deleted directory. */
    void forget(Path dir) {
        pages.entrySet().removeIf(e -> {
            if (e.getKey().startsWith(dir)) {
                used.addAndGet(-e.getValue().bytes.get());
                return true;
            }
            return false;
        });
    }

    /**
     * Deletes least recently used pages until the cache is under the low-water mark. One thread
     * evicts at a time; others carry on writing.
     */
    public void enforce() {
        long limit = limitBytes.getAsLong();
        if (used.get() <= limit || store == null || !evicting.compareAndSet(false, true)) {
            return;
        }
        try {
            List<Map.Entry<Path, Page>> byAge = new ArrayList<>(pages.entrySet());
            byAge.sort(Comparator.comparingLong(e -> e.getValue().lastUse));
            long target = (long) (limit * LOW_WATER);
            int evicted = 0;
            for (Map.Entry<Path, Page> e : byAge) {
                if (used.get() <= target) {
                    break;
                }
                store.deleteTree(e.getKey());
                evicted++;
            }
            LOG.info(
                    "Tile cache over its quota of {} MB: {} least recently used pages removed, {} MB left",
                    limit >> 20,
                    evicted,
                    used.get() >> 20);
        } finally {
            evicting.set(false);
        }
    }
}
