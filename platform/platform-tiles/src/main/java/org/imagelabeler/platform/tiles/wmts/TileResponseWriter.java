package org.imagelabeler.platform.tiles.wmts;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import org.imagelabeler.platform.ows.OwsRequest;
import org.imagelabeler.platform.ows.ResponseWriter;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Sends a tile with the validators of HTTP caching ({@code ETag}, {@code Last-Modified}), a
 * {@code Cache-Control} lifetime, and 304 when the client's {@code If-None-Match} names the tile.
 */
public final class TileResponseWriter implements ResponseWriter {

    @Override
    public boolean canWrite(Object result) {
        return result instanceof TileResponse;
    }

    @Override
    public void write(Object result, OwsRequest request, HttpServletResponse response) throws IOException {
        var attributes = (ServletRequestAttributes) RequestContextHolder.currentRequestAttributes();
        write((TileResponse) result, attributes.getRequest(), response);
    }

    static void write(TileResponse tile, HttpServletRequest request, HttpServletResponse response) throws IOException {
        String etag = tile.tile().etag();
        response.setHeader("ETag", etag);
        response.setDateHeader("Last-Modified", tile.tile().lastModified().toEpochMilli());
        response.setHeader("Cache-Control", "public, max-age=" + tile.maxAge().toSeconds());
        response.setHeader("X-Cache", tile.hit() ? "HIT" : "MISS");
        String ifNoneMatch = request.getHeader("If-None-Match");
        if (ifNoneMatch != null && matches(ifNoneMatch, etag)) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        response.setContentType(tile.tile().contentType());
        byte[] body = tile.tile().body();
        response.setContentLength(body.length);
        // headers and the whole tile leave in one write, not in buffer-sized pieces
        response.setBufferSize(Math.max(response.getBufferSize(), body.length + 1024));
        try (OutputStream out = response.getOutputStream()) {
            out.write(body);
        }
    }

    /** RFC 9110: a list of entity tags, or *; weak tags compare weakly for If-None-Match. */
    private static boolean matches(String header, String etag) {
        for (String candidate : header.split(",")) {
            String c = candidate.trim();
            if (c.startsWith("W/")) {
                c = c.substring(2);
            }
            if (c.equals("*") || c.equals(etag)) {
                return true;
            }
        }
        return false;
    }
}
