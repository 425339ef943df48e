package org.imagelabeler.labeler.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.imagelabeler.labeler.annotations.Annotation;
import org.imagelabeler.platform.raster.Gdal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;

/** The Shapefile export as a GIS user checks it: with GDAL, layer by layer. */
class ShapefileFormatTest {

    private static final List<String> EXTENSIONS = List.of(".shp", ".shx", ".dbf", ".prj", ".cpg");

    @TempDir
    Path dir;

    @Test
    void everyShapeOnEarthIsInTheFileSetOfItsGeometryTypeAndPlainPicturesAreLeftOut() throws Exception {
        Path zip = SampleDataset.export(new ShapefileFormat(), dir);

        List<String> expected = new ArrayList<>();
        for (String layer : List.of("points", "lines", "polygons")) {
            EXTENSIONS.forEach(ext -> expected.add("shapefile/labels_" + layer + ext));
        }
        assertThat(entries(zip)).containsExactlyElementsOf(expected);

        assertThat(summary(zip, "polygons")).contains("Geometry: Polygon", "Feature Count: 4");
        assertThat(summary(zip, "lines")).contains("Geometry: Line String", "Feature Count: 1");
        assertThat(summary(zip, "points")).contains("Geometry: Point", "Feature Count: 1");
        assertThat(values(zip, "polygons", "ann_id"))
                .containsExactly("shape-hole", "shape-multi", "label-box", "label-polygon");
        assertThat(values(zip, "lines", "ann_id")).containsExactly("shape-line");
        assertThat(values(zip, "points", "ann_id")).containsExactly("shape-point");
        // the work directory is left empty
        try (var files = Files.walk(dir.resolve("work"))) {
            assertThat(files.filter(Files::isRegularFile)).isEmpty();
        }
    }

    @Test
    void attributesReadBackAsWrittenInTheirFieldsNonAsciiTextIncluded() throws Exception {
        Path zip = SampleDataset.export(new ShapefileFormat(), dir);

        String polygons = Gdal.run("ogrinfo", "-ro", "-al", "-so", layer(zip, "polygons"));
        assertThat(polygons)
                .contains(
                        "class: String (100.0)",
                        "event: String (64.0)",
                        "author: String (64.0)",
                        "created: String (24.0)",
                        "image_id: String (36.0)",
                        "status: String (11.0)",
                        "source: String (5.0)",
                        "ann_id: String (36.0)",
                        "version: Integer64 (10.0)")
                .contains("DBF_DATE_LAST_UPDATE=2024-05-03");

        assertThat(feature(zip, "polygons", "label-polygon"))
                .contains(
                        "class (String) = Zürich 雲",
                        "event (String) = zurich-flood",
                        "author (String) = carol",
                        "created (String) = 2024-05-01T10:15:30.123Z",
                        "image_id (String) = img-geo",
                        "status (String) = accepted",
                        "source (String) = image",
                        "version (Integer64) = 1");
        assertThat(feature(zip, "polygons", "shape-hole"))
                .contains(
                        "class (String) = water",
                        "author (String) = Zürich 雲",
                        "image_id (String) = (null)",
                        "status (String) = (null)",
                        "source (String) = map",
                        "version (Integer64) = 3");
        assertThat(feature(zip, "points", "shape-point")).contains("class (String) = Zürich 雲");
    }

    @Test
    void gdalReadsTheProjectionAsWgs84AndTheTextAsUtf8() throws Exception {
        Path zip = SampleDataset.export(new ShapefileFormat(), dir);

        for (String layer : List.of("polygons", "lines", "points")) {
            assertThat(summary(zip, layer)).contains("GEOGCRS[\"WGS 84\"", "ID[\"EPSG\",4326]");
            String prj = "/vsizip/" + zip + "/shapefile/labels_" + layer + ".prj";
            assertThat(Gdal.run("gdalsrsinfo", "-o", "epsg", prj)).contains("EPSG:4326");
        }
        try (ZipFile z = new ZipFile(zip.toFile())) {
            assertThat(text(z, "shapefile/labels_polygons.cpg")).isEqualTo("UTF-8");
        }
    }

    @Test
    void geometriesSurviveHolesAndPartsIncluded() throws Exception {
        Path zip = SampleDataset.export(new ShapefileFormat(), dir);

        Map<String, String> areas = sql(zip, "polygons", "SELECT ann_id, ST_Area(geometry) AS v FROM labels_polygons");
        assertThat(areas)
                .containsEntry("shape-hole", "0.75")
                .containsEntry("shape-multi", "1.25")
                .containsEntry("label-box", "25")
                .containsEntry("label-polygon", "12.5");

        Map<String, Geometry> written = new LinkedHashMap<>();
        SampleDataset.MAP_SHAPES.forEach(a -> written.put(a.id(), a.geographic()));
        SampleDataset.GEOREFERENCED.annotations().forEach(a -> written.put(a.id(), a.geographic()));
        for (String layer : List.of("polygons", "lines", "points")) {
            sql(zip, layer, "SELECT ann_id, ST_AsText(geometry) AS v FROM labels_" + layer)
                    .forEach((id, wkt) -> assertThat(SampleDataset.geometry(wkt).equalsTopo(written.get(id)))
                            .as(id + " reads back as " + wkt)
                            .isTrue());
        }
    }

    @Test
    void outerRingsRunClockwiseAndHolesCounterClockwiseAsTheSpecificationSays() throws Exception {
        Path zip = SampleDataset.export(new ShapefileFormat(), dir);

        List<Coordinate[]> rings;
        try (ZipFile z = new ZipFile(zip.toFile());
                InputStream in = z.getInputStream(z.getEntry("shapefile/labels_polygons.shp"))) {
            rings = firstRecordRings(in.readAllBytes());
        }
        // both rings of the sample's polygon run counter-clockwise: the outer one had to be turned
        assertThat(rings).hasSize(2);
        assertThat(Orientation.isCCWArea(rings.get(0)))
                .as("outer ring counter-clockwise")
                .isFalse();
        assertThat(Orientation.isCCWArea(rings.get(1)))
                .as("hole counter-clockwise")
                .isTrue();
    }

    @Test
    void gdalCopyingTheFilesWritesTheSameGeometryBytes() throws Exception {
        Path zip = SampleDataset.export(new ShapefileFormat(), dir);

        for (String layer : List.of("polygons", "lines", "points")) {
            Path copy = dir.resolve("gdal_" + layer + ".shp");
            Gdal.run("ogr2ogr", "-f", "ESRI Shapefile", copy.toString(), layer(zip, layer));
            try (ZipFile z = new ZipFile(zip.toFile())) {
                for (String ext : List.of(".shp", ".shx")) {
                    byte[] ours = z.getInputStream(z.getEntry("shapefile/labels_" + layer + ext))
                            .readAllBytes();
                    byte[] gdal = Files.readAllBytes(dir.resolve("gdal_" + layer + ext));
                    assertThat(Arrays.equals(ours, gdal)).as(layer + ext).isTrue();
                }
            }
        }
    }

    @Test
    void textLongerThanItsFieldIsCutOnACharacterBoundary() throws Exception {
        String longClass = "雲".repeat(40); // 120 bytes in UTF-8, the field holds 100
        Path zip = SampleDataset.export(
                new ShapefileFormat(),
                dir,
                writer -> writer.shape(SampleDataset.mapShape(
                        "long", Annotation.Shape.POINT, longClass, "POINT (8 47)", "ü".repeat(40))));

        String out = feature(zip, "points", "long");
        assertThat(out).contains("class (String) = " + "雲".repeat(33) + "\n");
        assertThat(out).contains("author (String) = " + "ü".repeat(32) + "\n");
        assertThat(out).doesNotContain("Warning");
    }

    @Test
    void mixedCollectionsAndMultiPointsGoToTheFilesOfTheirTypes() throws Exception {
        Path zip = SampleDataset.export(new ShapefileFormat(), dir, writer -> {
            writer.shape(SampleDataset.mapShape(
                    "mixed",
                    Annotation.Shape.POLYGON,
                    "water",
                    "GEOMETRYCOLLECTION (POLYGON ((8 47, 9 47, 9 48, 8 47)), POINT (8.5 47.5),"
                            + " LINESTRING (8 47, 9 48))",
                    "bob"));
            writer.shape(SampleDataset.mapShape(
                    "multipoint", Annotation.Shape.POINT, "water", "MULTIPOINT ((8 47), (9 48))", "bob"));
            writer.shape(SampleDataset.mapShape("empty", Annotation.Shape.POLYGON, "water", "POLYGON EMPTY", "bob"));
        });

        assertThat(values(zip, "polygons", "ann_id")).containsExactly("mixed");
        assertThat(values(zip, "lines", "ann_id")).containsExactly("mixed");
        assertThat(summary(zip, "multipoints")).contains("Geometry: Multi Point", "Feature Count: 2");
        assertThat(sql(zip, "multipoints", "SELECT ann_id, ST_AsText(geometry) AS v FROM labels_multipoints"))
                .containsEntry("mixed", "MULTIPOINT(8.5 47.5)")
                .containsEntry("multipoint", "MULTIPOINT(8 47, 9 48)");
    }

    @Test
    void theSameDataGivesTheSameBytes() throws Exception {
        Path first = SampleDataset.export(new ShapefileFormat(), Files.createDirectories(dir.resolve("first")));
        Thread.sleep(1100); // a clock in the files would show
        Path second = SampleDataset.export(new ShapefileFormat(), Files.createDirectories(dir.resolve("second")));

        assertThat(Files.readAllBytes(second)).isEqualTo(Files.readAllBytes(first));
    }

    @Test
    void anExportThatDoesNotFinishLeavesNoFiles() throws Exception {
        assertThatThrownBy(() -> SampleDataset.export(new ShapefileFormat(), dir, writer -> {
                    SampleDataset.MAP_SHAPES.forEach(shape -> {
                        try {
                            writer.shape(shape);
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    });
                    throw new IOException("cancelled");
                }))
                .hasMessage("cancelled");
        try (var files = Files.walk(dir.resolve("work"))) {
            assertThat(files.filter(Files::isRegularFile)).isEmpty();
        }
    }

    static String layer(Path zip, String name) {
        return "/vsizip/" + zip + "/shapefile/labels_" + name + ".shp";
    }

    static String summary(Path zip, String name) {
        return Gdal.run("ogrinfo", "-ro", "-so", "-al", layer(zip, name));
    }

    /** One feature, found by its annotation id, as {@code ogrinfo -al -q} prints it. */
    private static String feature(Path zip, String name, String annotationId) {
        return Gdal.run("ogrinfo", "-ro", "-al", "-q", "-where", "ann_id = '" + annotationId + "'", layer(zip, name));
    }

    /** A field's values, feature by feature. */
    private static List<String> values(Path zip, String name, String field) {
        String out = Gdal.run("ogrinfo", "-ro", "-al", "-q", layer(zip, name));
        List<String> values = new ArrayList<>();
        Matcher m = Pattern.compile("^  " + field + " \\(\\w+\\) = (.*)$", Pattern.MULTILINE)
                .matcher(out);
        while (m.find()) {
            values.add(m.group(1));
        }
        return values;
    }

    /** An SQLite-dialect query answering {@code ann_id} and {@code v}: v by annotation id. */
    static Map<String, String> sql(Path zip, String name, String query) {
        String out = Gdal.run("ogrinfo", "-ro", "-q", "-dialect", "SQLite", "-sql", query, layer(zip, name));
        Map<String, String> values = new LinkedHashMap<>();
        Matcher m = Pattern.compile("ann_id \\(String\\) = (.*)\\n\\s+v \\(\\w+\\) = (.*)")
                .matcher(out);
        while (m.find()) {
            values.put(m.group(1), m.group(2));
        }
        return values;
    }

    private static List<String> entries(Path zip) throws IOException {
        try (ZipFile z = new ZipFile(zip.toFile())) {
            return z.stream().map(ZipEntry::getName).toList();
        }
    }

    private static String text(ZipFile z, String entry) throws IOException {
        try (InputStream in = z.getInputStream(z.getEntry(entry))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** The rings of the first polygon record of a .shp, read as the specification lays them out. */
    private static List<Coordinate[]> firstRecordRings(byte[] shp) {
        ByteBuffer b = ByteBuffer.wrap(shp).order(ByteOrder.LITTLE_ENDIAN);
        int content = 100 + 8;
        assertThat(b.getInt(content)).as("shape type").isEqualTo(5);
        int parts = b.getInt(content + 36);
        int points = b.getInt(content + 40);
        int[] first = new int[parts + 1];
        for (int i = 0; i < parts; i++) {
            first[i] = b.getInt(content + 44 + 4 * i);
        }
        first[parts] = points;
        int xy = content + 44 + 4 * parts;
        List<Coordinate[]> rings = new ArrayList<>();
        for (int p = 0; p < parts; p++) {
            Coordinate[] ring = new Coordinate[first[p + 1] - first[p]];
            for (int i = 0; i < ring.length; i++) {
                int at = xy + 16 * (first[p] + i);
                ring[i] = new Coordinate(b.getDouble(at), b.getDouble(at + 8));
            }
            rings.add(ring);
        }
        return rings;
    }
}
