package org.imagelabeler.platform.feature;

/**
 * A refused transaction: nothing was changed. Says which action (its handle, or its position),
 * which feature, which property, and why, as GeoServer's users keep asking.
 *
 * @see FeatureStore#apply
 */
public class TransactionException extends RuntimeException {

    /** Why, in the terms of OGC exception codes. */
    public enum Kind {
        /** A value or geometry the domain refuses. */
        INVALID_VALUE,
        /** The feature changed since the version the client read. */
        VERSION_CONFLICT,
        /** The subject may not make this change. */
        FORBIDDEN,
        /** A feature the action names does not exist. */
        NOT_FOUND
    }

    private final Kind kind;
    private final String locator;
    private final String property;

    /**
     * @param locator the action's handle, or {@code "Insert[2]"}-style position, and the feature
     * @param property the attribute at fault, or null
     */
    public TransactionException(Kind kind, String locator, String property, String message) {
        super(message);
        this.kind = kind;
        this.locator = locator;
        this.property = property;
    }

    public Kind kind() {
        return kind;
    }

    public String locator() {
        return locator;
    }

    public String property() {
        return property;
    }
}
