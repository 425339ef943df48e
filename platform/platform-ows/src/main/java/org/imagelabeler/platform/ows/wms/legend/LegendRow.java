package org.imagelabeler.platform.ows.wms.legend;

import java.awt.Color;

/** One row of a legend: a swatch of what the map draws, and its title. */
public record LegendRow(Swatch swatch, Color colour, String title) {

    /** The shape a swatch takes: that of the features it stands for, or imagery. */
    public enum Swatch {
        POLYGON,
        LINE,
        POINT,
        RASTER
    }
}
