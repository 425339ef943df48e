package org.imagelabeler.platform.tiles.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.imagelabeler.platform.tiles.grid.TileMatrix;
import org.imagelabeler.platform.tiles.grid.WellKnownTileMatrixSets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TileCacheTest {

    @TempDir
    Path dir;

    private static final TileMatrix Z5 =
            WellKnownTileMatrixSets.webMercatorQuad().matrices().get(5);

    private static TileKey key(long row, long column) {
        return new TileKey("layer-1", "WebMercatorQuad", null, null, TileFormat.PNG, 5, row, column);
    }

    @Test
    void concurrentRequestsForOneMetaTileProduceItOnce() throws Exception {
        TileCache cache = new TileCache(new TileStore(dir, new DiskQuota(() -> Long.MAX_VALUE)));
        AtomicInteger produced = new AtomicInteger();
        CountDownLatch inside = new CountDownLatch(1);
        TileProducer slow = new TileProducer() {
            @Override
            public int metaSize() {
                return 4;
            }

            @Override
            public Map<TileKey, byte[]> produce(TileKey first, int rows, int columns) {
                produced.incrementAndGet();
                inside.countDown();
                sleep(200); // others arrive and wait on the meta-tile's lock meanwhile
                Map<TileKey, byte[]> tiles = new HashMap<>();
                for (int r = 0; r < rows; r++) {
                    for (int c = 0; c < columns; c++) {
                        tiles.put(first.at(first.row() + r, first.column() + c), new byte[] {(byte) r, (byte) c});
                    }
                }
                return tiles;
            }
        };
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<TileCache.Result>> results = new ArrayList<>();
            for (int r = 8; r < 12; r++) {
                for (int c = 4; c < 8; c++) {
                    TileKey k = key(r, c);
                    results.add(pool.submit(() -> cache.get(k, Z5, slow)));
                }
            }
            int misses = 0;
            for (Future<TileCache.Result> f : results) {
                TileCache.Result result = f.get();
                assertThat(result.tile()).isPresent();
                misses += result.hit() ? 0 : 1;
            }
            assertThat(produced).hasValue(1);
            assertThat(misses).isEqualTo(1);
            assertThat(cache.store().read(key(11, 7)).orElseThrow().body()).containsExactly(3, 3);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void metaTilesAreClippedToTheMatrix() throws Exception {
        TileMatrix z1 = WellKnownTileMatrixSets.webMercatorQuad().matrices().get(1);
        TileCache cache = new TileCache(new TileStore(dir, new DiskQuota(() -> Long.MAX_VALUE)));
        int[] asked = new int[2];
        cache.get(key(1, 1), z1, new TileProducer() {
            @Override
            public int metaSize() {
                return 4;
            }

            @Override
            public Map<TileKey, byte[]> produce(TileKey first, int rows, int columns) {
                asked[0] = rows;
                asked[1] = columns;
                return Map.of();
            }
        });
        assertThat(asked).containsExactly(2, 2);
    }

    @Test
    void diskQuotaRemovesTheLeastRecentlyUsedRowsFirst() throws Exception {
        TileStore store = new TileStore(dir, new DiskQuota(() -> 10 * 1024L));
        for (int row = 0; row < 10; row++) {
            store.write(key(row, 0), new byte[1024]);
            sleep(3);
        }
        assertThat(store.quota().usedBytes()).isEqualTo(10 * 1024L);
        assertThat(store.read(key(0, 0))).isPresent(); // row 0 is now the most recently used
        sleep(3);
        store.write(key(10, 0), new byte[1024]); // over the limit: down to 90 % of it

        assertThat(store.quota().usedBytes()).isLessThanOrEqualTo(9 * 1024L);
        assertThat(Files.exists(store.path(key(0, 0)))).isTrue();
        assertThat(Files.exists(store.path(key(10, 0)))).isTrue();
        assertThat(Files.exists(store.path(key(1, 0)))).isFalse();
        assertThat(Files.exists(store.path(key(2, 0)))).isFalse();
        assertThat(Files.exists(store.path(key(3, 0)))).isTrue();
    }

    @Test
    void scanCountsWhatIsOnDiskAndRemovesLeftoverTemporaryFiles() throws Exception {
        TileStore first = new TileStore(dir, new DiskQuota(() -> Long.MAX_VALUE));
        first.write(key(1, 1), new byte[300]);
        first.write(key(2, 1), new byte[200]);
        Path leftover = first.path(key(1, 1)).resolveSibling(TileStore.TEMP_PREFIX + "crashed");
        Files.write(leftover, new byte[999]);

        TileStore restarted = new TileStore(dir, new DiskQuota(() -> Long.MAX_VALUE));
        restarted.quota().scan(dir);
        assertThat(restarted.quota().usedBytes()).isEqualTo(500);
        assertThat(leftover).doesNotExist();
    }

    @Test
    void valuesCannotLeaveTheCacheDirectory() {
        TileStore store = new TileStore(dir, new DiskQuota(() -> Long.MAX_VALUE));
        TileKey hostile = new TileKey("../../etc", "../x", "a/b", "2024-01-01T00:00:00Z", TileFormat.PNG, 0, 0, 0);
        Path p = store.path(hostile);
        assertThat(p.normalize()).startsWithRaw(dir.toAbsolutePath());
        assertThat(dir.relativize(p).toString())
                .isEqualTo("%2E.%2F..%2Fetc/%2E.%2Fx/a%2Fb/2024-01-01T00%3A00%3A00Z/png/0/0/0.png");
    }

    @Test
    void truncatingByPredicateKeepsTheRest() {
        TileStore store = new TileStore(dir, new DiskQuota(() -> Long.MAX_VALUE));
        for (int r = 0; r < 4; r++) {
            store.write(key(r, r), new byte[10]);
        }
        long removed = store.delete(key(0, 0), p -> p[1] >= 2);
        assertThat(removed).isEqualTo(2);
        assertThat(store.read(key(1, 1))).isPresent();
        assertThat(store.read(key(2, 2))).isEmpty();
        assertThat(store.quota().usedBytes()).isEqualTo(20);
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
