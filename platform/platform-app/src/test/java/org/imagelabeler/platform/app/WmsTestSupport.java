package org.imagelabeler.platform.app;

import java.awt.image.BufferedImage;
import java.awt.image.Raster;

/** Comparisons of maps with GDAL's output. */
final class WmsTestSupport {

    private WmsTestSupport() {}

    /** Mean absolute difference of the RGB channels, over all pixels. */
    static double meanAbsoluteDifference(BufferedImage ours, Raster expected) {
        long sum = 0;
        long n = 0;
        for (int y = 0; y < ours.getHeight(); y++) {
            for (int x = 0; x < ours.getWidth(); x++) {
                int argb = ours.getRGB(x, y);
                sum += Math.abs(((argb >> 16) & 255) - expected.getSample(x, y, 0));
                sum += Math.abs(((argb >> 8) & 255) - expected.getSample(x, y, 1));
                sum += Math.abs((argb & 255) - expected.getSample(x, y, 2));
                n += 3;
            }
        }
        double mad = (double) sum / n;
        System.out.printf("MAD %.3f%n", mad);
        return mad;
    }
}
