package org.imagelabeler.platform.tiles.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.wicket.util.string.Strings;
import org.imagelabeler.platform.catalog.BoundingBox;
import org.imagelabeler.platform.catalog.Catalog;
import org.imagelabeler.platform.catalog.WorkspaceInfo;
import org.imagelabeler.platform.raster.GeoTiffWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The coverage stores page's upload as a browser sends it, through the real server's filters:
 * a signed-in session posts the multipart form to the action URL the page rendered (which
 * carries the CSRF token, since Spring's CSRF filter does not read multipart bodies), and the
 * store is published; the same post without the token is refused.
 */
@SpringBootTest(
        classes = CoverageUploadFormHttpTest.TestServer.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "labeler.admin-password=" + CoverageUploadFormHttpTest.PASSWORD)
@DirtiesContext
class CoverageUploadFormHttpTest {

    static final String PASSWORD = "coverage-upload-form-test";

    @SpringBootConfiguration
    @EnableAutoConfiguration(exclude = FlywayAutoConfiguration.class)
    static class TestServer {}

    @TempDir
    static Path dataDir;

    @DynamicPropertySource
    static void dataDirectory(DynamicPropertyRegistry registry) {
        registry.add("labeler.data-dir", () -> dataDir.toString());
    }

    @LocalServerPort
    int port;

    @Autowired
    Catalog catalog;

    final HttpClient http = HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();

    @Test
    void theUploadFormPublishesAGeoTiffAndIsRefusedWithoutItsToken() throws Exception {
        Instant now = Instant.now();
        catalog.add(new WorkspaceInfo(UUID.randomUUID().toString(), "uploads", "Uploads", now, now));
        signIn();

        String page = get("/web/coverage-stores");
        Matcher form = Pattern.compile("<form[^>]*enctype=\"multipart/form-data\"[^>]*>")
                .matcher(page);
        assertThat(form.find()).as("a multipart form").isTrue();
        String action =
                Strings.unescapeMarkup(attribute(form.group(), "action")).toString();
        assertThat(action).contains("_csrf=");
        URI target = URI.create(base() + "/web/coverage-stores").resolve(action);
        Matcher option =
                Pattern.compile("<option value=\"([^\"]*)\">uploads</option>").matcher(page);
        assertThat(option.find()).isTrue();
        byte[] tif = geoTiff();

        // without the token in the URL, Spring's CSRF filter refuses the post
        URI withoutToken = URI.create(target.toString().replaceAll("[&?]_csrf=[^&]*", ""));
        // the fields' names as Wicket rendered them ("name" is escaped, for one)
        Fields fields = new Fields(
                inputName(page, "coverage-ws"),
                inputName(page, "coverage-name"),
                inputName(page, "coverage-path"),
                inputName(page, "coverage-file"));
        var refused = postMultipart(withoutToken, fields, option.group(1), "refused", tif);
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(catalog.storeByName("uploads", "refused")).isEmpty();

        var answer = postMultipart(target, fields, option.group(1), "sent", tif);
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).contains("Publishing uploads:sent from sent.tif: job ");
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (catalog.layerByName("uploads", "sent").isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(catalog.layerByName("uploads", "sent")).isPresent();
    }

    private void signIn() throws IOException, InterruptedException {
        String login = get("/web/login");
        Matcher csrf = Pattern.compile("<input[^>]*name=\"_csrf\"[^>]*>").matcher(login);
        assertThat(csrf.find()).isTrue();
        String body = "username=admin&password=" + PASSWORD + "&_csrf="
                + URLEncoder.encode(attribute(csrf.group(), "value"), StandardCharsets.UTF_8);
        var response = http.send(
                HttpRequest.newBuilder(URI.create(base() + "/web/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.uri().getPath()).as(response.body()).startsWith("/web");
        assertThat(response.body()).contains("Signed in as");
    }

    record Fields(String workspace, String store, String path, String file) {}

    private static String inputName(String page, String id) {
        Matcher tag =
                Pattern.compile("<(input|select)[^>]*id=\"" + id + "\"[^>]*>").matcher(page);
        assertThat(tag.find()).as(id).isTrue();
        return attribute(tag.group(), "name");
    }

    private HttpResponse<String> postMultipart(URI target, Fields names, String workspace, String store, byte[] tif)
            throws IOException, InterruptedException {
        String boundary = "----coverage" + UUID.randomUUID();
        var body = new ByteArrayOutputStream();
        for (String[] field :
                new String[][] {{names.workspace(), workspace}, {names.store(), store}, {names.path(), ""}}) {
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field[0] + "\"\r\n\r\n"
                            + field[1] + "\r\n")
                    .getBytes(StandardCharsets.UTF_8));
        }
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + names.file() + "\"; filename=\""
                        + store + ".tif\"\r\nContent-Type: image/tiff\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.write(tif);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return http.send(
                HttpRequest.newBuilder(target)
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private String get(String path) throws IOException, InterruptedException {
        var response = http.send(
                HttpRequest.newBuilder(URI.create(base() + path)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    private String base() {
        return "http://localhost:" + port;
    }

    private static String attribute(String tag, String name) {
        Matcher m = Pattern.compile("\\b" + name + "=\"([^\"]*)\"").matcher(tag);
        assertThat(m.find()).as(name + " of " + tag).isTrue();
        return m.group(1);
    }

    private static byte[] geoTiff() throws IOException {
        Path file = Files.createTempFile(dataDir, "upload", ".tif");
        GeoTiffWriter.write(
                new BufferedImage(600, 450, BufferedImage.TYPE_INT_RGB),
                "EPSG:4326",
                new BoundingBox(10, 10, 12, 11.5, "EPSG:4326"),
                file);
        byte[] bytes = Files.readAllBytes(file);
        Files.delete(file);
        return bytes;
    }
}
