package org.imagelabeler.labeler.images;

import org.locationtech.jts.geom.Geometry;

/**
 * Where a georeferenced image lies: its CRS, the affine transform from pixel corners to CRS
 * coordinates in GDAL's order (originX, pixelWidth, rowRotation, originY, columnRotation,
 * pixelHeight), and its footprint in EPSG:4326.
 */
public record Georeference(String crs, double[] transform, Geometry footprint) {

    public Georeference {
        transform = transform.clone();
    }

    @Override
    public double[] transform() {
        return transform.clone();
    }
}
