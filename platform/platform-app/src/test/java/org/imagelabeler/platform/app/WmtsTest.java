package org.imagelabeler.platform.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathFactory;
import org.imagelabeler.platform.raster.Gdal;
import org.imagelabeler.platform.testing.OgcSchemas;
import org.imagelabeler.platform.testing.RestClient.Auth;
import org.imagelabeler.platform.tiles.grid.TileMatrix;
import org.imagelabeler.platform.tiles.grid.WellKnownTileMatrixSets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/**
 * WMTS 1.0.0 over an uploaded GeoTIFF: capabilities valid against the official schema, tiles by
 * KVP and REST from the cache (rendered once per meta-tile), HTTP caching, exceptions, seeding
 * and truncation, and GDAL's WMTS driver as a real client.
 */
class WmtsTest extends ServerTestBase {

    private static final String WS = "wmtstest";
    private static final String LAYER = WS + ":rgb";
    private static final String PNG = "image/png";

    private static boolean published;
    private static String layerId;

    @BeforeEach
    void publish() throws IOException {
        if (published) {
            return;
        }
        Path dir = Files.createDirectories(dataDir.resolve("uploads"));
        Path rgb =
                Gdal.geotiff(dir, "rgb.tif", "-outsize", "2048", "2048", "-r", "bilinear", "-co", "COMPRESS=DEFLATE");
        client.post("/rest/workspaces", "{\"workspace\":{\"name\":\"" + WS + "\"}}", admin);
        awaitIngest(uploadGeoTiff(WS, "rgb", rgb, admin));
        layerId = client.get("/rest/workspaces/" + WS + "/layers/rgb", admin)
                .json()
                .path("layer")
                .path("id")
                .asText();
        assertThat(layerId).isNotBlank();
        published = true;
    }

    // ---- capabilities --------------------------------------------------------------------------

    @Test
    void capabilitiesAreValidAgainstTheWmtsSchemaAndListTheLayer() throws Exception {
        var kvp = client.get("/wmts?SERVICE=WMTS&REQUEST=GetCapabilities", Auth.none());
        assertThat(kvp.status()).isEqualTo(200);
        OgcSchemas.validate(kvp.bytes(), "ogc/wmts/1.0/wmtsGetCapabilities_response.xsd");
        var rest = client.get("/wmts/1.0.0/WMTSCapabilities.xml", Auth.none());
        OgcSchemas.validate(rest.bytes(), "ogc/wmts/1.0/wmtsGetCapabilities_response.xsd");

        Document doc = parse(kvp.bytes());
        String layer = "//*[local-name()='Layer'][*[local-name()='Identifier']='" + LAYER + "']";
        assertThat(xpath(doc, "count(" + layer + "/*[local-name()='TileMatrixSetLink'])"))
                .isEqualTo("2");
        assertThat(xpath(doc, layer + "/*[local-name()='ResourceURL'][@format='image/png']/@template"))
                .isEqualTo(client.base() + "/wmts/rest/" + LAYER
                        + "/{Style}/{TileMatrixSet}/{TileMatrix}/{TileRow}/{TileCol}?format=image/png");
        assertThat(xpath(doc, layer + "/*[local-name()='WGS84BoundingBox']/*[local-name()='LowerCorner']"))
                .isEqualTo("5 40");
        // EPSG:4326 corners are latitude first, as WMTS 1.0.0 says
        String crs84 = "//*[local-name()='Contents']/*[local-name()='TileMatrixSet'][*[local-name()='Identifier']"
                + "='WorldCRS84Quad']/*[local-name()='TileMatrix'][1]";
        assertThat(xpath(doc, crs84 + "/*[local-name()='TopLeftCorner']")).isEqualTo("90 -180");
        assertThat(xpath(doc, crs84 + "/*[local-name()='MatrixWidth']")).isEqualTo("2");
        String mercator = "//*[local-name()='Contents']/*[local-name()='TileMatrixSet'][*[local-name()='Identifier']"
                + "='WebMercatorQuad']/*[local-name()='TileMatrix'][1]";
        assertThat(Double.parseDouble(xpath(doc, mercator + "/*[local-name()='ScaleDenominator']")))
                .isCloseTo(559082264.0287178, org.assertj.core.data.Offset.offset(1e-6));
    }

    @Test
    void layersHiddenByARuleAreUnknownToOthers() throws Exception {
        client.post("/rest/workspaces", "{\"workspace\":{\"name\":\"wmtssecret\"}}", admin);
        Path dir = Files.createDirectories(dataDir.resolve("uploads-secret"));
        Path file = Gdal.geotiff(dir, "s.tif", "-co", "COMPRESS=DEFLATE");
        awaitIngest(uploadGeoTiff("wmtssecret", "hidden", file, admin));
        client.post("/rest/security/acl/layers", "{\"wmtssecret.*.r\":\"ADMIN\"}", admin);

        assertThat(client.get("/wmts?SERVICE=WMTS&REQUEST=GetCapabilities", Auth.none())
                        .body())
                .doesNotContain("wmtssecret:hidden");
        assertThat(client.get("/wmts?SERVICE=WMTS&REQUEST=GetCapabilities", admin)
                        .body())
                .contains("wmtssecret:hidden");
        var hidden = client.get(tileUrl("wmtssecret:hidden", 7, 46, 67), Auth.none());
        var unknown = client.get(tileUrl("wmtssecret:nosuchlayer", 7, 46, 67), Auth.none());
        assertThat(hidden.status()).isEqualTo(unknown.status()).isEqualTo(400);
        assertThat(hidden.body())
                .contains("exceptionCode=\"InvalidParameterValue\"")
                .contains("locator=\"LAYER\"");
        assertThat(client.get(tileUrl("wmtssecret:hidden", 7, 46, 67), admin).contentType())
                .isEqualTo(PNG);
    }

    // ---- tiles ---------------------------------------------------------------------------------

    @Test
    void tileEqualsTheWmsMapOfItsBounds() throws Exception {
        var tile = client.get(kvpTile(LAYER, 7, 46, 67, PNG), Auth.none());
        assertThat(tile.status()).as(tile.body()).isEqualTo(200);
        assertThat(tile.contentType()).isEqualTo(PNG);
        double[] b = mercator(7).tileBounds(46, 67);
        var map = client.get(
                String.format(
                        Locale.ROOT,
                        "/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=%s&STYLES=&CRS=EPSG:3857"
                                + "&BBOX=%.6f,%.6f,%.6f,%.6f&WIDTH=256&HEIGHT=256&FORMAT=image/png&TRANSPARENT=TRUE",
                        LAYER,
                        b[0],
                        b[1],
                        b[2],
                        b[3]),
                Auth.none());
        BufferedImage fromTile = image(tile.bytes());
        BufferedImage fromMap = image(map.bytes());
        assertThat(fromTile.getWidth()).isEqualTo(256);
        assertThat(WmsTestSupport.meanAbsoluteDifference(fromTile, fromMap.getRaster()))
                .isLessThanOrEqualTo(1);
    }

    @Test
    void restAndKvpServeTheSameCachedTileWithHttpValidators() {
        var first = client.get(restTile(LAYER, 8, 92, 135), Auth.none());
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        var second = client.get(kvpTile(LAYER, 8, 92, 135, PNG), Auth.none());
        assertThat(second.header("X-Cache")).isEqualTo("HIT");
        assertThat(second.bytes()).isEqualTo(first.bytes());
        String etag = first.header("ETag");
        assertThat(etag).startsWith("\"").isEqualTo(second.header("ETag"));
        assertThat(first.header("Last-Modified")).isNotBlank();
        assertThat(first.header("Cache-Control")).isEqualTo("public, max-age=3600");

        var revalidated = client.send(
                client.request(restTile(LAYER, 8, 92, 135), Auth.none()).header("If-None-Match", etag));
        assertThat(revalidated.status()).isEqualTo(304);
        assertThat(revalidated.bytes()).isEmpty();
        var stale = client.send(
                client.request(restTile(LAYER, 8, 92, 135), Auth.none()).header("If-None-Match", "\"other\""));
        assertThat(stale.status()).isEqualTo(200);
        assertThat(tileFile(8, 92, 135, "png")).exists();
    }

    @Test
    void concurrentRequestsForOneMetaTileRenderItOnce() throws Exception {
        // zoom 9 meta-tile rows 184-187, columns 268-271 (4x4), none cached yet
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Callable<String>> calls = new ArrayList<>();
            for (int r = 184; r < 188; r++) {
                for (int c = 268; c < 272; c++) {
                    String url = restTile(LAYER, 9, r, c);
                    calls.add(() -> {
                        var answer = client.get(url, Auth.none());
                        assertThat(answer.status()).isEqualTo(200);
                        return answer.header("X-Cache");
                    });
                }
            }
            List<String> results = new ArrayList<>();
            for (Future<String> f : pool.invokeAll(calls)) {
                results.add(f.get());
            }
            assertThat(results).filteredOn("MISS"::equals).hasSize(1);
            assertThat(results).filteredOn("HIT"::equals).hasSize(15);
        } finally {
            pool.shutdownNow();
        }
        try (Stream<Path> files =
                Files.list(tileFile(9, 184, 268, "png").getParent().getParent())) {
            assertThat(files.count()).isEqualTo(4); // four row directories, four tiles each
        }
    }

    @Test
    void badRequestsGetWmtsExceptionReports() throws Exception {
        var outside = client.get(kvpTile(LAYER, 2, 99, 0, PNG), Auth.none());
        assertThat(outside.status()).isEqualTo(400);
        assertThat(outside.body()).contains("exceptionCode=\"TileOutOfRange\"").contains("locator=\"TILEROW\"");
        OgcSchemas.validate(outside.bytes(), "ogc/ows/1.1.0/owsExceptionReport.xsd");
        assertThat(client.get(restTile(LAYER, 2, 0, -1), Auth.none()).body())
                .contains("TileOutOfRange")
                .contains("locator=\"TILECOL\"");
        assertThat(client.get(kvpTile(LAYER, 2, 0, 0, "image/webp"), Auth.none())
                        .body())
                .contains("locator=\"FORMAT\"");
        assertThat(client.get(
                                "/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=" + LAYER
                                        + "&STYLE=&TILEMATRIXSET=NoSuchSet&TILEMATRIX=0&TILEROW=0&TILECOL=0&FORMAT=image/png",
                                Auth.none())
                        .body())
                .contains("locator=\"TILEMATRIXSET\"");
        var missing = client.get("/wmts?SERVICE=WMTS&REQUEST=GetTile&LAYER=" + LAYER, Auth.none());
        assertThat(missing.body()).contains("MissingParameterValue");
    }

    @Test
    void getFeatureInfoGivesTheBandValuesUnderThePixel() {
        // the tile of WorldCRS84Quad zoom 3 that holds lon 10, lat 45, its pixel nearest to that point
        TileMatrix m = WellKnownTileMatrixSets.worldCrs84Quad().matrices().get(3);
        long col = (long) Math.floor((10 - m.topLeftX()) / m.tileSpanX());
        long row = (long) Math.floor((m.topLeftY() - 45) / m.tileSpanY());
        double[] b = m.tileBounds(row, col);
        int i = (int) ((10 - b[0]) / m.cellSize());
        int j = (int) ((b[3] - 45) / m.cellSize());
        var info = client.get(
                "/wmts?SERVICE=WMTS&REQUEST=GetFeatureInfo&VERSION=1.0.0&LAYER=" + LAYER
                        + "&STYLE=&TILEMATRIXSET=WorldCRS84Quad&TILEMATRIX=3&TILEROW=" + row + "&TILECOL=" + col
                        + "&FORMAT=image/png&INFOFORMAT=application/json&I=" + i + "&J=" + j,
                Auth.none());
        assertThat(info.status()).as(info.body()).isEqualTo(200);
        double lon = b[0] + (i + 0.5) * m.cellSize();
        double lat = b[3] - (j + 0.5) * m.cellSize();
        String gdal = Gdal.run(
                "gdallocationinfo",
                "-valonly",
                "-wgs84",
                dataDir.resolve("uploads/rgb.tif").toString(),
                Double.toString(lon),
                Double.toString(lat));
        String[] expected = gdal.trim().split("\\s+");
        var props = info.json().path("features").get(0).path("properties");
        assertThat(props.path("band_1").asText()).isEqualTo(expected[0]);
        assertThat(props.path("band_2").asText()).isEqualTo(expected[1]);
        assertThat(props.path("band_3").asText()).isEqualTo(expected[2]);
    }

    // ---- seeding and truncation ----------------------------------------------------------------

    @Test
    void seedingFillsTheCacheAndTruncatingEmptiesTheZoomsAsked() throws Exception {
        var seed = client.post(
                "/rest/seed/" + LAYER,
                "{\"type\":\"seed\",\"tileMatrixSet\":\"WorldCRS84Quad\",\"zoomStart\":4,\"zoomStop\":6,"
                        + "\"format\":\"image/jpeg\"}",
                admin);
        var job = awaitIngest(seed);
        assertThat(job.path("progress").asInt()).isEqualTo(100);
        // every tile over lon 5..15, lat 40..50, with the rest of their 4x4 meta-tiles
        long z4 = tiles("WorldCRS84Quad", "jpeg", 4), z5 = tiles("WorldCRS84Quad", "jpeg", 5);
        long z6 = tiles("WorldCRS84Quad", "jpeg", 6);
        assertThat(z4).isEqualTo(expectedTiles(4));
        assertThat(z5).isEqualTo(expectedTiles(5));
        assertThat(z6).isEqualTo(expectedTiles(6));
        var jpeg = client.get(
                "/wmts/rest/" + LAYER + "/default/WorldCRS84Quad/6/"
                        + (long) Math.floor((90 - 45) / (180.0 / 64)) + "/"
                        + (long) Math.floor((10 + 180) / (180.0 / 64)) + "?format=image/jpeg",
                Auth.none());
        assertThat(jpeg.header("X-Cache")).isEqualTo("HIT");
        assertThat(jpeg.contentType()).isEqualTo("image/jpeg");

        var truncate = client.post(
                "/rest/seed/" + LAYER,
                "{\"type\":\"truncate\",\"tileMatrixSet\":\"WorldCRS84Quad\",\"zoomStart\":5,\"zoomStop\":5}",
                admin);
        awaitIngest(truncate);
        assertThat(tiles("WorldCRS84Quad", "jpeg", 5)).isZero();
        assertThat(tiles("WorldCRS84Quad", "jpeg", 4)).isEqualTo(z4);
        assertThat(tiles("WorldCRS84Quad", "jpeg", 6)).isEqualTo(z6);
    }

    @Test
    void seedRequestsAreCheckedAndLimitedToAdministrators() {
        String body =
                "{\"type\":\"seed\",\"tileMatrixSet\":\"WebMercatorQuad\",\"zoomStart\":1,\"format\":\"image/png\"}";
        assertThat(client.post("/rest/seed/" + LAYER, body, Auth.none()).status())
                .isEqualTo(401);
        createUser("wmtsviewer", "viewer-password");
        assertThat(client.post("/rest/seed/" + LAYER, body, Auth.basic("wmtsviewer", "viewer-password"))
                        .status())
                .isEqualTo(403);
        assertThat(client.post("/rest/seed/wmtstest:nosuch", body, admin).status())
                .isEqualTo(404);
        var badZoom = client.post("/rest/seed/" + LAYER, body.replace("\"zoomStart\":1", "\"zoomStart\":99"), admin);
        assertThat(badZoom.status()).isEqualTo(400);
        assertThat(badZoom.json().path("field").asText()).isEqualTo("zoomStart");
        var badSet = client.post("/rest/seed/" + LAYER, body.replace("WebMercatorQuad", "Nope"), admin);
        assertThat(badSet.json().path("field").asText()).isEqualTo("tileMatrixSet");
    }

    @Test
    void reuploadingTheDataTruncatesTheLayersTiles() throws Exception {
        client.post("/rest/workspaces", "{\"workspace\":{\"name\":\"wmtsreup\"}}", admin);
        Path dir = Files.createDirectories(dataDir.resolve("uploads-reup"));
        Path original = Gdal.geotiff(dir, "a.tif", "-co", "COMPRESS=DEFLATE");
        awaitIngest(uploadGeoTiff("wmtsreup", "img", original, admin));
        String url = restTile("wmtsreup:img", 7, 46, 67);
        byte[] before = client.get(url, Auth.none()).bytes();
        assertThat(client.get(url, Auth.none()).header("X-Cache")).isEqualTo("HIT");

        Path inverted = dir.resolve("b.tif");
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
                original.toString(),
                inverted.toString());
        awaitIngest(uploadGeoTiff("wmtsreup", "img", inverted, admin));
        var after = client.get(url, Auth.none());
        assertThat(after.header("X-Cache")).isEqualTo("MISS");
        assertThat(after.bytes()).isNotEqualTo(before);
    }

    // ---- real clients --------------------------------------------------------------------------

    @Test
    void gdalReadsTheCapabilitiesAndTheTiles() throws Exception {
        String source = "WMTS:" + client.base() + "/wmts/1.0.0/WMTSCapabilities.xml,layer=" + LAYER
                + ",tilematrixset=WebMercatorQuad";
        assertThat(Gdal.run("gdalinfo", source)).contains("EPSG\",3857").contains("Band 4");

        // zoom 7, tile (46, 67), read by GDAL at that level, against our own tile
        double[] b = mercator(7).tileBounds(46, 67);
        Path fetched = dataDir.resolve("via-gdal-wmts.png");
        Gdal.run(
                "gdal_translate",
                "-q",
                "-of",
                "PNG",
                "-oo",
                "TILEMATRIX=7",
                "-projwin",
                Double.toString(b[0]),
                Double.toString(b[3]),
                Double.toString(b[2]),
                Double.toString(b[1]),
                source,
                fetched.toString());
        BufferedImage viaGdal = ImageIO.read(fetched.toFile());
        BufferedImage ours =
                image(client.get(restTile(LAYER, 7, 46, 67), Auth.none()).bytes());
        assertThat(viaGdal.getWidth()).isEqualTo(256);
        assertThat(WmsTestSupport.meanAbsoluteDifference(ours, viaGdal.getRaster()))
                .isLessThanOrEqualTo(1);
    }

    // ---- helpers -------------------------------------------------------------------------------

    private static TileMatrix mercator(int z) {
        return WellKnownTileMatrixSets.webMercatorQuad().matrices().get(z);
    }

    /** Tiles of the 4x4 meta-tiles that lon 5..15, lat 40..50 touches, clipped to the matrix. */
    private static long expectedTiles(int z) {
        TileMatrix m = WellKnownTileMatrixSets.worldCrs84Quad().matrices().get(z);
        long rows = 0, columns = 0;
        for (long r = 0; r < m.matrixHeight(); r++) {
            double north = 90 - (r / 4 * 4) * m.tileSpanY(), south = 90 - (r / 4 * 4 + 4) * m.tileSpanY();
            rows += north > 40 && south < 50 ? 1 : 0;
        }
        for (long c = 0; c < m.matrixWidth(); c++) {
            double west = -180 + (c / 4 * 4) * m.tileSpanX(), east = -180 + (c / 4 * 4 + 4) * m.tileSpanX();
            columns += west < 15 && east > 5 ? 1 : 0;
        }
        return rows * columns;
    }

    private long tiles(String set, String ext, int z) throws IOException {
        Path dir = dataDir.resolve("tiles")
                .resolve(layerId)
                .resolve(set)
                .resolve("default/default")
                .resolve(ext)
                .resolve(Integer.toString(z));
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).count();
        }
    }

    private Path tileFile(int z, long row, long col, String ext) {
        return dataDir.resolve("tiles")
                .resolve(layerId)
                .resolve("WebMercatorQuad/default/default")
                .resolve(ext)
                .resolve(Integer.toString(z))
                .resolve(Long.toString(row))
                .resolve(col + "." + ext);
    }

    private static String restTile(String layer, int z, long row, long col) {
        return "/wmts/rest/" + layer + "/default/WebMercatorQuad/" + z + "/" + row + "/" + col + "?format=image/png";
    }

    private static String tileUrl(String layer, int z, long row, long col) {
        return restTile(layer, z, row, col);
    }

    private static String kvpTile(String layer, int z, long row, long col, String format) {
        return "/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=" + layer
                + "&STYLE=&TILEMATRIXSET=WebMercatorQuad&TILEMATRIX=" + z + "&TILEROW=" + row + "&TILECOL=" + col
                + "&FORMAT=" + format;
    }

    private static BufferedImage image(byte[] png) throws IOException {
        return ImageIO.read(new ByteArrayInputStream(png));
    }

    private static Document parse(byte[] xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    }

    private static String xpath(Document doc, String expression) throws Exception {
        return XPathFactory.newInstance().newXPath().evaluate(expression, doc).trim();
    }

    static String utf8(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }
}
