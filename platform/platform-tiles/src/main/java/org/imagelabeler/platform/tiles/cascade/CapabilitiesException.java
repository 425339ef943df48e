package org.imagelabeler.platform.tiles.cascade;

/**
 * A remote capabilities document could not be used: it is not XML, it is an OGC exception report
 * or an HTML page, it is another kind of document, or it is inconsistent. The message says which,
 * in words an administrator configuring a cascaded server can act on.
 */
public class CapabilitiesException extends Exception {

    public CapabilitiesException(String message) {
        super(message);
    }

    public CapabilitiesException(String message, Throwable cause) {
        super(message, cause);
    }
}
