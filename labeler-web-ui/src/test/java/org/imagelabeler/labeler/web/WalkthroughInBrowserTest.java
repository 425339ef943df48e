package org.imagelabeler.labeler.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import javax.imageio.ImageIO;
import org.imagelabeler.platform.testing.RestClient;
import org.imagelabeler.platform.tiles.cascade.StandInGibs;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
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
 * The README's walkthrough, step by step in a real browser against the real server with a
 * stand-in for NASA GIBS: the administrator creates the scientist's account; the scientist creates
 * an event, uploads a picture, extracts an image of a date from the GIBS layer, draws a box and a
 * polygon on it, tags it, submits it for review and adds a reviewer to the team; the reviewer
 * accepts it; the scientist exports COCO and GeoJSON and downloads the zip, whose labels are
 * checked. Its screenshots are the README's ({@code docs/walkthrough/}).
 */
@SpringBootTest(
        classes = WalkthroughInBrowserTest.Server.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WalkthroughInBrowserTest {

    static final String ADMIN_PASSWORD = "labeler-admin-password";
    static final String EVENTS = "/rest/labeler/events/";
    static final String TITLE = "Dust storm over the Atlantic";
    static final String SLUG = "dust-storm-over-the-atlantic";

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
    final RestClient.Auth scientist = RestClient.Auth.basic("scientist", "scientist-password");
    final ObjectMapper json = new ObjectMapper();

    @DynamicPropertySource
    static void serverProperties(DynamicPropertyRegistry registry) throws IOException {
        Path dataDir = Files.createTempDirectory("labeler-web-ui-walkthrough");
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
    void open() throws IOException {
        // the README's screenshots are copied from here: none of an earlier run may stay
        Path screenshots = Path.of("target", "screenshots", "WalkthroughInBrowserTest");
        if (Files.isDirectory(screenshots)) {
            try (Stream<Path> old = Files.list(screenshots)) {
                for (Path png : old.filter(p -> p.toString().endsWith(".png")).toList()) {
                    Files.delete(png);
                }
            }
        }
        browser = new BrowserSession(screenshots);
        rest = new RestClient("http://localhost:" + port);
    }

    @AfterEach
    void close() {
        browser.screenshot("end"); // where a failing run stopped
        browser.close();
    }

    @Test
    void scientistLabelsAnEventFromStartToExport() throws Exception {
        var driver = browser.driver;
        publishGibs();
        user("reviewer"); // an account the administrator made beforehand, as for the scientist below

        // the administrator creates the scientist's account in /web › Users
        driver.get(url("/web/login"));
        browser.visible("#username").sendKeys("admin");
        driver.findElement(By.id("password")).sendKeys(ADMIN_PASSWORD);
        driver.findElement(By.cssSelector("button[type=submit]")).click();
        browser.visible("nav");
        driver.get(url("/web/users"));
        browser.visible("#user-name").sendKeys("scientist");
        driver.findElement(By.id("user-password")).sendKeys("scientist-password");
        driver.findElement(By.id("user-confirm")).sendKeys("scientist-password");
        browser.screenshot("admin-creates-a-user");
        driver.findElement(By.cssSelector("#user-confirm ~ p button[type=submit]"))
                .click();
        browser.waitForText("body", "Created user scientist");
        assertThat(rest.get("/rest/labeler/events", scientist).status())
                .as("the scientist can sign in")
                .isEqualTo(200);
        driver.manage().deleteAllCookies();

        // sign in to the labeling app: no events yet
        driver.get(url("/labeler/"));
        browser.visible("#username").sendKeys("scientist");
        driver.findElement(By.id("password")).sendKeys("scientist-password");
        browser.screenshot("sign-in");
        driver.findElement(By.cssSelector("#signin button[type=submit]")).click();
        browser.waitForText("#who", "Signed in as scientist");
        browser.waitForText("#event-list", "No events yet.");
        browser.screenshot("events");

        // the new event: what, when, where, the classes with their colours, the image tags
        driver.findElement(By.id("event-title")).sendKeys(TITLE);
        assertThat(driver.findElement(By.id("event-slug")).getDomProperty("value"))
                .isEqualTo(SLUG);
        driver.findElement(By.id("event-phenomenon")).sendKeys("dust storm");
        driver.findElement(By.id("event-start")).sendKeys("01012021");
        driver.findElement(By.id("event-end")).sendKeys("01102021");
        driver.findElement(By.id("aoi-min-lon")).sendKeys("-50");
        driver.findElement(By.id("aoi-min-lat")).sendKeys("5");
        driver.findElement(By.id("aoi-max-lon")).sendKeys("-20");
        driver.findElement(By.id("aoi-max-lat")).sendKeys("30");
        driver.findElement(By.id("add-class")).click();
        browser.visible("#class-name-1").sendKeys("dust");
        colour("#class-colour-1", "#d4a017");
        driver.findElement(By.id("add-class")).click();
        browser.visible("#class-name-2").sendKeys("cloud");
        colour("#class-colour-2", "#4363d8");
        WebElement tags = driver.findElement(By.id("event-tags"));
        tags.clear();
        tags.sendKeys("clear, hazy");
        scrollTo("#create-event h2");
        browser.screenshot("new-event");
        WebElement create = driver.findElement(By.cssSelector("#create-event button[type=submit]"));
        driver.executeScript("arguments[0].scrollIntoView({block: 'end'})", create);
        browser.screenshot("new-event-classes");
        create.click();
        browser.waitForText("h1", TITLE);
        assertThat(driver.getCurrentUrl()).endsWith("#/events/" + SLUG);
        JsonNode event = rest.get(EVENTS + SLUG, scientist).json();
        assertThat(event.path("role").asText()).isEqualTo("owner");
        assertThat(event.path("timeRange").path("start").asText()).startsWith("2021-01-01");
        assertThat(event.path("labelSchema").path("classes"))
                .extracting(
                        c -> c.path("name").asText() + " " + c.path("colour").asText())
                .containsExactly("dust #d4a017", "cloud #4363d8");
        assertThat(event.path("labelSchema").path("tags"))
                .extracting(JsonNode::asText)
                .containsExactly("clear", "hazy");

        // a picture of one's own, uploaded on the event's page
        browser.visible("#upload-files").sendKeys(picture().toString());
        driver.findElement(By.cssSelector("#upload button[type=submit]")).click();
        browser.waitForText("#upload-message", "1 image uploaded");
        browser.waitForText("#image-summary", "1 of 1 image");
        browser.visible("#image-list li.card img");
        browser.screenshot("event-with-upload");

        // the Map tab: the GIBS layer of 3 January, a rectangle over the plume extracted at 5 km
        driver.findElement(By.id("tab-map")).click();
        browser.waitForAttribute("#map", "data-ready", "true");
        new Select(browser.visible("#map-layer")).selectByValue("gibsx:terra");
        WebElement date = browser.visible("#map-date");
        date.sendKeys("01032021");
        assertThat(date.getDomProperty("value")).isEqualTo("2021-01-03");
        settled();
        browser.screenshot("map-layer-and-date");
        driver.findElement(By.cssSelector("button[data-mode=extract]")).click();
        browser.waitForAttribute("#map", "data-tool", "extract");
        // all of the map in sight: Selenium's offsets start from the centre of an element's visible part
        driver.executeScript("arguments[0].scrollIntoView({block: 'nearest'})", driver.findElement(By.id("map")));
        MapInBrowserTest.MapView view = MapInBrowserTest.MapView.of(driver.findElement(By.id("map")));
        WebElement map = driver.findElement(By.id("map"));
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
        browser.waitForText("#extract-layer", "MODIS, Terra");
        browser.waitForText("#extract-date", "2021-01-03");
        new Select(browser.visible("#extract-resolution")).selectByValue("5000");
        browser.waitForText("#extract-size", "pixels");
        driver.findElement(By.id("extract-button")).click();
        WebElement extracted = browser.visible("#extracted-image");
        assertThat(driver.findElement(By.id("extract-progress")).getDomProperty("value"))
                .isEqualTo("100");
        settled();
        browser.screenshot("extraction-done");
        String chip = extracted.getAttribute("href").replaceAll(".*/images/", "");
        JsonNode image = rest.get(EVENTS + SLUG + "/images/" + chip, scientist).json();
        assertThat(image.path("source").path("layer").asText()).isEqualTo("gibsx:terra");
        assertThat(image.path("source").path("time").asText()).isEqualTo("2021-01-03");
        double[] bbox = new double[4];
        for (int i = 0; i < 4; i++) {
            bbox[i] = image.path("source").path("bbox").get(i).asDouble();
        }
        assertThat(bbox).containsExactly(new double[] {-46, 8, -26, 28}, within(3 * view.degreesPerPixel()));

        // the new image: a box of dust (keys 1, B), a polygon of cloud (2, P), the tag "hazy"
        extracted.click();
        browser.visible("#map canvas");
        browser.waitForText("#save-state", "All changes saved");
        map = driver.findElement(By.id("map"));
        new Actions(driver).sendKeys("1b").perform();
        browser.waitForAttribute(".palette button[data-class=dust]", "aria-pressed", "true");
        browser.waitForAttribute("button[data-mode=box]", "aria-pressed", "true");
        new Actions(driver)
                .moveToElement(map, -150, -110)
                .clickAndHold()
                .moveByOffset(40, 30)
                .moveToElement(map, -20, 0)
                .release()
                .perform();
        browser.waitForAttribute("#map", "data-saved", "1");
        browser.waitForText("#save-state", "All changes saved");
        new Actions(driver).sendKeys("2p").perform();
        browser.waitForAttribute(".palette button[data-class=cloud]", "aria-pressed", "true");
        browser.waitForAttribute("button[data-mode=polygon]", "aria-pressed", "true");
        new Actions(driver)
                .moveToElement(map, 40, 20)
                .click()
                .moveToElement(map, 160, 30)
                .click()
                .moveToElement(map, 120, 130)
                .click()
                .moveToElement(map, 50, 110)
                .click()
                .moveToElement(map, 40, 20)
                .click()
                .perform();
        browser.waitForAttribute("#map", "data-saved", "2");
        browser.waitForText("#save-state", "All changes saved");
        browser.visible("#tags button[data-tag=hazy]").click();
        browser.waitForAttribute("#tags button[data-tag=hazy]", "aria-pressed", "true");
        browser.waitForText("#save-state", "All changes saved");
        browser.screenshot("image-labeled");
        browser.visible("#submit-review").click();
        browser.waitForText("#image-status", "labeled");
        image = rest.get(EVENTS + SLUG + "/images/" + chip, scientist).json();
        assertThat(image.path("status").asText()).isEqualTo("labeled");
        assertThat(image.path("tags")).extracting(JsonNode::asText).containsExactly("hazy");
        Map<String, JsonNode> labels = new HashMap<>();
        rest.get(EVENTS + SLUG + "/annotations?imageId=" + chip, scientist)
                .json()
                .path("items")
                .forEach(a -> labels.put(a.path("shape").asText(), a));
        assertThat(labels).containsOnlyKeys("box", "polygon");
        assertThat(labels.get("box").path("class").asText()).isEqualTo("dust");
        assertThat(labels.get("polygon").path("class").asText()).isEqualTo("cloud");

        // the Team tab: the reviewer joins the event
        driver.findElement(By.partialLinkText("← " + TITLE)).click();
        browser.visible("#tab-team").click();
        browser.visible("#member-username").sendKeys("reviewer");
        new Select(driver.findElement(By.id("member-role"))).selectByValue("reviewer");
        driver.findElement(By.cssSelector("#add-member button[type=submit]")).click();
        browser.waitForText("#team-status", "reviewer added as reviewer");
        browser.visible("#team tr[data-username=reviewer]");
        browser.screenshot("team");
        assertThat(rest.get(EVENTS + SLUG + "/members", scientist).json())
                .extracting(
                        m -> m.path("username").asText() + " " + m.path("role").asText())
                .containsExactlyInAnyOrder("scientist owner", "reviewer reviewer");

        // the reviewer finds the images awaiting review and accepts the one submitted
        driver.manage().deleteAllCookies();
        driver.get(url("/labeler/"));
        browser.visible("#username").sendKeys("reviewer");
        driver.findElement(By.id("password")).sendKeys("reviewer-password");
        driver.findElement(By.cssSelector("#signin button[type=submit]")).click();
        browser.visible("#event-list [data-slug=" + SLUG + "] a").click();
        new Select(browser.visible("#status-filter")).selectByValue("labeled");
        browser.waitForText("#image-summary", "1 of 1 image");
        browser.visible("#image-list li[data-id='" + chip + "'] a").click();
        browser.visible("#review-comment").sendKeys("Plume and cloud edges fit the picture.");
        browser.screenshot("review");
        driver.findElement(By.id("accept")).click();
        browser.waitForText("#last-review", "Accepted by reviewer");
        browser.waitForText("#image-status", "accepted");
        browser.waitForText("#image-position", "No more images await review");
        browser.screenshot("review-accepted");
        assertThat(rest.get(EVENTS + SLUG + "/images/" + chip, scientist)
                        .json()
                        .path("status")
                        .asText())
                .isEqualTo("accepted");

        // the scientist exports the accepted images as COCO and GeoJSON and downloads the zip
        driver.manage().deleteAllCookies();
        driver.get(url("/labeler/#/events/" + SLUG + "/export"));
        browser.visible("#username").sendKeys("scientist");
        driver.findElement(By.id("password")).sendKeys("scientist-password");
        driver.findElement(By.cssSelector("#signin button[type=submit]")).click();
        assertThat(browser.visible("#format-coco").isSelected()).isTrue();
        driver.findElement(By.id("format-geojson")).click();
        assertThat(driver.findElement(By.id("include-accepted")).isSelected()).isTrue();
        browser.screenshot("export-options");
        driver.findElement(By.id("start-export")).click();
        browser.waitForText("#export-state", "Export ready");
        browser.waitForText("#export-download", "1 image, 2 labels");
        browser.visible("#exports tbody tr a[download]");
        browser.screenshot("export-done");
        Path downloads = Files.createDirectories(files.resolve("downloads"));
        browser.downloadInto(downloads);
        driver.findElement(By.id("export-download")).click();
        checkDataset(BrowserSession.downloadedZip(downloads), chip, labels, bbox, image);

        // the events list shows the event's progress
        driver.findElement(By.linkText("← Events")).click();
        browser.waitForText("#event-list [data-slug=" + SLUG + "] .count", "2 images · 1 labeled (1 accepted)");
        browser.screenshot("events-progress");

        // the administrator's view of every event in /web › Events
        driver.manage().deleteAllCookies();
        driver.get(url("/web/login"));
        browser.visible("#username").sendKeys("admin");
        driver.findElement(By.id("password")).sendKeys(ADMIN_PASSWORD);
        driver.findElement(By.cssSelector("button[type=submit]")).click();
        browser.visible("nav");
        driver.get(url("/web/events"));
        browser.waitForText("table", TITLE);
        browser.waitForText("table", "scientist");
        browser.screenshot("admin-events");
    }

    /**
     * The zip holds the accepted image only: in COCO its box of dust and polygon of cloud as they
     * were saved, in GeoJSON the same two labels in longitude and latitude, inside the extracted
     * area where the pixels put them.
     */
    private void checkDataset(Path zip, String chip, Map<String, JsonNode> labels, double[] bbox, JsonNode image)
            throws IOException {
        double[] pixelBox = LabelingInBrowserTest.bounds(labels.get("box").path("geometry"));
        try (var archive = new ZipFile(zip.toFile())) {
            List<JsonNode> annotations = new ArrayList<>();
            Map<Integer, String> categories = new HashMap<>();
            int images = 0;
            for (var entry : Collections.list(archive.entries())) {
                if (entry.getName().matches("annotations/instances_[a-z]+\\.json")) {
                    JsonNode coco = json.readTree(archive.getInputStream(entry));
                    images += coco.path("images").size();
                    coco.path("annotations").forEach(annotations::add);
                    coco.path("categories")
                            .forEach(c -> categories.put(
                                    c.path("id").asInt(), c.path("name").asText()));
                }
            }
            assertThat(images).as("the accepted image only").isEqualTo(1);
            assertThat(annotations)
                    .extracting(a -> categories.get(a.path("category_id").asInt()))
                    .containsExactlyInAnyOrder("dust", "cloud");
            JsonNode box = annotations.stream()
                    .filter(a -> categories.get(a.path("category_id").asInt()).equals("dust"))
                    .findFirst()
                    .orElseThrow();
            double[] cocoBox = new double[4];
            for (int i = 0; i < 4; i++) {
                cocoBox[i] = box.path("bbox").get(i).asDouble();
            }
            assertThat(cocoBox)
                    .containsExactly(
                            new double[] {pixelBox[0], pixelBox[1], pixelBox[2] - pixelBox[0], pixelBox[3] - pixelBox[1]
                            },
                            within(0.01));
            JsonNode cloud = annotations.stream()
                    .filter(a -> categories.get(a.path("category_id").asInt()).equals("cloud"))
                    .findFirst()
                    .orElseThrow();
            assertThat(cloud.path("segmentation").get(0).size())
                    .as("four corners, x and y each")
                    .isEqualTo(8);

            JsonNode geojson = json.readTree(archive.getInputStream(archive.getEntry("geojson/labels.geojson")));
            Map<String, JsonNode> features = new HashMap<>();
            geojson.path("features")
                    .forEach(
                            f -> features.put(f.path("properties").path("class").asText(), f));
            assertThat(features).containsOnlyKeys("dust", "cloud");
            for (JsonNode f : features.values()) {
                assertThat(f.path("properties").path("image_id").asText()).isEqualTo(chip);
                for (JsonNode p : f.path("geometry").path("coordinates").get(0)) {
                    assertThat(p.get(0).asDouble()).isBetween(bbox[0], bbox[2]);
                    assertThat(p.get(1).asDouble()).isBetween(bbox[1], bbox[3]);
                }
            }
            // pixel columns run east from the west edge, rows south from the north edge
            double lonPerPixel = (bbox[2] - bbox[0]) / image.path("width").asInt();
            double latPerPixel = (bbox[3] - bbox[1]) / image.path("height").asInt();
            double[] onEarth = LabelingInBrowserTest.bounds(features.get("dust").path("geometry"));
            assertThat(onEarth)
                    .containsExactly(
                            new double[] {
                                bbox[0] + pixelBox[0] * lonPerPixel,
                                bbox[3] - pixelBox[3] * latPerPixel,
                                bbox[0] + pixelBox[2] * lonPerPixel,
                                bbox[3] - pixelBox[1] * latPerPixel
                            },
                            within(1e-6));
        }
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    /** Sets a colour input as its picker would (the picker is the browser's own, out of reach). */
    private void colour(String css, String value) {
        browser.driver.executeScript(
                "arguments[0].value = arguments[1];"
                        + " arguments[0].dispatchEvent(new Event('input', {bubbles: true}))",
                browser.driver.findElement(By.cssSelector(css)),
                value);
    }

    private void scrollTo(String css) {
        browser.driver.executeScript(
                "arguments[0].scrollIntoView({block: 'start'})", browser.driver.findElement(By.cssSelector(css)));
    }

    /** Waits until the map has drawn what it loads (tiles of the layers), for a telling screenshot. */
    private void settled() {
        browser.waitForAttribute("#map", "data-loading", "false");
    }

    /** The stand-in for GIBS as a remote WMTS store, its Terra true colour layer as gibsx:terra. */
    private void publishGibs() {
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

    private void user(String name) {
        var r = rest.post(
                "/rest/security/users",
                "{\"user\":{\"username\":\"" + name + "\",\"password\":\"" + name + "-password\",\"roles\":[]}}",
                admin);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
    }

    /** A sandy plume over a blue sea, 640 x 400. */
    private Path picture() throws IOException {
        var image = new BufferedImage(640, 400, BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setPaint(new GradientPaint(0, 0, new Color(20, 60, 120), 640, 400, new Color(40, 110, 170)));
        g.fillRect(0, 0, 640, 400);
        g.setColor(new Color(212, 160, 23, 180));
        g.fillOval(60, 80, 360, 170);
        g.setColor(new Color(235, 235, 240, 200));
        g.fillOval(400, 40, 180, 110);
        g.dispose();
        Path file = files.resolve("plume.png");
        ImageIO.write(image, "png", file.toFile());
        return file;
    }
}
