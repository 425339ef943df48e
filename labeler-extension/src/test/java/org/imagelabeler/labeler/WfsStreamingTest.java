package org.imagelabeler.labeler;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.imagelabeler.platform.testing.RestClient;
import org.imagelabeler.platform.testing.RestClient.Auth;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;

/**
 * GetFeature streams: a server given a 128 MB heap answers all of 100,000 features as GeoJSON
 * (about 40 MB) and as GML (about 80 MB), which it could not do if it held the features or the
 * response in memory. The server runs in a JVM of its own, so that its heap is its own.
 */
class WfsStreamingTest {

    private static final int FEATURES = 100_000;
    // small enough that filling the layer (each bulk request and its answer held whole) is not what
    // the 128 MB heap is measured on
    private static final int BATCH = 1_000;

    @TempDir
    Path dataDir;

    /** The server of {@link LabelerServerTestBase}, as a process. */
    public static void main(String[] args) {
        SpringApplication.run(LabelerServerTestBase.Server.class, args);
    }

    @Test
    void hundredThousandFeaturesStreamThroughASmallHeap() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Path log = dataDir.resolve("server.log");
        Process server = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx128m",
                        "-XX:+ExitOnOutOfMemoryError",
                        "-cp",
                        System.getProperty("java.class.path"),
                        WfsStreamingTest.class.getName(),
                        "--server.port=" + port,
                        "--labeler.data-dir=" + dataDir.resolve("data"),
                        "--labeler.admin-password=stream-admin-password")
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        try {
            RestClient client = new RestClient("http://localhost:" + port);
            Auth admin = Auth.basic("admin", "stream-admin-password");
            awaitStart(client, server, log);
            var event = client.post(
                    "/rest/labeler/events",
                    "{\"slug\":\"stream\",\"title\":\"Many shapes\",\"visibility\":\"public\","
                            + "\"labelSchema\":{\"classes\":[{\"name\":\"cell\",\"colour\":\"#00ff00\"}]}}",
                    admin);
            assertThat(event.status()).as(event.body()).isEqualTo(201);
            for (int b = 0; b < FEATURES / BATCH; b++) {
                StringBuilder body = new StringBuilder("[");
                for (int i = 0; i < BATCH; i++) {
                    int n = b * BATCH + i;
                    double x = -170 + (n % 1000) * 0.3;
                    double y = -80 + (n / 1000) * 1.5;
                    if (i > 0) {
                        body.append(',');
                    }
                    body.append("{\"space\":\"map\",\"shape\":\"polygon\",\"class\":\"cell\",\"geometry\":")
                            .append("{\"type\":\"Polygon\",\"coordinates\":[[[")
                            .append(x)
                            .append(',')
                            .append(y)
                            .append("],[")
                            .append(x + 0.2)
                            .append(',')
                            .append(y)
                            .append("],[")
                            .append(x + 0.2)
                            .append(',')
                            .append(y + 1)
                            .append("],[")
                            .append(x)
                            .append(',')
                            .append(y + 1)
                            .append("],[")
                            .append(x)
                            .append(',')
                            .append(y)
                            .append("]]]}}");
                }
                body.append(']');
                var r = client.post("/rest/labeler/events/stream/annotations/bulk", body.toString(), admin);
                assertThat(r.status()).as(r.body()).isEqualTo(201);
            }
            String base = "http://localhost:" + port + "/wfs?service=WFS&version=2.0.0&request=GetFeature"
                    + "&typeNames=labeler:stream_shapes";
            long[] json = count(base + "&outputFormat=application/json", "\"type\":\"Feature\"");
            assertThat(json[0]).as("GeoJSON features").isEqualTo(FEATURES);
            long[] gml = count(base, "<wfs:member>");
            assertThat(gml[0]).as("GML features").isEqualTo(FEATURES);
            System.out.printf(
                    "WFS streaming, 100k features, -Xmx128m: GeoJSON %.1f MB, GML %.1f MB%n",
                    json[1] / 1e6, gml[1] / 1e6);
            assertThat(gml[1]).isGreaterThan(64L << 20); // more than half the heap: it cannot have been held
            assertThat(server.isAlive()).as(Files.readString(log)).isTrue();
        } catch (RuntimeException e) {
            // the server went away (out of memory?): its last words
            String said = Files.readString(log);
            throw new AssertionError("server log ends:\n" + said.substring(Math.max(0, said.length() - 4000)), e);
        } finally {
            server.destroy();
            if (!server.waitFor(20, TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
        }
    }

    private static void awaitStart(RestClient client, Process server, Path log) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (System.nanoTime() < deadline) {
            if (!server.isAlive()) {
                throw new IllegalStateException("the server stopped:\n" + Files.readString(log));
            }
            try {
                if (client.get("/rest/about/version", Auth.none()).status() == 200) {
                    return;
                }
            } catch (RuntimeException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("the server did not start:\n" + Files.readString(log));
    }

    /** Streams a response, counting a marker: {occurrences, bytes}. */
    private static long[] count(String url, String marker) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<InputStream> r = http.send(
                HttpRequest.newBuilder(URI.create(url))
                        .timeout(Duration.ofMinutes(5))
                        .build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(r.statusCode()).isEqualTo(200);
        byte[] m = marker.getBytes(StandardCharsets.UTF_8);
        long found = 0;
        long bytes = 0;
        int matched = 0;
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = r.body()) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                bytes += n;
                for (int i = 0; i < n; i++) {
                    // markers contain no repeated prefix, so a mismatch restarts the match
                    matched = buffer[i] == m[matched] ? matched + 1 : (buffer[i] == m[0] ? 1 : 0);
                    if (matched == m.length) {
                        found++;
                        matched = 0;
                    }
                }
            }
        }
        return new long[] {found, bytes};
    }
}
