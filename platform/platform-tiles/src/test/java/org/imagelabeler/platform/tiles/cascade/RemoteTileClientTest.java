package org.imagelabeler.platform.tiles.cascade;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.imagelabeler.platform.tiles.cascade.RemoteTileClient.Settings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RemoteTileClientTest {

    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 1, 2, 3};

    private static final String EXCEPTION_REPORT = """
            <?xml version="1.0" encoding="UTF-8"?>
            <ExceptionReport xmlns="http://www.opengis.net/ows/1.1"
                xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                xsi:schemaLocation="http://schemas.opengis.net/ows/1.1.0/owsExceptionReport.xsd"
                version="1.1.0" xml:lang="en">
              <Exception exceptionCode="TileOutOfRange" locator="TILEROW">
                <ExceptionText>TILEROW is out of range, maximum value is 4</ExceptionText>
              </Exception>
            </ExceptionReport>
            """;

    private final ExecutorService serverThreads = Executors.newCachedThreadPool();
    /** Lets handlers that hold a request forever go when the test ends. */
    private final CountDownLatch testOver = new CountDownLatch(1);

    private final AtomicInteger requests = new AtomicInteger();
    private HttpServer server;
    private RemoteTileClient client;

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(serverThreads);
        server.start();
    }

    @AfterEach
    void stop() {
        testOver.countDown();
        if (client != null) {
            client.close();
        }
        server.stop(0);
        serverThreads.shutdownNow();
    }

    @Test
    void returnsTheTileWithItsBytesAndContentType() throws Exception {
        AtomicReference<String> userAgent = new AtomicReference<>();
        serve(exchange -> {
            userAgent.set(exchange.getRequestHeaders().getFirst("User-Agent"));
            respond(exchange, 200, "image/png", PNG);
        });
        client = new RemoteTileClient(settings(Duration.ofSeconds(2), 2, 1024));

        Optional<RemoteTile> tile = client.fetch(url("/wmts/tile/0/0/0.png"));

        assertThat(tile).hasValueSatisfying(t -> {
            assertThat(t.body()).isEqualTo(PNG);
            assertThat(t.contentType()).isEqualTo("image/png");
        });
        assertThat(userAgent.get()).matches("ImageLabeler/\\S+");
    }

    @ParameterizedTest
    @ValueSource(ints = {404, 204})
    void noTileThereIsEmpty(int status) throws Exception {
        serve(exchange -> respond(exchange, status, "text/plain", new byte[0]));
        client = new RemoteTileClient(settings(Duration.ofSeconds(2), 2, 1024));

        assertThat(client.fetch(url("/tile.png"))).isEmpty();
        assertThat(requests).hasValue(1);
    }

    @Test
    void retriesServerErrorsUntilTheTileComes() throws Exception {
        serve(exchange -> {
            if (requests.get() <= 2) {
                respond(exchange, 503, "text/plain", "busy".getBytes(UTF_8));
            } else {
                respond(exchange, 200, "image/png", PNG);
            }
        });
        client = new RemoteTileClient(settings(Duration.ofSeconds(2), 2, 1024));

        assertThat(client.fetch(url("/tile.png")))
                .hasValueSatisfying(t -> assertThat(t.body()).isEqualTo(PNG));
        assertThat(requests).hasValue(3);
    }

    @Test
    void givesUpWith502AfterTheRetries() {
        serve(exchange -> respond(exchange, 500, "text/plain", "database is down".getBytes(UTF_8)));
        client = new RemoteTileClient(settings(Duration.ofSeconds(2), 2, 1024));

        RemoteTileException e = fetchFailure(url("/tile.png"));

        assertThat(e.status()).isEqualTo(502);
        assertThat(e.getMessage())
                .contains(host(), "HTTP 500", "database is down", "3 attempts")
                .doesNotContain("/tile.png");
        assertThat(requests).hasValue(3);
    }

    @Test
    void aRemoteThatNeverAnswersIs504AfterTheReadTimeout() throws Exception {
        CountDownLatch arrived = new CountDownLatch(1);
        serve(exchange -> {
            arrived.countDown();
            awaitTestEnd();
        });
        Duration readTimeout = Duration.ofMillis(500);
        client = new RemoteTileClient(settings(readTimeout, 2, 1024));

        long start = System.nanoTime();
        RemoteTileException e = fetchFailure(url("/tile.png"));
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        System.out.println("stalled remote: 504 after " + took.toMillis() + " ms");

        assertThat(arrived.await(0, TimeUnit.SECONDS)).isTrue();
        assertThat(e.status()).isEqualTo(504);
        assertThat(e.getMessage()).isEqualTo(host() + " did not answer within 0.5 s");
        assertThat(took).isLessThan(readTimeout.plusSeconds(1));
        assertThat(requests).as("a timeout is not retried").hasValue(1);
    }

    @Test
    void aBodyThatStallsIs504WithinTheAttemptTimeout() throws Exception {
        serve(exchange -> {
            sendHeadersAndStall(exchange);
            awaitTestEnd();
        });
        Settings settings = settings(Duration.ofMillis(500), 2, 1024);
        client = new RemoteTileClient(settings);

        long start = System.nanoTime();
        RemoteTileException e = fetchFailure(url("/tile.png"));
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(e.status()).isEqualTo(504);
        assertThat(e.getMessage()).contains(host(), "did not send the whole tile");
        assertThat(took).isLessThan(settings.attemptTimeout().plusSeconds(1));
    }

    @Test
    void aPortNobodyListensOnIs502Quickly() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        client = new RemoteTileClient(settings(Duration.ofSeconds(2), 2, 1024));

        long start = System.nanoTime();
        RemoteTileException e = fetchFailure(URI.create("http://127.0.0.1:" + port + "/tile.png"));

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
        assertThat(e.status()).isEqualTo(502);
        assertThat(e.getMessage()).startsWith("could not connect to 127.0.0.1:" + port);
    }

    @ParameterizedTest
    @ValueSource(ints = {200, 400})
    void anExceptionReportIs502QuotingIt(int status) {
        serve(exchange -> respond(exchange, status, "text/xml", EXCEPTION_REPORT.getBytes(UTF_8)));
        client = new RemoteTileClient(settings(Duration.ofSeconds(2), 2, 1024));

        RemoteTileException e = fetchFailure(url("/tile.png"));

        assertThat(e.status()).isEqualTo(502);
        assertThat(e.getMessage())
                .startsWith(host())
                .contains("TileOutOfRange: TILEROW is out of range, maximum value is 4")
                .doesNotContain("xmlns");
        assertThat(requests).as("not retried").hasValue(1);
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void aTileOverTheSizeLimitIs502(boolean declaresItsLength) {
        serve(exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "image/png");
            exchange.sendResponseHeaders(200, declaresItsLength ? 4096 : 0);
            try (OutputStream body = exchange.getResponseBody()) {
                body.write(new byte[4096]);
            }
        });
        client = new RemoteTileClient(settings(Duration.ofSeconds(2), 2, 1024));

        RemoteTileException e = fetchFailure(url("/tile.png"));

        assertThat(e.status()).isEqualTo(502);
        assertThat(e.getMessage()).isEqualTo(host() + " sent a tile larger than 1024 bytes");
    }

    @Test
    void neverHasMoreRequestsInFlightToAHostThanItsLimit() throws Exception {
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger mostInFlight = new AtomicInteger();
        CountDownLatch overLimit = new CountDownLatch(1);
        serve(exchange -> {
            int now = inFlight.incrementAndGet();
            mostInFlight.accumulateAndGet(now, Math::max);
            if (now > 2) {
                overLimit.countDown();
            }
            try {
                // a slow remote: each request takes 50 ms, unless a third one shows up alongside
                overLimit.await(50, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            inFlight.decrementAndGet();
            respond(exchange, 200, "image/png", PNG);
        });
        client = new RemoteTileClient(settings(Duration.ofSeconds(5), 2, 1024));

        ExecutorService callers = Executors.newFixedThreadPool(8);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Optional<RemoteTile>>> fetches = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                URI tile = url("/tile/" + i + ".png");
                fetches.add(callers.submit(() -> {
                    go.await();
                    return client.fetch(tile);
                }));
            }
            go.countDown();
            for (Future<Optional<RemoteTile>> fetch : fetches) {
                assertThat(fetch.get(10, TimeUnit.SECONDS)).isPresent();
            }
        } finally {
            callers.shutdownNow();
        }

        assertThat(requests).hasValue(8);
        assertThat(mostInFlight).hasValue(2);
    }

    @Test
    void noFreeSlotForTheHostWithinTheReadTimeoutIs504() throws Exception {
        CountDownLatch firstArrived = new CountDownLatch(1);
        // the body stalls: the first fetch holds the host's only slot for the whole attempt timeout (0.8 s)
        serve(exchange -> {
            sendHeadersAndStall(exchange);
            firstArrived.countDown();
            awaitTestEnd();
        });
        client = new RemoteTileClient(settings(Duration.ofMillis(300), 1, 1024));
        ExecutorService caller = Executors.newSingleThreadExecutor();
        try {
            caller.submit(() -> client.fetch(url("/stalled.png")));
            assertThat(firstArrived.await(5, TimeUnit.SECONDS)).isTrue();

            RemoteTileException e = fetchFailure(url("/waiting.png"));

            assertThat(e.status()).isEqualTo(504);
            assertThat(e.getMessage()).startsWith("too many requests waiting for " + host());
            assertThat(requests)
                    .as("the waiting request never reached the server")
                    .hasValue(1);
        } finally {
            caller.shutdownNow();
        }
    }

    @Test
    void anUnknownHostIs502NamingIt() {
        client = new RemoteTileClient(settings(Duration.ofSeconds(2), 2, 1024));

        RemoteTileException e = fetchFailure(URI.create("http://no-such-host.invalid/tile.png"));

        assertThat(e.status()).isEqualTo(502);
        assertThat(e.getMessage()).startsWith("no-such-host.invalid could not be resolved");
    }

    @ParameterizedTest
    @ValueSource(strings = {"file:///etc/passwd", "ftp://example.org/tile.png", "jar:file:/tiles.jar!/0/0/0.png"})
    void refusesUrlsThatAreNotHttp(String url) {
        client = new RemoteTileClient(settings(Duration.ofSeconds(2), 2, 1024));

        assertThatThrownBy(() -> client.fetch(URI.create(url)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("only http and https");
    }

    @Test
    void refusesToFetchOnceClosed() {
        client = new RemoteTileClient(settings(Duration.ofSeconds(2), 2, 1024));
        client.close();

        assertThatThrownBy(() -> client.fetch(url("/tile.png"))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theDefaultsBoundAFetch() {
        Settings defaults = Settings.DEFAULT;

        assertThat(defaults)
                .isEqualTo(new Settings(
                        Duration.ofSeconds(5), Duration.ofSeconds(20), 4, 2, Duration.ofMillis(250), 16 * 1024 * 1024));
        assertThat(defaults.maxFetchTime()).isEqualTo(Duration.ofMillis(20_000 + 3 * 25_000 + 750));
    }

    private static Settings settings(Duration readTimeout, int maxConnectionsPerHost, long maxTileBytes) {
        return new Settings(
                Duration.ofMillis(500), readTimeout, maxConnectionsPerHost, 2, Duration.ofMillis(10), maxTileBytes);
    }

    private RemoteTileException fetchFailure(URI uri) {
        RemoteTileException failure = catchThrowableOfType(RemoteTileException.class, () -> client.fetch(uri));
        assertThat(failure).as("fetch of %s fails", uri).isNotNull();
        return failure;
    }

    private void serve(HttpHandler handler) {
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            try (exchange) {
                handler.handle(exchange);
            }
        });
    }

    /** Sends the headers of a 1000-byte tile and its first bytes, but not the rest. */
    private static void sendHeadersAndStall(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "image/png");
        exchange.sendResponseHeaders(200, 1000);
        exchange.getResponseBody().write(PNG);
        exchange.getResponseBody().flush();
    }

    private void awaitTestEnd() {
        try {
            testOver.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void respond(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        exchange.getResponseBody().write(body);
    }

    private String host() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    private URI url(String path) {
        return URI.create("http://" + host() + path);
    }
}
