package org.imagelabeler.labeler.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.imagelabeler.platform.testing.RestClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The image view in a real browser against the real server: undo and redo, previous and next,
 * review, a GeoTIFF drawn from WMS tiles, and an image with 1,000 polygons. What the page did is
 * checked through the REST API.
 */
@SpringBootTest(
        classes = ImageViewInBrowserTest.Server.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ImageViewInBrowserTest {

    static final String ADMIN_PASSWORD = "labeler-admin-password";
    static final String EVENTS = "/rest/labeler/events";

    @SpringBootConfiguration
    @EnableAutoConfiguration(exclude = FlywayAutoConfiguration.class)
    static class Server {}

    @LocalServerPort
    int port;

    BrowserSession browser;
    RestClient rest;
    final RestClient.Auth admin = RestClient.Auth.basic("admin", ADMIN_PASSWORD);

    @DynamicPropertySource
    static void serverProperties(DynamicPropertyRegistry registry) throws IOException {
        Path dataDir = Files.createTempDirectory("labeler-image-view-test");
        registry.add("labeler.data-dir", dataDir::toString);
        registry.add("labeler.admin-password", () -> ADMIN_PASSWORD);
    }

    @BeforeEach
    void open() {
        browser = new BrowserSession(Path.of("target", "screenshots", "ImageViewInBrowserTest"));
        rest = new RestClient("http://localhost:" + port);
    }

    @AfterEach
    void close(org.junit.jupiter.api.TestInfo test) {
        // where a failing run stopped
        browser.screenshot("end-" + test.getTestMethod().map(m -> m.getName()).orElse("test"));
        browser.close();
    }

    @Test
    void undoAndRedoOfACreateADeleteAndAMoveAreKeptOnTheServer() throws IOException {
        String slug = event(admin);
        String image = upload(slug, picture(600, 400, new Color(30, 90, 160)), "river.png", admin);
        signIn("admin", ADMIN_PASSWORD);
        openImage(slug, image, "");
        var map = browser.driver.findElement(By.id("map"));

        new Actions(browser.driver)
                .moveToElement(map, -60, -40)
                .clickAndHold()
                .moveByOffset(60, 40)
                .moveByOffset(60, 40)
                .release()
                .perform();
        browser.waitForAttribute("#map", "data-saved", "1");
        browser.waitForText("#save-state", "All changes saved");
        JsonNode drawn = annotations(slug, image).get(0);

        // undo of a create deletes it on the server; redo creates it again, same shape
        browser.visible("#undo").click();
        browser.waitForAttribute("#map", "data-saved", "0");
        browser.waitForText("#save-state", "All changes saved");
        assertThat(annotations(slug, image)).isEmpty();
        new Actions(browser.driver)
                .keyDown(Keys.CONTROL)
                .keyDown(Keys.SHIFT)
                .sendKeys("z")
                .keyUp(Keys.SHIFT)
                .keyUp(Keys.CONTROL)
                .perform();
        browser.waitForAttribute("#map", "data-saved", "1");
        browser.waitForText("#save-state", "All changes saved");
        JsonNode again = annotations(slug, image).get(0);
        assertThat(again.get("geometry")).isEqualTo(drawn.get("geometry"));
        assertThat(again.get("class").asText()).isEqualTo("water");

        // moved with the mouse; undo puts the old shape back with the new version
        new Actions(browser.driver).sendKeys("s").perform();
        new Actions(browser.driver).moveToElement(map, 0, 0).click().perform();
        browser.waitForAttribute("#map", "data-selected", "1");
        new Actions(browser.driver)
                .moveToElement(map, 0, 0)
                .clickAndHold()
                .moveByOffset(20, 10)
                .moveByOffset(20, 10)
                .release()
                .perform();
        browser.waitForText("#save-state", "All changes saved");
        waitFor(() -> annotations(slug, image).get(0).get("version").asInt() == 2);
        double[] moved =
                LabelingInBrowserTest.bounds(annotations(slug, image).get(0).get("geometry"));
        double[] first = LabelingInBrowserTest.bounds(drawn.get("geometry"));
        assertThat(moved[0]).isGreaterThan(first[0] + 10);
        browser.screenshot("moved");
        keys(Keys.CONTROL, "z");
        waitFor(() -> annotations(slug, image).get(0).get("version").asInt() == 3);
        assertThat(annotations(slug, image).get(0).get("geometry")).isEqualTo(drawn.get("geometry"));

        // undo of a delete creates it again; redo deletes it again
        new Actions(browser.driver).moveToElement(map, 0, 0).click().perform();
        browser.waitForAttribute("#map", "data-selected", "1");
        new Actions(browser.driver).sendKeys(Keys.DELETE).perform();
        browser.waitForAttribute("#map", "data-saved", "0");
        assertThat(annotations(slug, image)).isEmpty();
        keys(Keys.CONTROL, "z");
        browser.waitForAttribute("#map", "data-saved", "1");
        browser.waitForText("#save-state", "All changes saved");
        assertThat(annotations(slug, image).get(0).get("geometry")).isEqualTo(drawn.get("geometry"));
        browser.screenshot("undo-redo");
        keys(Keys.CONTROL, "y");
        browser.waitForAttribute("#map", "data-saved", "0");
        browser.waitForText("#save-state", "All changes saved");
        assertThat(annotations(slug, image)).isEmpty();
        assertThat(browser.driver.findElement(By.id("redo")).isEnabled()).isFalse();
    }

    @Test
    void previousAndNextFollowTheEventsImageOrderAndItsStatusFilter() throws IOException {
        String slug = event(admin);
        List<String> ids = new ArrayList<>();
        for (String name : List.of("a.png", "b.png", "c.png")) {
            ids.add(upload(slug, picture(300, 200, Color.GRAY), name, admin));
        }
        signIn("admin", ADMIN_PASSWORD);
        openImage(slug, ids.get(1), "");
        browser.waitForText("#image-position", "2 of 3 images");
        browser.screenshot("navigation");
        new Actions(browser.driver).sendKeys("]").perform();
        browser.waitForText("h1", "c.png");
        assertThat(browser.driver.getCurrentUrl()).endsWith("/images/" + ids.get(2));
        browser.waitForAttribute("#next-image", "aria-disabled", "true");
        new Actions(browser.driver).sendKeys("[").perform();
        browser.waitForText("h1", "b.png");
        new Actions(browser.driver).sendKeys(Keys.PAGE_UP).perform();
        browser.waitForText("h1", "a.png");
        browser.waitForAttribute("#previous-image", "aria-disabled", "true");
        browser.visible("#image-position");
        browser.waitForText("#image-position", "1 of 3 images");
        browser.driver.findElement(By.id("next-image")).click();
        browser.waitForText("h1", "b.png");

        // from the list of labeled images, next skips the unlabeled one
        patchStatus(slug, ids.get(0), "labeled");
        patchStatus(slug, ids.get(2), "labeled");
        openImage(slug, ids.get(0), "?status=labeled");
        browser.waitForText("#image-position", "1 of 2 labeled images");
        new Actions(browser.driver).sendKeys(Keys.PAGE_DOWN).perform();
        browser.waitForText("h1", "c.png");
        assertThat(browser.driver.getCurrentUrl()).endsWith("/images/" + ids.get(2) + "?status=labeled");
    }

    @Test
    void labelerSubmitsAndReviewerRejectsAndAcceptsWithComments() throws IOException {
        RestClient.Auth owner = user("view-owner");
        user("view-labeler");
        user("view-reviewer");
        String slug = event(owner);
        rest.put(EVENTS + "/" + slug + "/members/view-labeler", "{\"role\":\"labeler\"}", owner);
        rest.put(EVENTS + "/" + slug + "/members/view-reviewer", "{\"role\":\"reviewer\"}", owner);
        String first = upload(slug, picture(300, 200, Color.GRAY), "first.png", owner);
        String second = upload(slug, picture(300, 200, Color.GRAY), "second.png", owner);
        patchStatus(slug, second, "labeled");

        signIn("view-labeler", "view-labeler-password");
        openImage(slug, first, "");
        browser.waitForText("#image-status", "unlabeled");
        assertThat(browser.driver.findElements(By.id("accept"))).isEmpty();
        browser.screenshot("labeler-workflow");
        browser.visible("#submit-review").click();
        browser.waitForText("#image-status", "labeled");
        assertThat(image(slug, first).get("status").asText()).isEqualTo("labeled");

        browser.driver.manage().deleteAllCookies();
        signIn("view-reviewer", "view-reviewer-password");
        openImage(slug, first, "?status=labeled");
        browser.visible("#review-comment");
        assertThat(browser.driver.findElements(By.id("submit-review"))).isEmpty();
        // a reviewer reviews but does not draw: no drawing tools
        assertThat(browser.driver.findElements(By.cssSelector("button[data-mode]")))
                .isEmpty();
        assertThat(browser.driver.findElement(By.id("screen")).getText())
                .contains("Your role in this event lets you look, not draw.");
        browser.driver.findElement(By.id("reject")).click();
        browser.waitForText("#workflow-message", "Say in the comment what is to be fixed");
        browser.driver.findElement(By.id("review-comment")).sendKeys("The north bank is missing");
        browser.screenshot("review");
        browser.driver.findElement(By.id("reject")).click();

        // on to the next image awaiting review
        browser.waitForText("h1", "second.png");
        JsonNode rejected = image(slug, first);
        assertThat(rejected.get("status").asText()).isEqualTo("rejected");
        assertThat(rejected.get("assignee").asText()).isEqualTo("view-labeler");
        assertThat(lastReviewComment(slug, first)).isEqualTo("The north bank is missing");
        browser.visible("#review-comment").sendKeys("Complete");
        browser.driver.findElement(By.id("accept")).click();
        browser.waitForText("#image-position", "No more images await review");
        assertThat(image(slug, second).get("status").asText()).isEqualTo("accepted");
        assertThat(lastReviewComment(slug, second)).isEqualTo("Complete");
        browser.waitForText("#last-review", "Accepted by view-reviewer");

        openImage(slug, first, "");
        browser.waitForText("#image-status", "rejected");
        browser.waitForText("#last-review", "The north bank is missing");
        browser.screenshot("rejected-with-comment");
    }

    @Test
    void aGeoTiffIsDrawnFromWmsTilesInItsOwnPixels() throws Exception {
        String slug = event(admin);
        // four coloured quarters in EPSG:4326, whose WMS 1.3.0 axis order (latitude first) is the trap
        Path png = quarters(1200, 800);
        Path tif = Files.createTempFile("quarters", ".tif");
        run(
                "gdal_translate",
                "-q",
                "-a_srs",
                "EPSG:4326",
                "-a_ullr",
                "5",
                "50",
                "15",
                "40",
                png.toString(),
                tif.toString());
        String image = upload(slug, tif, "quarters.tif", admin);
        assertThat(image(slug, image).get("layer").asText()).startsWith("labeler:");

        signIn("admin", ADMIN_PASSWORD);
        openImage(slug, image, "");
        waitFor(() -> browser.driver
                .executeScript(
                        "return performance.getEntriesByType('resource').filter(r => r.name.includes('/wms?')).length")
                .toString()
                .matches("[1-9]\\d*"));
        Thread.sleep(1000); // the tiles, once fetched, fade in
        @SuppressWarnings("unchecked")
        List<String> requests = (List<String>)
                browser.driver.executeScript("return performance.getEntriesByType('resource').map(r => r.name)");
        assertThat(requests).anyMatch(r -> r.contains("/wms?") && r.contains(slug + "_image_"));
        assertThat(requests).noneMatch(r -> r.endsWith("/display"));
        browser.screenshot("geotiff-through-wms");

        WebElement map = browser.driver.findElement(By.id("map"));
        BufferedImage shot = ImageIO.read(new ByteArrayInputStream(map.getScreenshotAs(OutputType.BYTES)));
        int cx = shot.getWidth() / 2;
        int cy = shot.getHeight() / 2;
        int dx = shot.getWidth() / 8;
        int dy = shot.getHeight() / 8;
        assertThat(new Color(shot.getRGB(cx - dx, cy - dy))).isEqualTo(Color.RED);
        assertThat(new Color(shot.getRGB(cx + dx, cy - dy))).isEqualTo(Color.GREEN);
        assertThat(new Color(shot.getRGB(cx - dx, cy + dy))).isEqualTo(Color.BLUE);
        assertThat(new Color(shot.getRGB(cx + dx, cy + dy))).isEqualTo(Color.YELLOW);

        // zoomed in: tiles of 256 image pixels (256 x 10/1200 degrees wide), the full resolution
        browser.driver.findElement(By.cssSelector("#map .ol-zoom-in")).click();
        browser.driver.findElement(By.cssSelector("#map .ol-zoom-in")).click();
        waitFor(() -> (Boolean) browser.driver.executeScript(
                "return performance.getEntriesByType('resource').filter(r => r.name.includes('/wms?')).some(r => {"
                        + " const b = new URL(r.name).searchParams.get('BBOX').split(',').map(Number);"
                        + " return Math.abs(b[2] - b[0] - 256 * 10 / 1200) < 1e-9; })"));
        browser.screenshot("geotiff-zoomed-in");
    }

    @Test
    void aThousandPolygonsLoadAndOneCanStillBeSelectedAndMoved() throws IOException {
        String slug = event(admin);
        int size = 1000;
        String image = upload(slug, picture(size, size, new Color(20, 60, 40)), "field.png", admin);
        // 999 small squares in a grid over the top, one big square below them
        StringBuilder bulk = new StringBuilder("[");
        for (int i = 0; i < 999; i++) {
            int x = (i % 40) * 25 + 3;
            int y = (i / 40) * 28 + 3;
            bulk.append(i == 0 ? "" : ",").append(polygon(image, x, y, 18, 20));
        }
        bulk.append(",").append(polygon(image, 400, 760, 200, 200)).append("]");
        var created = rest.post(EVENTS + "/" + slug + "/annotations/bulk", bulk.toString(), admin);
        assertThat(created.status()).as(created.body()).isEqualTo(201);

        signIn("admin", ADMIN_PASSWORD);
        openImage(slug, image, "");
        browser.waitForAttribute("#map", "data-saved", "1000");
        browser.screenshot("thousand-polygons");

        // the big square's centre, on the screen: the view fits the image with 10 px of padding
        WebElement map = browser.driver.findElement(By.id("map"));
        double resolution = Math.max(
                size / (map.getSize().getWidth() - 20.0), size / (map.getSize().getHeight() - 20.0));
        int x = (int) Math.round((500 - size / 2.0) / resolution);
        int y = (int) Math.round((860 - size / 2.0) / resolution);
        new Actions(browser.driver).sendKeys("s").perform();
        new Actions(browser.driver).moveToElement(map, x, y).click().perform();
        browser.waitForAttribute("#map", "data-selected", "1");
        new Actions(browser.driver)
                .moveToElement(map, x, y)
                .clickAndHold()
                .moveByOffset(30, -20)
                .moveByOffset(30, -20)
                .release()
                .perform();
        browser.waitForText("#save-state", "All changes saved");
        JsonNode big = null;
        for (int attempt = 0; attempt < 50 && (big == null || big.get("version").asInt() < 2); attempt++) {
            sleep(200);
            big = bigSquare(slug, image);
        }
        double[] b = LabelingInBrowserTest.bounds(big.get("geometry"));
        assertThat(b[0]).isCloseTo(400 + 60 * resolution, org.assertj.core.data.Offset.offset(3.0));
        assertThat(b[1]).isCloseTo(760 - 40 * resolution, org.assertj.core.data.Offset.offset(3.0));
        assertThat(b[2] - b[0]).isEqualTo(200);
        browser.screenshot("thousand-polygons-moved");
    }

    // ---- helpers -------------------------------------------------------------------------------

    private JsonNode bigSquare(String slug, String image) {
        for (int page = 0; ; page++) {
            JsonNode items = rest.get(
                            EVENTS + "/" + slug + "/annotations?imageId=" + image + "&size=500&page=" + page, admin)
                    .json()
                    .get("items");
            for (JsonNode a : items) {
                double[] b = LabelingInBrowserTest.bounds(a.get("geometry"));
                if (b[2] - b[0] == 200) {
                    return a;
                }
            }
            if (items.size() < 500) {
                throw new AssertionError("the big square is gone");
            }
        }
    }

    private static String polygon(String image, int x, int y, int w, int h) {
        return "{\"imageId\":\"" + image + "\",\"space\":\"pixel\",\"shape\":\"polygon\",\"class\":\"water\","
                + "\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[" + x + "," + y + "],[" + (x + w) + "," + y
                + "],[" + (x + w) + "," + (y + h) + "],[" + x + "," + (y + h) + "],[" + x + "," + y + "]]]}}";
    }

    private void signIn(String username, String password) {
        browser.driver.get("http://localhost:" + port + "/labeler/");
        browser.visible("#username").sendKeys(username);
        browser.driver.findElement(By.id("password")).sendKeys(password);
        browser.driver
                .findElement(By.cssSelector("#signin button[type=submit]"))
                .click();
        browser.waitForText("#who", username);
    }

    private void openImage(String slug, String image, String query) {
        browser.driver.get("http://localhost:" + port + "/labeler/#/events/" + slug + "/images/" + image + query);
        browser.visible("#map canvas");
        browser.waitForAttribute(".image-nav", "data-ready", "true");
    }

    private void keys(Keys modifier, String key) {
        new Actions(browser.driver)
                .keyDown(modifier)
                .sendKeys(key)
                .keyUp(modifier)
                .perform();
    }

    private String event(RestClient.Auth who) {
        String slug = "view-" + UUID.randomUUID().toString().substring(0, 8);
        var r = rest.post(
                EVENTS,
                "{\"slug\":\"" + slug + "\",\"title\":\"Image view " + slug + "\",\"labelSchema\":{\"classes\":["
                        + "{\"name\":\"water\",\"colour\":\"#1f77b4\"},{\"name\":\"cloud\",\"colour\":\"#ff7f0e\"}]}}",
                who);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return slug;
    }

    private String upload(String slug, Path file, String name, RestClient.Auth who) throws IOException {
        var r = rest.send(rest.request(EVENTS + "/" + slug + "/images?name=" + name, who)
                .header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofFile(file)));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asText();
    }

    private JsonNode image(String slug, String id) {
        return rest.get(EVENTS + "/" + slug + "/images/" + id, admin).json();
    }

    private JsonNode annotations(String slug, String image) {
        return rest.get(EVENTS + "/" + slug + "/annotations?imageId=" + image, admin)
                .json()
                .get("items");
    }

    private String lastReviewComment(String slug, String image) throws IOException {
        JsonNode history = rest.get(EVENTS + "/" + slug + "/images/" + image + "/history", admin)
                .json();
        String after = history.get(history.size() - 1).get("after").asText();
        return new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(after)
                .get("comment")
                .asText();
    }

    private void patchStatus(String slug, String image, String status) {
        var r = rest.send(rest.request(EVENTS + "/" + slug + "/images/" + image, admin)
                .header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"status\":\"" + status + "\"}")));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
    }

    private RestClient.Auth user(String name) {
        String password = name + "-password";
        if (rest.get("/rest/security/users/" + name, admin).status() == 404) {
            var r = rest.post(
                    "/rest/security/users",
                    "{\"user\":{\"username\":\"" + name + "\",\"password\":\"" + password + "\",\"roles\":[]}}",
                    admin);
            assertThat(r.status()).as(r.body()).isEqualTo(201);
        }
        return RestClient.Auth.basic(name, password);
    }

    private void waitFor(java.util.function.BooleanSupplier condition) {
        for (int i = 0; i < 100 && !condition.getAsBoolean(); i++) {
            sleep(200);
        }
        assertThat(condition.getAsBoolean()).as("waited 20 s").isTrue();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Path picture(int width, int height, Color colour) throws IOException {
        var image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        g.setColor(colour);
        g.fillRect(0, 0, width, height);
        g.setColor(Color.WHITE);
        g.fillOval(width / 2 - 60, height / 2 - 40, 120, 80);
        g.dispose();
        Path file = Files.createTempFile("view", ".png");
        ImageIO.write(image, "png", file.toFile());
        return file;
    }

    private static Path quarters(int width, int height) throws IOException {
        var image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        g.setColor(Color.RED);
        g.fillRect(0, 0, width / 2, height / 2);
        g.setColor(Color.GREEN);
        g.fillRect(width / 2, 0, width / 2, height / 2);
        g.setColor(Color.BLUE);
        g.fillRect(0, height / 2, width / 2, height / 2);
        g.setColor(Color.YELLOW);
        g.fillRect(width / 2, height / 2, width / 2, height / 2);
        g.dispose();
        Path file = Files.createTempFile("quarters", ".png");
        ImageIO.write(image, "png", file.toFile());
        return file;
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor()).as(out).isZero();
    }
}
