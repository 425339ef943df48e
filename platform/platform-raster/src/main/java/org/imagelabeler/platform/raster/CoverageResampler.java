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
final class CoverageResampler {

    private static final int LATTICE = 16;
    private static final int MARGIN = 2;

    private CoverageResampler() {}

    /** The view's picture, or null when the coverage does not reach into the view. */
    static BufferedImage render(CoverageSource source, RasterStyle style, MapView view) throws RenderException {
        try {
            Sampling s = Sampling.prepare(source, style, view);
            if (s == null) {
                return null;
            }
            return s.draw(style, source.description().noData());
        } catch (FactoryException | TransformException e) {
            throw new RenderException(
                    "InvalidCRS",
                    "cannot transform between " + view.crs() + " and the layer's CRS: " + e.getMessage(),
                    e);
        } catch (DataStoreException e) {
            throw new RenderException("NoApplicableCode", "cannot read the coverage: " + e.getMessage(), e);
        }
    }

    /** The source values around the view and where each view pixel falls among them. */
    private record Sampling(
            int width, int height, float[][] bands, int rasterWidth, int rasterHeight, double[] sx, double[] sy) {

        static Sampling prepare(CoverageSource source, RasterStyle style, MapView view)
                throws FactoryException, TransformException, DataStoreException {
            CoordinateReferenceSystem viewCrs = CrsRegistry.xy(view.crs());
            MathTransform viewToSource = CrsRegistry.transform(viewCrs, source.crs());

            // 1. positions of a lattice of view pixels in the source CRS
            int w = view.width();
            int h = view.height();
            int[] xs = lattice(w);
            int[] ys = lattice(h);
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
            } catch (TransformException e) {
                return null; // the view lies where the source CRS is undefined
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
            GridCoverage coverage;
            try {
                coverage = source.read(domain, style.bandsToRead());
            } catch (DisjointExtentException | NoSuchDataException e) {
                return null;
            }
            GridGeometry level = coverage.getGridGeometry();
            GridExtent extent = level.getExtent();
            MathTransform toLevel = level.getGridToCRS(PixelInCell.CELL_CORNER).inverse();
            toLevel.transform(nodes, 0, nodes, 0, nodes.length / 2);
            for (int i = 0; i < nodes.length; i += 2) {
                nodes[i] -= extent.getLow(0);
                nodes[i + 1] -= extent.getLow(1);
            }

            // 3. every view pixel centre, interpolated within the lattice
            double[] sx = new double[w * h];
            double[] sy = new double[w * h];
            double minX = Double.MAX_VALUE, minY = Double.MAX_VALUE, maxX = -Double.MAX_VALUE, maxY = -Double.MAX_VALUE;
            for (int j = 0; j < h; j++) {
                int b = cell(ys, j + 0.5);
                double ty = (j + 0.5 - ys[b]) / (ys[b + 1] - ys[b]);
                for (int i = 0; i < w; i++) {
                    int a = cell(xs, i + 0.5);
                    double tx = (i + 0.5 - xs[a]) / (xs[a + 1] - xs[a]);
                    int n00 = 2 * (b * xs.length + a);
                    int n10 = n00 + 2;
                    int n01 = n00 + 2 * xs.length;
                    int n11 = n01 + 2;
                    double x = lerp(lerp(nodes[n00], nodes[n10], tx), lerp(nodes[n01], nodes[n11], tx), ty);
                    double y = lerp(
                            lerp(nodes[n00 + 1], nodes[n10 + 1], tx), lerp(nodes[n01 + 1], nodes[n11 + 1], tx), ty);
                    sx[j * w + i] = x;
                    sy[j * w + i] = y;
                    minX = Math.min(minX, x);
                    maxX = Math.max(maxX, x);
                    minY = Math.min(minY, y);
                    maxY = Math.max(maxY, y);
                }
            }

            // 4. the source pixels needed, as floats
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
            Raster raster = image.getData(
                    new Rectangle(needed.x + image.getMinX(), needed.y + image.getMinY(), needed.width, needed.height));
            int bandCount = style.bandsToRead().length;
            float[][] bands = new float[bandCount][];
            for (int band = 0; band < bandCount; band++) {
                bands[band] = raster.getSamples(
                        raster.getMinX(), raster.getMinY(), needed.width, needed.height, band, (float[]) null);
            }
            for (int i = 0; i < sx.length; i++) {
                sx[i] -= needed.x;
                sy[i] -= needed.y;
            }
            // positions outside the coverage (not just outside the window read) stay outside
            return new Sampling(w, h, bands, needed.width, needed.height, sx, sy)
                    .clip(-needed.x, -needed.y, rw - needed.x, rh - needed.y);
        }

        /** Marks positions outside [x0, x1) x [y0, y1) as NaN: transparent. */
        private Sampling clip(int x0, int y0, int x1, int y1) {
            for (int i = 0; i < sx.length; i++) {
                if (!(sx[i] >= x0 && sx[i] < x1 && sy[i] >= y0 && sy[i] < y1)) {
                    sx[i] = Double.NaN;
                }
            }
            return this;
        }

        BufferedImage draw(RasterStyle style, Double noData) {
            BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
            int[] argb = new int[width * height];
            int shown = style.bands().length;
            boolean hasAlpha = style.alphaBand() >= 0;
            float nd = noData == null ? Float.NaN : noData.floatValue();
            double[] value = new double[bands.length];
            for (int p = 0; p < argb.length; p++) {
                double x = sx[p];
                if (Double.isNaN(x)) {
                    continue;
                }
                double u = x - 0.5;
                double v = sy[p] - 0.5;
                int x0 = (int) Math.floor(u);
                int y0 = (int) Math.floor(v);
                double fx = u - x0;
                double fy = v - y0;
                int xa = clamp(x0, rasterWidth);
                int xb = clamp(x0 + 1, rasterWidth);
                int ya = clamp(y0, rasterHeight);
                int yb = clamp(y0 + 1, rasterHeight);
                int i00 = ya * rasterWidth + xa, i10 = ya * rasterWidth + xb;
                int i01 = yb * rasterWidth + xa, i11 = yb * rasterWidth + xb;
                double w00 = (1 - fx) * (1 - fy), w10 = fx * (1 - fy), w01 = (1 - fx) * fy, w11 = fx * fy;
                // nodata (in the first displayed band) takes no part in the interpolation
                float[] first = bands[0];
                if (!valid(first[i00], nd)) w00 = 0;
                if (!valid(first[i10], nd)) w10 = 0;
                if (!valid(first[i01], nd)) w01 = 0;
                if (!valid(first[i11], nd)) w11 = 0;
                double sum = w00 + w10 + w01 + w11;
                if (sum < 1e-9) {
                    continue;
                }
                for (int b = 0; b < bands.length; b++) {
                    float[] a = bands[b];
                    value[b] = (a[i00] * w00 + a[i10] * w10 + a[i01] * w01 + a[i11] * w11) / sum;
                }
                int alpha = hasAlpha ? toByte(value[shown], 0, 255) : 255;
                int r, g, bl;
                if (shown >= 3) {
                    r = toByte(value[0], style.low()[0], style.high()[0]);
                    g = toByte(value[1], style.low()[1], style.high()[1]);
                    bl = toByte(value[2], style.low()[2], style.high()[2]);
                } else {
                    r = g = bl = toByte(value[0], style.low()[0], style.high()[0]);
                }
                argb[p] = (alpha << 24) | (r << 16) | (g << 8) | bl;
            }
            out.setRGB(0, 0, width, height, argb, 0, width);
            return out;
        }

        private static boolean valid(float v, float noData) {
            return !Float.isNaN(v) && v != noData;
        }

        private static int clamp(int i, int size) {
            return i < 0 ? 0 : i >= size ? size - 1 : i;
        }

        private static int toByte(double v, double low, double high) {
            double scaled = (v - low) * 255 / (high - low);
            long r = Math.round(scaled);
            return r < 0 ? 0 : r > 255 ? 255 : (int) r;
        }

        private static int[] lattice(int size) {
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
