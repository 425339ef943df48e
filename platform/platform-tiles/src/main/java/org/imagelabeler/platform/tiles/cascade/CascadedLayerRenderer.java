package org.imagelabeler.platform.tiles.cascade;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.imageio.ImageIO;
import org.imagelabeler.platform.catalog.BoundingBox;
import org.imagelabeler.platform.catalog.LayerInfo;
import org.imagelabeler.platform.catalog.LayerKind;
import org.imagelabeler.platform.raster.CoverageResampler;
import org.imagelabeler.platform.render.LayerRenderer;
import org.imagelabeler.platform.render.MapView;
import org.imagelabeler.platform.render.RenderException;
import org.imagelabeler.platform.tiles.cache.CachedTile;
import org.imagelabeler.platform.tiles.cache.TileCache;
import org.imagelabeler.platform.tiles.cache.TileFormat;
import org.imagelabeler.platform.tiles.cache.TileKey;
import org.imagelabeler.platform.tiles.cache.TileProductionException;
import org.imagelabeler.platform.tiles.grid.AreaTransform;
import org.imagelabeler.platform.tiles.grid.TileMatrix;
import org.imagelabeler.platform.tiles.grid.TileMatrixSet;
import org.imagelabeler.platform.tiles.grid.TileRange;
import org.imagelabeler.platform.tiles.wmts.NativeTiles;
import org.imagelabeler.platform.tiles.wmts.TiledLayer;
import org.imagelabeler.platform.tiles.wmts.TiledLayers;

/**
 * Draws a cascaded layer into any map (WMS GetMap, WMTS in another tile matrix set): picks the
 * level of the remote's own set that suits the map's resolution, takes its tiles through the
 * tile cache (so each remote tile is fetched once per TIME), mosaics them and resamples the
 * mosaic into the map, reprojecting as needed.
 */
public final class CascadedLayerRenderer implements LayerRenderer, AutoCloseable {

    /** More tiles than this for one map means a coarser level: the remote is not a bulk source. */
    private static final int MAX_TILES = 64;

    private final TiledLayers layers;
    private final TileCache cache;
    private final NativeTiles nativeTiles;
    private final ExecutorService fetchers = Executors.newFixedThreadPool(8, r -> {
        Thread t = new Thread(r, "cascade-fetch");
        t.setDaemon(true);
        return t;
    });

    public CascadedLayerRenderer(TiledLayers layers, TileCache cache, NativeTiles nativeTiles) {
        this.layers = layers;
        this.cache = cache;
        this.nativeTiles = nativeTiles;
    }

    @Override
    public boolean canRender(LayerInfo layer) {
        return layer.kind() == LayerKind.REMOTE;
    }

    @Override
    public void render(LayerInfo layer, String style, MapView view, Graphics2D map) throws RenderException {
        TiledLayer tiled = layers.tiled(layer, layer.name());
        if (tiled.nativeSets().isEmpty()) {
            throw new RenderException(
                    "NoApplicableCode", "layer " + layer.name() + " has no remote tile matrix set", 500, null);
        }
        TileMatrixSet set = tiled.nativeSets().stream()
                .filter(s -> s.crs().equals(view.crs()))
                .findFirst()
                .orElse(tiled.nativeSets().get(0));
        Optional<BoundingBox> area = AreaTransform.to(view.area(), view.crs(), set.crs());
        if (area.isEmpty()) {
            return;
        }
        String time = time(tiled, view);
        TileMatrix matrix = level(set, area.get(), view);
        TileRange range = TileRange.of(matrix, area.get());
        if (range.isEmpty()) {
            return;
        }
        TileFormat format = tiled.formats().get(0);
        int zoom = set.indexOf(matrix.identifier());
        int columns = (int) (range.maxColumn() - range.minColumn() + 1);
        int rows = (int) (range.maxRow() - range.minRow() + 1);
        BufferedImage mosaic = new BufferedImage(
                columns * matrix.tileWidth(), rows * matrix.tileHeight(), BufferedImage.TYPE_INT_ARGB);
        List<Future<Optional<BufferedImage>>> tiles = new ArrayList<>();
        for (long r = range.minRow(); r <= range.maxRow(); r++) {
            for (long c = range.minColumn(); c <= range.maxColumn(); c++) {
                TileKey key = new TileKey(layer.id(), set.identifier(), null, time, format, zoom, r, c);
                tiles.add(fetchers.submit(() -> tile(layer, set, matrix, key)));
            }
        }
        Graphics2D g = mosaic.createGraphics();
        try {
            int i = 0;
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < columns; c++) {
                    Optional<BufferedImage> tile = tiles.get(i++).get();
                    if (tile.isPresent()) {
                        g.drawImage(tile.get(), c * matrix.tileWidth(), r * matrix.tileHeight(), null);
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RenderException("NoApplicableCode", "interrupted", 500, e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof TileProductionException tpe) {
                throw new RenderException("NoApplicableCode", tpe.getMessage(), tpe.status(), tpe);
            }
            throw new RenderException("NoApplicableCode", "cannot draw " + layer.name() + ": " + cause, 500, cause);
        } finally {
            g.dispose();
        }
        double[] topLeft = matrix.tileBounds(range.minRow(), range.minColumn());
        BufferedImage picture = CoverageResampler.render(
                mosaic, set.crs(), topLeft[0], topLeft[3], matrix.cellSize(), matrix.cellSize(), view);
        if (picture != null) {
            map.drawImage(picture, 0, 0, null);
        }
    }

    private Optional<BufferedImage> tile(LayerInfo layer, TileMatrixSet set, TileMatrix matrix, TileKey key)
            throws TileProductionException, IOException {
        Optional<CachedTile> tile =
                cache.get(key, matrix, nativeTiles.producer(layer, set, matrix)).tile();
        if (tile.isEmpty()) {
            return Optional.empty();
        }
        return Optional.ofNullable(
                ImageIO.read(new ByteArrayInputStream(tile.get().body())));
    }

    /**
     * The coarsest level still at least as fine as the map (as a renderer picks an overview),
     * then coarser while the map would need more than {@link #MAX_TILES} tiles.
     */
    private static TileMatrix level(TileMatrixSet set, BoundingBox area, MapView view) {
        double wanted =
                Math.min((area.maxX() - area.minX()) / view.width(), (area.maxY() - area.minY()) / view.height());
        List<TileMatrix> levels = set.matrices();
        int chosen = levels.size() - 1;
        for (int i = 0; i < levels.size(); i++) {
            if (levels.get(i).cellSize() <= wanted * 1.0001) {
                chosen = i;
                break;
            }
        }
        while (chosen > 0) {
            TileRange r = TileRange.of(levels.get(chosen), area);
            if ((r.maxRow() - r.minRow() + 1) * (r.maxColumn() - r.minColumn() + 1) <= MAX_TILES) {
                break;
            }
            chosen--;
        }
        return levels.get(chosen);
    }

    private static String time(TiledLayer layer, MapView view) throws RenderException {
        if (layer.time() == null) {
            return TileKey.DEFAULT;
        }
        String asked = view.dimensions().get("time");
        String t = asked == null || asked.isBlank() || asked.equalsIgnoreCase("default")
                ? layer.time().defaultValue()
                : asked.trim();
        if (t == null) {
            return TileKey.DEFAULT;
        }
        if (!layer.time().allows(t)) {
            throw new RenderException(
                    "InvalidDimensionValue",
                    "time '" + t + "' is not among the values of "
                            + layer.layer().name());
        }
        return t;
    }

    @Override
    public void close() {
        fetchers.shutdownNow();
    }
}
