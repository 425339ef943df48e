package org.imagelabeler.platform.raster;

/** A raster file that cannot be served, with a message that says why and what to do about it. */
public class RasterProblem extends RuntimeException {

    public enum Kind {
        NOT_TIFF,
        NO_GEOREFERENCING,
        UNKNOWN_CRS,
        UNSUPPORTED_COMPRESSION,
        UNSUPPORTED_LAYOUT,
        UNREADABLE
    }

    private final Kind kind;

    public RasterProblem(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public RasterProblem(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
