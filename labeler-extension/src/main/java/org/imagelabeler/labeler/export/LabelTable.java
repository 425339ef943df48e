package org.imagelabeler.labeler.export;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
import mil.nga.geopackage.BoundingBox;
import mil.nga.geopackage.GeoPackage;
import mil.nga.geopackage.db.GeoPackageDataType;
import mil.nga.geopackage.db.TableColumnKey;
import mil.nga.geopackage.extension.rtree.RTreeIndexExtension;
import mil.nga.geopackage.features.columns.GeometryColumns;
import mil.nga.geopackage.features.user.FeatureColumn;
import mil.nga.geopackage.features.user.FeatureTableMetadata;
import mil.nga.geopackage.geom.GeoPackageGeometryData;
import mil.nga.sf.GeometryType;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.io.WKBWriter;

/**
 * A feature table of the GeoPackage export ({@code map_shapes}, {@code image_labels}): geometry
 * of any type in EPSG:4326, and the labels' attributes; rows go in as they come, through one
 * prepared statement.
 */
final class LabelTable implements AutoCloseable {

    static final int WGS84 = 4326;

    private final GeoPackage geoPackage;
    private final String name;
    private final PreparedStatement insert;
    private final WKBWriter wkb = new WKBWriter(2);
    private final Envelope extent = new Envelope();
    private final LastChange lastChange = new LastChange();

    LabelTable(GeoPackage geoPackage, String name, String description) throws SQLException {
        this.geoPackage = geoPackage;
        this.name = name;
        GeometryColumns geometry = new GeometryColumns();
        geometry.setId(new TableColumnKey(name, "geom"));
        geometry.setGeometryType(GeometryType.GEOMETRY);
        geometry.setZ((byte) 0);
        geometry.setM((byte) 0);
        geometry.setSrsId(WGS84);
        FeatureTableMetadata table = FeatureTableMetadata.create(
                geometry,
                List.of(
                        FeatureColumn.createColumn("ann_id", GeoPackageDataType.TEXT),
                        FeatureColumn.createColumn("class", GeoPackageDataType.TEXT),
                        FeatureColumn.createColumn("event", GeoPackageDataType.TEXT),
                        FeatureColumn.createColumn("author", GeoPackageDataType.TEXT),
                        FeatureColumn.createColumn("created", GeoPackageDataType.DATETIME),
                        FeatureColumn.createColumn("image_id", GeoPackageDataType.TEXT),
                        FeatureColumn.createColumn("status", GeoPackageDataType.TEXT),
                        FeatureColumn.createColumn("source", GeoPackageDataType.TEXT),
                        FeatureColumn.createColumn("version", GeoPackageDataType.INTEGER),
                        FeatureColumn.createColumn("attributes", GeoPackageDataType.TEXT)),
                new BoundingBox(-180, -90, 180, 90));
        table.setIdColumnName("fid");
        geoPackage.createFeatureTable(table);
        Connection connection = geoPackage.getConnection().getConnection();
        try (PreparedStatement describe =
                connection.prepareStatement("UPDATE gpkg_contents SET description = ? WHERE table_name = ?")) {
            describe.setString(1, description);
            describe.setString(2, name);
            describe.executeUpdate();
        }
        this.insert = connection.prepareStatement("INSERT INTO \"" + name
                + "\" (geom, ann_id, class, event, author, created, image_id, status, source, version, attributes)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    }

    void add(GeoLabel label) throws SQLException, IOException {
        insert.setBytes(1, GeoPackageGeometryData.bytesFromWkbAndBuildEnvelope(WGS84, wkb.write(label.geometry())));
        insert.setString(2, label.annotationId());
        insert.setString(3, label.className());
        insert.setString(4, label.event());
        insert.setString(5, label.author());
        insert.setString(6, GeoLabel.time(label.created()));
        insert.setString(7, label.imageId());
        insert.setString(8, label.status());
        insert.setString(9, label.source());
        insert.setInt(10, label.version());
        if (label.attributes().isEmpty()) {
            insert.setNull(11, Types.VARCHAR);
        } else {
            insert.setString(11, ArchiveJson.text(label.attributes()));
        }
        insert.executeUpdate();
        extent.expandToInclude(label.geometry().getEnvelopeInternal());
        lastChange.saw(label.updated() != null ? label.updated() : label.created());
    }

    /**
     * Records the table's extent and last change in {@code gpkg_contents} and builds its R-tree spatial index
     * (after the rows, which is much faster than through the index's triggers row by row). The
     * inserts must be closed: SQLite refuses to redefine the index's SQL functions while a statement
     * is open.
     */
    void finish() throws SQLException {
        try (PreparedStatement contents = geoPackage
                .getConnection()
                .getConnection()
                .prepareStatement("UPDATE gpkg_contents SET min_x = ?, min_y = ?, max_x = ?, max_y = ?, last_change = ?"
                        + " WHERE table_name = ?")) {
            if (extent.isNull()) {
                for (int i = 1; i <= 4; i++) {
                    contents.setNull(i, Types.DOUBLE);
                }
            } else {
                contents.setDouble(1, extent.getMinX());
                contents.setDouble(2, extent.getMinY());
                contents.setDouble(3, extent.getMaxX());
                contents.setDouble(4, extent.getMaxY());
            }
            contents.setString(5, lastChange.time());
            contents.setString(6, name);
            contents.executeUpdate();
        }
        new RTreeIndexExtension(geoPackage)
                .create(geoPackage.getFeatureDao(name).getTable());
    }

    @Override
    public void close() throws SQLException {
        insert.close();
    }
}
