package org.imagelabeler.platform.ows;

/**
 * A request an OGC service refuses, reported in the service's own exception format with an OGC
 * exception code and, where a parameter is at fault, its name as the locator.
 */
public class OwsException extends RuntimeException {

    public static final String MISSING_PARAMETER = "MissingParameterValue";
    public static final String INVALID_PARAMETER = "InvalidParameterValue";
    public static final String OPERATION_NOT_SUPPORTED = "OperationNotSupported";
    public static final String INVALID_FORMAT = "InvalidFormat";
    public static final String INVALID_CRS = "InvalidCRS";
    public static final String LAYER_NOT_DEFINED = "LayerNotDefined";
    public static final String STYLE_NOT_DEFINED = "StyleNotDefined";
    public static final String INVALID_POINT = "InvalidPoint";
    public static final String NO_APPLICABLE_CODE = "NoApplicableCode";

    private final String code;
    private final String locator;
    private final int status;

    public OwsException(String code, String locator, String message) {
        this(code, locator, message, 400, null);
    }

    public OwsException(String code, String locator, String message, int status, Throwable cause) {
        super(message, cause);
        this.code = code;
        this.locator = locator;
        this.status = status;
    }

    public static OwsException missing(String parameter) {
        return new OwsException(MISSING_PARAMETER, parameter, "the " + parameter + " parameter is required");
    }

    public static OwsException invalid(String parameter, String message) {
        return new OwsException(INVALID_PARAMETER, parameter, message);
    }

    public String code() {
        return code;
    }

    public String locator() {
        return locator;
    }

    /** The HTTP status: 400 for client errors, 500 for server faults, 502/504 for remote ones. */
    public int status() {
        return status;
    }
}
