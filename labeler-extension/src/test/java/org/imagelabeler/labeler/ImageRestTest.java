package org.imagelabeler.labeler;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.UUID;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.imagelabeler.platform.raster.Gdal;
import org.imagelabeler.platform.testing.RestClient;
import org.imagelabeler.platform.testing.RestClient.Auth;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Images of an event over {@code /rest/labeler/events/{slug}/images}: uploads of each kind with
 * their size, checksum, georeference and thumbnails; malformed uploads leaving nothing behind;
 * access by role; status, tags and assignment with optimistic versions.
 */
class ImageRestTest extends LabelerServerTestBase {

    private static final String EVENTS = "/rest/labeler/events";

    @TempDir
    Path files;

    private String event(Auth owner, String visibility) {
        String slug = "img-" + UUID.randomUUID().toString().substring(0, 8);
        var r = client.post(
                EVENTS,
                "{\"slug\":\"" + slug + "\",\"title\":\"Dust storm\",\"visibility\":\"" + visibility + "\"}",
                owner);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return slug;
    }

    private RestClient.Response upload(String slug, Path file, Auth who) throws IOException {
        return client.send(client.request(EVENTS + "/" + slug + "/images?name=" + file.getFileName(), who)
                .header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofFile(file)));
    }

    private RestClient.Response uploadForm(String slug, Path file, String type, Auth who) throws IOException {
        String boundary = "----labeler" + UUID.randomUUID();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                        + file.getFileName() + "\"\r\nContent-Type: " + type + "\r\n\r\n")
                .getBytes();
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes();
        byte[] body = concat(head, Files.readAllBytes(file), tail);
        return client.send(client.request(EVENTS + "/" + slug + "/images", who)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    @Test
    void pngJpegAndGeoTiffUploadsKeepTheirFilesAndGetThumbnails() throws Exception {
        Auth owner = user("img-owner");
        String slug = event(owner, "private");
        Path png = Gdal.picture(files);

        var pngUpload = upload(slug, png, owner);
        assertThat(pngUpload.status()).as(pngUpload.body()).isEqualTo(201);
        JsonNode p = pngUpload.json();
        assertThat(p.path("mediaType").asText()).isEqualTo("image/png");
        assertThat(p.path("width").asInt()).isEqualTo(512);
        assertThat(p.path("height").asInt()).isEqualTo(512);
        assertThat(p.path("status").asText()).isEqualTo("unlabeled");
        assertThat(p.path("sha256").asText()).isEqualTo(sha256(Files.readAllBytes(png)));
        assertThat(p.path("source").path("kind").asText()).isEqualTo("upload");
        assertThat(p.has("crs")).isFalse();
        String self = p.path("links").path("self").asText();
        String path = self.substring(self.indexOf("/rest/"));
        assertThat(client.get(path + "/file", owner).bytes()).isEqualTo(Files.readAllBytes(png));
        BufferedImage thumb = ImageIO.read(
                new ByteArrayInputStream(client.get(path + "/thumbnail", owner).bytes()));
        assertThat(thumb.getWidth()).isEqualTo(256);
        assertThat(thumb.getHeight()).isEqualTo(256);

        Path jpeg = files.resolve("scene.jpg");
        Gdal.run("gdal_translate", "-q", "-of", "JPEG", png.toString(), jpeg.toString());
        var jpegUpload = uploadForm(slug, jpeg, "image/jpeg", owner);
        assertThat(jpegUpload.status()).as(jpegUpload.body()).isEqualTo(201);
        assertThat(jpegUpload.json().path("mediaType").asText()).isEqualTo("image/jpeg");
        assertThat(jpegUpload.json().path("name").asText()).isEqualTo("scene.jpg");

        Path tif = Gdal.geotiff(
                files, "utm.tif", "-a_srs", "EPSG:32632", "-a_ullr", "500000", "5000000", "510000", "4990000");
        var tifUpload = upload(slug, tif, owner);
        assertThat(tifUpload.status()).as(tifUpload.body()).isEqualTo(201);
        JsonNode t = tifUpload.json();
        assertThat(t.path("crs").asText()).isEqualTo("EPSG:32632");
        // GDAL's geotransform of the same file
        String info = Gdal.run("gdalinfo", tif.toString());
        assertThat(info).contains("Origin = (500000.000000000000000,5000000.000000000000000)");
        assertThat(t.path("transform").get(0).asDouble()).isEqualTo(500000.0);
        assertThat(t.path("transform").get(1).asDouble()).isEqualTo(10000.0 / 512);
        assertThat(t.path("transform").get(3).asDouble()).isEqualTo(5000000.0);
        assertThat(t.path("transform").get(5).asDouble()).isEqualTo(-10000.0 / 512);
        // the footprint covers the corners GDAL finds in EPSG:4326
        JsonNode gdal = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(Gdal.run("gdalinfo", "-json", tif.toString()))
                .path("wgs84Extent")
                .path("coordinates")
                .get(0);
        var footprint = new org.locationtech.jts.io.WKTReader()
                .read(t.path("footprint").asText())
                .getEnvelopeInternal();
        for (JsonNode corner : gdal) {
            assertThat(corner.get(0).asDouble()).isBetween(footprint.getMinX() - 1e-6, footprint.getMaxX() + 1e-6);
            assertThat(corner.get(1).asDouble()).isBetween(footprint.getMinY() - 1e-6, footprint.getMaxY() + 1e-6);
        }
        assertThat(footprint.getWidth()).isCloseTo(0.1272, org.assertj.core.data.Offset.offset(0.001));
        String tpath = t.path("links").path("self").asText();
        tpath = tpath.substring(tpath.indexOf("/rest/"));
        var display = client.get(tpath + "/display", owner);
        assertThat(display.contentType()).isEqualTo("image/png");
        assertThat(ImageIO.read(new ByteArrayInputStream(display.bytes())).getWidth())
                .isEqualTo(512);

        JsonNode list = client.get(EVENTS + "/" + slug + "/images", owner).json();
        assertThat(list.path("total").asLong()).isEqualTo(3);
        JsonNode log = client.get(EVENTS + "/" + slug + "/audit", owner).json();
        assertThat(log.path("items").findValuesAsText("targetType")).contains("image");
    }

    @Test
    void malformedUploadsAreRefusedAndLeaveNothingBehind() throws Exception {
        Auth owner = user("img-owner");
        String slug = event(owner, "private");
        Path png = Gdal.picture(files);
        byte[] whole = Files.readAllBytes(png);
        Path truncated = Files.write(files.resolve("truncated.png"), java.util.Arrays.copyOf(whole, whole.length / 2));
        Path plainTiff = files.resolve("plain.tif");
        Gdal.run("gdal_translate", "-q", "-of", "GTiff", png.toString(), plainTiff.toString());
        Path empty = Files.write(files.resolve("empty.png"), new byte[0]);
        Path text = Files.writeString(files.resolve("notes.png"), "this is not an image");

        for (Path bad : new Path[] {truncated, plainTiff, empty, text}) {
            var r = upload(slug, bad, owner);
            assertThat(r.status()).as(bad + ": " + r.body()).isEqualTo(400);
            assertThat(r.json().path("field").asText()).isEqualTo("file");
        }
        assertThat(upload(slug, truncated, owner).json().path("detail").asText())
                .contains("truncated or corrupt");
        assertThat(upload(slug, plainTiff, owner).json().path("problem").asText())
                .isEqualTo("NO_GEOREFERENCING");
        assertThat(upload(slug, empty, owner).json().path("detail").asText()).contains("empty");

        assertThat(client.get(EVENTS + "/" + slug + "/images", owner)
                        .json()
                        .path("total")
                        .asLong())
                .isZero();
        Path blobs = dataDir.resolve("blobs/labeler/images");
        if (Files.exists(blobs)) {
            try (Stream<Path> all = Files.walk(blobs)) {
                assertThat(all.filter(Files::isRegularFile)
                                .filter(f -> f.toString().contains(eventId(slug, owner))))
                        .isEmpty();
            }
        }
    }

    @Test
    void accessToImagesFollowsTheEvent() throws Exception {
        Auth owner = user("img-owner");
        Auth viewer = user("img-viewer");
        Auth outsider = user("img-outsider");
        String privateEvent = event(owner, "private");
        client.put(EVENTS + "/" + privateEvent + "/members/img-viewer", "{\"role\":\"viewer\"}", owner);
        Path png = Gdal.picture(files);
        // refused uploads send a small body: JDK 17's client cannot read an answer that arrives
        // while it is still sending a large one
        Path tiny = tinyPng();
        assertThat(upload(privateEvent, tiny, viewer).status()).isEqualTo(403);
        assertThat(upload(privateEvent, tiny, outsider).status()).isEqualTo(404);
        String path = link(upload(privateEvent, png, owner).json());
        assertThat(client.get(path + "/thumbnail", viewer).status()).isEqualTo(200);
        assertThat(client.get(path + "/thumbnail", outsider).status()).isEqualTo(404);
        assertThat(client.get(path + "/file", Auth.none()).status()).isEqualTo(404);

        String publicEvent = event(owner, "public");
        String open = link(upload(publicEvent, png, owner).json());
        assertThat(client.get(open + "/thumbnail", Auth.none()).status()).isEqualTo(200);
        assertThat(upload(publicEvent, tiny, Auth.none()).status()).isEqualTo(401);
    }

    @Test
    void statusTagsAndAssignmentFollowRolesAndVersions() throws Exception {
        Auth owner = user("img-owner");
        Auth labeler = user("img-labeler");
        Auth reviewer = user("img-reviewer");
        String slug = event(owner, "private");
        client.put(EVENTS + "/" + slug + "/members/img-labeler", "{\"role\":\"labeler\"}", owner);
        client.put(EVENTS + "/" + slug + "/members/img-reviewer", "{\"role\":\"reviewer\"}", owner);
        String path = link(upload(slug, Gdal.picture(files), owner).json());

        var assigned = patch(path, "{\"assignee\":\"img-labeler\"}", owner, null);
        assertThat(assigned.status()).as(assigned.body()).isEqualTo(200);
        assertThat(patch(path, "{\"assignee\":\"img-outsider\"}", owner, null)
                        .json()
                        .path("field")
                        .asText())
                .isEqualTo("assignee");
        assertThat(patch(path, "{\"assignee\":\"img-reviewer\"}", labeler, null).status())
                .isEqualTo(403);

        var labeled = patch(path, "{\"status\":\"labeled\",\"tags\":[\"present\"]}", labeler, "\"2\"");
        assertThat(labeled.status()).as(labeled.body()).isEqualTo(200);
        assertThat(labeled.header("ETag")).isEqualTo("\"3\"");
        var stale = patch(path, "{\"tags\":[\"not_present\"]}", owner, "\"2\"");
        assertThat(stale.status()).isEqualTo(412);
        assertThat(stale.json().path("currentVersion").asInt()).isEqualTo(3);
        assertThat(patch(path, "{\"tags\":[\"maybe\"]}", labeler, null)
                        .json()
                        .path("field")
                        .asText())
                .isEqualTo("tags[0]");
        assertThat(patch(path, "{\"status\":\"accepted\"}", labeler, null).status())
                .isEqualTo(403);
        assertThat(patch(path, "{\"status\":\"accepted\"}", reviewer, null).status())
                .isEqualTo(200);

        String images = EVENTS + "/" + slug + "/images";
        assertThat(client.get(images + "?status=accepted", owner)
                        .json()
                        .path("total")
                        .asLong())
                .isEqualTo(1);
        assertThat(client.get(images + "?status=unlabeled", owner)
                        .json()
                        .path("total")
                        .asLong())
                .isZero();
        assertThat(client.get(images + "?tag=present", owner)
                        .json()
                        .path("total")
                        .asLong())
                .isEqualTo(1);
        assertThat(client.get(images + "?assignee=img-labeler", owner)
                        .json()
                        .path("total")
                        .asLong())
                .isEqualTo(1);
        link(upload(slug, tinyPng(), owner).json());
        assertThat(names(client.get(images + "?assigned=true", owner))).containsExactly("picture.png");
        assertThat(names(client.get(images + "?assigned=false", owner))).containsExactly("tiny.png");
        assertThat(client.get(images + "?assigned=maybe", owner)
                        .json()
                        .path("field")
                        .asText())
                .isEqualTo("assigned");
        assertThat(client.delete(path, labeler).status()).isEqualTo(403);
        assertThat(client.delete(path, owner).status()).isEqualTo(204);
        assertThat(client.get(path, owner).status()).isEqualTo(404);
    }

    @Test
    void countsPerStatusFollowTheWorkflowAndTheEventsAccess() throws Exception {
        Auth owner = user("img-owner");
        Auth reviewer = user("img-reviewer");
        Auth outsider = user("img-outsider");
        String slug = event(owner, "private");
        client.put(EVENTS + "/" + slug + "/members/img-reviewer", "{\"role\":\"reviewer\"}", owner);
        String counts = EVENTS + "/" + slug + "/images/counts";

        JsonNode empty = client.get(counts, owner).json();
        assertThat(empty.path("total").asLong()).isZero();
        assertThat(empty.path("status").path("unlabeled").asLong()).isZero();
        assertThat(empty.path("status").path("accepted").asLong()).isZero();

        Path png = tinyPng();
        String first = link(upload(slug, png, owner).json());
        link(upload(slug, png, owner).json());
        link(upload(slug, png, owner).json());
        assertThat(patch(first, "{\"status\":\"labeled\"}", owner, null).status())
                .isEqualTo(200);
        assertThat(patch(first, "{\"status\":\"accepted\"}", reviewer, null).status())
                .isEqualTo(200);

        var answer = client.get(counts, reviewer);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        JsonNode c = answer.json();
        assertThat(c.path("total").asLong()).isEqualTo(3);
        assertThat(c.path("status").path("unlabeled").asLong()).isEqualTo(2);
        assertThat(c.path("status").path("accepted").asLong()).isEqualTo(1);
        assertThat(c.path("status").path("labeled").asLong()).isZero();
        assertThat(c.path("status").path("in_progress").asLong()).isZero();
        assertThat(c.path("status").path("rejected").asLong()).isZero();
        // outside the team of a private event, its counts are as hidden as the event
        assertThat(client.get(counts, outsider).status()).isEqualTo(404);
    }

    @Test
    void imageListsFilterByAcquisitionTime() throws Exception {
        Auth owner = user("img-owner");
        String slug = event(owner, "private");
        String images = EVENTS + "/" + slug + "/images";
        Path png = tinyPng();
        var june = client.send(client.request(images + "?name=june.png&acquired=2024-06-01", owner)
                .header("Content-Type", "image/png")
                .POST(HttpRequest.BodyPublishers.ofFile(png)));
        assertThat(june.status()).as(june.body()).isEqualTo(201);
        assertThat(june.json().path("acquired").asText()).isEqualTo("2024-06-01T00:00:00Z");
        var july = client.send(client.request(images + "?name=july.png&acquired=2024-07-15T10:30:00Z", owner)
                .header("Content-Type", "image/png")
                .POST(HttpRequest.BodyPublishers.ofFile(png)));
        assertThat(july.status()).as(july.body()).isEqualTo(201);
        assertThat(upload(slug, png, owner).json().has("acquired")).isFalse();

        assertThat(names(client.get(images + "?time=2024-06-01", owner))).containsExactly("june.png");
        assertThat(names(client.get(images + "?time=2024-07-15", owner))).containsExactly("july.png");
        assertThat(names(client.get(images + "?time=2024-07-15T10:30:00Z", owner)))
                .containsExactly("july.png");
        assertThat(names(client.get(images + "?time=2024-06-01/..", owner))).containsExactly("june.png", "july.png");
        assertThat(names(client.get(images + "?time=../2024-07-14", owner))).containsExactly("june.png");
        assertThat(names(client.get(images + "?time=2024-06-02/2024-07-15T10:29:59Z", owner)))
                .isEmpty();
        assertThat(client.get(images, owner).json().path("total").asLong()).isEqualTo(3);

        for (String bad : new String[] {"june", "2024-07-15/2024-06-01", "../..", "2024-13-01"}) {
            var r = client.get(images + "?time=" + bad, owner);
            assertThat(r.status()).as(bad).isEqualTo(400);
            assertThat(r.json().path("field").asText()).isEqualTo("time");
        }
        var badUpload = client.send(client.request(images + "?acquired=yesterday", owner)
                .header("Content-Type", "image/png")
                .POST(HttpRequest.BodyPublishers.ofFile(png)));
        assertThat(badUpload.status()).isEqualTo(400);
        assertThat(badUpload.json().path("field").asText()).isEqualTo("acquired");
        assertThat(client.get(images, owner).json().path("total").asLong()).isEqualTo(3);
    }

    private static java.util.List<String> names(RestClient.Response list) {
        assertThat(list.status()).as(list.body()).isEqualTo(200);
        var names = new java.util.ArrayList<String>();
        list.json().path("items").forEach(i -> names.add(i.path("name").asText()));
        return names;
    }

    private Path tinyPng() throws IOException {
        Path tiny = files.resolve("tiny.png");
        ImageIO.write(new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB), "png", tiny.toFile());
        return tiny;
    }

    private RestClient.Response patch(String path, String json, Auth who, String ifMatch) {
        var request = client.request(path, who)
                .header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(json));
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return client.send(request);
    }

    private String eventId(String slug, Auth owner) {
        // the event's id is not in the API; its files are the only ones named after it
        return client.get(EVENTS + "/" + slug + "/audit", owner)
                .json()
                .path("items")
                .get(0)
                .path("eventId")
                .asText();
    }

    private static String link(JsonNode image) {
        String self = image.path("links").path("self").asText();
        return self.substring(self.indexOf("/rest/"));
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    private static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] out = new byte[n];
        int o = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, o, p.length);
            o += p.length;
        }
        return out;
    }
}
