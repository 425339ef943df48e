package org.imagelabeler.labeler.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.awaitility.Awaitility;
import org.imagelabeler.platform.raster.Gdal;
import org.imagelabeler.platform.testing.RestClient;
import org.imagelabeler.platform.tiles.cascade.StandInGibs;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WrapsDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A scientist on an event's map, in a real browser against the real server with a cascaded
 * stand-in for NASA GIBS: chooses the GIBS layer and a date, drags a rectangle, is refused a
 * too-large resolution, extracts at a coarser one and follows the link to the new image, whose
 * pixels are the stand-in's tiles of that date; then draws a polygon and a point with classes.
 * The REST API tells what was saved.
 */
@SpringBootTest(classes = MapInBrowserTest.Server.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MapInBrowserTest {

    static final String ADMIN_PASSWORD = "labeler-admin-password";
    static final String EVENTS = "/rest/labeler/events";
    /** The event starts on the 1st; the scientist picks the 3rd, whose tiles are another blue. */
    static final String START = "2021-01-01";

    static final String CHOSEN = "2021-01-03";

    @SpringBootConfiguration
    @EnableAutoConfiguration(exclude = FlywayAutoConfiguration.class)
    static class Server {}

    static StandInGibs gibs;

    @LocalServerPort
    int port;

    @TempDir
    Path files;

    BrowserSession browser;
    RestClient rest;
    final RestClient.Auth admin = RestClient.Auth.basic("admin", ADMIN_PASSWORD);

    @DynamicPropertySource
    static void serverProperties(DynamicPropertyRegistry registry) throws IOException {
        Path dataDir = Files.createTempDirectory("labeler-web-ui-map-test");
        registry.add("labeler.data-dir", dataDir::toString);
        registry.add("labeler.admin-password", () -> ADMIN_PASSWORD);
    }

    @BeforeAll
    static void startGibs() throws IOException {
        gibs = new StandInGibs();
    }

    @AfterAll
    static void stopGibs() {
        gibs.close();
    }

    @BeforeEach
    void open() {
        browser = new BrowserSession(Path.of("target", "screenshots", "MapInBrowserTest"));
        rest = new RestClient("http://localhost:" + port);
    }

    @AfterEach
    void close() {
        browser.screenshot("end"); // where a failing run stopped
        browser.close();
    }

    @Test
    void scientistExtractsAnImageOfADateAndDrawsMapShapes() throws Exception {
        publishGibs();
        RestClient.Auth scientist = user("scientist");
        String slug = event(scientist);
        signIn("scientist", "/labeler/#/events/" + slug);
        var driver = browser.driver;
        browser.visible("#tab-map");
        browser.screenshot("event-with-map-link");
        driver.findElement(By.id("tab-map")).click();

        // the GIBS layer, at first on the event's start date; the scientist picks another day
        browser.waitForAttribute("#map", "data-ready", "true");
        var layers = new Select(browser.visible("#map-layer"));
        assertThat(layers.getOptions())
                .extracting(o -> o.getAttribute("value"))
                .contains("gibsx:terra")
                .noneMatch(v -> v.startsWith("labeler:"));
        layers.selectByValue("gibsx:terra");
        WebElement date = browser.visible("#map-date");
        assertThat(date.getDomProperty("value")).isEqualTo(START);
        date.sendKeys("01032021"); // month, day, year as Chromium's en-US date field takes them
        assertThat(date.getDomProperty("value")).isEqualTo(CHOSEN);
        settled();
        browser.screenshot("map-gibs-layer-of-a-date");

        // a rectangle dragged from (-46, 28) to (-26, 8)
        driver.findElement(By.cssSelector("button[data-mode=extract]")).click();
        browser.waitForAttribute("#map", "data-tool", "extract");
        MapView view = MapView.of(driver.findElement(By.id("map")));
        var map = driver.findElement(By.id("map"));
        int[] from = view.offset(-46, 28);
        int[] to = view.offset(-26, 8);
        new Actions(driver)
                .moveToElement(map, from[0], from[1])
                .clickAndHold()
                .moveByOffset((to[0] - from[0]) / 2, (to[1] - from[1]) / 2)
                .moveToElement(map, to[0], to[1])
                .release()
                .perform();
        browser.visible("#extract-form");
        double[] bbox = Arrays.stream(browser.visible("#extract-bbox")
                        .getText()
                        .replace("(lon, lat)", "")
                        .split(",| to "))
                .map(String::trim)
                .mapToDouble(Double::parseDouble)
                .toArray();
        double slack = 3 * view.degreesPerPixel();
        assertThat(bbox[0]).isCloseTo(-46, within(slack));
        assertThat(bbox[1]).isCloseTo(8, within(slack));
        assertThat(bbox[2]).isCloseTo(-26, within(slack));
        assertThat(bbox[3]).isCloseTo(28, within(slack));
        browser.waitForAttribute("#extract-layer", "data-layer", "gibsx:terra");
        browser.waitForText("#extract-layer", "MODIS, Terra");
        browser.waitForText("#extract-date", CHOSEN);

        // 250 m per pixel would be a mosaic of a subcontinent: the API says no, and the page says why
        var resolution = new Select(browser.visible("#extract-resolution"));
        resolution.selectByValue("250");
        browser.waitForAttribute("#extract-size", "class", "error");
        driver.findElement(By.id("extract-button")).click();
        browser.waitForText("#extract-message", "each side must be 1 to 8192");
        browser.screenshot("map-extract-refused-too-large");

        resolution.selectByValue("5000");
        browser.waitForAttribute("#extract-size", "class", "");
        String size = driver.findElement(By.id("extract-size")).getText();
        driver.findElement(By.id("extract-button")).click();
        browser.screenshot("map-extract-running");
        WebElement link = browser.visible("#extracted-image");
        assertThat(browser.visible("#extract-progress").getDomProperty("value")).isEqualTo("100");
        settled();
        browser.screenshot("map-extract-done");
        String imageId = link.getAttribute("href").replaceAll(".*/images/", "");
        link.click();
        browser.visible("#map canvas");
        browser.waitForText("#save-state", "All changes saved");
        browser.screenshot("extracted-image");

        JsonNode image =
                rest.get(EVENTS + "/" + slug + "/images/" + imageId, scientist).json();
        JsonNode source = image.path("source");
        assertThat(source.path("layer").asText()).isEqualTo("gibsx:terra");
        assertThat(source.path("time").asText()).isEqualTo(CHOSEN);
        assertThat(source.path("resolution").asDouble()).isEqualTo(5000);
        assertThat(size)
                .isEqualTo(image.path("width").asInt() + " × "
                        + image.path("height").asInt() + " pixels");
        for (int i = 0; i < 4; i++) {
            assertThat(source.path("bbox").get(i).asDouble()).isEqualTo(bbox[i]);
        }
        assertTilesOfTheChosenDate(picture(EVENTS + "/" + slug + "/images/" + imageId + "/file", scientist), bbox);

        // the new image's footprint is on the event's footprints layer, which the map shows
        BufferedImage footprints = ImageIO.read(new ByteArrayInputStream(rest.get(
                        "/wms?service=WMS&version=1.3.0&request=GetMap&layers=labeler:" + slug
                                + "_footprints&styles=&crs=CRS:84&bbox=-50,5,-20,30&width=300&height=250"
                                + "&format=image/png&transparent=true",
                        scientist)
                .bytes()));
        assertThat(new Color(footprints.getRGB(150, 125), true).getAlpha())
                .as("inside the footprint (-35, 17.5)")
                .isPositive();
        assertThat(new Color(footprints.getRGB(20, 240), true).getAlpha())
                .as("outside the footprint (-48, 6)")
                .isZero();

        // back on the map: a polygon of the second class and a point of the first
        driver.navigate().back();
        browser.waitForAttribute("#map", "data-ready", "true");
        assertThat(new Select(browser.visible("#map-layer"))
                        .getFirstSelectedOption()
                        .getAttribute("value"))
                .as("the layer chosen before")
                .isEqualTo("gibsx:terra");
        assertThat(browser.visible("#map-date").getDomProperty("value")).isEqualTo(CHOSEN);
        view = MapView.of(driver.findElement(By.id("map")));
        map = driver.findElement(By.id("map"));
        new Actions(driver).sendKeys("2p").perform();
        browser.waitForAttribute(".palette button[data-class=cloud]", "aria-pressed", "true");
        browser.waitForAttribute("button[data-mode=polygon]", "aria-pressed", "true");
        double[][] triangle = {{-44, 12}, {-34, 12}, {-39, 22}};
        var clicks = new Actions(driver);
        for (double[] corner : triangle) {
            int[] at = view.offset(corner[0], corner[1]);
            clicks.moveToElement(map, at[0], at[1]).click();
        }
        int[] first = view.offset(triangle[0][0], triangle[0][1]);
        clicks.moveToElement(map, first[0], first[1]).click().perform();
        browser.waitForAttribute("#map", "data-saved", "1");
        browser.waitForText("#save-state", "All changes saved");

        new Actions(driver).sendKeys("1o").perform();
        browser.waitForAttribute("button[data-mode=point]", "aria-pressed", "true");
        int[] spot = view.offset(-30, 15);
        new Actions(driver).moveToElement(map, spot[0], spot[1]).click().perform();
        browser.waitForAttribute("#map", "data-saved", "2");
        browser.waitForText("#save-state", "All changes saved");
        settled();
        browser.screenshot("map-shapes-drawn");

        JsonNode shapes = rest.get(EVENTS + "/" + slug + "/annotations?space=map", scientist)
                .json()
                .path("items");
        assertThat(shapes)
                .extracting(
                        a -> a.path("shape").asText() + " " + a.path("class").asText())
                .containsExactlyInAnyOrder("polygon cloud", "point dust");
        slack = 2 * view.degreesPerPixel();
        for (JsonNode shape : shapes) {
            JsonNode coordinates = shape.path("geometry").path("coordinates");
            if (shape.path("shape").asText().equals("point")) {
                assertThat(coordinates.get(0).asDouble()).isCloseTo(-30, within(slack));
                assertThat(coordinates.get(1).asDouble()).isCloseTo(15, within(slack));
            } else {
                JsonNode ring = coordinates.get(0);
                assertThat(ring).hasSize(4);
                for (int i = 0; i < 3; i++) {
                    assertThat(ring.get(i).get(0).asDouble()).isCloseTo(triangle[i][0], within(slack));
                    assertThat(ring.get(i).get(1).asDouble()).isCloseTo(triangle[i][1], within(slack));
                }
            }
        }
    }

    @Test
    void shapesAreModifiedAndDeletedAndRefusalsAreShown() throws Exception {
        publishGibs();
        RestClient.Auth scientist = user("scientist");
        String slug = event(scientist);
        signIn("scientist", "/labeler/#/events/" + slug + "/map");
        var driver = browser.driver;
        browser.waitForAttribute("#map", "data-ready", "true");
        MapView view = MapView.of(driver.findElement(By.id("map")));
        var map = driver.findElement(By.id("map"));
        String shapes = EVENTS + "/" + slug + "/annotations";

        // a box dragged out, a line of the second class clicked point by point (ended on its last)
        new Actions(driver).sendKeys("b").perform();
        browser.waitForAttribute("button[data-mode=box]", "aria-pressed", "true");
        int[] from = view.offset(-45, 25);
        int[] to = view.offset(-40, 20);
        new Actions(driver)
                .moveToElement(map, from[0], from[1])
                .clickAndHold()
                .moveByOffset(10, 10)
                .moveToElement(map, to[0], to[1])
                .release()
                .perform();
        browser.waitForAttribute("#map", "data-saved", "1");
        new Actions(driver).sendKeys("2l").perform();
        browser.waitForAttribute("button[data-mode=line]", "aria-pressed", "true");
        int[] start = view.offset(-35, 10);
        int[] end = view.offset(-25, 12);
        new Actions(driver)
                .moveToElement(map, start[0], start[1])
                .click()
                .moveToElement(map, end[0], end[1])
                .click()
                .click()
                .perform();
        browser.waitForAttribute("#map", "data-saved", "2");
        browser.waitForText("#save-state", "All changes saved");
        JsonNode box = shape(shapes, "box", scientist);
        assertThat(shape(shapes, "line", scientist).path("class").asText()).isEqualTo("cloud");
        double slack = 2 * view.degreesPerPixel();
        assertThat(bounds(box)).containsExactly(new double[] {-45, 20, -40, 25}, within(slack));

        // its corner dragged in Select mode: still a box, now reaching (-38, 18)
        new Actions(driver).sendKeys("s").perform();
        browser.waitForAttribute("button[data-mode=select]", "aria-pressed", "true");
        int[] inside = view.offset(-42.5, 22.5);
        new Actions(driver).moveToElement(map, inside[0], inside[1]).click().perform();
        browser.waitForAttribute("#map", "data-selected", "1");
        int[] moved = view.offset(-38, 18);
        // hovered first, as a hand does (coming from inside the box): the corner's handle
        // appears, then it is dragged in steps
        var drag = new Actions(driver)
                .moveToElement(map, to[0] - 15, to[1] - 15)
                .pause(Duration.ofMillis(100))
                .moveToElement(map, to[0], to[1])
                .pause(Duration.ofMillis(500))
                .clickAndHold();
        for (int step = 1; step <= 5; step++) {
            drag.moveToElement(map, to[0] + (moved[0] - to[0]) * step / 5, to[1] + (moved[1] - to[1]) * step / 5)
                    .pause(Duration.ofMillis(50));
        }
        drag.release().perform();
        Awaitility.await()
                .atMost(Duration.ofSeconds(20))
                .until(() -> shape(shapes, "box", scientist).path("version").asInt()
                        > box.path("version").asInt());
        browser.waitForText("#save-state", "All changes saved");
        assertThat(bounds(shape(shapes, "box", scientist)))
                .containsExactly(new double[] {-45, 18, -38, 25}, within(slack));
        browser.screenshot("map-box-modified");

        // the box deleted with the Delete key
        new Actions(driver).sendKeys(Keys.DELETE).perform();
        browser.waitForAttribute("#map", "data-saved", "1");
        browser.waitForText("#save-state", "All changes saved");
        assertThat(rest.get(shapes + "?space=map", scientist).json().path("items"))
                .extracting(a -> a.path("shape").asText())
                .containsExactly("line");

        // someone else changes the line meanwhile: deleting it here meets 412, and says so
        JsonNode line = shape(shapes, "line", scientist);
        var changed = rest.send(rest.request(shapes + "/" + line.path("id").asText(), scientist)
                .header("Content-Type", "application/json")
                .header("If-Match", "\"" + line.path("version").asInt() + "\"")
                .method("PUT", HttpRequest.BodyPublishers.ofString("{\"class\": \"dust\"}")));
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        int[] onLine = view.offset(-30, 11);
        new Actions(driver).moveToElement(map, onLine[0], onLine[1]).click().perform();
        browser.waitForAttribute("#map", "data-selected", "1");
        new Actions(driver).sendKeys(Keys.DELETE).perform();
        browser.waitForText("#save-state", "someone else changed this shape");
        browser.screenshot("map-conflict");
        assertThat(rest.get(shapes + "/" + line.path("id").asText(), scientist).status())
                .isEqualTo(200);

        // GIBS is down: the map says its tiles could not be drawn, the extraction job fails and says why
        gibs.mode(StandInGibs.Mode.DOWN);
        try {
            new Select(browser.visible("#map-layer")).selectByValue("gibsx:terra");
            browser.visible("#map-date").sendKeys("01052021");
            browser.waitForText("#layer-state", "could not be drawn for 2021-01-05");
            driver.findElement(By.cssSelector("button[data-mode=extract]")).click();
            browser.waitForAttribute("#map", "data-tool", "extract");
            int[] corner = view.offset(-30, 25);
            int[] opposite = view.offset(-25, 20);
            new Actions(driver)
                    .moveToElement(map, corner[0], corner[1])
                    .clickAndHold()
                    .moveByOffset(10, 10)
                    .moveToElement(map, opposite[0], opposite[1])
                    .release()
                    .perform();
            new Select(browser.visible("#extract-resolution")).selectByValue("5000");
            driver.findElement(By.id("extract-button")).click();
            browser.waitForText("#extract-message", "The extraction failed:");
            assertThat(driver.findElement(By.id("extract-message")).getAttribute("role"))
                    .isEqualTo("alert");
            browser.screenshot("map-extract-failed");
        } finally {
            gibs.mode(StandInGibs.Mode.NORMAL);
        }
        assertThat(rest.get(EVENTS + "/" + slug + "/images", scientist)
                        .json()
                        .path("total")
                        .asInt())
                .isZero();
    }

    private JsonNode shape(String shapes, String kind, RestClient.Auth auth) {
        for (JsonNode a : rest.get(shapes + "?space=map", auth).json().path("items")) {
            if (a.path("shape").asText().equals(kind)) {
                return a;
            }
        }
        throw new AssertionError("no " + kind + " saved");
    }

    /** minLon, minLat, maxLon, maxLat of a saved polygon's ring. */
    private static double[] bounds(JsonNode polygon) {
        double[] b = {180, 90, -180, -90};
        for (JsonNode p : polygon.path("geometry").path("coordinates").get(0)) {
            b[0] = Math.min(b[0], p.get(0).asDouble());
            b[1] = Math.min(b[1], p.get(1).asDouble());
            b[2] = Math.max(b[2], p.get(0).asDouble());
            b[3] = Math.max(b[3], p.get(1).asDouble());
        }
        return b;
    }

    /** Waits until the map has drawn what it loads (tiles of the layers), for a telling screenshot. */
    private void settled() {
        browser.waitForAttribute("#map", "data-loading", "false");
    }

    /**
     * Every sampled pixel away from tile edges has the colour of the stand-in's tile under it for
     * the chosen date, at the level the cascade picks: the coarsest of GIBS' 250 m set (cells of
     * 0.5625 / 2^z degrees, 512 px tiles from -180, 90) still at least as fine as the chip.
     */
    private static void assertTilesOfTheChosenDate(BufferedImage chip, double[] bbox) {
        double perPixelX = (bbox[2] - bbox[0]) / chip.getWidth();
        double perPixelY = (bbox[3] - bbox[1]) / chip.getHeight();
        double wanted = Math.min(perPixelX, perPixelY);
        int z = 0;
        while (0.5625 / (1 << z) > wanted * 1.0001) {
            z++;
        }
        double span = 512 * 0.5625 / (1 << z);
        int checked = 0;
        for (int i = 1; i < 10; i++) {
            for (int j = 1; j < 10; j++) {
                int x = chip.getWidth() * i / 10;
                int y = chip.getHeight() * j / 10;
                double lon = bbox[0] + (x + 0.5) * perPixelX;
                double lat = bbox[3] - (y + 0.5) * perPixelY;
                double column = (lon + 180) / span;
                double row = (90 - lat) / span;
                double margin = 3 * Math.max(perPixelX, perPixelY) / span;
                if (nearEdge(column, margin) || nearEdge(row, margin)) {
                    continue;
                }
                near(
                        new Color(chip.getRGB(x, y)),
                        StandInGibs.colour(CHOSEN, (long) Math.floor(row), (long) Math.floor(column)),
                        "pixel " + x + "," + y + " at level " + z);
                checked++;
            }
        }
        assertThat(checked).as("pixels away from tile edges").isGreaterThan(40);
        assertThat(StandInGibs.colour(CHOSEN, 0, 0).getBlue())
                .as("the dates' tiles differ")
                .isNotEqualTo(StandInGibs.colour(START, 0, 0).getBlue());
    }

    private static boolean nearEdge(double tileCoordinate, double margin) {
        double fraction = tileCoordinate - Math.floor(tileCoordinate);
        return fraction < margin || fraction > 1 - margin;
    }

    private static void near(Color actual, Color expected, String where) {
        String what = where + ": " + actual + " vs " + expected;
        assertThat(Math.abs(actual.getRed() - expected.getRed())).as(what).isLessThanOrEqualTo(6);
        assertThat(Math.abs(actual.getGreen() - expected.getGreen())).as(what).isLessThanOrEqualTo(6);
        assertThat(Math.abs(actual.getBlue() - expected.getBlue())).as(what).isLessThanOrEqualTo(6);
    }

    private BufferedImage picture(String path, RestClient.Auth auth) throws Exception {
        Path tiff = files.resolve("chip.tif");
        Files.write(tiff, rest.get(path, auth).bytes());
        Path png = files.resolve("chip.png");
        Gdal.run("gdal_translate", "-q", "-of", "PNG", tiff.toString(), png.toString());
        return ImageIO.read(png.toFile());
    }

    /** The stand-in for GIBS as a remote WMTS store, its Terra true colour layer as gibsx:terra. */
    private void publishGibs() {
        if (rest.get("/rest/layers/gibsx:terra", admin).status() == 200) {
            return;
        }
        assertThat(rest.post("/rest/workspaces", "{\"workspace\":{\"name\":\"gibsx\"}}", admin)
                        .status())
                .isEqualTo(201);
        var store = rest.post(
                "/rest/workspaces/gibsx/wmtsstores",
                "{\"wmtsStore\":{\"name\":\"best\",\"capabilitiesURL\":\"" + gibs.bestCapabilities() + "\"}}",
                admin);
        assertThat(store.status()).as(store.body()).isEqualTo(201);
        var layer = rest.post(
                "/rest/workspaces/gibsx/wmtsstores/best/layers",
                "{\"wmtsLayer\":{\"name\":\"terra\",\"nativeName\":\"MODIS_Terra_CorrectedReflectance_TrueColor\"}}",
                admin);
        assertThat(layer.status()).as(layer.body()).isEqualTo(201);
    }

    /** An event of the user's over the Atlantic, from START, with the classes dust and cloud. */
    private String event(RestClient.Auth owner) {
        String slug = "dust-" + UUID.randomUUID().toString().substring(0, 8);
        var created = rest.post(EVENTS, """
                {"slug": "%s", "title": "Dust over the Atlantic", "phenomenon": "dust",
                 "timeRange": {"start": "%sT00:00:00Z", "end": "2021-01-10T23:59:59Z"},
                 "areaOfInterest": {"type": "Polygon",
                   "coordinates": [[[-50, 5], [-20, 5], [-20, 30], [-50, 30], [-50, 5]]]},
                 "labelSchema": {"classes": [{"name": "dust", "colour": "#d4a017"},
                                             {"name": "cloud", "colour": "#4363d8"}]}}
                """.formatted(slug, START), owner);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return slug;
    }

    private void signIn(String name, String page) {
        browser.driver.get("http://localhost:" + port + page);
        browser.visible("#username").sendKeys(name);
        browser.driver.findElement(By.id("password")).sendKeys(name + "-password");
        browser.driver
                .findElement(By.cssSelector("#signin button[type=submit]"))
                .click();
    }

    private RestClient.Auth user(String name) {
        if (rest.get("/rest/security/users/" + name, admin).status() == 200) {
            return RestClient.Auth.basic(name, name + "-password");
        }
        var r = rest.post(
                "/rest/security/users",
                "{\"user\":{\"username\":\"" + name + "\",\"password\":\"" + name + "-password\",\"roles\":[]}}",
                admin);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return RestClient.Auth.basic(name, name + "-password");
    }

    /**
     * What the map shows ({@code data-view}: minLon, minLat, maxLon, maxLat) on its element: in
     * EPSG:4326 screen pixels and degrees are proportional, so a place is an offset from the
     * element's centre, as Selenium's moves take it.
     */
    record MapView(double[] extent, int width, int height) {

        static MapView of(WebElement map) {
            // Selenium's offsets start from the centre of the element's visible part: the whole
            // map in sight (below the event's heading it may reach past the window's bottom)
            ((JavascriptExecutor) ((WrapsDriver) map).getWrappedDriver())
                    .executeScript("arguments[0].scrollIntoView({block: 'nearest'})", map);
            double[] extent = Arrays.stream(map.getAttribute("data-view").split(","))
                    .mapToDouble(Double::parseDouble)
                    .toArray();
            return new MapView(extent, map.getRect().getWidth(), map.getRect().getHeight());
        }

        double degreesPerPixel() {
            return (extent[2] - extent[0]) / width;
        }

        int[] offset(double lon, double lat) {
            double x = (lon - extent[0]) / (extent[2] - extent[0]) * width;
            double y = (extent[3] - lat) / (extent[3] - extent[1]) * height;
            return new int[] {(int) Math.round(x - width / 2.0), (int) Math.round(y - height / 2.0)};
        }
    }
}
