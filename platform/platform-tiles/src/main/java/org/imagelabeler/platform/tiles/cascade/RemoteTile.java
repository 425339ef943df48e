package org.imagelabeler.platform.tiles.cascade;

import java.util.Objects;

/**
 * A tile as a remote WMTS sent it.
 *
 * @param body the encoded image, not copied
 * @param contentType the response's Content-Type, e.g. {@code image/png}
 */
public record RemoteTile(byte[] body, String contentType) {

    public RemoteTile {
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(contentType, "contentType");
    }
}
