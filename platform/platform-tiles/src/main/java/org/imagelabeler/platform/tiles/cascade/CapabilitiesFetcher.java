package org.imagelabeler.platform.tiles.cascade;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;

/**
 * Reads a remote capabilities document, within the store's timeouts and a size limit, and
 * parses it. Failures say what went wrong with the remote, for a 502 to the administrator.
 */
public final class CapabilitiesFetcher {

    /** GIBS's documents are a few megabytes; anything far bigger is not a capabilities document. */
    private static final long MAX_BYTES = 64L << 20;

    private CapabilitiesFetcher() {}

    public static RemoteCapabilities fetch(URI uri, RemoteTileClient.Settings settings) throws CapabilitiesException {
        TileUrls.requireHttp(uri);
        HttpClient http = HttpClient.newBuilder()
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(settings.readTimeout())
                .header("User-Agent", "ImageLabeler")
                .GET()
                .build();
        // the request timeout only covers the headers: the whole exchange gets a deadline too
        long deadline = settings.connectTimeout().plus(settings.readTimeout()).toMillis();
        var future = http.sendAsync(request, HttpResponse.BodyHandlers.ofInputStream())
                .thenApply(response -> {
                    try (InputStream body = response.body()) {
                        if (response.statusCode() != 200) {
                            throw new java.util.concurrent.CompletionException(new CapabilitiesException(uri.getHost()
                                    + " answered HTTP " + response.statusCode() + " for the capabilities"));
                        }
                        return CapabilitiesParser.parse(new LimitedInputStream(body, MAX_BYTES));
                    } catch (IOException | CapabilitiesException e) {
                        throw new java.util.concurrent.CompletionException(e);
                    }
                });
        try {
            return future.get(deadline, java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            future.cancel(true);
            throw new CapabilitiesException(
                    uri.getHost() + " did not send its capabilities within " + deadline / 1000 + " s", e);
        } catch (java.util.concurrent.ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof CapabilitiesException ce) {
                throw ce;
            }
            if (cause instanceof HttpTimeoutException) {
                throw new CapabilitiesException(
                        uri.getHost() + " did not answer within "
                                + settings.readTimeout().toSeconds() + " s",
                        cause);
            }
            throw new CapabilitiesException("cannot read the capabilities from " + uri.getHost() + ": " + cause, cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CapabilitiesException("interrupted while reading the capabilities", e);
        }
    }

    private static final class LimitedInputStream extends java.io.FilterInputStream {
        private long left;

        LimitedInputStream(InputStream in, long limit) {
            super(in);
            this.left = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0 && --left < 0) {
                throw new IOException("the capabilities document is larger than " + (MAX_BYTES >> 20) + " MB");
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0 && (left -= n) < 0) {
                throw new IOException("the capabilities document is larger than " + (MAX_BYTES >> 20) + " MB");
            }
            return n;
        }
    }
}
