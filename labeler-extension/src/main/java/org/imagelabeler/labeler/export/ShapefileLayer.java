package org.imagelabeler.labeler.export;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.locationtech.jts.geom.Geometry;

/**
 * One file set of the Shapefile export, for one geometry type ({@code labels_polygons.shp},
 * {@code .shx}, {@code .dbf}, {@code .prj}, {@code .cpg}), grown in the work directory.
 */
final class ShapefileLayer implements AutoCloseable {

    /** WGS 84 as ESRI writes it: GDAL, QGIS and ArcGIS read it as EPSG:4326. */
    static final String WGS84_PRJ = "GEOGCS[\"GCS_WGS_1984\",DATUM[\"D_WGS_1984\","
            + "SPHEROID[\"WGS_1984\",6378137.0,298.257223563]],PRIMEM[\"Greenwich\",0.0],"
            + "UNIT[\"Degree\",0.0174532925199433]]";

    /** Attribute names of at most 10 characters; widths in bytes (UTF-8 text is cut to them). */
    static final List<DbfField> FIELDS = List.of(
            DbfField.text("class", 100),
            DbfField.text("event", 64),
            DbfField.text("author", 64),
            DbfField.text("created", 24),
            DbfField.text("image_id", 36),
            DbfField.text("status", 11),
            DbfField.text("source", 5),
            DbfField.text("ann_id", 36),
            DbfField.integer("version", 10));

    private final String name;
    private final Path directory;
    private final ShpFile shapes;
    private final DbfFile attributes;
    private final LastChange lastChange = new LastChange();

    ShapefileLayer(Path directory, String name, ShapeType type) throws IOException {
        this.directory = directory;
        this.name = name;
        this.shapes = new ShpFile(type, file(".shp"), file(".shx"));
        this.attributes = new DbfFile(file(".dbf"), FIELDS);
    }

    /** A record of {@code label} with {@code geometry}, its whole geometry or a part of this type. */
    void add(GeoLabel label, Geometry geometry) throws IOException {
        shapes.add(geometry);
        attributes.add(
                label.className(),
                label.event(),
                label.author(),
                GeoLabel.time(label.created()),
                label.imageId(),
                label.status(),
                label.source(),
                label.annotationId(),
                label.version());
        lastChange.saw(label.updated() != null ? label.updated() : label.created());
    }

    /** Completes the files and puts the set into the archive under {@code folder}. */
    void finish(ExportArchive archive, String folder) throws IOException {
        shapes.finish();
        attributes.finish(LocalDate.ofInstant(lastChange.newest(), ZoneOffset.UTC));
        archive.file(folder + name + ".shp", file(".shp"));
        archive.file(folder + name + ".shx", file(".shx"));
        archive.file(folder + name + ".dbf", file(".dbf"));
        archive.text(folder + name + ".prj", WGS84_PRJ);
        archive.text(folder + name + ".cpg", "UTF-8");
    }

    /** Closes and deletes the work files. */
    @Override
    public void close() throws IOException {
        try {
            shapes.close();
        } finally {
            try {
                attributes.close();
            } finally {
                for (String ext : List.of(".shp", ".shx", ".dbf")) {
                    Files.deleteIfExists(file(ext));
                }
            }
        }
    }

    private Path file(String extension) {
        return directory.resolve(name + extension);
    }
}
