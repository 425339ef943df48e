package org.imagelabeler.platform.tiles.seed;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.imagelabeler.platform.catalog.BoundingBox;
import org.imagelabeler.platform.catalog.LayerInfo;
import org.imagelabeler.platform.jobs.JobContext;
import org.imagelabeler.platform.jobs.JobHandler;
import org.imagelabeler.platform.tiles.cache.TileCacheSettings;
import org.imagelabeler.platform.tiles.cache.TileFormat;
import org.imagelabeler.platform.tiles.cache.TileKey;
import org.imagelabeler.platform.tiles.cache.TileProducer;
import org.imagelabeler.platform.tiles.cache.TileStore;
import org.imagelabeler.platform.tiles.grid.AreaTransform;
import org.imagelabeler.platform.tiles.grid.TileMatrix;
import org.imagelabeler.platform.tiles.grid.TileMatrixSet;
import org.imagelabeler.platform.tiles.grid.TileRange;
import org.imagelabeler.platform.tiles.wmts.TileService;
import org.imagelabeler.platform.tiles.wmts.TiledLayer;

/**
 * Seeds, reseeds or truncates a layer's tiles (job type {@code tiles.seed}): meta-tile by
 * meta-tile over a zoom range and an area (by default the layer's own bounds), with progress.
 */
public final class TileSeedJob implements JobHandler {

    public static final String TYPE = "tiles.seed";

    private final TileService tiles;
    private final org.imagelabeler.platform.tiles.cache.TileCache cache;
    private final ObjectMapper json = new ObjectMapper();

    public TileSeedJob(TileService tiles, org.imagelabeler.platform.tiles.cache.TileCache cache) {
        this.tiles = tiles;
        this.cache = cache;
    }

    /** What a job is given: the layer (by id, so a job survives nothing but the layer) and the request. */
    public record Parameters(String layerId, SeedRequest request) {}

    public String parameters(LayerInfo layer, SeedRequest request) {
        try {
            return json.writeValueAsString(new Parameters(layer.id(), request));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String run(JobContext context) throws Exception {
        Parameters p = json.readValue(context.parameters(), Parameters.class);
        var catalog = tiles.layers().catalog();
        LayerInfo layer = catalog.layer(p.layerId())
                .orElseThrow(() -> new IllegalStateException("the layer of this job no longer exists"));
        TiledLayer tiled = tiles.layers().tiled(layer, catalog.qualifiedName(layer));
        SeedRequest r = p.request();
        if (r.truncate()) {
            long removed = truncate(tiled, r, context);
            return json.writeValueAsString(Map.of("tilesRemoved", removed));
        }
        return json.writeValueAsString(Map.of("tilesWritten", seed(tiled, r, context)));
    }

    private long seed(TiledLayer tiled, SeedRequest r, JobContext context) throws Exception {
        // the same checks as a GetTile, on the first tile: style, format, set, TIME
        TileMatrixSet set = tiled.set(r.tileMatrixSet()).orElseThrow();
        TileService.Target target = tiles.resolve(tiled, r.firstTile(tiled, set));
        TileCacheSettings settings = tiles.settings();
        BoundingBox area = area(tiled, set, r.bounds());
        int z0 = r.zoomStart() == null ? 0 : r.zoomStart();
        int z1 = r.zoomStop() == null ? z0 : r.zoomStop();
        long total = 0;
        for (int z = z0; z <= z1; z++) {
            total += TileRange.of(set.matrices().get(z), area).metaTiles(metaSize(target, settings));
        }
        long done = 0;
        long written = 0;
        for (int z = z0; z <= z1; z++) {
            TileMatrix matrix = set.matrices().get(z);
            TileKey zoomKey = new TileKey(
                    target.key().layerId(),
                    set.identifier(),
                    target.key().style(),
                    target.key().time(),
                    target.key().format(),
                    z,
                    0,
                    0);
            TileService.Target level = new TileService.Target(tiled, set, matrix, zoomKey);
            TileProducer producer = tiles.producer(level, settings);
            int meta = Math.max(1, producer.metaSize());
            TileRange range = TileRange.of(matrix, area);
            if (range.isEmpty()) {
                continue;
            }
            for (long row = range.minRow() - Math.floorMod(range.minRow(), meta); row <= range.maxRow(); row += meta) {
                for (long col = range.minColumn() - Math.floorMod(range.minColumn(), meta);
                        col <= range.maxColumn();
                        col += meta) {
                    context.checkCancelled();
                    written += cache.seed(zoomKey.at(row, col), matrix, producer, SeedRequest.RESEED.equals(r.type()));
                    done++;
                    context.progress(
                            (int) (100 * done / Math.max(1, total)),
                            "zoom " + z + ": " + done + " of " + total + " meta-tiles, " + written + " tiles written");
                }
            }
        }
        return written;
    }

    private static int metaSize(TileService.Target target, TileCacheSettings settings) {
        return target.layer().isNative(target.set()) ? 1 : settings.metaTiling();
    }

    private long truncate(TiledLayer tiled, SeedRequest r, JobContext context) throws IOException {
        TileStore store = cache.store();
        if (r.tileMatrixSet() == null) {
            store.deleteLayer(tiled.layer().id());
            context.progress(100, "all tiles of the layer removed");
            return -1;
        }
        TileMatrixSet set = tiled.set(r.tileMatrixSet()).orElseThrow();
        BoundingBox area = r.bounds();
        int z0 = r.zoomStart() == null ? 0 : r.zoomStart();
        int z1 = r.zoomStop() == null ? set.matrices().size() - 1 : r.zoomStop();
        List<TileRange> ranges = new java.util.ArrayList<>();
        for (TileMatrix m : set.matrices()) {
            ranges.add(TileRange.of(m, area));
        }
        long removed = 0;
        for (TileKey cacheKey : caches(store, tiled, set, r)) {
            context.checkCancelled();
            removed += store.delete(
                    cacheKey,
                    p -> p[0] >= z0
                            && p[0] <= z1
                            && p[0] < ranges.size()
                            && ranges.get((int) p[0]).contains(p[1], p[2]));
        }
        context.progress(100, removed + " tiles removed");
        return removed;
    }

    /** The caches (style x time x format directories) of a layer and set that the request names. */
    private static List<TileKey> caches(TileStore store, TiledLayer tiled, TileMatrixSet set, SeedRequest r)
            throws IOException {
        Path setDir = store.layerDirectory(tiled.layer().id()).resolve(set.identifier());
        if (!Files.isDirectory(setDir)) {
            return List.of();
        }
        List<TileKey> keys = new java.util.ArrayList<>();
        try (Stream<Path> styles = Files.list(setDir)) {
            for (Path style : styles.toList()) {
                try (Stream<Path> times = Files.list(style)) {
                    for (Path time : times.toList()) {
                        for (TileFormat f : TileFormat.values()) {
                            TileKey key = new TileKey(
                                    tiled.layer().id(), set.identifier(), decode(style), decode(time), f, 0, 0, 0);
                            boolean wanted = (r.style() == null || r.style().equals(key.style()))
                                    && (r.time() == null || r.time().equals(key.time()))
                                    && (r.format() == null
                                            || TileFormat.of(r.format()).orElse(null) == f);
                            if (wanted && store.cacheDirectory(key).equals(time.resolve(f.extension()))) {
                                keys.add(key);
                            }
                        }
                    }
                }
            }
        }
        return keys;
    }

    private static String decode(Path segment) {
        return java.net.URLDecoder.decode(
                segment.getFileName().toString().replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
    }

    /** The requested area, else the layer's bounds in the set's CRS, else the whole set. */
    private static BoundingBox area(TiledLayer tiled, TileMatrixSet set, BoundingBox requested) {
        if (requested != null) {
            return requested;
        }
        BoundingBox geo = tiled.layer().geographicBounds();
        return geo == null
                ? null
                : AreaTransform.to(geo, "EPSG:4326", set.crs()).orElse(null);
    }
}
