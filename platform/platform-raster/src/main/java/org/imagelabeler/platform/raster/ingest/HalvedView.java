package org.imagelabeler.platform.raster.ingest;

import java.awt.Rectangle;
import java.awt.image.DataBuffer;
import java.awt.image.Raster;
import java.awt.image.RenderedImage;
import java.awt.image.WritableRaster;

/**
 * The next overview level: each pixel the mean of a 2x2 block of the level above (as
 * {@code gdaladdo -r average}), pixels of nodata left out, nodata where the whole block is.
 */
final class HalvedView extends TiledView {

    private final RenderedImage source;
    private final Double noData;
    private final boolean integral;

    HalvedView(RenderedImage source, Double noData) {
        super(
                (source.getWidth() + 1) / 2,
                (source.getHeight() + 1) / 2,
                source.getSampleModel(),
                source.getColorModel());
        this.source = source;
        this.noData = noData;
        int type = source.getSampleModel().getDataType();
        this.integral = type != DataBuffer.TYPE_FLOAT && type != DataBuffer.TYPE_DOUBLE;
    }

    @Override
    protected void compute(WritableRaster tile, Rectangle area) {
        Rectangle from = new Rectangle(area.x * 2, area.y * 2, area.width * 2, area.height * 2)
                .intersection(new Rectangle(source.getMinX(), source.getMinY(), source.getWidth(), source.getHeight()));
        Raster data = source.getData(from);
        int bands = data.getNumBands();
        double[] block = new double[4];
        for (int b = 0; b < bands; b++) {
            for (int y = area.y; y < area.y + area.height; y++) {
                for (int x = area.x; x < area.x + area.width; x++) {
                    int n = 0;
                    for (int dy = 0; dy < 2; dy++) {
                        for (int dx = 0; dx < 2; dx++) {
                            int sx = 2 * x + dx;
                            int sy = 2 * y + dy;
                            if (sx < from.x + from.width && sy < from.y + from.height) {
                                double v = data.getSampleDouble(sx, sy, b);
                                if (!Double.isNaN(v) && (noData == null || v != noData)) {
                                    block[n++] = v;
                                }
                            }
                        }
                    }
                    double mean;
                    if (n == 0) {
                        mean = noData != null ? noData : Double.NaN;
                    } else {
                        double sum = 0;
                        for (int i = 0; i < n; i++) {
                            sum += block[i];
                        }
                        mean = integral ? Math.round(sum / n) : sum / n;
                    }
                    tile.setSample(x, y, b, mean);
                }
            }
        }
    }
}
