package org.imagelabeler.labeler.export;

import java.io.IOException;

/**
 * OGC GeoPackage: one file, {@code geopackage/labels.gpkg}, with the feature tables
 * {@code map_shapes} and {@code image_labels} (labels of georeferenced images; plain pictures'
 * labels have no place on Earth) in EPSG:4326, and the attribute table {@code images}, one row
 * per image of the export.
 */
public final class GeoPackageFormat implements DatasetFormat {

    public GeoPackageFormat() {}

    @Override
    public String id() {
        return "geopackage";
    }

    @Override
    public FormatWriter open(ExportContext context) throws IOException {
        return new GeoPackageWriter(context);
    }
}
