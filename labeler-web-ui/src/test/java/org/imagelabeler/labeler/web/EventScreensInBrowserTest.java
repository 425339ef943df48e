package org.imagelabeler.labeler.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipFile;
import javax.imageio.ImageIO;
import org.imagelabeler.platform.testing.RestClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * An event manager's screens in a real browser against the real server: the events list with
 * progress, editing an event (a class in use cannot go), the team, filters and assignment of the
 * image list, and a COCO export followed to its download; the REST API tells what was saved.
 */
@SpringBootTest(
        classes = EventScreensInBrowserTest.Server.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class EventScreensInBrowserTest {

    static final String ADMIN_PASSWORD = "labeler-admin-password";
    static final String EVENTS = "/rest/labeler/events/";

    @SpringBootConfiguration
    @EnableAutoConfiguration(exclude = FlywayAutoConfiguration.class)
    static class Server {}

    @LocalServerPort
    int port;

    @TempDir
    Path files;

    BrowserSession browser;
    RestClient rest;
    final RestClient.Auth admin = RestClient.Auth.basic("admin", ADMIN_PASSWORD);
    final ObjectMapper json = new ObjectMapper();

    @DynamicPropertySource
    static void serverProperties(DynamicPropertyRegistry registry) throws IOException {
        Path dataDir = Files.createTempDirectory("labeler-web-ui-event-screens");
        registry.add("labeler.data-dir", dataDir::toString);
        registry.add("labeler.admin-password", () -> ADMIN_PASSWORD);
    }

    @BeforeEach
    void open() {
        browser = new BrowserSession(Path.of("target", "screenshots", "EventScreensInBrowserTest"));
        rest = new RestClient("http://localhost:" + port);
    }

    @AfterEach
    void close() {
        browser.screenshot("end"); // where a failing run stopped
        browser.close();
    }

    @Test
    void managerEditsTheEventBuildsTheTeamAssignsImagesAndDownloadsAnExport() throws Exception {
        RestClient.Auth labeler = user("labeler-two");
        RestClient.Auth reviewer = user("reviewer-one");
        var driver = browser.driver;
        driver.get("http://localhost:" + port + "/labeler/");
        browser.visible("#username").sendKeys("admin");
        driver.findElement(By.id("password")).sendKeys(ADMIN_PASSWORD);
        driver.findElement(By.cssSelector("#signin button[type=submit]")).click();

        // a new event with two classes, three pictures uploaded at once
        browser.visible("#event-list");
        driver.findElement(By.id("event-title")).sendKeys("Harbour ice");
        driver.findElement(By.id("event-phenomenon")).sendKeys("sea ice");
        driver.findElement(By.id("add-class")).click();
        driver.findElement(By.id("add-class")).click();
        browser.visible("#class-name-1").sendKeys("ice");
        browser.visible("#class-name-2").sendKeys("water");
        driver.findElement(By.cssSelector("#create-event button[type=submit]")).click();
        browser.visible("#upload-files")
                .sendKeys(String.join(
                        "\n",
                        png("a", Color.BLUE).toString(),
                        png("b", Color.GRAY).toString(),
                        png("c", Color.DARK_GRAY).toString()));
        String slug = driver.getCurrentUrl().replaceAll(".*#/events/", "");
        assertThat(slug).isEqualTo("harbour-ice");
        driver.findElement(By.cssSelector("#upload button[type=submit]")).click();
        browser.waitForText("#upload-message", "3 images uploaded");
        browser.waitForText("#image-summary", "3 of 3 images");

        List<String> ids = new ArrayList<>();
        rest.get(EVENTS + slug + "/images", admin)
                .json()
                .get("items")
                .forEach(i -> ids.add(i.get("id").asText()));
        assertThat(ids).hasSize(3);
        String first = ids.get(0);
        var box = rest.post(
                EVENTS + slug + "/annotations",
                "{\"imageId\":\"" + first + "\",\"space\":\"pixel\",\"shape\":\"box\",\"class\":\"ice\","
                        + "\"geometry\":{\"type\":\"Polygon\",\"coordinates\":"
                        + "[[[10,8],[40,8],[40,30],[10,30],[10,8]]]}}",
                admin);
        assertThat(box.status()).as(box.body()).isEqualTo(201);
        var tagged = patch(EVENTS + slug + "/images/" + first, "{\"tags\":[\"present\"],\"status\":\"labeled\"}");
        assertThat(tagged.status()).as(tagged.body()).isEqualTo(200);

        // edit: removing a class in use is refused next to it; a rename and a new coloured class are saved
        driver.findElement(By.id("tab-edit")).click();
        browser.visible("#edit-event");
        driver.findElement(By.cssSelector(".class-row[data-original=ice] .remove-class"))
                .click();
        driver.findElement(By.cssSelector("#edit-event button[type=submit]")).click();
        browser.waitForText(".class-row[data-original=ice] .field-error", "is used by 1 annotation");
        assertThat(driver.findElement(By.cssSelector(".class-row[data-original=ice]"))
                        .isDisplayed())
                .isTrue();
        browser.screenshot("edit-class-in-use");
        WebElement title = driver.findElement(By.id("event-title"));
        title.clear();
        title.sendKeys("Harbour ice 2026");
        driver.findElement(By.id("add-class")).click();
        browser.visible("#class-rows li:last-child .class-name").sendKeys("snow");
        driver.executeScript(
                "arguments[0].value = '#00aa88'; arguments[0].dispatchEvent(new Event('input', {bubbles: true}))",
                driver.findElement(By.cssSelector("#class-rows li:last-child .class-colour")));
        browser.screenshot("edit-event");
        driver.findElement(By.cssSelector("#edit-event button[type=submit]")).click();
        browser.visible("#image-list li.card");
        browser.waitForText("h1", "Harbour ice 2026");
        JsonNode event = rest.get(EVENTS + slug, admin).json();
        assertThat(event.get("title").asText()).isEqualTo("Harbour ice 2026");
        assertThat(event.get("labelSchema").get("classes"))
                .extracting(c -> c.get("name").asText() + " " + c.get("colour").asText())
                .containsExactly("ice #e6194b", "water #3cb44b", "snow #00aa88");

        // a field the API refuses is marked; a change made meanwhile over REST meets 412 and is kept
        driver.findElement(By.id("tab-edit")).click();
        browser.visible("#event-title").clear();
        driver.findElement(By.cssSelector("#edit-event button[type=submit]")).click();
        browser.waitForText("#event-title-error", "an event needs a title");
        assertThat(rest.put(EVENTS + slug, "{\"phenomenon\":\"fast ice\"}", admin)
                        .status())
                .isEqualTo(200);
        driver.findElement(By.id("event-title")).sendKeys("Harbour ice, late");
        driver.findElement(By.cssSelector("#edit-event button[type=submit]")).click();
        browser.waitForText("#event-form-message", "was changed meanwhile");
        browser.screenshot("edit-conflict");
        JsonNode kept = rest.get(EVENTS + slug, admin).json();
        assertThat(kept.get("title").asText()).isEqualTo("Harbour ice 2026");
        assertThat(kept.get("phenomenon").asText()).isEqualTo("fast ice");

        // team: a labeler added by name; the last owner cannot become a labeler, and the page says so
        driver.findElement(By.id("tab-team")).click();
        browser.visible("#member-username").sendKeys("labeler-two");
        new Select(driver.findElement(By.id("member-role"))).selectByValue("labeler");
        driver.findElement(By.cssSelector("#add-member button[type=submit]")).click();
        browser.waitForText("#team-status", "labeler-two added as labeler");
        browser.visible("#team tr[data-username=labeler-two]");
        new Select(driver.findElement(By.cssSelector("#team tr[data-username=admin] select"))).selectByValue("labeler");
        browser.waitForText("#team-message", "last owner");
        browser.screenshot("team");
        JsonNode members = rest.get(EVENTS + slug + "/members", admin).json();
        assertThat(members)
                .extracting(
                        m -> m.get("username").asText() + " " + m.get("role").asText())
                .containsExactlyInAnyOrder("admin owner", "labeler-two labeler");
        assertThat(rest.put(EVENTS + slug + "/members/reviewer-one", "{\"role\":\"reviewer\"}", admin)
                        .status())
                .isEqualTo(201);

        // images: filters by tag and class, then two images assigned to the labeler
        driver.findElement(By.id("tab-images")).click();
        browser.waitForText("#image-summary", "3 of 3 images");
        new Select(driver.findElement(By.id("tag-filter"))).selectByValue("present");
        browser.waitForText("#image-summary", "1 of 1 image");
        assertThat(cardIds()).containsExactly(first);
        new Select(driver.findElement(By.id("tag-filter"))).selectByValue("");
        new Select(driver.findElement(By.id("class-filter"))).selectByValue("water");
        browser.waitForText("#image-summary", "No images match");
        new Select(driver.findElement(By.id("class-filter"))).selectByValue("ice");
        browser.waitForText("#image-summary", "1 of 1 image");
        assertThat(cardIds()).containsExactly(first);
        new Select(driver.findElement(By.id("class-filter"))).selectByValue("");
        browser.waitForText("#image-summary", "3 of 3 images");
        driver.findElement(By.cssSelector("#image-list li[data-id='" + ids.get(1) + "'] .pick-image"))
                .click();
        driver.findElement(By.cssSelector("#image-list li[data-id='" + ids.get(2) + "'] .pick-image"))
                .click();
        browser.waitForText("#selected-count", "2 selected");
        new Select(driver.findElement(By.id("assign-to"))).selectByValue("labeler-two");
        browser.screenshot("images-selected");
        driver.findElement(By.id("assign")).click();
        browser.waitForText("#assign-message", "2 images assigned to labeler-two");
        assertThat(rest.get(EVENTS + slug + "/images?assignee=labeler-two", labeler)
                        .json()
                        .get("items"))
                .extracting(i -> i.get("id").asText())
                .containsExactlyInAnyOrder(ids.get(1), ids.get(2));
        new Select(driver.findElement(By.id("assignee-filter"))).selectByValue("labeler-two");
        browser.waitForText("#image-summary", "2 of 2 images");
        assertThat(cardIds()).containsExactlyInAnyOrder(ids.get(1), ids.get(2));
        browser.waitForText("#image-list li[data-id='" + ids.get(1) + "'] .assignee", "Assigned to labeler-two");
        browser.screenshot("images-assigned");
        new Select(driver.findElement(By.id("assignee-filter"))).selectByVisibleText("nobody (unassigned)");
        browser.waitForText("#image-summary", "1 of 1 image");
        assertThat(cardIds()).containsExactly(first);
        driver.findElement(By.id("my-images")).click(); // the admin has none
        browser.waitForText("#image-summary", "No images match");
        browser.waitForAttribute("#my-images", "aria-pressed", "true");

        // a reviewer accepts the labeled image; the accepted-only COCO export holds its box
        var accepted = rest.post(EVENTS + slug + "/images/" + first + "/review", "{\"decision\":\"accept\"}", reviewer);
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
        Path downloads = Files.createDirectories(files.resolve("downloads"));
        browser.downloadInto(downloads);
        driver.findElement(By.id("tab-export")).click();
        assertThat(browser.visible("#format-coco").isSelected()).isTrue();
        assertThat(driver.findElement(By.id("include-accepted")).isSelected()).isTrue();
        driver.findElement(By.id("start-export")).click();
        browser.visible("#export-download");
        browser.waitForText("#export-state", "Export ready");
        browser.visible("#exports tbody tr a[download]");
        browser.screenshot("export-done");
        driver.findElement(By.id("export-download")).click();
        Path zip = BrowserSession.downloadedZip(downloads);
        try (var archive = new ZipFile(zip.toFile())) {
            List<JsonNode> boxes = new ArrayList<>();
            int images = 0;
            for (var entry : java.util.Collections.list(archive.entries())) {
                if (entry.getName().matches("annotations/instances_[a-z]+\\.json")) {
                    JsonNode coco = json.readTree(archive.getInputStream(entry));
                    images += coco.get("images").size();
                    coco.get("annotations").forEach(boxes::add);
                }
            }
            assertThat(images).as("accepted images only").isEqualTo(1);
            assertThat(boxes).hasSize(1);
            assertThat(boxes.get(0).get("bbox")).extracting(JsonNode::asDouble).containsExactly(10.0, 8.0, 30.0, 22.0);
        }

        // the events list: the card's progress counts the accepted image
        driver.findElement(By.linkText("← Events")).click();
        browser.waitForText("#event-list [data-slug=" + slug + "] .count", "3 images · 1 labeled (1 accepted)");
        browser.visible("#event-list [data-slug=" + slug + "] .progress-bar .segment.accepted");
        browser.screenshot("events-progress");
    }

    @Test
    void imageListPagesBeyondAHundredAndSelectsAllOnThePage() throws Exception {
        String slug = "many-images";
        var created = rest.post("/rest/labeler/events", "{\"slug\":\"" + slug + "\",\"title\":\"Many images\"}", admin);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        Path tiny = png("tiny", Color.GREEN);
        for (int i = 0; i < 105; i++) {
            var r = rest.send(rest.request(EVENTS + slug + "/images?name=" + String.format("p%03d.png", i), admin)
                    .header("Content-Type", "image/png")
                    .POST(HttpRequest.BodyPublishers.ofFile(tiny)));
            assertThat(r.status()).as(r.body()).isEqualTo(201);
        }
        var driver = browser.driver;
        driver.get("http://localhost:" + port + "/labeler/#/events/" + slug);
        browser.visible("#username").sendKeys("admin");
        driver.findElement(By.id("password")).sendKeys(ADMIN_PASSWORD);
        driver.findElement(By.cssSelector("#signin button[type=submit]")).click();

        browser.waitForText("#image-summary", "100 of 105 images");
        assertThat(cardIds()).hasSize(100);
        driver.findElement(By.id("select-all")).click();
        browser.waitForText("#selected-count", "100 selected");
        driver.findElement(By.id("more-images")).click();
        browser.waitForText("#image-summary", "105 of 105 images");
        assertThat(cardIds()).hasSize(105).doesNotHaveDuplicates();
        assertThat(driver.findElement(By.id("more-images")).isDisplayed()).isFalse();
        assertThat(driver.findElement(By.id("select-all")).isSelected())
                .as("the new page's images are not selected")
                .isFalse();
        driver.findElement(By.id("select-all")).click();
        browser.waitForText("#selected-count", "105 selected");
        driver.findElement(By.id("unassign")).click();
        browser.waitForText("#assign-message", "105 images unassigned");
    }

    private List<String> cardIds() {
        return browser.driver.findElements(By.cssSelector("#image-list li.card")).stream()
                .map(li -> li.getDomAttribute("data-id"))
                .toList();
    }

    private RestClient.Response patch(String path, String body) {
        return rest.send(rest.request(path, admin)
                .header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(body)));
    }

    private RestClient.Auth user(String name) {
        String password = name + "-password";
        var r = rest.post(
                "/rest/security/users",
                "{\"user\":{\"username\":\"" + name + "\",\"password\":\"" + password + "\",\"roles\":[]}}",
                admin);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return RestClient.Auth.basic(name, password);
    }

    private Path png(String name, Color colour) throws IOException {
        var image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        g.setColor(colour);
        g.fillRect(0, 0, 64, 48);
        g.dispose();
        Path file = files.resolve(name + ".png");
        ImageIO.write(image, "png", file.toFile());
        return file;
    }
}
