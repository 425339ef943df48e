package org.imagelabeler.labeler.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.imagelabeler.platform.testing.RestClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.interactions.Actions;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A labeler's first session, in a real browser against the real server (platform, admin shell for
 * the sign-in, plugin and this app): sign in, create an event, upload an image, draw a box on it
 * and tag it; then the REST API is asked what was saved.
 */
@SpringBootTest(
        classes = LabelingInBrowserTest.Server.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LabelingInBrowserTest {

    static final String ADMIN_PASSWORD = "labeler-admin-password";
    static final int WIDTH = 400;
    static final int HEIGHT = 300;

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
        Path dataDir = Files.createTempDirectory("labeler-web-ui-test");
        registry.add("labeler.data-dir", dataDir::toString);
        registry.add("labeler.admin-password", () -> ADMIN_PASSWORD);
    }

    @BeforeEach
    void open() {
        browser = new BrowserSession(Path.of("target", "screenshots"));
        rest = new RestClient("http://localhost:" + port);
    }

    @AfterEach
    void close() {
        browser.screenshot("end"); // where a failing run stopped
        browser.close();
    }

    @Test
    void labelerSignsInCreatesAnEventUploadsDrawsAndTags() throws IOException {
        var driver = browser.driver;
        driver.get("http://localhost:" + port + "/labeler/");

        browser.visible("#username").sendKeys("admin");
        driver.findElement(By.id("password")).sendKeys(ADMIN_PASSWORD);
        browser.screenshot("sign-in");
        driver.findElement(By.cssSelector("#signin button[type=submit]")).click();

        browser.visible("#event-list");
        browser.waitForText("#who", "admin");
        driver.findElement(By.id("event-title")).sendKeys("Delta floods");
        driver.findElement(By.id("event-phenomenon")).sendKeys("flood");
        driver.findElement(By.id("add-class")).click();
        driver.findElement(By.id("add-class")).click();
        browser.visible("#class-name-1").sendKeys("water");
        browser.visible("#class-name-2").sendKeys("cloud");
        browser.screenshot("events");
        driver.findElement(By.cssSelector("#create-event button[type=submit]")).click();

        browser.visible("#upload-files").sendKeys(png().toString());
        String slug = driver.getCurrentUrl().replaceAll(".*#/events/", "");
        driver.findElement(By.cssSelector("#upload button[type=submit]")).click();
        browser.waitForText("#upload-message", "1 image uploaded");
        browser.visible("#image-list li.card a").click();

        browser.visible("#map canvas");
        browser.waitForText("#save-state", "All changes saved");
        new Actions(driver).sendKeys("2").perform();
        browser.waitForAttribute(".palette button[data-class=cloud]", "aria-pressed", "true");
        var map = driver.findElement(By.id("map"));
        new Actions(driver)
                .moveToElement(map, -60, -40)
                .clickAndHold()
                .moveByOffset(40, 30)
                .moveByOffset(80, 50)
                .release()
                .perform();
        browser.waitForAttribute("#map", "data-saved", "1");
        browser.waitForText("#save-state", "All changes saved");

        // a polygon of the first class, clicked point by point and closed on its first point
        new Actions(driver).sendKeys("1p").perform();
        browser.waitForAttribute("button[data-mode=polygon]", "aria-pressed", "true");
        new Actions(driver)
                .moveToElement(map, -150, 100)
                .click()
                .moveToElement(map, -90, 100)
                .click()
                .moveToElement(map, -120, 160)
                .click()
                .moveToElement(map, -150, 100)
                .click()
                .perform();
        browser.waitForAttribute("#map", "data-saved", "2");
        browser.waitForText("#save-state", "All changes saved");
        JsonNode both = rest.get("/rest/labeler/events/" + slug + "/annotations", admin)
                .json()
                .get("items");
        assertThat(both)
                .extracting(a -> a.get("shape").asText() + " " + a.get("class").asText())
                .containsExactlyInAnyOrder("box cloud", "polygon water");

        // selected with a click, deleted with the Delete key
        new Actions(driver).sendKeys("s").perform();
        browser.waitForAttribute("button[data-mode=select]", "aria-pressed", "true");
        new Actions(driver).moveToElement(map, -120, 120).click().perform();
        browser.waitForAttribute("#map", "data-selected", "1");
        new Actions(driver).sendKeys(Keys.DELETE).perform();
        browser.waitForAttribute("#map", "data-saved", "1");
        browser.waitForAttribute("#map", "data-selected", "0");
        browser.waitForText("#save-state", "All changes saved");

        // someone else changes the box meanwhile: deleting it from this page meets 412, and says so
        String boxPath = "/rest/labeler/events/" + slug + "/annotations/"
                + rest.get("/rest/labeler/events/" + slug + "/annotations", admin)
                        .json()
                        .get("items")
                        .get(0)
                        .get("id")
                        .asText();
        assertThat(rest.put(boxPath, "{\"class\": \"water\"}", admin).status()).isEqualTo(200);
        new Actions(driver).moveToElement(map, 0, 0).click().perform();
        browser.waitForAttribute("#map", "data-selected", "1");
        new Actions(driver).sendKeys(Keys.DELETE).perform();
        browser.waitForText("#save-state", "someone else changed this annotation");
        assertThat(rest.get(boxPath, admin).status()).isEqualTo(200);
        assertThat(rest.put(boxPath, "{\"class\": \"cloud\"}", admin).status()).isEqualTo(200);

        browser.visible("#tags button[data-tag=present]").click();
        browser.waitForAttribute("#tags button[data-tag=present]", "aria-pressed", "true");
        browser.screenshot("image");

        JsonNode images = rest.get("/rest/labeler/events/" + slug + "/images", admin)
                .json()
                .get("items");
        assertThat(images).hasSize(1);
        JsonNode image = images.get(0);
        assertThat(image.get("tags")).extracting(JsonNode::asText).containsExactly("present");

        JsonNode annotations = rest.get(
                        "/rest/labeler/events/" + slug + "/annotations?imageId="
                                + image.get("id").asText(),
                        admin)
                .json()
                .get("items");
        assertThat(annotations).hasSize(1);
        JsonNode box = annotations.get(0);
        assertThat(box.get("class").asText()).isEqualTo("cloud");
        assertThat(box.get("shape").asText()).isEqualTo("box");
        // dragged 120 x 80 screen pixels around the middle of the map, where the image is centred
        double[] bounds = bounds(box.get("geometry"));
        double width = bounds[2] - bounds[0];
        double height = bounds[3] - bounds[1];
        assertThat(bounds[0]).isLessThan(WIDTH / 2.0);
        assertThat(bounds[2]).isGreaterThan(WIDTH / 2.0);
        assertThat(bounds[1]).isLessThan(HEIGHT / 2.0);
        assertThat(bounds[3]).isGreaterThan(HEIGHT / 2.0);
        assertThat(width).isBetween(20.0, WIDTH - 1.0);
        assertThat(width / height).isBetween(1.3, 1.7);

        // someone else re-tags the image meanwhile: the next tag click meets 412 and says so
        var retag = rest.send(rest.request(
                        "/rest/labeler/events/" + slug + "/images/"
                                + image.get("id").asText(),
                        admin)
                .header("Content-Type", "application/json")
                .header("If-Match", "\"" + image.get("version").asInt() + "\"")
                .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"tags\": [\"not_present\"]}")));
        assertThat(retag.status()).isEqualTo(200);
        driver.findElement(By.cssSelector("#tags button[data-tag=untagged]")).click();
        browser.waitForText("#save-state", "someone else changed the image");
        browser.screenshot("conflict");
        assertThat(rest.get(
                                "/rest/labeler/events/" + slug + "/images/"
                                        + image.get("id").asText(),
                                admin)
                        .json()
                        .get("tags"))
                .extracting(JsonNode::asText)
                .containsExactly("not_present");

        driver.get("http://localhost:" + port + "/labeler/#/events/" + slug);
        browser.visible("#image-list li.card img");
        browser.screenshot("event");

        driver.findElement(By.linkText("← Events")).click();
        browser.waitForText("#event-list [data-slug=" + slug + "] .count", "1 image");
        browser.screenshot("events-list");
    }

    /** minX, minY, maxX, maxY of a GeoJSON polygon's outer ring. */
    static double[] bounds(JsonNode polygon) {
        List<double[]> points = new ArrayList<>();
        polygon.get("coordinates")
                .get(0)
                .forEach(p ->
                        points.add(new double[] {p.get(0).asDouble(), p.get(1).asDouble()}));
        double[] b = {Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
        for (double[] p : points) {
            b[0] = Math.min(b[0], p[0]);
            b[1] = Math.min(b[1], p[1]);
            b[2] = Math.max(b[2], p[0]);
            b[3] = Math.max(b[3], p[1]);
        }
        return b;
    }

    static Path png() throws IOException {
        var image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        g.setColor(new Color(30, 90, 160));
        g.fillRect(0, 0, WIDTH, HEIGHT);
        g.setColor(Color.WHITE);
        g.fillOval(WIDTH / 2 - 60, HEIGHT / 2 - 40, 120, 80);
        g.dispose();
        Path file = Files.createTempFile("delta", ".png");
        ImageIO.write(image, "png", file.toFile());
        return file;
    }
}
