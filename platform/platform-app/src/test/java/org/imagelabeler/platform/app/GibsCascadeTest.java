package org.imagelabeler.platform.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.imagelabeler.platform.testing.RestClient.Auth;
import org.imagelabeler.platform.tiles.cascade.StandInGibs;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * NASA GIBS layers cascaded through a local stand-in for GIBS ({@link StandInGibs}): publishing
 * from both capabilities styles, remote tiles fetched once per TIME, maps stitched from several
 * remote tiles, failures of the remote contained.
 */
class GibsCascadeTest extends ServerTestBase {

    private static final String WS = "gibstest";
    private static final String MODIS = "MODIS_Terra_CorrectedReflectance_TrueColor";
    private static StandInGibs gibs;
    private static boolean published;

    @BeforeAll
    static void startGibs() throws IOException {
        gibs = new StandInGibs();
    }

    @AfterAll
    static void stopGibs() {
        gibs.close();
    }

    @BeforeEach
    void publish() {
        gibs.mode(StandInGibs.Mode.NORMAL);
        gibs.clearHits();
        if (published) {
            return;
        }
        client.post("/rest/workspaces", "{\"workspace\":{\"name\":\"" + WS + "\"}}", admin);
        store("map1", gibs.map1Capabilities(), 5);
        store("best", gibs.bestCapabilities(), 1);
        var old = client.post(
                "/rest/workspaces/" + WS + "/wmtsstores/map1/layers",
                "{\"wmtsLayer\":{\"name\":\"terra2013\",\"nativeName\":\"" + MODIS + "\"}}",
                admin);
        assertThat(old.status()).as(old.body()).isEqualTo(201);
        var modern = client.post(
                "/rest/workspaces/" + WS + "/wmtsstores/best/layers",
                "{\"wmtsLayer\":{\"name\":\"terra\",\"nativeName\":\"" + MODIS + "\"}}",
                admin);
        assertThat(modern.status()).as(modern.body()).isEqualTo(201);
        published = true;
    }

    private void store(String name, String url, int readTimeout) {
        var r = client.post(
                "/rest/workspaces/" + WS + "/wmtsstores",
                "{\"wmtsStore\":{\"name\":\"" + name + "\",\"capabilitiesURL\":\"" + url + "\",\"readTimeout\":"
                        + readTimeout + "}}",
                admin);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
    }

    @Test
    void publishedLayersKeepTheRemoteTitleSetsAndTimes() {
        var caps = client.get("/wmts?SERVICE=WMTS&REQUEST=GetCapabilities", Auth.none())
                .body();
        assertThat(caps)
                .contains("<ows:Identifier>gibstest:terra</ows:Identifier>")
                .contains("Corrected Reflectance (True Color, MODIS, Terra)")
                .contains("<TileMatrixSet>250m</TileMatrixSet>")
                .contains("<TileMatrixSet>EPSG4326_250m</TileMatrixSet>")
                .contains("<Value>2000-08-05/2025-11-24/P1D</Value>")
                .contains("<Default>2025-11-24</Default>")
                .contains("/wmts/rest/gibstest:terra/{Style}/{TileMatrixSet}/{TileMatrix}/{TileRow}/{TileCol}"
                        + "?format=image/jpeg&amp;time={Time}");
        var available = client.get("/rest/workspaces/" + WS + "/wmtsstores/map1/layers?list=available", admin);
        assertThat(available.json().path("list").size()).isEqualTo(55);
        var wms = client.get("/wms?SERVICE=WMS&REQUEST=GetCapabilities", Auth.none())
                .body();
        assertThat(wms).contains("<Name>gibstest:terra</Name>").contains("2000-08-05/2025-11-24/P1D");
    }

    @Test
    void aTileAskedTwiceIsFetchedOnceAndTwoDatesAreTwoEntries() throws Exception {
        String day1 = nativeTile("terra", "250m", 2, 1, 2, "2020-06-01");
        var first = client.get(day1, Auth.none());
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(first.header("X-Cache")).isEqualTo("MISS");
        var again = client.get(day1, Auth.none());
        assertThat(again.header("X-Cache")).isEqualTo("HIT");
        assertThat(again.bytes()).isEqualTo(first.bytes());
        assertThat(colourAt(first.bytes(), 256, 256)).satisfies(c -> near(c, StandInGibs.colour("2020-06-01", 1, 2)));

        var otherDay = client.get(nativeTile("terra", "250m", 2, 1, 2, "2020-06-02"), Auth.none());
        assertThat(otherDay.header("X-Cache")).isEqualTo("MISS");
        assertThat(gibs.hits())
                .containsExactly(
                        new StandInGibs.TileHit(MODIS, "2020-06-01", "2", 1, 2),
                        new StandInGibs.TileHit(MODIS, "2020-06-02", "2", 1, 2));
        // no TIME: the layer's default date, which is a cache entry of its own
        client.get(nativeTile("terra", "250m", 2, 1, 2, null), Auth.none());
        assertThat(gibs.hits().get(2).time()).isEqualTo("2025-11-24");
        // a date the layer does not have is refused before reaching the remote
        var gap = client.get(nativeTile("terra", "250m", 2, 1, 2, "2000-08-04"), Auth.none());
        assertThat(gap.status()).isEqualTo(400);
        assertThat(gap.body()).contains("locator=\"TIME\"");
        assertThat(gibs.hits()).hasSize(3);
    }

    @Test
    void truncatingOneDateKeepsTheOthers() {
        String day1 = nativeTile("terra", "250m", 3, 2, 3, "2017-01-01");
        String day2 = nativeTile("terra", "250m", 3, 2, 3, "2017-01-02");
        client.get(day1, Auth.none());
        client.get(day2, Auth.none());
        var truncate = client.post(
                "/rest/seed/" + WS + ":terra",
                "{\"type\":\"truncate\",\"tileMatrixSet\":\"250m\",\"time\":\"2017-01-01\"}",
                admin);
        var job = client.get(
                truncate.header("Location")
                        .substring(truncate.header("Location").indexOf("/rest/")),
                admin);
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(30))
                .until(() -> client.get("/rest/jobs/" + job.json().path("id").asText(), admin)
                        .json()
                        .path("state")
                        .asText()
                        .equals("SUCCEEDED"));
        assertThat(client.get(day2, Auth.none()).header("X-Cache")).isEqualTo("HIT");
        assertThat(client.get(day1, Auth.none()).header("X-Cache")).isEqualTo("MISS");
        assertThat(gibs.hits())
                .extracting(StandInGibs.TileHit::time)
                .containsExactly("2017-01-01", "2017-01-02", "2017-01-01");
    }

    @Test
    void kvpOnlyRemoteIsCascadedByKvpGetTile() throws Exception {
        var tile = client.get(nativeTile("terra2013", "EPSG4326_250m", 1, 1, 2, null), Auth.none());
        assertThat(tile.status()).as(tile.body()).isEqualTo(200);
        assertThat(tile.contentType()).isEqualTo("image/jpeg");
        assertThat(gibs.hits()).containsExactly(new StandInGibs.TileHit(MODIS, null, "1", 1, 2));
        assertThat(colourAt(tile.bytes(), 100, 100)).satisfies(c -> near(c, StandInGibs.colour(null, 1, 2)));
    }

    @Test
    void getMapAcrossTileBordersIsStitchedFromTheRightTiles() throws Exception {
        // a 200 x 200 map of lon -46..-26, lat 8..28 is 0.1 deg per pixel: level 3 of 250m (0.0703125 deg
        // per pixel, the coarsest at least as fine), whose 36 deg tiles meet at lon -36, lat 18, mid-map
        var map = client.get(
                "/wms?SERVICE=WMS&VERSION=1.1.1&REQUEST=GetMap&LAYERS=" + WS + ":terra&STYLES=&SRS=EPSG:4326"
                        + "&BBOX=-46,8,-26,28&WIDTH=200&HEIGHT=200&FORMAT=image/png&TIME=2021-01-01",
                Auth.none());
        assertThat(map.contentType()).as(map.body()).isEqualTo("image/png");
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(map.bytes()));
        near(new Color(image.getRGB(50, 50)), StandInGibs.colour("2021-01-01", 1, 3));
        near(new Color(image.getRGB(150, 50)), StandInGibs.colour("2021-01-01", 1, 4));
        near(new Color(image.getRGB(50, 150)), StandInGibs.colour("2021-01-01", 2, 3));
        near(new Color(image.getRGB(150, 150)), StandInGibs.colour("2021-01-01", 2, 4));
        // the seams are where they belong: the colour changes between pixels 99 and 100
        near(new Color(image.getRGB(98, 50)), StandInGibs.colour("2021-01-01", 1, 3));
        near(new Color(image.getRGB(101, 50)), StandInGibs.colour("2021-01-01", 1, 4));
        near(new Color(image.getRGB(50, 98)), StandInGibs.colour("2021-01-01", 1, 3));
        near(new Color(image.getRGB(50, 101)), StandInGibs.colour("2021-01-01", 2, 3));
        assertThat(gibs.hits()).extracting(StandInGibs.TileHit::tileMatrix).containsOnly("3");
        assertThat(gibs.hits()).hasSize(4);

        // the same area in Web Mercator through WMTS: reprojected from the same cached remote tiles
        var mercator = client.get(
                "/wmts/rest/" + WS + ":terra/default/WebMercatorQuad/3/3/2?format=image/png&time=2021-01-01",
                Auth.none());
        assertThat(mercator.status()).as(mercator.body()).isEqualTo(200);
        BufferedImage m = ImageIO.read(new ByteArrayInputStream(mercator.bytes()));
        assertThat(new Color(m.getRGB(128, 128), true).getAlpha()).isEqualTo(255);
    }

    @Test
    void aStalledRemoteGivesAGatewayTimeoutWithinTheStoreTimeout() {
        gibs.mode(StandInGibs.Mode.STALL);
        long start = System.nanoTime();
        var stalled = client.get(nativeTile("terra", "250m", 3, 2, 2, "2019-03-03"), Auth.none());
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.println("stalled remote answered in " + millis + " ms");
        assertThat(stalled.status()).isEqualTo(504);
        assertThat(stalled.body()).contains("ExceptionReport").contains("did not answer within 1 s");
        assertThat(millis).isLessThan(5_000);
    }

    @Test
    void cachedTilesAreServedWhileTheRemoteIsDown() {
        String url = nativeTile("terra", "250m", 3, 4, 5, "2018-07-07");
        byte[] cached = client.get(url, Auth.none()).bytes();
        gibs.mode(StandInGibs.Mode.DOWN);
        var whileDown = client.get(url, Auth.none());
        assertThat(whileDown.status()).isEqualTo(200);
        assertThat(whileDown.bytes()).isEqualTo(cached);
        var notCached = client.get(nativeTile("terra", "250m", 3, 4, 6, "2018-07-07"), Auth.none());
        assertThat(notCached.status()).isEqualTo(502);
        assertThat(notCached.body()).contains("HTTP 503");
    }

    @Test
    void onlyHttpRemotesAreAccepted() {
        var file = client.post(
                "/rest/workspaces/" + WS + "/wmtsstores",
                "{\"wmtsStore\":{\"name\":\"local\",\"capabilitiesURL\":\"file:///etc/passwd\"}}",
                admin);
        assertThat(file.status()).isEqualTo(400);
        assertThat(file.json().path("field").asText()).isEqualTo("wmtsStore.capabilitiesURL");
        createUser("gibsviewer", "viewer-password");
        var notAdmin = client.post(
                "/rest/workspaces/" + WS + "/wmtsstores/best/layers",
                "{\"wmtsLayer\":{\"name\":\"x\",\"nativeName\":\"" + MODIS + "\"}}",
                Auth.basic("gibsviewer", "viewer-password"));
        assertThat(notAdmin.status()).isEqualTo(403);
    }

    @Test
    void theDataDirTemplateShipsGibsLayersThatWorkWithoutTheInternet() {
        String wmts =
                client.get("/wmts/1.0.0/WMTSCapabilities.xml", Auth.none()).body();
        String wms = client.get("/wms?SERVICE=WMS&REQUEST=GetCapabilities", Auth.none())
                .body();
        for (String layer : new String[] {
            "MODIS_Terra_CorrectedReflectance_TrueColor",
            "MODIS_Aqua_CorrectedReflectance_TrueColor",
            "VIIRS_SNPP_CorrectedReflectance_TrueColor",
            "VIIRS_NOAA20_CorrectedReflectance_TrueColor",
            "MODIS_Terra_CorrectedReflectance_Bands721"
        }) {
            assertThat(wmts).contains("<ows:Identifier>gibs:" + layer + "</ows:Identifier>");
            assertThat(wms).contains("<Name>gibs:" + layer + "</Name>");
        }
        assertThat(wmts)
                .contains("<TileMatrixSet>250m</TileMatrixSet>")
                .contains("<TileMatrixSet>GoogleMapsCompatible_Level9</TileMatrixSet>");
        // GIBS cannot be reached from here: the tile is a clear gateway error, quickly
        long start = System.nanoTime();
        var tile = client.get(
                "/wmts/rest/gibs:MODIS_Terra_CorrectedReflectance_TrueColor/default/250m/0/0/0"
                        + "?format=image/jpeg&time=2024-06-01",
                Auth.none());
        long seconds = (System.nanoTime() - start) / 1_000_000_000;
        assertThat(tile.status()).isIn(502, 504);
        assertThat(tile.body()).contains("ExceptionReport").contains("gibs.earthdata.nasa.gov");
        assertThat(seconds).isLessThan(45);
    }

    private static String nativeTile(String layer, String set, int z, long row, long col, String time) {
        return "/wmts/rest/" + WS + ":" + layer + "/default/" + set + "/" + z + "/" + row + "/" + col
                + "?format=image/jpeg" + (time == null ? "" : "&time=" + time);
    }

    private static Color colourAt(byte[] image, int x, int y) throws IOException {
        return new Color(ImageIO.read(new ByteArrayInputStream(image)).getRGB(x, y));
    }

    /** JPEG keeps a flat colour within a few levels. */
    private static void near(Color actual, Color expected) {
        assertThat(Math.abs(actual.getRed() - expected.getRed()))
                .as(String.format(Locale.ROOT, "%s vs %s", actual, expected))
                .isLessThanOrEqualTo(6);
        assertThat(Math.abs(actual.getGreen() - expected.getGreen())).isLessThanOrEqualTo(6);
        assertThat(Math.abs(actual.getBlue() - expected.getBlue())).isLessThanOrEqualTo(6);
    }
}
