package org.imagelabeler.platform.tiles.cache;

/**
 * A tile could not be made. {@code status} is the HTTP status the service should answer: 502 or
 * 504 when a remote server failed, 500 for a rendering failure, 400 for a bad request (a style
 * the layer does not have).
 */
public class TileProductionException extends Exception {

    private final int status;

    public TileProductionException(int status, String message, Throwable cause) {
        super(message, cause);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
