package org.imagelabeler.platform.render;

/**
 * A layer that cannot be drawn as asked. {@code code} is an OGC exception code
 * ({@code StyleNotDefined}, {@code InvalidDimensionValue}...) the service reports as is.
 */
public class RenderException extends Exception {

    private final String code;

    public RenderException(String code, String message) {
        super(message);
        this.code = code;
    }

    public RenderException(String code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
