package org.imagelabeler.labeler;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.imagelabeler.platform.testing.RestClient;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The platform core with this plugin, as auto-configuration assembles them, on a random port
 * with a fresh data directory and the embedded H2GIS database ({@code ...OnPostgisTest}
 * subclasses: PostGIS). Tests talk to it over real HTTP.
 */
@SpringBootTest(
        classes = LabelerServerTestBase.Server.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class LabelerServerTestBase {

    static final String ADMIN_PASSWORD = "labeler-admin-password";

    /** As the server's main class: modules migrate their own schemas, not Boot's Flyway. */
    @SpringBootConfiguration
    @EnableAutoConfiguration(exclude = FlywayAutoConfiguration.class)
    static class Server {}

    @LocalServerPort
    int port;

    protected RestClient client;

    /** The data directory of the server under test. */
    @org.springframework.beans.factory.annotation.Value("${labeler.data-dir}")
    protected Path dataDir;

    protected final RestClient.Auth admin = RestClient.Auth.basic("admin", ADMIN_PASSWORD);

    @DynamicPropertySource
    static void serverProperties(DynamicPropertyRegistry registry) {
        try {
            Path dataDir = Files.createTempDirectory("labeler-plugin-test");
            registry.add("labeler.data-dir", dataDir::toString);
            registry.add("labeler.admin-password", () -> ADMIN_PASSWORD);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @BeforeEach
    void connect() {
        client = new RestClient("http://localhost:" + port);
    }

    /** Creates a user through the platform's REST API, once per server. */
    protected RestClient.Auth user(String name) {
        String password = name + "-password";
        var exists = client.get("/rest/security/users/" + name, admin);
        if (exists.status() == 404) {
            var r = client.post(
                    "/rest/security/users",
                    "{\"user\":{\"username\":\"" + name + "\",\"password\":\"" + password + "\",\"roles\":[]}}",
                    admin);
            if (r.status() != 201) {
                throw new IllegalStateException("cannot create user " + name + ": " + r.status() + " " + r.body());
            }
        }
        return RestClient.Auth.basic(name, password);
    }
}
