package org.imagelabeler.platform.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
}
