package org.imagelabeler.platform.tiles.cache;

import java.time.Instant;
import java.util.zip.CRC32C;

/** A tile as served: its bytes, format and the validators of HTTP caching. */
public record CachedTile(byte[] body, String contentType, Instant lastModified) {

    /**
     * A strong validator from the content itself: a tile rewritten with the same pixels keeps its
     * ETag, so clients that revalidate after a reseed still get 304.
     */
    public String etag() {
        CRC32C crc = new CRC32C();
        crc.update(body);
        return "\"" + Long.toHexString(crc.getValue()) + "-" + Integer.toHexString(body.length) + "\"";
    }
}
