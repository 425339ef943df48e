package org.imagelabeler.labeler.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.imagelabeler.platform.raster.Gdal;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.geojson.GeoJsonReader;

class StacFormatTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Validates documents against a JSON schema (draft 7) with python3-jsonschema; lists the errors. */
    private static final String VALIDATE = """
            import json, sys, jsonschema
            validator = jsonschema.Draft7Validator(json.load(open(sys.argv[1])))
            errors = 0
            for path in sys.argv[2:]:
                for e in validator.iter_errors(json.load(open(path))):
                    errors += 1
                    # oneOf (item or collection) hides the reasons in the error's context
                    for reason in [e] + sorted(e.context, key=lambda c: str(c.absolute_path)):
                        print(path, list(reason.absolute_path), reason.message[:300])
            print("valid" if errors == 0 else "invalid", len(sys.argv) - 2)
            sys.exit(1 if errors else 0)
            """;

    @TempDir
    Path dir;

    private ExportFixture fixture;
    private Path stac;

    @BeforeEach
    void export() throws IOException {
        fixture = new ExportFixture(dir);
        stac = ExportFixture.unzip(fixture.export(new StacFormat(), "export.zip"), dir.resolve("unzipped"))
                .resolve("stac");
    }

    @Test
    void labelItemsAndCollectionPassTheOfficialLabelExtensionSchema() throws IOException {
        List<String> documents =
                new ArrayList<>(List.of(stac.resolve("collection.json").toString()));
        try (Stream<Path> items = Files.list(stac.resolve("items"))) {
            items.filter(p -> p.toString().endsWith("-labels.json")).sorted().forEach(p -> documents.add(p.toString()));
        }
        assertThat(documents).hasSize(3);

        assertThat(validate(documents)).contains("valid 3");
    }

    @Test
    void schemaCheckCatchesALabelItemWithoutDescription() throws IOException {
        ObjectNode item = (ObjectNode) read("items/flood-2024-scene-labels.json");
        ((ObjectNode) item.get("properties")).remove("label:description");
        Path broken = dir.resolve("broken.json");
        JSON.writeValue(broken.toFile(), item);

        assertThatThrownBy(() -> validate(List.of(broken.toString())))
                .hasMessageContaining("'label:description' is a required property");
    }

    @Test
    void everyHrefIsRelativeAndResolvesToAFileOfTheUnzippedFolder() throws IOException {
        List<Path> documents;
        try (Stream<Path> files = Files.walk(stac)) {
            documents =
                    files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        assertThat(documents).hasSize(5);
        int hrefs = 0;
        for (Path document : documents) {
            JsonNode json = JSON.readTree(document.toFile());
            assertThat(json.get("stac_version").asText())
                    .as(document.toString())
                    .isEqualTo("1.0.0");
            List<String> targets = new ArrayList<>();
            json.get("links").forEach(l -> targets.add(l.get("href").asText()));
            if (json.has("assets")) {
                json.get("assets").forEach(a -> targets.add(a.get("href").asText()));
            }
            for (String href : targets) {
                assertThat(href)
                        .as(document + " -> " + href)
                        .doesNotContain("://")
                        .doesNotStartWith("/");
                assertThat(document.resolveSibling(href).normalize())
                        .as(document + " -> " + href)
                        .isRegularFile();
                hrefs++;
            }
        }
        assertThat(hrefs).isGreaterThan(15);
        // the imagery assets are the image files the export put in the archive
        assertThat(stac.resolve("items")
                        .resolve(read("items/flood-2024-scene.json")
                                .at("/assets/image/href")
                                .asText())
                        .normalize())
                .hasSameBinaryContentAs(fixture.sceneFile);
    }

    @Test
    void labelFilesHoldAsManyFeaturesOfEachClassAsTheOverviewsCount() throws IOException {
        for (String stem : List.of("flood-2024-scene", "flood-2024-photo")) {
            JsonNode item = read("items/" + stem + "-labels.json");
            JsonNode labels = read("items/" + item.at("/assets/labels/href").asText());
            Map<String, Integer> features = new HashMap<>();
            labels.get("features")
                    .forEach(f -> features.merge(f.at("/properties/class").asText(), 1, Integer::sum));
            Map<String, Integer> overview = new HashMap<>();
            JsonNode overviews = item.at("/properties/label:overviews");
            assertThat(overviews).hasSize(1);
            assertThat(overviews.at("/0/property_key").asText()).isEqualTo("class");
            overviews.at("/0/counts").forEach(c -> {
                if (c.get("count").asInt() > 0) {
                    overview.put(c.get("name").asText(), c.get("count").asInt());
                }
            });

            assertThat(features).as(stem).isEqualTo(overview);
        }
        assertThat(read("items/flood-2024-scene-labels.json").at("/properties/label:overviews/0/counts"))
                .hasToString("[{\"name\":\"water\",\"count\":2},{\"name\":\"debris\",\"count\":1},"
                        + "{\"name\":\"cloud\",\"count\":1}]");
    }

    @Test
    void georeferencedItemsHaveTheFootprintAndAcquisitionTimeAndPlainPicturesNoGeometry() throws IOException {
        for (String id : List.of("flood-2024-scene", "flood-2024-scene-labels")) {
            JsonNode item = read("items/" + id + ".json");
            assertThat(item.get("id").asText()).isEqualTo(id);
            assertThat(geometry(item.get("geometry")).equalsTopo(ExportFixture.box(5, 40, 15, 50)))
                    .isTrue();
            assertThat(item.get("bbox")).hasToString("[5.0,40.0,15.0,50.0]");
            assertThat(item.at("/properties/datetime").asText()).isEqualTo("2024-05-01T10:30:00Z");
            assertThat(item.get("collection").asText()).isEqualTo("flood-2024");
        }
        for (String id : List.of("flood-2024-photo", "flood-2024-photo-labels")) {
            JsonNode item = read("items/" + id + ".json");
            assertThat(item.get("geometry").isNull()).isTrue();
            assertThat(item.has("bbox")).isFalse();
            // no acquisition time: when it was added
            assertThat(item.at("/properties/datetime").asText()).isEqualTo("2024-05-03T08:00:00Z");
        }
    }

    @Test
    void imageryItemsCarryTheImageFileAndItsProvenance() throws IOException {
        JsonNode scene = read("items/flood-2024-scene.json");
        assertThat(scene.at("/assets/image/href").asText()).isEqualTo("../../images/train/flood-2024-scene.tif");
        assertThat(scene.at("/assets/image/type").asText()).isEqualTo("image/tiff; application=geotiff");
        assertThat(scene.at("/assets/image/roles")).hasToString("[\"data\"]");
        assertThat(scene.at("/properties/labeler:source"))
                .hasToString("{\"crs\":\"EPSG:4326\",\"kind\":\"extraction\",\"layer\":\"modis:true-color\","
                        + "\"time\":\"2024-05-01\"}");
        assertThat(scene.at("/properties/labeler:split").asText()).isEqualTo("train");
        assertThat(read("items/flood-2024-photo.json").at("/assets/image/type").asText())
                .isEqualTo("image/png");
    }

    @Test
    void labelItemsPointAtTheirImageryAndSayWhatTheyHold() throws IOException {
        JsonNode scene = read("items/flood-2024-scene-labels.json");
        assertThat(scene.get("stac_extensions"))
                .hasToString("[\"https://stac-extensions.github.io/label/v1.0.1/schema.json\"]");
        JsonNode p = scene.get("properties");
        assertThat(p.get("label:type").asText()).isEqualTo("vector");
        assertThat(p.get("label:properties")).hasToString("[\"class\"]");
        assertThat(p.get("label:classes"))
                .hasToString("[{\"name\":\"class\",\"classes\":[\"water\",\"debris\",\"cloud\"]}]");
        assertThat(p.get("label:tasks")).hasToString("[\"detection\",\"segmentation\"]");
        assertThat(p.get("label:methods")).hasToString("[\"manual\"]");
        JsonNode source = scene.get("links").get(0);
        assertThat(source.get("rel").asText()).isEqualTo("source");
        assertThat(source.get("href").asText()).isEqualTo("./flood-2024-scene.json");
        assertThat(source.get("label:assets")).hasToString("[\"image\"]");
        assertThat(scene.at("/assets/labels/roles")).hasToString("[\"labels\"]");
        assertThat(scene.at("/assets/labels/type").asText()).isEqualTo("application/geo+json");
    }

    @Test
    void labelsOfAGeoreferencedImageAreOnEarthAndThoseOfAPlainPictureInItsPixels() throws Exception {
        JsonNode scene = read("items/flood-2024-scene-labels.geojson");
        assertThat(scene.get("type").asText()).isEqualTo("FeatureCollection");
        JsonNode debris = scene.get("features").get(1);
        assertThat(debris.get("id").asText()).isEqualTo("a2");
        assertThat(debris.at("/properties/shape").asText()).isEqualTo("polygon");
        assertThat(debris.at("/properties/attributes/confidence").asDouble()).isEqualTo(0.9);
        Geometry onEarth = geometry(debris.get("geometry"));
        Geometry expected = ExportFixture.onEarth(
                ExportFixture.withHole(ExportFixture.box(256, 256, 448, 448), ExportFixture.box(320, 320, 384, 384)));
        assertThat(onEarth.getEnvelopeInternal().getMinX()).isCloseTo(10, within(1e-9));
        assertThat(onEarth.getEnvelopeInternal().getMaxY()).isCloseTo(45, within(1e-9));
        assertThat(onEarth.symDifference(expected).getArea()).isLessThan(1e-12);
        assertThat(read("items/flood-2024-scene-labels.json")
                        .at("/assets/labels/description")
                        .asText())
                .contains("EPSG:4326");

        JsonNode photo = read("items/flood-2024-photo-labels.geojson");
        assertThat(photo.get("labeler:coordinates").asText()).isEqualTo("pixels");
        assertThat(geometry(photo.at("/features/0/geometry")).equalsTopo(ExportFixture.box(10, 20, 60, 80)))
                .isTrue();
        assertThat(read("items/flood-2024-photo-labels.json")
                        .at("/assets/labels/description")
                        .asText())
                .contains("PIXEL coordinates", "y down");
    }

    @Test
    void collectionDescribesTheEventAndLinksEveryItem() throws IOException {
        JsonNode c = read("collection.json");
        assertThat(c.get("type").asText()).isEqualTo("Collection");
        assertThat(c.get("id").asText()).isEqualTo("flood-2024");
        assertThat(c.get("title").asText()).isEqualTo("Po valley flood, May 2024");
        assertThat(c.get("description").asText()).startsWith("Flood water");
        assertThat(c.get("license").asText()).isEqualTo("proprietary");
        assertThat(c.get("keywords")).hasToString("[\"flood\",\"Po\"]");
        // the scene's footprint; the photo has none
        assertThat(c.at("/extent/spatial/bbox")).hasToString("[[5.0,40.0,15.0,50.0]]");
        // the only acquisition time, at both ends
        assertThat(c.at("/extent/temporal/interval"))
                .hasToString("[[\"2024-05-01T10:30:00Z\",\"2024-05-01T10:30:00Z\"]]");
        assertThat(c.at("/summaries/label:classes/0/classes")).hasToString("[\"water\",\"debris\",\"cloud\"]");
        assertThat(c.at("/summaries/label:overviews/0/counts"))
                .hasToString("[{\"name\":\"water\",\"count\":3},{\"name\":\"debris\",\"count\":2},"
                        + "{\"name\":\"cloud\",\"count\":1}]");
        List<String> links = new ArrayList<>();
        c.get("links")
                .forEach(l ->
                        links.add(l.get("rel").asText() + " " + l.get("href").asText()));
        assertThat(links)
                .containsExactly(
                        "root ./collection.json",
                        "item ./items/flood-2024-scene.json",
                        "item ./items/flood-2024-scene-labels.json",
                        "item ./items/flood-2024-photo.json",
                        "item ./items/flood-2024-photo-labels.json");
    }

    @Test
    void collectionWithoutImagesFallsBackToTheEventsAreaAndTimeRange() throws IOException {
        Path zip = fixture.export(new StacFormat(), "empty.zip", new ExportImage[0]);
        JsonNode c = JSON.readTree(ExportFixture.unzip(zip, dir.resolve("empty"))
                .resolve("stac/collection.json")
                .toFile());

        assertThat(c.at("/extent/spatial/bbox")).hasToString("[[7.0,43.0,13.0,47.0]]");
        assertThat(c.at("/extent/temporal/interval"))
                .hasToString("[[\"2024-04-28T00:00:00Z\",\"2024-05-10T00:00:00Z\"]]");
        assertThat(c.get("links")).hasSize(1);
    }

    @Test
    void sameInputGivesTheSameZip() throws IOException {
        Path first = fixture.export(new StacFormat(), "first.zip");
        Path second = fixture.export(new StacFormat(), "second.zip");

        assertThat(first).hasSameBinaryContentAs(second);
        assertThat(ExportFixture.entries(first))
                .containsExactly(
                        "images/train/flood-2024-scene.tif",
                        "images/val/flood-2024-photo.png",
                        "stac/items/flood-2024-scene.json",
                        "stac/items/flood-2024-scene-labels.geojson",
                        "stac/items/flood-2024-scene-labels.json",
                        "stac/items/flood-2024-photo.json",
                        "stac/items/flood-2024-photo-labels.geojson",
                        "stac/items/flood-2024-photo-labels.json",
                        "stac/collection.json");
    }

    private String validate(List<String> documents) throws IOException {
        Path schema = dir.resolve("label-v1.0.1.schema.json");
        if (!Files.exists(schema)) {
            try (InputStream in = getClass().getResourceAsStream("/stac/label-v1.0.1.schema.json")) {
                Files.copy(in, schema);
            }
        }
        Path script = dir.resolve("validate.py");
        Files.writeString(script, VALIDATE);
        List<String> command = new ArrayList<>(List.of("/usr/bin/python3", script.toString(), schema.toString()));
        command.addAll(documents);
        return Gdal.run(command.toArray(String[]::new));
    }

    private JsonNode read(String path) throws IOException {
        return JSON.readTree(stac.resolve(path).toFile());
    }

    private static Geometry geometry(JsonNode geoJson) {
        try {
            return new GeoJsonReader().read(geoJson.toString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
