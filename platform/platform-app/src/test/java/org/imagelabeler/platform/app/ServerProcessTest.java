package org.imagelabeler.platform.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.imagelabeler.platform.testing.RestClient;
import org.imagelabeler.platform.testing.RestClient.Auth;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server as a process: what it prints on first start, what survives a restart, and what
 * survives SIGKILL in the middle of catalog writes.
 */
class ServerProcessTest {

    private static final Pattern PASSWORD = Pattern.compile("password: (\\S+)");

    @TempDir
    Path dataDir;

    @Test
    void firstStartPrintsAGeneratedAdminPasswordOnlyOnce() throws Exception {
        String password;
        try (ServerProcess server = ServerProcess.start(dataDir, Map.of())) {
            System.out.println(
                    "Server start-up, new data dir: " + server.startup().toMillis() + " ms");
            Matcher m = PASSWORD.matcher(server.output());
            assertThat(m.find())
                    .as("a generated password in:\n" + server.output())
                    .isTrue();
            password = m.group(1);
            assertThat(password).hasSizeGreaterThanOrEqualTo(16);
            assertThat(server.client()
                            .get("/rest/workspaces", Auth.basic("admin", password))
                            .status())
                    .isEqualTo(200);
            assertThat(server.client()
                            .get("/rest/workspaces", Auth.basic("admin", "geoserver"))
                            .status())
                    .isEqualTo(401);
            server.stop();
        }
        try (ServerProcess again = ServerProcess.start(dataDir, Map.of())) {
            System.out.println(
                    "Server start-up, existing data dir: " + again.startup().toMillis() + " ms");
            assertThat(again.output()).doesNotContain("password:").doesNotContain(password);
            assertThat(again.client()
                            .get("/rest/workspaces", Auth.basic("admin", password))
                            .status())
                    .isEqualTo(200);
        }
    }

    @Test
    void workspaceCreatedWithATokenSurvivesARestart() throws Exception {
        Map<String, String> env = Map.of("LABELER_ADMIN_PASSWORD", "restart-test-password");
        String token;
        try (ServerProcess server = ServerProcess.start(dataDir, env)) {
            RestClient client = server.client();
            var issued = client.post(
                    "/rest/security/tokens", "{\"name\":\"restart\"}", Auth.basic("admin", "restart-test-password"));
            token = issued.json().path("token").asText();
            var created = client.post(
                    "/rest/workspaces",
                    "{\"workspace\":{\"name\":\"durable\",\"title\":\"Kept\"}}",
                    Auth.bearer(token));
            assertThat(created.status()).isEqualTo(201);
            server.stop();
        }
        try (ServerProcess server = ServerProcess.start(dataDir, env)) {
            var got = server.client().get("/rest/workspaces/durable", Auth.bearer(token));
            assertThat(got.status()).isEqualTo(200);
            assertThat(got.json().at("/workspace/title").asText()).isEqualTo("Kept");
        }
    }

    @Test
    void sigkillDuringCatalogWritesLosesNoAcknowledgedWrite() throws Exception {
        Map<String, String> env = Map.of("LABELER_ADMIN_PASSWORD", "crash-test-password");
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        int attempted = 100;
        try (ServerProcess server = ServerProcess.start(dataDir, env)) {
            String token = server.client()
                    .post("/rest/security/tokens", "{\"name\":\"crash\"}", Auth.basic("admin", "crash-test-password"))
                    .json()
                    .path("token")
                    .asText();
            ExecutorService pool = Executors.newFixedThreadPool(8);
            HttpClient http = HttpClient.newBuilder().executor(pool).build();
            Semaphore thirtyDone = new Semaphore(0);
            List<CompletableFuture<?>> requests = new ArrayList<>();
            for (int i = 0; i < attempted; i++) {
                String name = "ws" + i;
                HttpRequest request = HttpRequest.newBuilder(
                                URI.create(server.client().base() + "/rest/workspaces"))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json")
                        .timeout(Duration.ofSeconds(30))
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"workspace\":{\"name\":\"" + name + "\",\"title\":\"written " + i + "\"}}"))
                        .build();
                requests.add(http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                        .thenAccept(r -> {
                            if (r.statusCode() == 201) {
                                acknowledged.add(name);
                                thirtyDone.release();
                            }
                        })
                        .exceptionally(e -> null));
            }
            thirtyDone.acquire(30);
            server.kill();
            CompletableFuture.allOf(requests.toArray(CompletableFuture[]::new)).join();
            pool.shutdownNow();
        }
        System.out.println(
                "SIGKILL test: " + acknowledged.size() + " of " + attempted + " writes acknowledged before the kill");
        assertThat(acknowledged.size()).isBetween(30, attempted - 1);

        try (ServerProcess restarted = ServerProcess.start(dataDir, env)) {
            Auth admin = Auth.basic("admin", "crash-test-password");
            JsonNode status =
                    restarted.client().get("/rest/about/status", admin).json();
            assertThat(status.path("catalogLoadProblems")).as(status.toString()).isEmpty();
            for (String name : acknowledged) {
                var got = restarted.client().get("/rest/workspaces/" + name, admin);
                assertThat(got.status()).as("acknowledged workspace " + name).isEqualTo(200);
                assertThat(got.json().at("/workspace/title").asText()).startsWith("written ");
            }
            // whatever was written but not acknowledged is complete or absent, never half there
            try (Stream<Path> files = Files.walk(dataDir.resolve("workspaces"))) {
                assertThat(files.filter(p -> p.getFileName().toString().startsWith(".tmp-")))
                        .isEmpty();
            }
        }
    }
}
