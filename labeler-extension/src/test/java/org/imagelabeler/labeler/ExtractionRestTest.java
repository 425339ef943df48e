package org.imagelabeler.labeler;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.awaitility.Awaitility;
import org.imagelabeler.platform.raster.Gdal;
import org.imagelabeler.platform.testing.RestClient;
import org.imagelabeler.platform.testing.RestClient.Auth;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Extraction of image chips from a map layer: an uploaded coverage drawn over an area at a size
 * or a resolution, stored as a georeferenced GeoTIFF whose pixels match gdalwarp's, with its
 * provenance; refusals name the field.
 */
class ExtractionRestTest extends LabelerServerTestBase {

    private static final String EVENTS = "/rest/labeler/events";

    @TempDir
    Path files;

    @Test
    void aChipFromAnUploadedCoverageMatchesGdalwarpAndKeepsItsProvenance() throws Exception {
        Auth owner = user("ext-owner");
        String slug = event(owner);
        Path source = Gdal.geotiff(
                files, "scene.tif", "-outsize", "1024", "1024", "-r", "bilinear", "-co", "COMPRESS=DEFLATE");
        publish(source, "extws", "scene");

        var accepted = client.post(
                EVENTS + "/" + slug + "/extractions",
                "{\"layer\":\"extws:scene\",\"bbox\":[6,41,14,49],\"width\":256,\"height\":256}",
                owner);
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        JsonNode job = await(accepted.header("Location"));
        String imageId = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(job.path("result").asText())
                .path("image")
                .asText();
        JsonNode image =
                client.get(EVENTS + "/" + slug + "/images/" + imageId, owner).json();
        assertThat(image.path("mediaType").asText()).isEqualTo("image/tiff");
        assertThat(image.path("crs").asText()).isEqualTo("EPSG:4326");
        assertThat(image.path("width").asInt()).isEqualTo(256);
        assertThat(image.path("transform").get(0).asDouble()).isEqualTo(6.0);
        assertThat(image.path("transform").get(1).asDouble()).isEqualTo(8.0 / 256);
        assertThat(image.path("transform").get(3).asDouble()).isEqualTo(49.0);
        JsonNode provenance = image.path("source");
        assertThat(provenance.path("kind").asText()).isEqualTo("extraction");
        assertThat(provenance.path("layer").asText()).isEqualTo("extws:scene");
        assertThat(provenance.path("bbox").toString()).isEqualTo("[6.0,41.0,14.0,49.0]");
        assertThat(provenance.path("crs").asText()).isEqualTo("EPSG:4326");

        // the stored GeoTIFF, read by GDAL, against gdalwarp of the source over the same grid
        Path chip = files.resolve("chip.tif");
        Files.write(
                chip,
                client.get(EVENTS + "/" + slug + "/images/" + imageId + "/file", owner)
                        .bytes());
        assertThat(Gdal.run("gdalinfo", chip.toString()))
                .contains("Size is 256, 256")
                .contains("Origin = (6.000000000000000,49.000000000000000)")
                .contains("ID[\"EPSG\",4326]");
        Path ours = files.resolve("ours.png");
        Gdal.run("gdal_translate", "-q", "-of", "PNG", chip.toString(), ours.toString());
        Path reference = files.resolve("reference.tif");
        Gdal.warpBilinear(source.toString(), reference.toString(), null, 6, 41, 14, 49, 256);
        assertThat(meanAbsoluteDifference(
                        ImageIO.read(ours.toFile()),
                        ImageIO.read(reference.toFile()).getRaster()))
                .isLessThanOrEqualTo(2);
    }

    @Test
    void aResolutionGivesTheSizeAndRefusalsNameTheField() throws Exception {
        Auth owner = user("ext-owner");
        String slug = event(owner);
        publish(Gdal.geotiff(files, "small.tif", "-co", "COMPRESS=DEFLATE"), "extws2", "small");
        String url = EVENTS + "/" + slug + "/extractions";
        // 1 degree of latitude at 10 km per pixel: 11 rows; longitude shrinks by cos(45.5)
        var byResolution = client.post(
                url, "{\"layer\":\"extws2:small\",\"bbox\":[9,45,10,46],\"resolution\":10,\"unit\":\"km\"}", owner);
        assertThat(byResolution.status()).as(byResolution.body()).isEqualTo(202);
        assertThat(byResolution.json().path("height").asInt()).isEqualTo(11);
        assertThat(byResolution.json().path("width").asInt()).isEqualTo(8);
        await(byResolution.header("Location"));

        field(
                client.post(
                        url, "{\"layer\":\"extws2:nosuch\",\"bbox\":[9,45,10,46],\"width\":10,\"height\":10}", owner),
                "layer");
        field(
                client.post(
                        url, "{\"layer\":\"extws2:small\",\"bbox\":[10,45,9,46],\"width\":10,\"height\":10}", owner),
                "bbox");
        field(
                client.post(
                        url,
                        "{\"layer\":\"extws2:small\",\"bbox\":[9,45,10,46],\"resolution\":1,\"unit\":\"mile\"}",
                        owner),
                "unit");
        field(
                client.post(
                        url,
                        "{\"layer\":\"extws2:small\",\"bbox\":[-180,-90,180,90],\"resolution\":1,\"unit\":\"m\"}",
                        owner),
                "resolution");
        field(client.post(url, "{\"layer\":\"extws2:small\",\"bbox\":[9,45,10,46]}", owner), "resolution");
        field(
                client.post(
                        url,
                        "{\"layer\":\"extws2:small\",\"bbox\":[9,45,10,46],\"width\":10,\"height\":10,\"time\":\"yesterday\"}",
                        owner),
                "time");
        Auth viewer = user("ext-viewer");
        client.put(EVENTS + "/" + slug + "/members/ext-viewer", "{\"role\":\"viewer\"}", owner);
        assertThat(client.post(
                                url,
                                "{\"layer\":\"extws2:small\",\"bbox\":[9,45,10,46],\"width\":10,\"height\":10}",
                                viewer)
                        .status())
                .isEqualTo(403);
    }

    private String event(Auth owner) {
        String slug = "ext-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(client.post(EVENTS, "{\"slug\":\"" + slug + "\",\"title\":\"Extraction\"}", owner)
                        .status())
                .isEqualTo(201);
        return slug;
    }

    /** Publishes a coverage as the platform's upload does: PUT, then its ingest job. */
    private void publish(Path file, String ws, String store) {
        client.post("/rest/workspaces", "{\"workspace\":{\"name\":\"" + ws + "\"}}", admin);
        var put = client.send(
                client.request("/rest/workspaces/" + ws + "/coveragestores/" + store + "/file.geotiff", admin)
                        .header("Content-Type", "image/tiff")
                        .PUT(ofFile(file)));
        assertThat(put.status()).as(put.body()).isEqualTo(202);
        await(put.header("Location"));
    }

    private JsonNode await(String location) {
        String path = location.substring(location.indexOf("/rest/"));
        Awaitility.await()
                .atMost(Duration.ofMinutes(1))
                .until(
                        () -> client.get(path, admin).json().path("state").asText(),
                        s -> !s.equals("QUEUED") && !s.equals("RUNNING"));
        JsonNode job = client.get(path, admin).json();
        assertThat(job.path("state").asText()).as(job.toString()).isEqualTo("SUCCEEDED");
        return job;
    }

    private static HttpRequest.BodyPublisher ofFile(Path file) {
        try {
            return HttpRequest.BodyPublishers.ofFile(file);
        } catch (java.io.FileNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void field(RestClient.Response r, String field) {
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.json().path("field").asText()).as(r.body()).isEqualTo(field);
    }

    private static double meanAbsoluteDifference(BufferedImage ours, Raster expected) {
        long sum = 0;
        long n = 0;
        for (int y = 0; y < ours.getHeight(); y++) {
            for (int x = 0; x < ours.getWidth(); x++) {
                int rgb = ours.getRGB(x, y);
                for (int b = 0; b < 3; b++) {
                    int v = (rgb >> (16 - 8 * b)) & 0xFF;
                    sum += Math.abs(v - expected.getSample(x, y, b));
                    n++;
                }
            }
        }
        return sum / (double) n;
    }
}
