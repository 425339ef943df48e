package org.imagelabeler.labeler;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.awaitility.Awaitility;
import org.imagelabeler.platform.raster.Gdal;
import org.imagelabeler.platform.testing.RestClient;
import org.imagelabeler.platform.testing.RestClient.Auth;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Dataset exports over {@code /rest/labeler/events/{slug}/exports} on a hand-built event: COCO,
 * YOLO and VOC checked field by field (exact boxes, polygon areas), GeoJSON read by GDAL, tags as
 * CSV; accepted images only unless asked; downloads with Range; the same state and options give
 * the same bytes; roles and refusals.
 */
class ExportRestTest extends LabelerServerTestBase {

    private static final String EVENTS = "/rest/labeler/events";
    private final ObjectMapper json = new ObjectMapper();

    @TempDir
    Path files;

    private record Setup(String slug, Auth owner, String picture, String geotiff) {}

    private Setup event() throws Exception {
        Auth owner = user("exp-owner");
        String slug = "exp-" + UUID.randomUUID().toString().substring(0, 8);
        var e = client.post(
                EVENTS,
                "{\"slug\":\"" + slug + "\",\"title\":\"Flood in the delta\",\"labelSchema\":{\"classes\":["
                        + "{\"name\":\"building\",\"colour\":\"#ff0000\"},{\"name\":\"water\",\"colour\":\"#0000ff\"}]}}",
                owner);
        assertThat(e.status()).as(e.body()).isEqualTo(201);
        String picture = upload(slug, Gdal.picture(files), "scene.png", owner);
        Path tif = Gdal.geotiff(
                files, "delta.tif", "-a_srs", "EPSG:4326", "-a_ullr", "10", "46", "11", "45", "-outsize", "400", "400");
        String geotiff = upload(slug, tif, "delta.tif", owner);
        upload(slug, Gdal.picture(files), "unreviewed.png", owner);
        // a box, a triangle of area 5000 on the picture; a square on the GeoTIFF; a shape on the map
        annotate(slug, owner, picture, "building", "[[100,50],[300,50],[300,200],[100,200],[100,50]]", "box");
        annotate(slug, owner, picture, "water", "[[0,0],[100,0],[0,100],[0,0]]", "polygon");
        annotate(slug, owner, geotiff, "water", "[[0,0],[200,0],[200,200],[0,200],[0,0]]", "box");
        var shape = client.post(
                EVENTS + "/" + slug + "/annotations",
                "{\"space\":\"map\",\"shape\":\"point\",\"class\":\"building\","
                        + "\"geometry\":{\"type\":\"Point\",\"coordinates\":[10.5,45.5]}}",
                owner);
        assertThat(shape.status()).as(shape.body()).isEqualTo(201);
        for (String image : new String[] {picture, geotiff}) {
            String path = EVENTS + "/" + slug + "/images/" + image;
            assertThat(patch(path, "{\"status\":\"labeled\",\"tags\":[\"present\"]}", owner)
                            .status())
                    .isEqualTo(200);
            assertThat(client.post(path + "/review", "{\"decision\":\"accept\",\"comment\":\"ok\"}", owner)
                            .status())
                    .isEqualTo(200);
        }
        return new Setup(slug, owner, picture, geotiff);
    }

    private String upload(String slug, Path file, String name, Auth owner) throws Exception {
        var r = client.send(client.request(EVENTS + "/" + slug + "/images?name=" + name, owner)
                .POST(HttpRequest.BodyPublishers.ofFile(file)));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().path("id").asText();
    }

    private void annotate(String slug, Auth owner, String image, String cls, String ring, String shape) {
        var r = client.post(
                EVENTS + "/" + slug + "/annotations",
                "{\"imageId\":\"" + image + "\",\"space\":\"pixel\",\"shape\":\"" + shape + "\",\"class\":\"" + cls
                        + "\",\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[" + ring + "]}}",
                owner);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
    }

    private RestClient.Response patch(String path, String body, Auth who) {
        return client.send(client.request(path, who)
                .header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(body)));
    }

    /** Asks for an export and waits for it; answers the export's document. */
    private JsonNode export(Setup s, String request) {
        var r = client.post(EVENTS + "/" + s.slug() + "/exports", request, s.owner());
        assertThat(r.status()).as(r.body()).isEqualTo(202);
        String job = r.header("Location").substring(r.header("Location").indexOf("/rest/"));
        Awaitility.await()
                .atMost(Duration.ofMinutes(1))
                .until(
                        () -> client.get(job, s.owner()).json().path("state").asText(),
                        st -> !st.equals("QUEUED") && !st.equals("RUNNING"));
        JsonNode state = client.get(job, s.owner()).json();
        assertThat(state.path("state").asText()).as(state.toString()).isEqualTo("SUCCEEDED");
        String self = r.json().path("links").path("self").asText();
        return client.get(self.substring(self.indexOf("/rest/")), s.owner()).json();
    }

    private byte[] download(JsonNode export, Auth who) {
        String href = export.path("links").path("download").asText();
        var r = client.get(href.substring(href.indexOf("/rest/")), who);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.contentType()).isEqualTo("application/zip");
        return r.bytes();
    }

    private static Map<String, byte[]> unzip(byte[] zip) throws Exception {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                entries.put(e.getName(), in.readAllBytes());
            }
        }
        return entries;
    }

    private static final String ALL_TRAIN = "\"split\":{\"train\":1,\"val\":0,\"test\":0}";

    @Test
    void cocoYoloAndVocHoldExactBoxesAndAreas() throws Exception {
        Setup s = event();
        JsonNode export = export(s, "{\"formats\":[\"coco\",\"yolo\",\"voc\",\"csv\"]," + ALL_TRAIN + "}");
        assertThat(export.path("images").asInt()).isEqualTo(2); // the unreviewed image stays out
        assertThat(export.path("annotations").asInt()).isEqualTo(3);
        Map<String, byte[]> zip = unzip(download(export, s.owner()));

        JsonNode coco = json.readTree(zip.get("annotations/instances_train.json"));
        assertThat(coco.path("categories").get(0).path("name").asText()).isEqualTo("building");
        assertThat(coco.path("categories").get(0).path("id").asInt()).isEqualTo(1);
        assertThat(coco.path("images")).hasSize(2);
        JsonNode picture = null;
        for (JsonNode i : coco.path("images")) {
            if (i.path("labeler_source").path("imageId").asText().equals(s.picture())) {
                picture = i;
            }
        }
        assertThat(picture.path("width").asInt()).isEqualTo(512);
        assertThat(picture.path("labeler_source").path("kind").asText()).isEqualTo("upload");
        assertThat(zip).containsKey(picture.path("file_name").asText());
        JsonNode box = null;
        JsonNode triangle = null;
        for (JsonNode a : coco.path("annotations")) {
            if (a.path("image_id").asInt() == picture.path("id").asInt()) {
                if (a.path("category_id").asInt() == 1) {
                    box = a;
                } else {
                    triangle = a;
                }
            }
        }
        assertThat(box.path("bbox").toString()).isEqualTo("[100.0,50.0,200.0,150.0]");
        assertThat(box.path("area").asDouble()).isEqualTo(30000.0);
        assertThat(triangle.path("category_id").asInt()).isEqualTo(2);
        assertThat(triangle.path("area").asDouble()).isEqualTo(5000.0);
        assertThat(triangle.path("segmentation").get(0).toString()).isEqualTo("[0.0,0.0,100.0,0.0,0.0,100.0]");
        assertThat(json.readTree(zip.get("annotations/instances_val.json")).path("images"))
                .isEmpty();

        String stem = picture.path("file_name").asText();
        stem = stem.substring(stem.lastIndexOf('/') + 1, stem.lastIndexOf('.'));
        String yolo = new String(zip.get("labels/train/" + stem + ".txt"), StandardCharsets.UTF_8);
        // box centre (200, 125), size 200 x 150 in a 512 x 512 image; the triangle's box
        assertThat(yolo.lines())
                .containsExactlyInAnyOrder(
                        "0 0.390625 0.244141 0.390625 0.292969", "1 0.097656 0.097656 0.195313 0.195313");
        assertThat(new String(zip.get("data.yaml"), StandardCharsets.UTF_8))
                .contains("train: images/train")
                .contains("  0: \"building\"")
                .contains("  1: \"water\"");

        String voc = new String(zip.get("voc/Annotations/" + stem + ".xml"), StandardCharsets.UTF_8);
        assertThat(voc)
                .contains("<name>building</name>")
                .contains("<xmin>101</xmin><ymin>51</ymin><xmax>300</xmax><ymax>200</ymax>")
                .contains("<width>512</width>");
        assertThat(new String(zip.get("voc/ImageSets/Main/train.txt"), StandardCharsets.UTF_8).lines())
                .contains(stem);

        String csv = new String(zip.get("tags.csv"), StandardCharsets.UTF_8);
        assertThat(csv.lines().findFirst().orElseThrow())
                .isEqualTo("image_id,file,split,status,acquired,source,tags,present,not_present,untagged");
        assertThat(csv).contains(s.picture() + ",images/train/" + stem + ".png,train,accepted,,upload,present,1,0,0");
    }

    @Test
    void geoJsonHoldsMapShapesAndGeoreferencedLabelsAsGdalReadsThem() throws Exception {
        Setup s = event();
        JsonNode export = export(s, "{\"formats\":[\"geojson\"]}");
        Path zip = Files.write(files.resolve("export.zip"), download(export, s.owner()));
        String info = Gdal.run("ogrinfo", "-ro", "-al", "-so", "/vsizip/" + zip + "/geojson/labels.geojson");
        assertThat(info).contains("Feature Count: 2");
        String values = Gdal.run(
                "ogrinfo",
                "-ro",
                "-q",
                "-al",
                "-sql",
                "SELECT class, source, status FROM \"" + s.slug() + "\" ORDER BY source",
                "/vsizip/" + zip + "/geojson/labels.geojson");
        assertThat(values)
                .contains("class (String) = water")
                .contains("status (String) = accepted")
                .contains("source (String) = map")
                .contains("class (String) = building");
        // the GeoTIFF's label: pixels 0..200 of 400 over lon 10..11, lat 46..45
        assertThat(Gdal.run(
                        "ogrinfo",
                        "-ro",
                        "-q",
                        "-al",
                        "-where",
                        "source = 'image'",
                        "/vsizip/" + zip + "/geojson/labels.geojson"))
                .containsPattern(
                        "POLYGON \\(\\(10(\\.0)? 46(\\.0)?,10\\.5 46(\\.0)?,10\\.5 45\\.5,10(\\.0)? 45\\.5,10(\\.0)? 46(\\.0)?\\)\\)");
    }

    @Test
    void gisStacAndMaskFormatsComeThroughTheJob() throws Exception {
        Setup s = event();
        JsonNode export =
                export(s, "{\"formats\":[\"shapefile\",\"geopackage\",\"stac\",\"masks\"]," + ALL_TRAIN + "}");
        Path zip = Files.write(files.resolve("gis.zip"), download(export, s.owner()));
        // the map's point, and the GeoTIFF's square (the plain picture's labels have no place on Earth)
        assertThat(Gdal.run("ogrinfo", "-ro", "-so", "-al", "/vsizip/" + zip + "/shapefile/labels_points.shp"))
                .contains("Feature Count: 1");
        assertThat(Gdal.run("ogrinfo", "-ro", "-so", "-al", "/vsizip/" + zip + "/shapefile/labels_polygons.shp"))
                .contains("Feature Count: 1");
        assertThat(Gdal.run("ogrinfo", "-ro", "-so", "/vsizip/" + zip + "/geopackage/labels.gpkg", "images"))
                .contains("Feature Count: 2");
        Map<String, byte[]> entries = unzip(Files.readAllBytes(zip));
        JsonNode collection = json.readTree(entries.get("stac/collection.json"));
        assertThat(collection.path("type").asText()).isEqualTo("Collection");
        assertThat(collection.path("id").asText()).isEqualTo(s.slug());
        long labelItems = entries.keySet().stream()
                .filter(n -> n.endsWith("-labels.json"))
                .count();
        assertThat(labelItems).isEqualTo(2);
        // the picture's mask: 1 (building) inside the box, 2 (water) in the triangle, 0 elsewhere
        String maskName = entries.keySet().stream()
                .filter(n -> n.startsWith("masks/train/scene-") && n.endsWith(".png"))
                .findFirst()
                .orElseThrow();
        var mask = javax.imageio.ImageIO.read(new ByteArrayInputStream(entries.get(maskName)));
        assertThat(mask.getRaster().getSample(200, 100, 0)).isEqualTo(1);
        assertThat(mask.getRaster().getSample(10, 10, 0)).isEqualTo(2);
        assertThat(mask.getRaster().getSample(400, 400, 0)).isZero();
    }

    @Test
    void tagsTimeReencodingAndProvenanceOfEveryImage() throws Exception {
        Setup s = event();
        assertThat(export(s, "{\"formats\":[\"csv\"],\"tags\":[\"present\"]}")
                        .path("images")
                        .asInt())
                .isEqualTo(2);
        assertThat(export(s, "{\"formats\":[\"csv\"],\"tags\":[\"not_present\"]}")
                        .path("images")
                        .asInt())
                .isZero();
        // no image has an acquisition time: a time filter keeps none
        assertThat(export(s, "{\"formats\":[\"csv\"],\"time\":\"2024-01-01/..\"}")
                        .path("images")
                        .asInt())
                .isZero();

        JsonNode jpeg = export(s, "{\"formats\":[\"yolo\"],\"imageFormat\":\"jpeg\"," + ALL_TRAIN + "}");
        Map<String, byte[]> zip = unzip(download(jpeg, s.owner()));
        var images = zip.keySet().stream().filter(n -> n.startsWith("images/")).toList();
        assertThat(images).hasSize(2).allMatch(n -> n.endsWith(".jpg"));
        for (String n : images) {
            var picture = javax.imageio.ImageIO.read(new ByteArrayInputStream(zip.get(n)));
            assertThat(picture.getWidth()).isIn(512, 400);
        }
        var lines = new String(zip.get("provenance.jsonl"), StandardCharsets.UTF_8)
                .lines()
                .toList();
        assertThat(lines).hasSize(2);
        for (String line : lines) {
            JsonNode p = json.readTree(line);
            assertThat(zip).containsKey(p.path("file").asText());
            assertThat(p.path("source").path("kind").asText()).isEqualTo("upload");
            assertThat(p.path("split").asText()).isEqualTo("train");
        }
    }

    @Test
    void sameStateSameBytesDownloadsResumeAndOptionsSelect() throws Exception {
        Setup s = event();
        String request = "{\"formats\":[\"coco\",\"yolo\",\"geojson\"],\"split\":{\"seed\":7}}";
        byte[] first = download(export(s, request), s.owner());
        byte[] second = download(export(s, request), s.owner());
        assertThat(sha(second)).isEqualTo(sha(first));

        JsonNode all = export(s, "{\"formats\":[\"csv\"],\"include\":\"all\"}");
        assertThat(all.path("images").asInt()).isEqualTo(3);
        JsonNode water = export(s, "{\"formats\":[\"coco\"],\"classes\":[\"water\"]," + ALL_TRAIN + "}");
        assertThat(water.path("annotations").asInt()).isEqualTo(2);
        JsonNode georeferenced = export(s, "{\"formats\":[\"csv\"],\"bbox\":[9,44,12,47]}");
        assertThat(georeferenced.path("images").asInt()).isEqualTo(1);

        String href = all.path("links").path("download").asText();
        var range = client.send(client.request(href.substring(href.indexOf("/rest/")), s.owner())
                .header("Range", "bytes=10-109"));
        assertThat(range.status()).isEqualTo(206);
        assertThat(range.bytes()).hasSize(100);
        assertThat(range.header("Content-Range")).startsWith("bytes 10-109/");
        byte[] whole = download(all, s.owner());
        assertThat(range.bytes()).isEqualTo(java.util.Arrays.copyOfRange(whole, 10, 110));

        var list = client.get(EVENTS + "/" + s.slug() + "/exports", s.owner()).json();
        assertThat(list.path("total").asInt()).isEqualTo(5);
        String self = all.path("links").path("self").asText();
        assertThat(client.delete(self.substring(self.indexOf("/rest/")), s.owner())
                        .status())
                .isEqualTo(204);
        assertThat(client.get(href.substring(href.indexOf("/rest/")), s.owner()).status())
                .isEqualTo(404);
    }

    @Test
    void refusalsNameTheFieldAndAccessFollowsTheEvent() throws Exception {
        Setup s = event();
        String exports = EVENTS + "/" + s.slug() + "/exports";
        assertField(client.post(exports, "{\"formats\":[\"kml\"]}", s.owner()), "formats[0]");
        assertField(client.post(exports, "{\"formats\":[]}", s.owner()), "formats");
        assertField(
                client.post(
                        exports,
                        "{\"formats\":[\"coco\"],\"split\":{\"train\":0.5,\"val\":0.1,\"test\":0.1}}",
                        s.owner()),
                "split");
        assertField(client.post(exports, "{\"formats\":[\"coco\"],\"classes\":[\"smoke\"]}", s.owner()), "classes[0]");
        assertField(client.post(exports, "{\"formats\":[\"yolo\",\"yolo-seg\"]}", s.owner()), "formats");
        assertField(client.post(exports, "{\"formats\":[\"coco\"],\"time\":\"soon\"}", s.owner()), "time");
        assertThat(client.post(exports, "{\"formats\":[\"coco\"]}", user("exp-outsider"))
                        .status())
                .isEqualTo(404);
        assertThat(client.post(exports, "{\"formats\":[\"coco\"]}", Auth.none()).status())
                .isEqualTo(401);
        Auth viewer = user("exp-viewer");
        client.put(EVENTS + "/" + s.slug() + "/members/exp-viewer", "{\"role\":\"viewer\"}", s.owner());
        var byViewer = client.post(exports, "{\"formats\":[\"csv\"]}", viewer);
        assertThat(byViewer.status()).as(byViewer.body()).isEqualTo(202);
        String self = byViewer.json().path("links").path("self").asText();
        assertThat(client.get(self.substring(self.indexOf("/rest/")), user("exp-outsider"))
                        .status())
                .isEqualTo(404);
    }

    private static void assertField(RestClient.Response r, String field) {
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.json().path("field").asText()).isEqualTo(field);
    }

    private static String sha(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
