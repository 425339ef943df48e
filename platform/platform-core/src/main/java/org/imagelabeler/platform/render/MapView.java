package org.imagelabeler.platform.render;

import java.util.Map;
import org.imagelabeler.platform.catalog.BoundingBox;

/**
 * The map to draw: an area in a CRS (easting or longitude first, whatever the CRS's own axis
 * order: services flip axes before they get here), the image size, and the dimension values
 * asked for ({@code time}, elevation...).
 *
 * @param crs an authority code, {@code EPSG:3857}
 */
public record MapView(String crs, BoundingBox area, int width, int height, Map<String, String> dimensions) {

    public MapView {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("image size must be positive: " + width + "x" + height);
        }
        dimensions = dimensions == null ? Map.of() : Map.copyOf(dimensions);
    }

    /** Size of a pixel along x, in CRS units. */
    public double resolutionX() {
        return (area.maxX() - area.minX()) / width;
    }

    /** Size of a pixel along y, in CRS units. */
    public double resolutionY() {
        return (area.maxY() - area.minY()) / height;
    }
}
