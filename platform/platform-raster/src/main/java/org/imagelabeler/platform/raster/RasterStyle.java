package org.imagelabeler.platform.raster;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.imagelabeler.platform.render.RenderException;

/**
 * How a coverage becomes an RGB picture: which bands go to red, green and blue (or one band to
 * gray), and the linear stretch of each. Named styles: {@code default} (bands 1-3, or band 1,
 * with band 4 of an 8-bit RGBA file as alpha), {@code band_N} (band N in gray) and
 * {@code rgb_R_G_B} (false colour). 8-bit data is shown as is; other types are stretched from the
 * 2nd to the 98th percentile of each band.
 */
public record RasterStyle(String name, int[] bands, int alphaBand, double[] low, double[] high) {

    public static final String DEFAULT = "default";

    /** The style names a coverage offers, for capabilities documents. */
    public static List<String> namesFor(CoverageDescription d) {
        List<String> names = new ArrayList<>(List.of(DEFAULT));
        if (d.bands() > 1) {
            for (int b = 1; b <= d.bands(); b++) {
                names.add("band_" + b);
            }
        }
        return names;
    }

    public static RasterStyle resolve(String name, CoverageSource source) throws RenderException {
        CoverageDescription d = source.description();
        String n = name == null || name.isBlank() ? DEFAULT : name.trim().toLowerCase(Locale.ROOT);
        int[] bands;
        int alpha = -1;
        if (n.equals(DEFAULT) || n.equals("raster")) {
            bands = d.bands() >= 3 ? new int[] {0, 1, 2} : new int[] {0};
            if (d.bands() == 4 && d.sampleType() == SampleType.UINT8) {
                alpha = 3;
            }
        } else if (n.matches("band_\\d+")) {
            bands = new int[] {band(n.substring(5), d)};
        } else if (n.matches("rgb_\\d+_\\d+_\\d+")) {
            String[] p = n.split("_");
            bands = new int[] {band(p[1], d), band(p[2], d), band(p[3], d)};
        } else {
            throw new RenderException(
                    "StyleNotDefined", "style '" + name + "' is not defined; this layer has " + namesFor(d));
        }
        double[] low = new double[bands.length];
        double[] high = new double[bands.length];
        if (d.sampleType() == SampleType.UINT8) {
            java.util.Arrays.fill(high, 255);
        } else {
            BandStatistics[] stats = source.statistics();
            for (int i = 0; i < bands.length; i++) {
                low[i] = stats[bands[i]].p2();
                high[i] = stats[bands[i]].p98();
                if (high[i] <= low[i]) {
                    high[i] = low[i] + 1;
                }
            }
        }
        return new RasterStyle(n, bands, alpha, low, high);
    }

    private static int band(String oneBased, CoverageDescription d) throws RenderException {
        int b = Integer.parseInt(oneBased);
        if (b < 1 || b > d.bands()) {
            throw new RenderException("StyleNotDefined", "band " + b + " does not exist: the layer has " + d.bands());
        }
        return b - 1;
    }

    /** Three bands shown as red, green and blue with no stretch and no alpha band. */
    boolean showsBytesAsIs() {
        if (bands.length != 3 || alphaBand >= 0) {
            return false;
        }
        for (int b = 0; b < 3; b++) {
            if (low[b] != 0 || high[b] != 255) {
                return false;
            }
        }
        return true;
    }

    /** Bands to read: the displayed ones, then the alpha band if any. */
    int[] bandsToRead() {
        if (alphaBand < 0) {
            return bands;
        }
        int[] all = java.util.Arrays.copyOf(bands, bands.length + 1);
        all[bands.length] = alphaBand;
        return all;
    }
}
