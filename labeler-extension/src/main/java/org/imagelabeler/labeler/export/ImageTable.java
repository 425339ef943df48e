package org.imagelabeler.labeler.export;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import mil.nga.geopackage.GeoPackage;
import mil.nga.geopackage.attributes.AttributesColumn;
import mil.nga.geopackage.attributes.AttributesTableMetadata;
import mil.nga.geopackage.db.GeoPackageDataType;

/**
 * The {@code images} attribute table (no geometry) of the GeoPackage export: one row per image,
 * joined to {@code image_labels} by {@code image_id}.
 */
final class ImageTable implements AutoCloseable {

    static final String NAME = "images";

    private final GeoPackage geoPackage;
    private final PreparedStatement insert;
    private final LastChange lastChange = new LastChange();

    ImageTable(GeoPackage geoPackage) throws SQLException {
        this.geoPackage = geoPackage;
        AttributesTableMetadata table = AttributesTableMetadata.create(
                NAME,
                List.of(
                        AttributesColumn.createColumn("image_id", GeoPackageDataType.TEXT),
                        AttributesColumn.createColumn("name", GeoPackageDataType.TEXT),
                        AttributesColumn.createColumn("split", GeoPackageDataType.TEXT),
                        AttributesColumn.createColumn("status", GeoPackageDataType.TEXT),
                        AttributesColumn.createColumn("tags", GeoPackageDataType.TEXT),
                        AttributesColumn.createColumn("acquired", GeoPackageDataType.DATETIME),
                        AttributesColumn.createColumn("width", GeoPackageDataType.INTEGER),
                        AttributesColumn.createColumn("height", GeoPackageDataType.INTEGER),
                        AttributesColumn.createColumn("path", GeoPackageDataType.TEXT),
                        AttributesColumn.createColumn("provenance", GeoPackageDataType.TEXT)));
        table.setIdColumnName("fid");
        geoPackage.createAttributesTable(table);
        this.insert = geoPackage
                .getConnection()
                .getConnection()
                .prepareStatement("INSERT INTO " + NAME
                        + " (image_id, name, split, status, tags, acquired, width, height, path, provenance)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    }

    void add(ExportImage image) throws SQLException {
        insert.setString(1, image.image().id());
        insert.setString(2, image.image().name());
        insert.setString(3, image.split());
        insert.setString(4, image.image().status().json());
        insert.setString(5, ArchiveJson.text(image.image().tags()));
        insert.setString(6, GeoLabel.time(image.image().acquired()));
        insert.setInt(7, image.width());
        insert.setInt(8, image.height());
        insert.setString(9, image.path());
        insert.setString(10, ArchiveJson.text(image.provenance()));
        insert.executeUpdate();
        lastChange.saw(image.image().updated());
    }

    /** Records the newest image's change as the table's in {@code gpkg_contents}. */
    void finish() throws SQLException {
        try (PreparedStatement contents = geoPackage
                .getConnection()
                .getConnection()
                .prepareStatement("UPDATE gpkg_contents SET last_change = ? WHERE table_name = ?")) {
            contents.setString(1, lastChange.time());
            contents.setString(2, NAME);
            contents.executeUpdate();
        }
    }

    @Override
    public void close() throws SQLException {
        insert.close();
    }
}
