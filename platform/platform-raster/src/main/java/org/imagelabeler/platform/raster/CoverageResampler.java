package org.imagelabeler.platform.raster;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.awt.image.RenderedImage;
import org.apache.sis.coverage.grid.DisjointExtentException;
import org.apache.sis.coverage.grid.GridCoverage;
import org.apache.sis.coverage.grid.GridExtent;
import org.apache.sis.coverage.grid.GridGeometry;
import org.apache.sis.coverage.grid.GridOrientation;
import org.apache.sis.coverage.grid.PixelInCell;
import org.apache.sis.geometry.GeneralEnvelope;
import org.apache.sis.storage.DataStoreException;
import org.apache.sis.storage.NoSuchDataException;
import org.imagelabeler.platform.render.MapView;
import org.imagelabeler.platform.render.RenderException;
import org.opengis.referencing.crs.CoordinateReferenceSystem;
import org.opengis.referencing.operation.MathTransform;
import org.opengis.referencing.operation.TransformException;
import org.opengis.util.FactoryException;

/**
 * Draws a coverage into a map view: bilinear resampling from the overview level that suits the
 * view, nodata and the area outside the coverage transparent, bands mapped to RGB with the
 * style's stretch.
 *
 * <p>Resampling is done here rather than with Apache SIS's resample operation because the map
 * needs what that operation does not give in one pass: a transparency mask for nodata and for
 * the outside, weights renormalised around nodata (as GDAL's warper does), and a stretch to 8
 * bits. Source positions are computed exactly on a 16-pixel lattice and interpolated between,
 * as GDAL's approximate transformer does.
 */
public final class CoverageResampler {

    private static final int LATTICE = 16;
    private static final int MARGIN = 2;

    private CoverageResampler() {}

    /**
     * The view's picture, or null when the coverage does not reach into the view. The image is
     * reused by the next call on the same thread: draw it before rendering again.
     */
    public static BufferedImage render(CoverageSource source, RasterStyle style, MapView view) throws RenderException {
        try {
            Sampling s = Sampling.prepare(source, style, view);
            if (s == null) {
                return null;
            }
            return s.draw(
                    style,
                    source.description().noData(),
                    source.description().sampleType().isFloat());
        } catch (FactoryException | TransformException e) {
            throw new RenderException(
                    "InvalidCRS",
                    "cannot transform between " + view.crs() + " and the layer's CRS: " + e.getMessage(),
                    e);
        } catch (DataStoreException e) {
            throw new RenderException("NoApplicableCode", "cannot read the coverage: " + e.getMessage(), 500, e);
        }
    }

    /**
     * Draws an image held in memory (a mosaic of remote tiles) into a map view, bilinear, its
     * transparency kept. The image's pixel (0, 0) has its top left corner at {@code originX},
     * {@code originY} of {@code crs}, pixels are {@code cellX} by {@code cellY} CRS units (x/y
     * order, north up). Returns null when the view does not reach the image. The picture is
     * reused by the next call on the same thread: draw it before rendering again.
     */
    public static BufferedImage render(
            BufferedImage image, String crs, double originX, double originY, double cellX, double cellY, MapView view)
            throws RenderException {
        try {
            MathTransform viewToSource = CrsRegistry.transform(CrsRegistry.xy(view.crs()), CrsRegistry.xy(crs));
            int w = view.width();
            int h = view.height();
            int[] xs = Sampling.lattice(w);
            int[] ys = Sampling.lattice(h);
            double[] nodes = Sampling.nodes(view, xs, ys, viewToSource);
            if (nodes == null) {
                return null;
            }
            for (int i = 0; i < nodes.length; i += 2) {
                nodes[i] = (nodes[i] - originX) / cellX;
                nodes[i + 1] = (originY - nodes[i + 1]) / cellY;
            }
            int iw = image.getWidth();
            int ih = image.getHeight();
            float[][] bands = new float[4][iw * ih];
            int[] row = new int[iw];
            for (int y = 0; y < ih; y++) {
                image.getRGB(0, y, iw, 1, row, 0, iw);
                for (int x = 0; x < iw; x++) {
                    int p = y * iw + x;
                    int argb = row[x];
                    bands[0][p] = (argb >> 16) & 0xFF;
                    bands[1][p] = (argb >> 8) & 0xFF;
                    bands[2][p] = argb & 0xFF;
                    bands[3][p] = argb >>> 24;
                }
            }
            Sampling s = new Sampling(w, h, bands, null, iw, ih, xs, ys, nodes, 0, 0, iw, ih);
            RasterStyle rgba = new RasterStyle(
                    "rgba", new int[] {0, 1, 2}, 3, new double[] {0, 0, 0}, new double[] {255, 255, 255});
            return s.draw(rgba, null, false);
        } catch (FactoryException e) {
            throw new RenderException(
                    "InvalidCRS", "cannot transform between " + view.crs() + " and " + crs + ": " + e.getMessage(), e);
        }
    }

    /** The source values around the view and where each view pixel falls among them. */
    private record Sampling(
            int width,
            int height,
            float[][] bands,
            int[] rgb,
            int rasterWidth,
            int rasterHeight,
            int[] xs,
            int[] ys,
            double[] nodes,
            double insideMinX,
            double insideMinY,
            double insideMaxX,
            double insideMaxY) {

        static Sampling prepare(CoverageSource source, RasterStyle style, MapView view)
                throws FactoryException, TransformException, DataStoreException {
            CoordinateReferenceSystem viewCrs = CrsRegistry.xy(view.crs());
            MathTransform viewToSource = CrsRegistry.transform(viewCrs, source.crs());

            // 1. positions of a lattice of view pixels in the source CRS
            int w = view.width();
            int h = view.height();
            int[] xs = lattice(w);
            int[] ys = lattice(h);
            double[] nodes = nodes(view, xs, ys, viewToSource);
            if (nodes == null) {
                return null;
            }

            // 2. read the level that suits the view, a little beyond it
            GeneralEnvelope area = new GeneralEnvelope(viewCrs);
            area.setRange(
                    0,
                    view.area().minX() - MARGIN * view.resolutionX(),
                    view.area().maxX() + MARGIN * view.resolutionX());
            area.setRange(
                    1,
                    view.area().minY() - MARGIN * view.resolutionY(),
                    view.area().maxY() + MARGIN * view.resolutionY());
            GridGeometry domain = new GridGeometry(
                    new GridExtent(w + 2 * MARGIN, h + 2 * MARGIN), area, GridOrientation.REFLECTION_Y);
            CoverageDescription d = source.description();
            boolean packed = style.showsBytesAsIs() && d.sampleType() == SampleType.UINT8 && d.noData() == null;
            try {
                // the window is decoded while the reader is held: readers of a file are pooled
                return source.read(domain, style.bandsToRead(), coverage -> {
                    try {
                        return window(coverage, style, packed, nodes, w, h, xs, ys);
                    } catch (TransformException e) {
                        throw new org.apache.sis.storage.DataStoreReferencingException(e.getMessage(), e);
                    }
                });
            } catch (DisjointExtentException | NoSuchDataException e) {
                return null;
            }
        }

        /** Reads the source pixels around the view's positions, from the level SIS chose. */
        private static Sampling window(
                GridCoverage coverage,
                RasterStyle style,
                boolean packed,
                double[] nodes,
                int w,
                int h,
                int[] xs,
                int[] ys)
                throws TransformException {
            GridGeometry level = coverage.getGridGeometry();
            GridExtent extent = level.getExtent();
            MathTransform toLevel = level.getGridToCRS(PixelInCell.CELL_CORNER).inverse();
            toLevel.transform(nodes, 0, nodes, 0, nodes.length / 2);
            for (int i = 0; i < nodes.length; i += 2) {
                nodes[i] -= extent.getLow(0);
                nodes[i + 1] -= extent.getLow(1);
            }

            // 3. the source pixels needed: the lattice bounds every interpolated position
            double minX = Double.MAX_VALUE, minY = Double.MAX_VALUE, maxX = -Double.MAX_VALUE, maxY = -Double.MAX_VALUE;
            for (int i = 0; i < nodes.length; i += 2) {
                minX = Math.min(minX, nodes[i]);
                maxX = Math.max(maxX, nodes[i]);
                minY = Math.min(minY, nodes[i + 1]);
                maxY = Math.max(maxY, nodes[i + 1]);
            }
            RenderedImage image = coverage.render(null);
            int rw = (int) extent.getSize(0);
            int rh = (int) extent.getSize(1);
            Rectangle needed = new Rectangle(
                            (int) Math.floor(minX) - 1,
                            (int) Math.floor(minY) - 1,
                            (int) Math.ceil(maxX - minX) + 3,
                            (int) Math.ceil(maxY - minY) + 3)
                    .intersection(new Rectangle(0, 0, rw, rh));
            if (needed.isEmpty()) {
                return null;
            }
            Rectangle area =
                    new Rectangle(needed.x + image.getMinX(), needed.y + image.getMinY(), needed.width, needed.height);
            float[][] bands = packed ? null : samples(image, area, style.bandsToRead().length);
            int[] rgb = packed ? packedSamples(image, area) : null;
            for (int i = 0; i < nodes.length; i += 2) { // positions within the window read
                nodes[i] -= needed.x;
                nodes[i + 1] -= needed.y;
            }
            return new Sampling(
                    w,
                    h,
                    bands,
                    rgb,
                    needed.width,
                    needed.height,
                    xs,
                    ys,
                    nodes,
                    -needed.x,
                    -needed.y,
                    rw - needed.x,
                    rh - needed.y);
        }

        /**
         * The picture of a layer, reused by its thread: the renderer composites it into the map at
         * once, and a new image per map would only feed the garbage collector.
         */
        private static final ThreadLocal<BufferedImage> CANVAS = new ThreadLocal<>();

        private static BufferedImage canvas(int width, int height) {
            BufferedImage image = CANVAS.get();
            if (image == null || image.getWidth() != width || image.getHeight() != height) {
                image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
                if (width * height <= 1024 * 1024) { // keep only map-sized canvases
                    CANVAS.set(image);
                }
            }
            return image;
        }

        /** Per-thread sample buffers: a map's window is up to a few megabytes of floats. */
        private static final ThreadLocal<float[][]> SCRATCH = new ThreadLocal<>();

        /**
         * The samples of each band within {@code area} of the image, as floats, read tile by tile
         * (no copy of the window as a whole). Interleaved bytes (RGB imagery) are read straight
         * from the data buffers: the generic {@code Raster.getSamples} costs a call per sample.
         */
        private static float[][] samples(RenderedImage image, Rectangle area, int bandCount) {
            int size = area.width * area.height;
            float[][] bands = SCRATCH.get();
            if (bands == null || bands.length < bandCount || bands[0].length < size) {
                bands = new float[Math.max(bandCount, 4)][Math.max(size, 128 * 1024)];
                SCRATCH.set(bands);
            }
            float[][] out = bands;
            forEachTile(image, area, (tile, part) -> copy(tile, part, area, out, bandCount));
            return bands;
        }

        /** Visits the tiles of the image that {@code area} touches, with the part it covers. */
        private static void forEachTile(
                RenderedImage image, Rectangle area, java.util.function.BiConsumer<Raster, Rectangle> visitor) {
            int tx0 = Math.floorDiv(area.x - image.getTileGridXOffset(), image.getTileWidth());
            int ty0 = Math.floorDiv(area.y - image.getTileGridYOffset(), image.getTileHeight());
            int tx1 = Math.floorDiv(area.x + area.width - 1 - image.getTileGridXOffset(), image.getTileWidth());
            int ty1 = Math.floorDiv(area.y + area.height - 1 - image.getTileGridYOffset(), image.getTileHeight());
            for (int ty = ty0; ty <= ty1; ty++) {
                for (int tx = tx0; tx <= tx1; tx++) {
                    Raster tile = image.getTile(tx, ty);
                    Rectangle part = tile.getBounds().intersection(area);
                    if (!part.isEmpty()) {
                        visitor.accept(tile, part);
                    }
                }
            }
        }

        private static final ThreadLocal<int[]> PACKED_SCRATCH = new ThreadLocal<>();

        /**
         * The first three bands of 8-bit samples within {@code area}, packed as 0xRRGGBB: one
         * array access per source pixel in the drawing loop instead of three.
         */
        private static int[] packedSamples(RenderedImage image, Rectangle area) {
            int size = area.width * area.height;
            int[] rgb = PACKED_SCRATCH.get();
            if (rgb == null || rgb.length < size) {
                rgb = new int[Math.max(size, 128 * 1024)];
                PACKED_SCRATCH.set(rgb);
            }
            int[] out = rgb;
            forEachTile(image, area, (tile, part) -> copyPacked(tile, part, area, out));
            return rgb;
        }

        private static void copyPacked(Raster tile, Rectangle part, Rectangle area, int[] rgb) {
            int w = area.width;
            InterleavedBytes bytes = InterleavedBytes.of(tile, part);
            if (bytes != null) {
                byte[] data = bytes.data();
                int pixelStride = bytes.pixelStride();
                int scanline = bytes.scanline();
                int[] offsets = bytes.offsets();
                int origin = bytes.origin();
                int r = offsets[0], g = offsets[1], b = offsets[2];
                for (int y = 0; y < part.height; y++) {
                    int s = origin + y * scanline;
                    int o = (part.y - area.y + y) * w + (part.x - area.x);
                    for (int x = 0; x < part.width; x++, s += pixelStride) {
                        rgb[o + x] = (data[s + r] & 0xFF) << 16 | (data[s + g] & 0xFF) << 8 | (data[s + b] & 0xFF);
                    }
                }
                return;
            }
            int[] row = new int[part.width];
            for (int y = 0; y < part.height; y++) {
                int o = (part.y - area.y + y) * w + (part.x - area.x);
                java.util.Arrays.fill(rgb, o, o + part.width, 0);
                for (int b = 0; b < 3; b++) {
                    tile.getSamples(part.x, part.y + y, part.width, 1, b, row);
                    for (int x = 0; x < part.width; x++) {
                        rgb[o + x] |= (row[x] & 0xFF) << (16 - 8 * b);
                    }
                }
            }
        }

        /**
         * The bytes of a tile of interleaved 8-bit samples (RGB imagery), addressed directly: the
         * generic {@code Raster.getSamples} costs a call per sample. {@code origin} is the index
         * of the first sample of {@code part}.
         */
        private record InterleavedBytes(byte[] data, int pixelStride, int scanline, int[] offsets, int origin) {

            /** The tile's bytes, or null when its samples are laid out otherwise. */
            static InterleavedBytes of(Raster tile, Rectangle part) {
                if (tile.getSampleModel() instanceof java.awt.image.ComponentSampleModel csm
                        && tile.getDataBuffer() instanceof java.awt.image.DataBufferByte buffer
                        && buffer.getNumBanks() == 1) {
                    int pixelStride = csm.getPixelStride();
                    int scanline = csm.getScanlineStride();
                    int origin = buffer.getOffset()
                            + (part.y - tile.getSampleModelTranslateY()) * scanline
                            + (part.x - tile.getSampleModelTranslateX()) * pixelStride;
                    return new InterleavedBytes(buffer.getData(), pixelStride, scanline, csm.getBandOffsets(), origin);
                }
                return null;
            }
        }

        /** Copies {@code part} of a tile into the band arrays, laid out over {@code area}. */
        private static void copy(Raster tile, Rectangle part, Rectangle area, float[][] bands, int bandCount) {
            int w = area.width;
            InterleavedBytes bytes = InterleavedBytes.of(tile, part);
            if (bytes != null) {
                byte[] data = bytes.data();
                int pixelStride = bytes.pixelStride();
                int scanline = bytes.scanline();
                int[] offsets = bytes.offsets();
                int origin = bytes.origin();
                for (int b = 0; b < bandCount; b++) {
                    float[] out = bands[b];
                    int offset = offsets[b];
                    for (int y = 0; y < part.height; y++) {
                        int row = origin + y * scanline + offset;
                        int o = (part.y - area.y + y) * w + (part.x - area.x);
                        for (int x = 0; x < part.width; x++) {
                            out[o + x] = data[row + x * pixelStride] & 0xFF;
                        }
                    }
                }
                return;
            }
            float[] row = new float[part.width];
            for (int b = 0; b < bandCount; b++) {
                for (int y = 0; y < part.height; y++) {
                    tile.getSamples(part.x, part.y + y, part.width, 1, b, row);
                    System.arraycopy(row, 0, bands[b], (part.y - area.y + y) * w + (part.x - area.x), part.width);
                }
            }
        }

        BufferedImage draw(RasterStyle style, Double noData, boolean floating) {
            BufferedImage out = canvas(width, height);
            int[] argb = ((java.awt.image.DataBufferInt) out.getRaster().getDataBuffer()).getData();
            java.util.Arrays.fill(argb, 0);
            Span span = rgb != null ? new PackedRgbSpan(this) : new StretchedSpan(this, style, noData, floating);
            int columns = xs.length;
            for (int j = 0; j < height; j++) {
                // the lattice row pair around this row, and the positions along it
                int b = cell(ys, j + 0.5);
                double ty = (j + 0.5 - ys[b]) / (ys[b + 1] - ys[b]);
                for (int a = 0; a < columns - 1; a++) {
                    int n0 = 2 * (b * columns + a);
                    int n1 = n0 + 2 * columns;
                    double leftX = lerp(nodes[n0], nodes[n1], ty);
                    double leftY = lerp(nodes[n0 + 1], nodes[n1 + 1], ty);
                    double rightX = lerp(nodes[n0 + 2], nodes[n1 + 2], ty);
                    double rightY = lerp(nodes[n0 + 3], nodes[n1 + 3], ty);
                    double cells = xs[a + 1] - xs[a];
                    double stepX = (rightX - leftX) / cells;
                    double stepY = (rightY - leftY) / cells;
                    span.draw(
                            argb,
                            j * width + xs[a],
                            xs[a + 1] - xs[a],
                            leftX + 0.5 * stepX,
                            leftY + 0.5 * stepY,
                            stepX,
                            stepY);
                }
            }
            return out;
        }

        /**
         * Draws a run of view pixels whose source positions advance by a constant step. Positions
         * are in window pixels, corner-based; the +0.5 in the implementations moves them to pixel
         * centres, and since they are positive there, (int) floors.
         */
        private interface Span {
            void draw(int[] argb, int p, int count, double x, double y, double stepX, double stepY);
        }

        /**
         * 8-bit RGB shown as is, no nodata: one packed int per source pixel, positions in 16.16
         * fixed point and weights in 1/256ths, red and blue interpolated together in one int (as
         * fast raster renderers do). Rounding stays within one level of the exact result.
         */
        private static final class PackedRgbSpan implements Span {
            private static final int ONE = 1 << 16;
            private final int[] rgb;
            private final int rasterWidth;
            private final int lastX;
            private final int lastY;
            private final long minX;
            private final long maxX;
            private final long minY;
            private final long maxY;

            PackedRgbSpan(Sampling s) {
                this.rgb = s.rgb();
                this.rasterWidth = s.rasterWidth();
                this.lastX = s.rasterWidth() - 1;
                this.lastY = s.rasterHeight() - 1;
                this.minX = fixed(s.insideMinX());
                this.maxX = fixed(s.insideMaxX());
                this.minY = fixed(s.insideMinY());
                this.maxY = fixed(s.insideMaxY());
            }

            private static long fixed(double v) {
                return Math.round(v * ONE);
            }

            @Override
            public void draw(int[] argb, int p, int count, double x, double y, double stepX, double stepY) {
                int[] rgb = this.rgb;
                int rw = rasterWidth;
                long fx = fixed(x), fy = fixed(y), dx = fixed(stepX), dy = fixed(stepY);
                for (int end = p + count; p < end; p++, fx += dx, fy += dy) {
                    if (fx < minX || fx >= maxX || fy < minY || fy >= maxY) {
                        continue; // outside the coverage: transparent
                    }
                    long u = fx + ONE / 2;
                    long v = fy + ONE / 2;
                    int x1 = (int) (u >> 16);
                    int y1 = (int) (v >> 16);
                    int ax = (int) (u >> 8) & 0xFF;
                    int ay = (int) (v >> 8) & 0xFF;
                    int xa = x1 < 1 ? 0 : x1 - 1 > lastX ? lastX : x1 - 1;
                    int xb = x1 > lastX ? lastX : x1;
                    int ya = y1 < 1 ? 0 : y1 - 1 > lastY ? lastY : y1 - 1;
                    int yb = y1 > lastY ? lastY : y1;
                    int c00 = rgb[ya * rw + xa], c10 = rgb[ya * rw + xb];
                    int c01 = rgb[yb * rw + xa], c11 = rgb[yb * rw + xb];
                    int w11 = (ax * ay) >> 8;
                    int w10 = ax - w11;
                    int w01 = ay - w11;
                    int w00 = 256 - ax - ay + w11;
                    int redBlue = ((c00 & 0xFF00FF) * w00
                                            + (c10 & 0xFF00FF) * w10
                                            + (c01 & 0xFF00FF) * w01
                                            + (c11 & 0xFF00FF) * w11
                                            + 0x800080)
                                    >>> 8
                            & 0xFF00FF;
                    int green = ((c00 & 0xFF00) * w00
                                            + (c10 & 0xFF00) * w10
                                            + (c01 & 0xFF00) * w01
                                            + (c11 & 0xFF00) * w11
                                            + 0x8000)
                                    >>> 8
                            & 0xFF00;
                    argb[p] = 0xFF000000 | redBlue | green;
                }
            }
        }

        /**
         * Any bands, stretched to 8 bits; nodata (judged on the first displayed band) takes no
         * part in the interpolation and the weights of the rest are renormalised.
         */
        private static final class StretchedSpan implements Span {
            private final Sampling s;
            private final float[][] bands;
            private final int shown;
            private final boolean hasAlpha;
            private final boolean checkMissing;
            private final float noData;
            private final double[] low;
            private final double[] scale;
            private final int lastX;
            private final int lastY;

            StretchedSpan(Sampling s, RasterStyle style, Double noData, boolean floating) {
                this.s = s;
                this.bands = s.bands();
                this.shown = style.bands().length;
                this.hasAlpha = style.alphaBand() >= 0;
                this.checkMissing = noData != null || floating;
                this.noData = noData == null ? Float.NaN : noData.floatValue();
                this.low = style.low();
                this.scale = new double[shown];
                for (int b = 0; b < shown; b++) {
                    scale[b] = 255 / (style.high()[b] - style.low()[b]);
                }
                this.lastX = s.rasterWidth() - 1;
                this.lastY = s.rasterHeight() - 1;
            }

            @Override
            public void draw(int[] argb, int p, int count, double x, double y, double stepX, double stepY) {
                int rw = s.rasterWidth();
                float[] first = bands[0];
                for (int end = p + count; p < end; p++, x += stepX, y += stepY) {
                    if (!(x >= s.insideMinX() && x < s.insideMaxX() && y >= s.insideMinY() && y < s.insideMaxY())) {
                        continue;
                    }
                    double u = x + 0.5;
                    double v = y + 0.5;
                    int x1 = (int) u;
                    int y1 = (int) v;
                    double fx = u - x1;
                    double fy = v - y1;
                    int xa = x1 < 1 ? 0 : x1 - 1 > lastX ? lastX : x1 - 1;
                    int xb = x1 > lastX ? lastX : x1;
                    int ya = y1 < 1 ? 0 : y1 - 1 > lastY ? lastY : y1 - 1;
                    int yb = y1 > lastY ? lastY : y1;
                    int i00 = ya * rw + xa, i10 = ya * rw + xb;
                    int i01 = yb * rw + xa, i11 = yb * rw + xb;
                    double w00 = (1 - fx) * (1 - fy), w10 = fx * (1 - fy), w01 = (1 - fx) * fy, w11 = fx * fy;
                    if (checkMissing) {
                        if (!valid(first[i00], noData)) w00 = 0;
                        if (!valid(first[i10], noData)) w10 = 0;
                        if (!valid(first[i01], noData)) w01 = 0;
                        if (!valid(first[i11], noData)) w11 = 0;
                        double sum = w00 + w10 + w01 + w11;
                        if (sum < 1e-9) {
                            continue;
                        }
                        w00 /= sum;
                        w10 /= sum;
                        w01 /= sum;
                        w11 /= sum;
                    }
                    int alpha = 255;
                    if (hasAlpha) {
                        float[] c = bands[shown];
                        alpha = toByte(c[i00] * w00 + c[i10] * w10 + c[i01] * w01 + c[i11] * w11, 0, 1);
                    }
                    int r, g, bl;
                    if (shown >= 3) {
                        r = band(0, i00, i10, i01, i11, w00, w10, w01, w11);
                        g = band(1, i00, i10, i01, i11, w00, w10, w01, w11);
                        bl = band(2, i00, i10, i01, i11, w00, w10, w01, w11);
                    } else {
                        r = g = bl = band(0, i00, i10, i01, i11, w00, w10, w01, w11);
                    }
                    argb[p] = (alpha << 24) | (r << 16) | (g << 8) | bl;
                }
            }

            private int band(
                    int b, int i00, int i10, int i01, int i11, double w00, double w10, double w01, double w11) {
                float[] c = bands[b];
                return toByte(c[i00] * w00 + c[i10] * w10 + c[i01] * w01 + c[i11] * w11, low[b], scale[b]);
            }
        }

        private static boolean valid(float v, float noData) {
            return !Float.isNaN(v) && v != noData;
        }

        private static int toByte(double v, double low, double scale) {
            double scaled = (v - low) * scale + 0.5;
            return scaled < 0 ? 0 : scaled >= 255 ? 255 : (int) scaled;
        }

        /**
         * The positions, in the source CRS, of the lattice nodes of the view (x, y pairs, row by
         * row), or null where the view lies outside the domain of the source CRS.
         */
        static double[] nodes(MapView view, int[] xs, int[] ys, MathTransform viewToSource) {
            double[] nodes = new double[2 * xs.length * ys.length];
            int k = 0;
            for (int y : ys) {
                for (int x : xs) {
                    nodes[k++] = view.area().minX() + x * view.resolutionX();
                    nodes[k++] = view.area().maxY() - y * view.resolutionY();
                }
            }
            try {
                viewToSource.transform(nodes, 0, nodes, 0, nodes.length / 2);
                return nodes;
            } catch (TransformException e) {
                return null;
            }
        }

        static int[] lattice(int size) {
            int n = (size + LATTICE - 1) / LATTICE + 1;
            int[] nodes = new int[n];
            for (int i = 0; i < n; i++) {
                nodes[i] = Math.min(i * LATTICE, size);
            }
            return nodes;
        }

        private static int cell(int[] nodes, double position) {
            int c = (int) (position / LATTICE);
            return Math.min(c, nodes.length - 2);
        }

        private static double lerp(double a, double b, double t) {
            return a + (b - a) * t;
        }
    }
}
