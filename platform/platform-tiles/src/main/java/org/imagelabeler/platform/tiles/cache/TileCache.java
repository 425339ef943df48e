package org.imagelabeler.platform.tiles.cache;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.imagelabeler.platform.tiles.grid.TileMatrix;

/**
 * The tile cache: a tile is read from the store, or produced with the other tiles of its
 * meta-tile under that meta-tile's lock. The cache is checked again once the lock is held, so
 * that concurrent requests for one area produce it once (GeoWebCache's meta-tiling).
 */
public final class TileCache {

    private final TileStore store;
    private final MetaTileLocks locks = new MetaTileLocks();

    public TileCache(TileStore store) {
        this.store = store;
    }

    public TileStore store() {
        return store;
    }

    /** What a request got: the tile, and whether it came from the cache. */
    public record Result(Optional<CachedTile> tile, boolean hit) {}

    public Result get(TileKey key, TileMatrix matrix, TileProducer producer) throws TileProductionException {
        Optional<CachedTile> cached = store.read(key);
        if (cached.isPresent()) {
            return new Result(cached, true);
        }
        int meta = Math.max(1, producer.metaSize());
        long firstRow = key.row() - Math.floorMod(key.row(), meta);
        long firstColumn = key.column() - Math.floorMod(key.column(), meta);
        TileKey first = key.at(firstRow, firstColumn);
        try (AutoCloseable held = locks.lock(first)) {
            cached = store.read(key);
            if (cached.isPresent()) {
                return new Result(cached, true);
            }
            int rows = (int) Math.min(meta, matrix.matrixHeight() - firstRow);
            int columns = (int) Math.min(meta, matrix.matrixWidth() - firstColumn);
            Map<TileKey, byte[]> tiles = producer.produce(first, rows, columns);
            tiles.forEach(store::write);
            byte[] mine = tiles.get(key);
            return new Result(
                    mine == null
                            ? Optional.empty()
                            : Optional.of(new CachedTile(mine, key.format().mimeType(), Instant.now())),
                    false);
        } catch (TileProductionException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Produces and stores a meta-tile unless all its tiles are cached (seeding). */
    public int seed(TileKey first, TileMatrix matrix, TileProducer producer, boolean replace)
            throws TileProductionException {
        try (AutoCloseable held = locks.lock(first)) {
            int meta = Math.max(1, producer.metaSize());
            int rows = (int) Math.min(meta, matrix.matrixHeight() - first.row());
            int columns = (int) Math.min(meta, matrix.matrixWidth() - first.column());
            if (!replace && allCached(first, rows, columns)) {
                return 0;
            }
            Map<TileKey, byte[]> tiles = producer.produce(first, rows, columns);
            tiles.forEach(store::write);
            return tiles.size();
        } catch (TileProductionException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private boolean allCached(TileKey first, int rows, int columns) {
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < columns; c++) {
                if (!java.nio.file.Files.exists(store.path(first.at(first.row() + r, first.column() + c)))) {
                    return false;
                }
            }
        }
        return true;
    }
}
