package org.imagelabeler.platform.tiles.render;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.imagelabeler.platform.catalog.BoundingBox;
import org.imagelabeler.platform.catalog.LayerInfo;
import org.imagelabeler.platform.ows.wms.MapEncoding;
import org.imagelabeler.platform.ows.wms.MapImageWriter;
import org.imagelabeler.platform.render.LayerRenderer;
import org.imagelabeler.platform.render.MapView;
import org.imagelabeler.platform.render.RenderException;
import org.imagelabeler.platform.tiles.cache.TileFormat;
import org.imagelabeler.platform.tiles.cache.TileKey;
import org.imagelabeler.platform.tiles.cache.TileProducer;
import org.imagelabeler.platform.tiles.cache.TileProductionException;
import org.imagelabeler.platform.tiles.grid.TileMatrix;
import org.imagelabeler.platform.tiles.grid.TileMatrixSet;

/**
 * Renders a meta-tile of a layer as one map and cuts it into tiles: one read of the data for
 * several tiles, and no seams where tiles meet. PNG tiles are transparent outside the data,
 * JPEG tiles white.
 */
public final class MetaTileRenderer implements TileProducer {

    private final LayerRenderer renderer;
    private final LayerInfo layer;
    private final TileMatrixSet set;
    private final TileMatrix matrix;
    private final int metaSize;
    private final MapEncoding encoding;

    public MetaTileRenderer(
            LayerRenderer renderer,
            LayerInfo layer,
            TileMatrixSet set,
            TileMatrix matrix,
            int metaSize,
            MapEncoding encoding) {
        this.renderer = renderer;
        this.layer = layer;
        this.set = set;
        this.matrix = matrix;
        this.metaSize = metaSize;
        this.encoding = encoding;
    }

    @Override
    public int metaSize() {
        return metaSize;
    }

    @Override
    public Map<TileKey, byte[]> produce(TileKey first, int rows, int columns) throws TileProductionException {
        int tw = matrix.tileWidth();
        int th = matrix.tileHeight();
        double[] topLeft = matrix.tileBounds(first.row(), first.column());
        double minX = topLeft[0];
        double maxY = topLeft[3];
        BoundingBox area = new BoundingBox(
                minX, maxY - rows * matrix.tileSpanY(), minX + columns * matrix.tileSpanX(), maxY, set.crs());
        Map<String, String> dimensions = TileKey.DEFAULT.equals(first.time()) ? Map.of() : Map.of("time", first.time());
        MapView view = new MapView(set.crs(), area, columns * tw, rows * th, dimensions);
        boolean png = first.format() == TileFormat.PNG;
        BufferedImage map = new BufferedImage(
                view.width(), view.height(), png ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        Graphics2D g = map.createGraphics();
        try {
            if (!png) {
                g.setColor(Color.WHITE);
                g.fillRect(0, 0, view.width(), view.height());
            }
            renderer.render(layer, TileKey.DEFAULT.equals(first.style()) ? null : first.style(), view, g);
        } catch (RenderException e) {
            throw new TileProductionException(e.status(), e.getMessage(), e);
        } finally {
            g.dispose();
        }
        Map<TileKey, byte[]> tiles = new LinkedHashMap<>();
        BufferedImage tile = new BufferedImage(tw, th, map.getType());
        try {
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < columns; c++) {
                    // a copy, not a sub-image: encoders read the raster's buffer from its start
                    int[] pixels = map.getRGB(c * tw, r * th, tw, th, null, 0, tw);
                    tile.setRGB(0, 0, tw, th, pixels, 0, tw);
                    tiles.put(
                            first.at(first.row() + r, first.column() + c),
                            MapImageWriter.encode(tile, first.format().mimeType(), encoding));
                }
            }
        } catch (IOException e) {
            throw new TileProductionException(500, "cannot encode a tile: " + e.getMessage(), e);
        }
        return tiles;
    }
}
