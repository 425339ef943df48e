package org.imagelabeler.platform.tiles.cascade;

/**
 * A remote tile server failed to deliver a tile. {@link #status()} is the HTTP status to give our
 * own client: 504 when the remote did not answer in time, 502 for any other failure.
 */
public class RemoteTileException extends Exception {

    public static final int BAD_GATEWAY = 502;
    public static final int GATEWAY_TIMEOUT = 504;

    private static final long serialVersionUID = 1L;

    private final int status;

    public RemoteTileException(int status, String message) {
        this(status, message, null);
    }

    public RemoteTileException(int status, String message, Throwable cause) {
        super(message, cause);
        this.status = status;
    }

    /** 504 for a remote that did not answer in time, 502 for any other failure. */
    public int status() {
        return status;
    }
}
