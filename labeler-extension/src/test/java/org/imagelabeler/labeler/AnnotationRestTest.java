package org.imagelabeler.labeler;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.util.UUID;
import org.imagelabeler.platform.raster.Gdal;
import org.imagelabeler.platform.testing.RestClient;
import org.imagelabeler.platform.testing.RestClient.Auth;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Annotations over {@code /rest/labeler/events/{slug}/annotations}: pixel boxes and polygons
 * placed on Earth through a GeoTIFF's georeference (checked against gdaltransform), map shapes,
 * precise validation errors, all-or-nothing bulk creation, optimistic versions, roles, and the
 * label schema refusing to orphan annotations.
 */
class AnnotationRestTest extends LabelerServerTestBase {

    private static final String EVENTS = "/rest/labeler/events";

    @TempDir
    Path files;

    private record Setup(String slug, String imageId, Auth owner) {}

    private Setup setup() throws Exception {
        Auth owner = user("ann-owner");
        String slug = "ann-" + UUID.randomUUID().toString().substring(0, 8);
        var e = client.post(
                EVENTS,
                "{\"slug\":\"" + slug + "\",\"title\":\"Cloud streets\",\"labelSchema\":{\"classes\":["
                        + "{\"name\":\"cloud\",\"colour\":\"#ffffff\"},{\"name\":\"street\",\"colour\":\"#ff0000\"}]}}",
                owner);
        assertThat(e.status()).as(e.body()).isEqualTo(201);
        Path tif = Gdal.geotiff(
                files, "utm.tif", "-a_srs", "EPSG:32632", "-a_ullr", "500000", "5000000", "510000", "4990000");
        var image = client.send(client.request(EVENTS + "/" + slug + "/images?name=utm.tif", owner)
                .POST(HttpRequest.BodyPublishers.ofFile(tif)));
        assertThat(image.status()).as(image.body()).isEqualTo(201);
        return new Setup(slug, image.json().path("id").asText(), owner);
    }

    private static String pixelBox(String imageId, String cls, int x0, int y0, int x1, int y1) {
        return "{\"imageId\":\"" + imageId + "\",\"space\":\"pixel\",\"shape\":\"box\",\"class\":\"" + cls
                + "\",\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[" + x0 + "," + y0 + "],[" + x1 + "," + y0
                + "],[" + x1 + "," + y1 + "],[" + x0 + "," + y1 + "],[" + x0 + "," + y0 + "]]]},"
                + "\"attributes\":{\"confidence\":0.9}}";
    }

    @Test
    void pixelAnnotationsOfAGeoTiffAreAlsoPlacedOnEarth() throws Exception {
        Setup s = setup();
        var r = client.post(
                EVENTS + "/" + s.slug() + "/annotations", pixelBox(s.imageId(), "cloud", 100, 50, 300, 200), s.owner());
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        JsonNode a = r.json();
        assertThat(a.path("version").asInt()).isEqualTo(1);
        assertThat(a.path("author").asText()).isEqualTo("ann-owner");
        assertThat(a.path("attributes").path("confidence").asDouble()).isEqualTo(0.9);
        JsonNode ring = a.path("geographic").path("coordinates").get(0);
        // GDAL places pixel (100, 50) and (300, 200) of the same file
        String[] nw = gdaltransform(files.resolve("utm.tif"), 100, 50);
        String[] se = gdaltransform(files.resolve("utm.tif"), 300, 200);
        assertThat(ring.get(0).get(0).asDouble()).isCloseTo(Double.parseDouble(nw[0]), within());
        assertThat(ring.get(0).get(1).asDouble()).isCloseTo(Double.parseDouble(nw[1]), within());
        assertThat(ring.get(2).get(0).asDouble()).isCloseTo(Double.parseDouble(se[0]), within());
        assertThat(ring.get(2).get(1).asDouble()).isCloseTo(Double.parseDouble(se[1]), within());
        String self = r.header("Location");
        assertThat(client.get(self.substring(self.indexOf("/rest/")), s.owner())
                        .json()
                        .path("class")
                        .asText())
                .isEqualTo("cloud");
    }

    @Test
    void invalidAnnotationsAreRefusedWithTheFieldAtFault() throws Exception {
        Setup s = setup();
        String url = EVENTS + "/" + s.slug() + "/annotations";
        field(client.post(url, pixelBox(s.imageId(), "rain", 0, 0, 10, 10), s.owner()), "class");
        field(client.post(url, pixelBox(s.imageId(), "cloud", 400, 400, 600, 600), s.owner()), "geometry");
        String bowtie =
                "{\"imageId\":\"" + s.imageId() + "\",\"space\":\"pixel\",\"shape\":\"polygon\",\"class\":\"cloud\","
                        + "\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[10,10],[10,0],[0,10],[0,0]]]}}";
        var selfIntersecting = client.post(url, bowtie, s.owner());
        field(selfIntersecting, "geometry");
        assertThat(selfIntersecting.json().path("detail").asText()).contains("self-intersecting");
        String notABox = bowtie.replace("\"polygon\"", "\"box\"")
                .replace("[[[0,0],[10,10],[10,0],[0,10],[0,0]]]", "[[[0,0],[10,0],[5,10],[0,0]]]");
        field(client.post(url, notABox, s.owner()), "geometry");
        field(
                client.post(url, pixelBox(null, "cloud", 0, 0, 10, 10).replace("\"imageId\":\"null\",", ""), s.owner()),
                "imageId");
        String farPoint =
                "{\"space\":\"map\",\"shape\":\"point\",\"class\":\"cloud\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[200,10]}}";
        field(client.post(url, farPoint, s.owner()), "geometry");
        field(client.post(url, farPoint.replace("\"map\"", "\"sky\""), s.owner()), "space");
    }

    @Test
    void bulkCreationIsAllOrNothing() throws Exception {
        Setup s = setup();
        String bulk = EVENTS + "/" + s.slug() + "/annotations/bulk";
        String good = pixelBox(s.imageId(), "cloud", 0, 0, 10, 10);
        var refused = client.post(
                bulk, "[" + good + "," + good + "," + pixelBox(s.imageId(), "hail", 0, 0, 5, 5) + "]", s.owner());
        field(refused, "annotations[2].class");
        assertThat(count(s, "")).isZero();
        var made = client.post(
                bulk, "[" + good + "," + good + "," + pixelBox(s.imageId(), "street", 0, 0, 5, 5) + "]", s.owner());
        assertThat(made.status()).as(made.body()).isEqualTo(201);
        assertThat(made.json().path("items").size()).isEqualTo(3);
        assertThat(count(s, "?imageId=" + s.imageId())).isEqualTo(3);
        assertThat(count(s, "?class=street")).isEqualTo(1);
    }

    @Test
    void bulkChangesAreAllOrNothingAndCheckEachVersion() throws Exception {
        Setup s = setup();
        String good = pixelBox(s.imageId(), "cloud", 0, 0, 10, 10);
        JsonNode made = client.post(
                        EVENTS + "/" + s.slug() + "/annotations/bulk", "[" + good + "," + good + "]", s.owner())
                .json()
                .path("items");
        String a = made.get(0).path("id").asText();
        String b = made.get(1).path("id").asText();
        String bulk = EVENTS + "/" + s.slug() + "/annotations/bulk";
        // the second item's class is unknown: nothing changes
        field(
                put(
                        bulk,
                        "[{\"id\":\"" + a + "\",\"version\":1,\"class\":\"street\"},{\"id\":\"" + b
                                + "\",\"version\":1,\"class\":\"fog\"}]",
                        s.owner(),
                        "*"),
                "annotations[1].class");
        assertThat(count(s, "?class=street")).isZero();
        var changed = put(
                bulk,
                "[{\"id\":\"" + a + "\",\"version\":1,\"class\":\"street\"},{\"id\":\"" + b
                        + "\",\"version\":1,\"class\":\"street\"}]",
                s.owner(),
                "*");
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        assertThat(count(s, "?class=street")).isEqualTo(2);
        // a stale version anywhere: 412, and the other item is untouched
        var stale = put(
                bulk,
                "[{\"id\":\"" + a + "\",\"version\":2,\"class\":\"cloud\"},{\"id\":\"" + b
                        + "\",\"version\":1,\"class\":\"cloud\"}]",
                s.owner(),
                "*");
        assertThat(stale.status()).isEqualTo(412);
        assertThat(count(s, "?class=street")).isEqualTo(2);
        field(put(bulk, "[{\"id\":\"" + a + "\",\"class\":\"cloud\"}]", s.owner(), "*"), "annotations[0].version");
    }

    @Test
    void twoLabelersEditingOneAnnotationOneGetsPreconditionFailed() throws Exception {
        Setup s = setup();
        String id = client.post(
                        EVENTS + "/" + s.slug() + "/annotations",
                        pixelBox(s.imageId(), "cloud", 0, 0, 10, 10),
                        s.owner())
                .json()
                .path("id")
                .asText();
        String url = EVENTS + "/" + s.slug() + "/annotations/" + id;
        var first = put(url, "{\"class\":\"street\"}", s.owner(), "\"1\"");
        var second = put(url, "{\"class\":\"cloud\"}", s.owner(), "\"1\"");
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(second.status()).isEqualTo(412);
        assertThat(second.json().path("currentVersion").asInt()).isEqualTo(2);
        assertThat(client.get(url, s.owner()).json().path("class").asText()).isEqualTo("street");
        var log = client.get(EVENTS + "/" + s.slug() + "/audit", s.owner()).json();
        assertThat(log.path("items").get(0).path("action").asText()).isEqualTo("update");
        assertThat(log.path("items").get(0).path("targetType").asText()).isEqualTo("annotation");
    }

    @Test
    void rolesDecideWhoDraws() throws Exception {
        Setup s = setup();
        String url = EVENTS + "/" + s.slug() + "/annotations";
        String box = pixelBox(s.imageId(), "cloud", 0, 0, 10, 10);
        for (String role : new String[] {"viewer", "reviewer", "labeler"}) {
            user("ann-" + role);
            client.put(EVENTS + "/" + s.slug() + "/members/ann-" + role, "{\"role\":\"" + role + "\"}", s.owner());
        }
        assertThat(client.post(url, box, RestClient.Auth.basic("ann-viewer", "ann-viewer-password"))
                        .status())
                .isEqualTo(403);
        assertThat(client.post(url, box, RestClient.Auth.basic("ann-reviewer", "ann-reviewer-password"))
                        .status())
                .isEqualTo(403);
        assertThat(client.post(url, box, RestClient.Auth.basic("ann-labeler", "ann-labeler-password"))
                        .status())
                .isEqualTo(201);
        assertThat(client.post(url, box, user("ann-outsider")).status()).isEqualTo(404);
        assertThat(client.get(url, RestClient.Auth.basic("ann-viewer", "ann-viewer-password"))
                        .json()
                        .path("total")
                        .asLong())
                .isEqualTo(1);
    }

    @Test
    void mapShapesAreFoundByArea() throws Exception {
        Setup s = setup();
        String url = EVENTS + "/" + s.slug() + "/annotations";
        String polygon =
                "{\"space\":\"map\",\"shape\":\"polygon\",\"class\":\"cloud\",\"geometry\":{\"type\":\"Polygon\","
                        + "\"coordinates\":[[[9,45],[10,45],[10,46],[9,46],[9,45]]]}}";
        String line =
                "{\"space\":\"map\",\"shape\":\"line\",\"class\":\"street\",\"geometry\":{\"type\":\"LineString\","
                        + "\"coordinates\":[[20,10],[21,11]]}}";
        String point = "{\"space\":\"map\",\"shape\":\"point\",\"class\":\"street\",\"imageId\":\"" + s.imageId()
                + "\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[9.05,45.1]}}";
        for (String shape : new String[] {polygon, line, point}) {
            var r = client.post(url, shape, s.owner());
            assertThat(r.status()).as(r.body()).isEqualTo(201);
        }
        assertThat(count(s, "?space=map")).isEqualTo(3);
        assertThat(count(s, "?bbox=8.9,44.9,9.2,45.2")).isEqualTo(2);
        assertThat(count(s, "?bbox=19,9,22,12")).isEqualTo(1);
        // the image's own pixel annotations are on Earth too
        client.post(url, pixelBox(s.imageId(), "cloud", 0, 0, 10, 10), s.owner());
        assertThat(count(s, "?bbox=8.9,44.9,9.2,45.2")).isEqualTo(3);
    }

    @Test
    void imagesAreFoundByTheClassOfTheirAnnotationsAndByArea() throws Exception {
        Setup s = setup();
        String images = EVENTS + "/" + s.slug() + "/images";
        assertThat(total(images + "?class=street", s)).isZero();
        client.post(EVENTS + "/" + s.slug() + "/annotations", pixelBox(s.imageId(), "street", 0, 0, 10, 10), s.owner());
        assertThat(total(images + "?class=street", s)).isEqualTo(1);
        assertThat(total(images + "?class=cloud", s)).isZero();
        // the UTM image lies around lon 9.0-9.13, lat 45.06-45.15
        assertThat(total(images + "?bbox=9.05,45.1,9.06,45.11", s)).isEqualTo(1);
        assertThat(total(images + "?bbox=10,40,11,41", s)).isZero();
        assertThat(client.get(images + "?bbox=1,2", s.owner())
                        .json()
                        .path("field")
                        .asText())
                .isEqualTo("bbox");
    }

    private long total(String url, Setup s) {
        return client.get(url, s.owner()).json().path("total").asLong();
    }

    @Test
    void theLabelSchemaCannotOrphanAnnotations() throws Exception {
        Setup s = setup();
        client.post(EVENTS + "/" + s.slug() + "/annotations", pixelBox(s.imageId(), "street", 0, 0, 10, 10), s.owner());
        var refused = client.put(
                EVENTS + "/" + s.slug(),
                "{\"labelSchema\":{\"classes\":[{\"name\":\"cloud\",\"colour\":\"#ffffff\"}]}}",
                s.owner());
        assertThat(refused.status()).as(refused.body()).isEqualTo(409);
        assertThat(refused.json().path("detail").asText()).contains("street").contains("1 annotation");
        var renamedColour = client.put(
                EVENTS + "/" + s.slug(),
                "{\"labelSchema\":{\"classes\":[{\"name\":\"cloud\",\"colour\":\"#eeeeee\"},{\"name\":\"street\",\"colour\":\"#00ff00\"}]}}",
                s.owner());
        assertThat(renamedColour.status()).isEqualTo(200);
    }

    private long count(Setup s, String query) {
        return client.get(EVENTS + "/" + s.slug() + "/annotations" + query, s.owner())
                .json()
                .path("total")
                .asLong();
    }

    private RestClient.Response put(String url, String json, Auth who, String ifMatch) {
        return client.send(client.request(url, who)
                .header("Content-Type", "application/json")
                .header("If-Match", ifMatch)
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    private static String[] gdaltransform(Path file, int x, int y) {
        return Gdal.run(
                        "bash",
                        "-c",
                        "echo " + x + " " + y + " | gdaltransform " + file + " -t_srs EPSG:4326 -output_xy")
                .trim()
                .split("\\s+");
    }

    private static org.assertj.core.data.Offset<Double> within() {
        return org.assertj.core.data.Offset.offset(1e-7);
    }

    private static void field(RestClient.Response r, String field) {
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.json().path("field").asText()).as(r.body()).isEqualTo(field);
    }
}
