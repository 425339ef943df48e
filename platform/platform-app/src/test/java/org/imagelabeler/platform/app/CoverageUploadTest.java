package org.imagelabeler.platform.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.imagelabeler.platform.raster.Gdal;
import org.imagelabeler.platform.testing.RestClient;
import org.imagelabeler.platform.testing.RestClient.Auth;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * GeoTIFF upload as a user does it: PUT (or a multipart form) to GeoServer's path, follow the
 * ingest job, see the layer in WMS. Bad files get a 400 that names the problem, and leave no
 * store, layer or file behind.
 */
class CoverageUploadTest extends ServerTestBase {

    private static final String WS = "uploads";

    @TempDir
    Path files;

    @BeforeEach
    void workspace() {
        client.post("/rest/workspaces", "{\"workspace\":{\"name\":\"" + WS + "\"}}", admin);
    }

    private RestClient.Response put(String store, Path file, Auth auth) throws IOException {
        return uploadGeoTiff(WS, store, file, auth);
    }

    /**
     * An upload refused before its body is read (rights, path). The body is a few bytes: the
     * server answers without reading it and may close the connection, and the JDK's client
     * (unlike curl) cannot read an answer that arrives while it is still sending a large body.
     */
    private RestClient.Response refusedUpload(String path, Auth auth) {
        return client.send(client.request(path, auth)
                .header("Content-Type", "image/tiff")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(new byte[] {'I', 'I', 42, 0})));
    }

    @Test
    void stripedUploadIsIngestedWithAServedCopyAndMatchesGdalwarp() throws Exception {
        Path tif =
                Gdal.geotiff(files, "scene.tif", "-outsize", "1800", "1800", "-r", "bilinear", "-co", "COMPRESS=LZW");
        JsonNode job = awaitIngest(put("scene", tif, admin));
        JsonNode result = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(job.path("result").asText());
        assertThat(result.path("servedCopy").asBoolean()).isTrue();
        assertThat(result.path("layer").asText()).isEqualTo(WS + ":scene");
        assertThat(result.path("overviews").asInt()).isEqualTo(3);

        JsonNode layer =
                client.get("/rest/layers/" + WS + ":scene", admin).json().path("layer");
        assertThat(layer.path("nativeCrs").asText()).isEqualTo("EPSG:4326");
        assertThat(layer.at("/latLonBoundingBox/minX").asDouble()).isEqualTo(5.0);
        assertThat(layer.at("/metadata/stats.band_2.max").asDouble()).isGreaterThan(200);
        JsonNode store = client.get("/rest/workspaces/" + WS + "/coveragestores/scene", admin)
                .json();
        assertThat(store.at("/coverageStore/url").asText()).endsWith("-served.tif");
        try (Stream<Path> kept = Files.list(dataDir.resolve("coverages/" + WS + "/scene"))) {
            assertThat(kept.map(p -> p.getFileName().toString())).hasSize(2).noneMatch(n -> n.startsWith("."));
        }

        assertThat(client.get("/wms?SERVICE=WMS&REQUEST=GetCapabilities", Auth.none())
                        .body())
                .contains("<Name>" + WS + ":scene</Name>")
                .contains("<Name>band_2</Name>");
        BufferedImage ours = getMap(WS + ":scene", "EPSG:3857", "1000000,5500000,1200000,5700000", 256);
        Path reference = files.resolve("reference.tif");
        Gdal.warpBilinear(tif.toString(), reference.toString(), "EPSG:3857", 1000000, 5500000, 1200000, 5700000, 256);
        assertThat(WmsTestSupport.meanAbsoluteDifference(
                        ours, ImageIO.read(reference.toFile()).getRaster()))
                .isLessThanOrEqualTo(2);
    }

    @Test
    void tiledUploadWithOverviewsIsServedAsItCameThroughAMultipartForm() throws Exception {
        Path tif = Gdal.geotiff(
                files, "ortho.tif", "-outsize", "1024", "1024", "-co", "COMPRESS=DEFLATE", "-co", "TILED=YES");
        Gdal.run("gdaladdo", "-q", "-r", "average", tif.toString(), "2", "4");
        String boundary = "----labeler" + UUID.randomUUID();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"ortho.tif\"\r\n"
                        + "Content-Type: image/tiff\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        var accepted =
                client.send(client.request("/rest/workspaces/" + WS + "/coveragestores/ortho/file.geotiff", admin)
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .POST(HttpRequest.BodyPublishers.concat(
                                HttpRequest.BodyPublishers.ofByteArray(head),
                                HttpRequest.BodyPublishers.ofFile(tif),
                                HttpRequest.BodyPublishers.ofByteArray(tail))));
        JsonNode result = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(awaitIngest(accepted).path("result").asText());
        assertThat(result.path("servedCopy").asBoolean()).isFalse();
        assertThat(getMap(WS + ":ortho", "CRS:84", "9,44,11,46", 64).getRGB(32, 32) >>> 24)
                .isEqualTo(255);
    }

    @Test
    void jpegUtmAndSixteenBitUploadsAreServed() throws Exception {
        Path jpeg = Gdal.geotiff(files, "jpeg.tif", "-co", "COMPRESS=JPEG", "-co", "TILED=YES");
        awaitIngest(put("jpeg", jpeg, admin));
        assertThat(getMap(WS + ":jpeg", "CRS:84", "9,44,11,46", 32).getRGB(16, 16) >>> 24)
                .isEqualTo(255);

        Path src = Gdal.geotiff(files, "src.tif", "-outsize", "1024", "1024");
        Path utm = files.resolve("utm.tif");
        Gdal.run("gdalwarp", "-q", "-t_srs", "EPSG:32632", "-co", "COMPRESS=DEFLATE", src.toString(), utm.toString());
        awaitIngest(put("utm", utm, admin));
        assertThat(client.get("/rest/layers/" + WS + ":utm", admin)
                        .json()
                        .at("/layer/nativeCrs")
                        .asText())
                .isEqualTo("EPSG:32632");
        // the layer's native CRS is offered too: a map in UTM metres
        assertThat(getMap(WS + ":utm", "EPSG:32632", "600000,4900000,700000,5000000", 32)
                                .getRGB(16, 16)
                        >>> 24)
                .isEqualTo(255);
        BufferedImage ours = getMap(WS + ":utm", "EPSG:3857", "1000000,5500000,1200000,5700000", 128);
        Path reference = files.resolve("utm-reference.tif");
        Gdal.warpBilinear(utm.toString(), reference.toString(), "EPSG:3857", 1000000, 5500000, 1200000, 5700000, 128);
        assertThat(WmsTestSupport.meanAbsoluteDifference(
                        ours, ImageIO.read(reference.toFile()).getRaster()))
                .isLessThanOrEqualTo(2);

        Path u16 = Gdal.geotiff(files, "u16.tif", "-b", "1", "-ot", "UInt16", "-scale", "0", "255", "0", "60000");
        awaitIngest(put("dem", u16, admin));
        assertThat(client.get("/rest/layers/" + WS + ":dem", admin)
                        .json()
                        .at("/layer/metadata/sampleType")
                        .asText())
                .isEqualTo("UINT16");
    }

    @Test
    void badFilesAreRefusedWithTheReasonAndLeaveNothing() throws Exception {
        Path png = Gdal.picture(files);
        var notTiff = put("badpng", png, admin);
        assertThat(notTiff.status()).isEqualTo(400);
        assertThat(notTiff.contentType()).startsWith("application/problem+json");
        assertThat(notTiff.json().path("field").asText()).isEqualTo("file");
        assertThat(notTiff.json().path("problem").asText()).isEqualTo("NOT_TIFF");

        Path zstd = Gdal.geotiff(files, "zstd.tif", "-co", "COMPRESS=ZSTD");
        var compression = put("badzstd", zstd, admin);
        assertThat(compression.status()).isEqualTo(400);
        assertThat(compression.json().path("problem").asText()).isEqualTo("UNSUPPORTED_COMPRESSION");
        assertThat(compression.json().path("detail").asText()).contains("gdal_translate -co COMPRESS=DEFLATE");

        Path plain = Gdal.geotiff(files, "plain.tif", "-co", "PROFILE=BASELINE");
        Files.deleteIfExists(files.resolve("plain.tif.aux.xml"));
        assertThat(put("badgeo", plain, admin).json().path("problem").asText()).isEqualTo("NO_GEOREFERENCING");

        var wrongExtension = refusedUpload("/rest/workspaces/" + WS + "/coveragestores/x/file.shp", admin);
        assertThat(wrongExtension.status()).isEqualTo(400);

        for (String store : new String[] {"badpng", "badzstd", "badgeo"}) {
            assertThat(client.get("/rest/workspaces/" + WS + "/coveragestores/" + store, admin)
                            .status())
                    .isEqualTo(404);
            assertThat(client.get("/rest/layers/" + WS + ":" + store, admin).status())
                    .isEqualTo(404);
            Path dir = dataDir.resolve("coverages/" + WS + "/" + store);
            if (Files.isDirectory(dir)) {
                try (Stream<Path> left = Files.list(dir)) {
                    assertThat(left).as("files left in " + dir).isEmpty();
                }
            }
        }
    }

    @Test
    void reUploadReplacesTheDataAndItsFiles() throws Exception {
        Path first = Gdal.geotiff(files, "first.tif", "-co", "COMPRESS=DEFLATE", "-co", "TILED=YES");
        awaitIngest(put("replaced", first, admin));
        int before = getMap(WS + ":replaced", "CRS:84", "9,44,11,46", 16).getRGB(8, 8);

        Path second = files.resolve("second.tif");
        Gdal.run(
                "gdal_translate",
                "-q",
                "-scale",
                "0",
                "255",
                "255",
                "0",
                "-co",
                "COMPRESS=DEFLATE",
                "-co",
                "TILED=YES",
                first.toString(),
                second.toString());
        awaitIngest(put("replaced", second, admin));
        int after = getMap(WS + ":replaced", "CRS:84", "9,44,11,46", 16).getRGB(8, 8);

        assertThat(after & 0xFF).isEqualTo(255 - (before & 0xFF));
        try (Stream<Path> kept = Files.list(dataDir.resolve("coverages/" + WS + "/replaced"))) {
            assertThat(kept).hasSize(1); // the second original, served as it is; the first is gone
        }
    }

    @Test
    void onlyWorkspaceAdministratorsUpload() throws Exception {
        createUser("uploader", "uploader-password", "USER");
        var refused = refusedUpload(
                "/rest/workspaces/" + WS + "/coveragestores/byuser/file.geotiff",
                Auth.basic("uploader", "uploader-password"));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(dataDir.resolve("coverages/" + WS + "/byuser")).doesNotExist();
        assertThat(refusedUpload("/rest/workspaces/" + WS + "/coveragestores/anon/file.geotiff", Auth.none())
                        .status())
                .isEqualTo(401);
        var elsewhere = refusedUpload("/rest/workspaces/nowhere/coveragestores/s/file.geotiff", admin);
        assertThat(elsewhere.status()).isEqualTo(404);
    }
}
