package org.imagelabeler.labeler.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.imagelabeler.platform.raster.Gdal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Geometry;

/** The GeoPackage export as a GIS user checks it: with GDAL, table by table. */
class GeoPackageFormatTest {

    @TempDir
    Path dir;

    @Test
    void holdsTheMapShapesTheLabelsOnEarthAndOneRowPerImage() throws Exception {
        Path zip = SampleDataset.export(new GeoPackageFormat(), dir);

        try (ZipFile z = new ZipFile(zip.toFile())) {
            assertThat(z.stream().map(ZipEntry::getName)).containsExactly("geopackage/labels.gpkg");
        }
        assertThat(summary(zip, "map_shapes")).contains("Geometry: Unknown (any)", "Feature Count: 4");
        assertThat(summary(zip, "image_labels")).contains("Geometry: Unknown (any)", "Feature Count: 2");
        assertThat(summary(zip, "images")).contains("Geometry: None", "Feature Count: 2");
        assertThat(values(zip, "map_shapes", "ann_id"))
                .containsExactly("shape-hole", "shape-line", "shape-point", "shape-multi");
        // the plain picture's label has no place on Earth
        assertThat(values(zip, "image_labels", "ann_id")).containsExactly("label-box", "label-polygon");
        try (var files = Files.walk(dir.resolve("work"))) {
            assertThat(files.filter(Files::isRegularFile)).isEmpty();
        }
    }

    @Test
    void attributesReadBackAsWrittenNonAsciiTextAndJsonIncluded() throws Exception {
        Path zip = SampleDataset.export(new GeoPackageFormat(), dir);

        assertThat(feature(zip, "map_shapes", "shape-hole"))
                .contains(
                        "class (String) = water",
                        "event (String) = zurich-flood",
                        "author (String) = Zürich 雲",
                        "created (DateTime) = 2024/05/01 10:15:30.123+00",
                        "image_id (String) = (null)",
                        "status (String) = (null)",
                        "source (String) = map",
                        "version (Integer64) = 3",
                        "attributes (String) = {\"depth_m\":1.5,\"note\":\"Zürich 雲\"}");
        assertThat(feature(zip, "image_labels", "label-polygon"))
                .contains(
                        "class (String) = Zürich 雲",
                        "author (String) = carol",
                        "image_id (String) = img-geo",
                        "status (String) = accepted",
                        "source (String) = image",
                        "version (Integer64) = 1",
                        "attributes (String) = (null)");
    }

    @Test
    void imagesTableDescribesEachImageAndJoinsTheLabels() throws Exception {
        Path zip = SampleDataset.export(new GeoPackageFormat(), dir);

        String images = Gdal.run("ogrinfo", "-ro", "-q", "-sql", "SELECT * FROM images ORDER BY image_id", gpkg(zip));
        assertThat(images)
                .contains(
                        "image_id (String) = img-geo",
                        "name (String) = flood.tif",
                        "split (String) = train",
                        "status (String) = accepted",
                        "tags (String) = [\"present\"]",
                        "acquired (DateTime) = 2024/04/30 12:00:00+00",
                        "width (Integer64) = 512",
                        "height (Integer64) = 512",
                        "path (String) = images/train/flood-3f2a9c01.tif",
                        "provenance (String) = {\"bbox\":[5,40,15,50],\"crs\":\"EPSG:4326\",\"kind\":\"extraction\","
                                + "\"layer\":\"gibs:MODIS_Terra_CorrectedReflectance_TrueColor\",\"time\":\"2024-04-30\"}")
                .contains(
                        "image_id (String) = img-plain",
                        "name (String) = photo.png",
                        "split (String) = val",
                        "status (String) = labeled",
                        "width (Integer64) = 640",
                        "height (Integer64) = 480",
                        "path (String) = images/val/photo-77aa0b12.png",
                        "provenance (String) = {\"kind\":\"upload\"}");
        assertThat(sql(
                        zip,
                        "SELECT l.ann_id AS ann_id, i.split || ' ' || i.path AS v"
                                + " FROM image_labels l JOIN images i USING (image_id)"))
                .containsExactly(
                        Map.entry("label-box", "train images/train/flood-3f2a9c01.tif"),
                        Map.entry("label-polygon", "train images/train/flood-3f2a9c01.tif"));
    }

    @Test
    void featureTablesAreInWgs84() throws Exception {
        Path zip = SampleDataset.export(new GeoPackageFormat(), dir);

        for (String table : List.of("map_shapes", "image_labels")) {
            assertThat(summary(zip, table)).contains("GEOGCRS[\"WGS 84\"", "ID[\"EPSG\",4326]");
        }
        assertThat(sql(
                        zip,
                        "SELECT table_name AS ann_id, geometry_type_name || ' ' || srs_id || ' ' || z || m AS v"
                                + " FROM gpkg_geometry_columns"))
                .containsEntry("map_shapes", "GEOMETRY 4326 00")
                .containsEntry("image_labels", "GEOMETRY 4326 00");
    }

    @Test
    void geometriesSurviveHolesAndPartsIncluded() throws Exception {
        Path zip = SampleDataset.export(new GeoPackageFormat(), dir);

        assertThat(sql(zip, "SELECT ann_id, ST_Area(geom) AS v FROM map_shapes"))
                .containsEntry("shape-hole", "0.75")
                .containsEntry("shape-multi", "1.25");
        Map<String, Geometry> written = new LinkedHashMap<>();
        SampleDataset.MAP_SHAPES.forEach(a -> written.put(a.id(), a.geographic()));
        SampleDataset.GEOREFERENCED.annotations().forEach(a -> written.put(a.id(), a.geographic()));
        Map<String, String> read = new LinkedHashMap<>();
        read.putAll(sql(zip, "SELECT ann_id, ST_AsText(geom) AS v FROM map_shapes"));
        read.putAll(sql(zip, "SELECT ann_id, ST_AsText(geom) AS v FROM image_labels"));
        assertThat(read).hasSize(6);
        read.forEach((id, wkt) -> assertThat(SampleDataset.geometry(wkt).equalsExact(written.get(id)))
                .as(id + " reads back as " + wkt)
                .isTrue());
    }

    @Test
    void spatialIndexAndExtentsAnswerAnAreaQuery() throws Exception {
        Path zip = SampleDataset.export(new GeoPackageFormat(), dir);

        assertThat(sql(
                        zip,
                        "SELECT table_name AS ann_id, extension_name AS v FROM gpkg_extensions"
                                + " WHERE extension_name = 'gpkg_rtree_index'"))
                .containsEntry("map_shapes", "gpkg_rtree_index")
                .containsEntry("image_labels", "gpkg_rtree_index");
        assertThat(sql(
                        zip,
                        "SELECT 'counts' AS ann_id, (SELECT COUNT(*) FROM rtree_map_shapes_geom) || ' '"
                                + " || (SELECT COUNT(*) FROM rtree_image_labels_geom) AS v"))
                .containsEntry("counts", "4 2");
        assertThat(summary(zip, "map_shapes")).contains("Extent: (8.000000, 45.000000) - (12.500000, 48.000000)");
        // inside the polygon's hole: only the point there
        assertThat(values(zip, "map_shapes", "ann_id", "-spat", "8.4", "47.3", "8.6", "47.4"))
                .containsExactly("shape-point");
        assertThat(values(zip, "map_shapes", "ann_id", "-spat", "8.9", "47.1", "9.1", "47.3"))
                .containsExactly("shape-hole", "shape-line");
    }

    @Test
    void theSameDataGivesTheSameBytes() throws Exception {
        Path first = SampleDataset.export(new GeoPackageFormat(), Files.createDirectories(dir.resolve("first")));
        Thread.sleep(1100); // a clock in the files would show
        Path second = SampleDataset.export(new GeoPackageFormat(), Files.createDirectories(dir.resolve("second")));

        assertThat(Files.readAllBytes(second)).isEqualTo(Files.readAllBytes(first));
    }

    @Test
    void anExportThatDoesNotFinishLeavesNoFiles() throws Exception {
        assertThatThrownBy(() -> SampleDataset.export(new GeoPackageFormat(), dir, writer -> {
                    writer.shape(SampleDataset.MAP_SHAPES.get(0));
                    writer.image(SampleDataset.GEOREFERENCED);
                    throw new IOException("cancelled");
                }))
                .hasMessage("cancelled");
        try (var files = Files.walk(dir.resolve("work"))) {
            assertThat(files.filter(Files::isRegularFile)).isEmpty();
        }
    }

    private static String gpkg(Path zip) {
        return "/vsizip/" + zip + "/geopackage/labels.gpkg";
    }

    private static String summary(Path zip, String table) {
        return Gdal.run("ogrinfo", "-ro", "-so", gpkg(zip), table);
    }

    private static String feature(Path zip, String table, String annotationId) {
        return Gdal.run("ogrinfo", "-ro", "-q", "-where", "ann_id = '" + annotationId + "'", gpkg(zip), table);
    }

    /** A field's values, feature by feature, with more {@code ogrinfo} options ({@code -spat}...). */
    private static List<String> values(Path zip, String table, String field, String... options) {
        List<String> command = new ArrayList<>(List.of("ogrinfo", "-ro", "-q"));
        command.addAll(List.of(options));
        command.addAll(List.of(gpkg(zip), table));
        String out = Gdal.run(command.toArray(String[]::new));
        List<String> values = new ArrayList<>();
        Matcher m = Pattern.compile("^  " + field + " \\(\\w+\\) = (.*)$", Pattern.MULTILINE)
                .matcher(out);
        while (m.find()) {
            values.add(m.group(1));
        }
        return values;
    }

    /** A query answering {@code ann_id} and {@code v}: v by ann_id, in the order of the rows. */
    private static Map<String, String> sql(Path zip, String query) {
        String out = Gdal.run("ogrinfo", "-ro", "-q", "-sql", query, gpkg(zip));
        Map<String, String> values = new LinkedHashMap<>();
        Matcher m = Pattern.compile("ann_id \\(String\\) = (.*)\\n\\s+v \\(\\w+\\) = (.*)")
                .matcher(out);
        while (m.find()) {
            values.put(m.group(1), m.group(2));
        }
        return values;
    }
}
