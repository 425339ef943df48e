package org.imagelabeler.labeler.export;

import java.io.IOException;

/**
 * ESRI Shapefile: every map shape and every label of a georeferenced image, in EPSG:4326, one
 * file set per geometry type under {@code shapefile/} ({@code labels_polygons},
 * {@code labels_lines}, {@code labels_points}, {@code labels_multipoints}). Labels of plain
 * pictures have no place on Earth and are left out.
 */
public final class ShapefileFormat implements DatasetFormat {

    public ShapefileFormat() {}

    @Override
    public String id() {
        return "shapefile";
    }

    @Override
    public FormatWriter open(ExportContext context) throws IOException {
        return new ShapefileWriter(context);
    }
}
