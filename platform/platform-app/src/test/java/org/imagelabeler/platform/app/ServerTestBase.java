package org.imagelabeler.platform.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.imagelabeler.platform.testing.RestClient;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole server, as {@code ./labeler run} assembles it, on a random port with a fresh data
 * directory (created from the template) and the embedded H2GIS database; subclasses named
 * {@code ...OnPostgisTest} run the same tests on PostGIS. Tests talk to it over real HTTP.
 */
@SpringBootTest(classes = LabelerServer.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class ServerTestBase {

    static final String ADMIN_PASSWORD = "admin-test-password";

    @LocalServerPort
    int port;

    RestClient client;

    final RestClient.Auth admin = RestClient.Auth.basic("admin", ADMIN_PASSWORD);

    static Path newDataDir() {
        try {
            return Files.createTempDirectory("labeler-test-data");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs once per application context: each context gets its own data directory. */
    @DynamicPropertySource
    static void serverProperties(DynamicPropertyRegistry registry) {
        Path dataDir = newDataDir();
        registry.add("labeler.data-dir", dataDir::toString);
        registry.add("labeler.admin-password", () -> ADMIN_PASSWORD);
    }

    /** The data directory of the server under test. */
    @Value("${labeler.data-dir}")
    Path dataDir;

    @Value("${labeler.db.url:}")
    String databaseUrl;

    String expectedDatabaseKind() {
        return databaseUrl.isEmpty() ? "H2GIS" : "POSTGIS";
    }

    @BeforeEach
    void connect() {
        client = new RestClient("http://localhost:" + port);
    }

    /** Creates a user with the given roles through the REST API, as an administrator would. */
    void createUser(String name, String password, String... roles) {
        String rolesJson = String.join("\",\"", roles);
        var r = client.post(
                "/rest/security/users",
                "{\"user\":{\"username\":\"" + name + "\",\"password\":\"" + password + "\",\"roles\":["
                        + (roles.length == 0 ? "" : "\"" + rolesJson + "\"") + "]}}",
                admin);
        if (r.status() != 201) {
            throw new IllegalStateException("cannot create user " + name + ": " + r.status() + " " + r.body());
        }
    }

    /** Uploads a GeoTIFF as a user does: PUT to GeoServer's path. */
    RestClient.Response uploadGeoTiff(String workspace, String store, java.nio.file.Path file, RestClient.Auth auth)
            throws java.io.IOException {
        return client.send(
                client.request("/rest/workspaces/" + workspace + "/coveragestores/" + store + "/file.geotiff", auth)
                        .header("Content-Type", "image/tiff")
                        .PUT(java.net.http.HttpRequest.BodyPublishers.ofFile(file)));
    }

    /** Follows the ingest job of an accepted upload to its end; fails unless it succeeded. */
    com.fasterxml.jackson.databind.JsonNode awaitIngest(RestClient.Response accepted) {
        org.assertj.core.api.Assertions.assertThat(accepted.status())
                .as(accepted.body())
                .isEqualTo(202);
        String job = accepted.header("Location");
        String path = job.substring(job.indexOf("/rest/jobs/"));
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofMinutes(2))
                .until(
                        () -> client.get(path, admin).json().path("state").asText(),
                        s -> !s.equals("QUEUED") && !s.equals("RUNNING"));
        var state = client.get(path, admin).json();
        org.assertj.core.api.Assertions.assertThat(state.path("state").asText())
                .as(state.toString())
                .isEqualTo("SUCCEEDED");
        return state;
    }

    /** A WMS 1.3.0 PNG map, anonymous. */
    java.awt.image.BufferedImage getMap(String layer, String crs, String bbox, int size) throws java.io.IOException {
        var r = client.get(
                "/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=" + layer + "&STYLES=&CRS=" + crs + "&BBOX="
                        + bbox + "&WIDTH=" + size + "&HEIGHT=" + size + "&FORMAT=image/png",
                RestClient.Auth.none());
        org.assertj.core.api.Assertions.assertThat(r.contentType()).as(r.body()).isEqualTo("image/png");
        return javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(r.bytes()));
    }
}
