package org.imagelabeler.platform.raster;

import java.awt.image.Raster;
import java.util.Arrays;
import org.apache.sis.coverage.grid.GridExtent;
import org.apache.sis.coverage.grid.GridGeometry;
import org.apache.sis.coverage.grid.GridOrientation;
import org.apache.sis.storage.DataStoreException;

/**
 * Statistics of one band, without nodata: extremes, mean, and the 2nd and 98th percentiles
 * that a display stretch uses (as QGIS's default cumulative cut does).
 */
public record BandStatistics(double min, double max, double mean, double p2, double p98, long count) {

    /** Samples about 1024 x 1024 pixels of the coverage, from its overviews where it has some. */
    static BandStatistics[] approximate(CoverageSource source) {
        CoverageDescription d = source.description();
        int size = 1024;
        double scale = Math.min(1, (double) size / Math.max(d.width(), d.height()));
        int w = Math.max(1, (int) Math.round(d.width() * scale));
        int h = Math.max(1, (int) Math.round(d.height() * scale));
        try {
            GridGeometry domain =
                    new GridGeometry(new GridExtent(w, h), source.grid().getEnvelope(), GridOrientation.REFLECTION_Y);
            Raster raster =
                    source.read(domain, null, coverage -> coverage.render(null).getData());
            BandStatistics[] result = new BandStatistics[d.bands()];
            for (int b = 0; b < d.bands(); b++) {
                double[] values = raster.getSamples(
                        raster.getMinX(), raster.getMinY(), raster.getWidth(), raster.getHeight(), b, (double[]) null);
                result[b] = of(values, d.noData());
            }
            return result;
        } catch (DataStoreException e) {
            throw new RasterProblem(RasterProblem.Kind.UNREADABLE, "cannot compute statistics: " + e.getMessage(), e);
        }
    }

    static BandStatistics of(double[] values, Double noData) {
        double[] valid = Arrays.stream(values)
                .filter(v -> !Double.isNaN(v) && (noData == null || v != noData))
                .sorted()
                .toArray();
        if (valid.length == 0) {
            return new BandStatistics(0, 0, 0, 0, 0, 0);
        }
        double sum = 0;
        for (double v : valid) {
            sum += v;
        }
        return new BandStatistics(
                valid[0],
                valid[valid.length - 1],
                sum / valid.length,
                valid[(int) Math.floor(0.02 * (valid.length - 1))],
                valid[(int) Math.ceil(0.98 * (valid.length - 1))],
                valid.length);
    }
}
