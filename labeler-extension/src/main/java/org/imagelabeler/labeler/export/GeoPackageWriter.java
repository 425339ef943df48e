package org.imagelabeler.labeler.export;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import mil.nga.geopackage.GeoPackage;
import mil.nga.geopackage.GeoPackageManager;
import org.imagelabeler.labeler.annotations.Annotation;

/**
 * Writes {@link GeoPackageFormat}: a GeoPackage in the work directory, filled as items come in
 * transactions of {@value #BATCH} rows (SQLite commits row by row would take minutes for 100,000),
 * then indexed, closed and copied into the archive.
 */
final class GeoPackageWriter implements FormatWriter {

    static final String ENTRY = "geopackage/labels.gpkg";
    private static final int BATCH = 10_000;

    private final ExportContext context;
    private final Path file;
    private final GeoPackage geoPackage;
    private final Connection connection;
    private final ImageTable images;
    private final LabelTable mapShapes;
    private final LabelTable imageLabels;
    private int uncommitted;
    private boolean closed;

    GeoPackageWriter(ExportContext context) throws IOException {
        this.context = context;
        this.file = Files.createDirectories(context.workDirectory().resolve("geopackage"))
                .resolve("labels.gpkg");
        Files.deleteIfExists(file);
        GeoPackageManager.create(file.toFile());
        this.geoPackage = GeoPackageManager.open(file.toFile());
        try {
            // NGA stamps each table's last change with the clock; overwritten at the end, the old
            // value must not linger in free space: the same data gives the same bytes
            geoPackage.getConnection().execSQL("PRAGMA secure_delete = ON");
            String event = context.event().slug();
            this.images = new ImageTable(geoPackage);
            this.mapShapes = new LabelTable(geoPackage, "map_shapes", "Shapes drawn on the map of " + event);
            this.imageLabels =
                    new LabelTable(geoPackage, "image_labels", "Labels of the georeferenced images of " + event);
            this.connection = geoPackage.getConnection().getConnection();
            connection.setAutoCommit(false);
        } catch (SQLException | RuntimeException e) { // NGA fails with its unchecked GeoPackageException
            geoPackage.close();
            Files.deleteIfExists(file);
            throw new IOException("cannot create the GeoPackage", e);
        }
    }

    @Override
    public void shape(Annotation shape) throws IOException {
        GeoLabel label = GeoLabel.ofMapShape(context.event(), shape);
        if (label.geometry() != null && !label.geometry().isEmpty()) {
            try {
                mapShapes.add(label);
                rowAdded();
            } catch (SQLException e) {
                throw new IOException("cannot add map shape " + shape.id() + " to the GeoPackage", e);
            }
        }
    }

    @Override
    public void image(ExportImage image) throws IOException {
        try {
            images.add(image);
            rowAdded();
            for (Annotation a : image.annotations()) {
                GeoLabel label = GeoLabel.ofImageLabel(context.event(), image, a);
                if (label != null && !label.geometry().isEmpty()) {
                    imageLabels.add(label);
                    rowAdded();
                }
            }
        } catch (SQLException e) {
            throw new IOException("cannot add image " + image.image().id() + " to the GeoPackage", e);
        }
    }

    private void rowAdded() throws SQLException {
        if (++uncommitted >= BATCH) {
            connection.commit();
            uncommitted = 0;
        }
    }

    @Override
    public void finish() throws IOException {
        try {
            connection.commit();
            // NGA's extension DAOs have a connection of their own: they must see committed tables
            connection.setAutoCommit(true);
            images.close();
            mapShapes.close();
            imageLabels.close();
            images.finish();
            mapShapes.finish();
            imageLabels.finish();
        } catch (SQLException | RuntimeException e) {
            throw new IOException("cannot complete the GeoPackage", e);
        }
        closeDatabase();
        context.archive().file(ENTRY, file);
    }

    /** Closes the GeoPackage (rows not committed are dropped) and deletes the work file. */
    @Override
    public void close() throws IOException {
        try {
            closeDatabase();
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private void closeDatabase() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            images.close();
            mapShapes.close();
            imageLabels.close();
        } catch (SQLException e) {
            throw new IOException(e);
        } finally {
            geoPackage.close();
        }
    }
}
