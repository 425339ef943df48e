package org.imagelabeler.platform.raster.ingest;

import java.awt.Point;
import java.awt.Rectangle;
import java.awt.image.ColorModel;
import java.awt.image.Raster;
import java.awt.image.SampleModel;
import java.awt.image.WritableRaster;
import org.apache.sis.image.PlanarImage;

/**
 * An image computed tile by tile, on demand, with square tiles of a fixed size (or one tile, when
 * the image is smaller), whatever the
 * layout of the pixels it comes from: what the GeoTIFF writer needs to write a tiled file from a
 * striped one, or a reduced level, without holding the whole image in memory.
 */
abstract class TiledView extends PlanarImage {

    static final int TILE = 256;

    private final int width;
    private final int height;
    private final int tileWidth;
    private final int tileHeight;
    private final SampleModel tileModel;
    private final ColorModel colorModel;
    private volatile Runnable tileListener;
    /** The last tiles computed: two rows of them, what the next level down reads at a time. */
    private final java.util.Map<Long, Raster> recent;

    TiledView(int width, int height, SampleModel anyModel, ColorModel colorModel) {
        this.width = width;
        this.height = height;
        // An image that fits in one tile is that one tile: SIS writes it as a single strip, whose
        // rows must be exactly the image's width (a larger tile would shift every row)
        boolean single = width <= TILE && height <= TILE;
        this.tileWidth = single ? width : TILE;
        this.tileHeight = single ? height : TILE;
        this.tileModel = anyModel.createCompatibleSampleModel(tileWidth, tileHeight);
        this.colorModel = colorModel;
        int capacity = 2 * ((width + TILE - 1) / TILE) + 4;
        this.recent = new java.util.LinkedHashMap<>(capacity, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(java.util.Map.Entry<Long, Raster> eldest) {
                return size() > capacity;
            }
        };
    }

    /** Fills {@code tile}, whose bounds lie within the image (edge tiles are cut). */
    protected abstract void compute(WritableRaster tile, Rectangle area);

    @Override
    public final synchronized Raster getTile(int tileX, int tileY) {
        long key = ((long) tileY << 32) | tileX;
        Raster cached = recent.get(key);
        if (cached != null) {
            return cached;
        }
        WritableRaster tile = Raster.createWritableRaster(tileModel, new Point(tileX * tileWidth, tileY * tileHeight));
        Rectangle area =
                new Rectangle(tileX * tileWidth, tileY * tileHeight, tileWidth, tileHeight).intersection(getBounds());
        compute(tile, area);
        Runnable listener = tileListener;
        if (listener != null) {
            listener.run();
        }
        recent.put(key, tile);
        return tile;
    }

    /** Called after each tile is computed (progress of a copy), or null. */
    void onTile(Runnable listener) {
        this.tileListener = listener;
    }

    int tileCount() {
        return getNumXTiles() * getNumYTiles();
    }

    @Override
    public int getWidth() {
        return width;
    }

    @Override
    public int getHeight() {
        return height;
    }

    @Override
    public int getTileWidth() {
        return tileWidth;
    }

    @Override
    public int getTileHeight() {
        return tileHeight;
    }

    @Override
    public SampleModel getSampleModel() {
        return tileModel;
    }

    @Override
    public ColorModel getColorModel() {
        return colorModel;
    }
}
