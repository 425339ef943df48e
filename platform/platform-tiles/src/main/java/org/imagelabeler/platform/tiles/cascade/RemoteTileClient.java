package org.imagelabeler.platform.tiles.cascade;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.concurrent.TimeUnit.MILLISECONDS;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodySubscriber;
import java.net.http.HttpResponse.ResponseInfo;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * Fetches tiles from remote tile servers such as NASA GIBS, keeping their failures contained: every
 * failure becomes a {@link RemoteTileException} with the status to answer our own client, and no
 * fetch waits for longer than {@link Settings#maxFetchTime()}.
 *
 * <p>A 404 or 204 means the remote has no tile there (GIBS answers 404 outside a layer's coverage
 * or dates): {@link #fetch} returns empty. 5xx answers and I/O errors are retried with exponential
 * backoff; timeouts are not, so a stalled remote costs one timeout, not several. At most {@link
 * Settings#maxConnectionsPerHost()} requests are in flight to one host:port at a time. Thread-safe.
 */
public final class RemoteTileClient implements AutoCloseable {

    /**
     * @param connectTimeout how long to wait for a TCP (and TLS) connection
     * @param readTimeout how long to wait for the response headers, and for a free slot for the host
     * @param maxConnectionsPerHost how many requests may be in flight to one host:port at a time
     * @param retries how many times to retry after a 5xx or an I/O error, 0 to 10
     * @param retryBackoff the wait before the first retry; it doubles for each further one
     * @param maxTileBytes the largest tile body accepted
     */
    public record Settings(
            Duration connectTimeout,
            Duration readTimeout,
            int maxConnectionsPerHost,
            int retries,
            Duration retryBackoff,
            long maxTileBytes) {

        public static final Settings DEFAULT =
                new Settings(Duration.ofSeconds(5), Duration.ofSeconds(20), 4, 2, Duration.ofMillis(250), 16L << 20);

        public Settings {
            requirePositive(connectTimeout, "connectTimeout");
            requirePositive(readTimeout, "readTimeout");
            if (maxConnectionsPerHost < 1) {
                throw new IllegalArgumentException("maxConnectionsPerHost must be at least 1");
            }
            if (retries < 0 || retries > 10) {
                throw new IllegalArgumentException("retries must be between 0 and 10");
            }
            if (retryBackoff.isNegative()) {
                throw new IllegalArgumentException("retryBackoff must not be negative");
            }
            if (maxTileBytes < 1 || maxTileBytes > Integer.MAX_VALUE - 8) {
                throw new IllegalArgumentException("maxTileBytes must be between 1 and 2 GiB");
            }
        }

        /** The longest time one attempt may take, the body included: connect timeout + read timeout. */
        public Duration attemptTimeout() {
            return connectTimeout.plus(readTimeout);
        }

        /**
         * The longest time one {@link #fetch} may take: waiting for a slot (read timeout), then
         * retries + 1 attempts of {@link #attemptTimeout()} each, and the backoffs between them. With
         * the defaults: 20 + 3 × 25 + 0.75 s. In practice only quick failures are retried, so a fetch
         * that times out ends after about one read timeout.
         */
        public Duration maxFetchTime() {
            return readTimeout
                    .plus(attemptTimeout().multipliedBy(retries + 1L))
                    .plus(retryBackoff.multipliedBy((1L << retries) - 1));
        }

        private static void requirePositive(Duration duration, String name) {
            if (duration.isNegative() || duration.isZero()) {
                throw new IllegalArgumentException(name + " must be positive");
            }
        }
    }

    /** How much of a body that is not a tile is read, for the error message. */
    private static final int ERROR_BODY_LIMIT = 8 * 1024;

    private static final int QUOTE_LENGTH = 200;
    private static final Pattern CODE_ATTRIBUTE = Pattern.compile("<[^>]*\\b(?:exceptionCode|code)=\"([^\"]*)\"[^>]*>");
    private static final Pattern MARKUP = Pattern.compile("<[^>]*>");

    private final Settings settings;
    private final ExecutorService executor;
    private final HttpClient http;
    private final String userAgent;
    private final Map<String, Semaphore> slotsByHost = new ConcurrentHashMap<>();
    private volatile boolean closed;

    public RemoteTileClient(Settings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        AtomicInteger threads = new AtomicInteger();
        this.executor = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "remote-tile-http-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(settings.connectTimeout())
                .executor(executor)
                .build();
        String version = RemoteTileClient.class.getPackage().getImplementationVersion();
        this.userAgent = "ImageLabeler/" + (version == null ? "dev" : version);
    }

    public Settings settings() {
        return settings;
    }

    /**
     * GETs a tile.
     *
     * @return the tile, or empty if the remote has none there (404 or 204)
     * @throws IllegalArgumentException if {@code uri} is not an http or https URL
     * @throws RemoteTileException if the remote failed: 504 if it did not answer in time, else 502
     */
    public Optional<RemoteTile> fetch(URI uri) throws RemoteTileException {
        TileUrls.requireHttp(uri);
        if (closed) {
            throw new IllegalStateException("the remote tile client is closed");
        }
        String host = uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
        Semaphore slots =
                slotsByHost.computeIfAbsent(hostKey(uri), key -> new Semaphore(settings.maxConnectionsPerHost(), true));
        acquire(slots, host);
        try {
            return fetchWithRetries(uri, host);
        } finally {
            slots.release();
        }
    }

    @Override
    public void close() {
        closed = true;
        // HttpClient is AutoCloseable from Java 21 on; on 17 its connections go when it is collected.
        if (http instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                // nothing more to release
            }
        }
        executor.shutdown();
        slotsByHost.clear();
    }

    private void acquire(Semaphore slots, String host) throws RemoteTileException {
        try {
            if (!slots.tryAcquire(settings.readTimeout().toMillis(), MILLISECONDS)) {
                throw new RemoteTileException(
                        RemoteTileException.GATEWAY_TIMEOUT,
                        "too many requests waiting for " + host + ": " + settings.maxConnectionsPerHost()
                                + " at a time, none free within " + seconds(settings.readTimeout()));
            }
        } catch (InterruptedException e) {
            throw interrupted(host, e);
        }
    }

    private Optional<RemoteTile> fetchWithRetries(URI uri, String host) throws RemoteTileException {
        HttpRequest request = HttpRequest.newBuilder(uri)
                .GET()
                .timeout(settings.readTimeout())
                .header("User-Agent", userAgent)
                .build();
        for (int attempt = 1; ; attempt++) {
            try {
                return attempt(request, host);
            } catch (TransientFailure failure) {
                if (attempt > settings.retries()) {
                    String gaveUp = attempt > 1 ? " (gave up after " + attempt + " attempts)" : "";
                    throw new RemoteTileException(
                            RemoteTileException.BAD_GATEWAY, failure.getMessage() + gaveUp, failure.getCause());
                }
                pause(settings.retryBackoff().multipliedBy(1L << (attempt - 1)), host);
            }
        }
    }

    private Optional<RemoteTile> attempt(HttpRequest request, String host)
            throws RemoteTileException, TransientFailure {
        HttpResponse<byte[]> response = send(request, host);
        int status = response.statusCode();
        if (status == 404 || status == 204) {
            return Optional.empty();
        }
        String contentType = contentType(response.headers());
        if (isTile(status, contentType)) {
            return Optional.of(new RemoteTile(response.body(), contentType));
        }
        String what;
        if (status != 200) {
            what = host + " answered HTTP " + status;
        } else if (contentType.isEmpty()) {
            what = host + " sent no content type instead of an image";
        } else {
            what = host + " sent " + contentType + " instead of an image";
        }
        String excerpt = excerpt(response.body());
        String message = excerpt.isEmpty() ? what : what + ": \"" + excerpt + "\"";
        if (status >= 500 && status <= 599) {
            throw new TransientFailure(message, null);
        }
        throw new RemoteTileException(RemoteTileException.BAD_GATEWAY, message);
    }

    private HttpResponse<byte[]> send(HttpRequest request, String host) throws RemoteTileException, TransientFailure {
        CompletableFuture<HttpResponse<byte[]>> response = http.sendAsync(request, this::body);
        try {
            // The request timeout only covers the headers: this bounds the body too.
            return response.get(settings.attemptTimeout().toMillis(), MILLISECONDS);
        } catch (TimeoutException e) {
            response.cancel(true);
            throw new RemoteTileException(
                    RemoteTileException.GATEWAY_TIMEOUT,
                    host + " did not send the whole tile within " + seconds(settings.attemptTimeout()));
        } catch (InterruptedException e) {
            response.cancel(true);
            throw interrupted(host, e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            while (cause instanceof CompletionException && cause.getCause() != null) {
                cause = cause.getCause();
            }
            if (cause instanceof HttpConnectTimeoutException) {
                throw new RemoteTileException(
                        RemoteTileException.GATEWAY_TIMEOUT,
                        host + " did not accept a connection within " + seconds(settings.connectTimeout()),
                        cause);
            }
            if (cause instanceof HttpTimeoutException) {
                throw new RemoteTileException(
                        RemoteTileException.GATEWAY_TIMEOUT,
                        host + " did not answer within " + seconds(settings.readTimeout()),
                        cause);
            }
            if (cause instanceof TileTooLarge) {
                throw new RemoteTileException(
                        RemoteTileException.BAD_GATEWAY,
                        host + " sent a tile larger than " + settings.maxTileBytes() + " bytes",
                        cause);
            }
            if (cause instanceof IOException) {
                throw new TransientFailure(describe(cause, host), cause);
            }
            throw new RemoteTileException(RemoteTileException.BAD_GATEWAY, describe(cause, host), cause);
        }
    }

    private static String describe(Throwable failure, String host) {
        String detail = failure.getMessage() == null ? "" : ": " + failure.getMessage();
        if (failure instanceof ConnectException) {
            // the JDK reports an unknown host as a ConnectException without message
            return failure.getCause() instanceof UnresolvedAddressException
                    ? host + " could not be resolved"
                    : "could not connect to " + host + detail;
        }
        return "could not fetch from " + host + ": " + failure.getClass().getSimpleName() + detail;
    }

    private BodySubscriber<byte[]> body(ResponseInfo info) {
        if (isTile(info.statusCode(), contentType(info.headers()))) {
            long declaredLength =
                    info.headers().firstValueAsLong("Content-Length").orElse(-1);
            return new CappedBody((int) settings.maxTileBytes(), true, declaredLength);
        }
        return new CappedBody(ERROR_BODY_LIMIT, false, -1);
    }

    private void pause(Duration backoff, String host) throws RemoteTileException {
        try {
            Thread.sleep(backoff.toMillis());
        } catch (InterruptedException e) {
            throw interrupted(host, e);
        }
    }

    private static RemoteTileException interrupted(String host, InterruptedException e) {
        Thread.currentThread().interrupt();
        return new RemoteTileException(
                RemoteTileException.BAD_GATEWAY, "interrupted while fetching a tile from " + host, e);
    }

    private static boolean isTile(int status, String contentType) {
        return status == 200 && contentType.toLowerCase(Locale.ROOT).startsWith("image/");
    }

    private static String contentType(HttpHeaders headers) {
        return headers.firstValue("Content-Type").orElse("").strip();
    }

    private static String hostKey(URI uri) {
        int port = uri.getPort() >= 0 ? uri.getPort() : uri.getScheme().equalsIgnoreCase("https") ? 443 : 80;
        return uri.getHost().toLowerCase(Locale.ROOT) + ":" + port;
    }

    /**
     * Up to 200 characters of a body that is not a tile; of XML or HTML, such as an OGC
     * ExceptionReport, the exception codes and texts rather than the markup and namespaces.
     */
    private static String excerpt(byte[] body) {
        String text = new String(body, UTF_8).strip();
        if (text.startsWith("<")) {
            text = MARKUP.matcher(CODE_ATTRIBUTE.matcher(text).replaceAll(" $1: "))
                    .replaceAll(" ");
        }
        text = text.replaceAll("[\\s\\p{Cntrl}]+", " ").strip();
        return text.length() <= QUOTE_LENGTH ? text : text.substring(0, QUOTE_LENGTH) + "...";
    }

    private static String seconds(Duration duration) {
        return BigDecimal.valueOf(duration.toMillis(), 3).stripTrailingZeros().toPlainString() + " s";
    }

    /** A failure worth retrying: a 5xx answer or an I/O error other than a timeout. */
    private static final class TransientFailure extends Exception {
        private static final long serialVersionUID = 1L;

        TransientFailure(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private static final class TileTooLarge extends IOException {
        private static final long serialVersionUID = 1L;
    }

    /** Collects a body up to a limit: past it, a tile fails, and any other body is cut short. */
    private static final class CappedBody implements BodySubscriber<byte[]> {
        private final CompletableFuture<byte[]> result = new CompletableFuture<>();
        private final int limit;
        private final boolean tile;
        private final long declaredLength;
        private final ByteArrayOutputStream bytes;
        private Flow.Subscription subscription;

        CappedBody(int limit, boolean tile, long declaredLength) {
            this.limit = limit;
            this.tile = tile;
            this.declaredLength = declaredLength;
            this.bytes = new ByteArrayOutputStream(
                    declaredLength > 0 && declaredLength <= limit ? (int) declaredLength : Math.min(limit, 8192));
        }

        @Override
        public CompletableFuture<byte[]> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            if (tile && declaredLength > limit) {
                subscription.cancel();
                result.completeExceptionally(new TileTooLarge());
                return;
            }
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            for (ByteBuffer buffer : buffers) {
                if (result.isDone()) {
                    return;
                }
                int room = limit - bytes.size();
                if (buffer.remaining() <= room) {
                    write(buffer, buffer.remaining());
                    continue;
                }
                subscription.cancel();
                if (tile) {
                    result.completeExceptionally(new TileTooLarge());
                } else {
                    write(buffer, room);
                    result.complete(bytes.toByteArray());
                }
            }
        }

        @Override
        public void onError(Throwable error) {
            result.completeExceptionally(error);
        }

        @Override
        public void onComplete() {
            result.complete(bytes.toByteArray());
        }

        private void write(ByteBuffer buffer, int length) {
            byte[] chunk = new byte[length];
            buffer.get(chunk);
            bytes.write(chunk, 0, length);
        }
    }
}
