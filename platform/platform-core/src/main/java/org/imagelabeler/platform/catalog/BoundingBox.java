package org.imagelabeler.platform.catalog;

/**
 * An envelope in a named CRS, axes in the CRS's "x, y" (easting/longitude first) order whatever
 * the CRS definition says; services flip axes where their specification requires it.
 */
public record BoundingBox(double minX, double minY, double maxX, double maxY, String crs)
        implements java.io.Serializable {

    public BoundingBox {
        if (!(minX <= maxX) || !(minY <= maxY)) {
            throw new IllegalArgumentException(
                    "Bounding box minimum exceeds maximum: " + minX + "," + minY + "," + maxX + "," + maxY);
        }
    }
}
