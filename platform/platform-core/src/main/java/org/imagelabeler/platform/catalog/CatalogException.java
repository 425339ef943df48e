package org.imagelabeler.platform.catalog;

/** A catalog change that was refused; nothing was changed. */
public class CatalogException extends RuntimeException {

    private final String field;

    public CatalogException(String message) {
        this(null, message);
    }

    public CatalogException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The property at fault ({@code name}, {@code workspace}...), or null. */
    public String field() {
        return field;
    }

    /** The object named does not exist. */
    public static final class NotFound extends CatalogException {
        public NotFound(String message) {
            super(message);
        }
    }

    /** Another object already has this name. */
    public static final class DuplicateName extends CatalogException {
        public DuplicateName(String message) {
            super("name", message);
        }
    }

    /** The object is invalid: a missing or malformed property, an unknown reference. */
    public static final class Invalid extends CatalogException {
        public Invalid(String field, String message) {
            super(field, message);
        }
    }

    /** The change conflicts with other objects (deleting a workspace that still has stores). */
    public static final class Conflict extends CatalogException {
        public Conflict(String message) {
            super(message);
        }
    }
}
