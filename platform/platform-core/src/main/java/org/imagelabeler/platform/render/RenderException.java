package org.imagelabeler.platform.render;

/**
 * A layer that cannot be drawn as asked. {@code code} is an OGC exception code
 * ({@code StyleNotDefined}, {@code InvalidDimensionValue}...) the service reports as is, with
 * the HTTP status: 400 for a bad request, 502 or 504 when a remote server failed.
 */
public class RenderException extends Exception {

    private final String code;
    private final int status;

    public RenderException(String code, String message) {
        this(code, message, 400, null);
    }

    public RenderException(String code, String message, Throwable cause) {
        this(code, message, 400, cause);
    }

    public RenderException(String code, String message, int status, Throwable cause) {
        super(message, cause);
        this.code = code;
        this.status = status;
    }

    public String code() {
        return code;
    }

    public int status() {
        return status;
    }
}
