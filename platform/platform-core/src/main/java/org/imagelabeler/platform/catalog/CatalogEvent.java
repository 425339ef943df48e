package org.imagelabeler.platform.catalog;

/** A change that was persisted. {@code before} is null for additions, {@code after} for removals. */
public record CatalogEvent(Type type, CatalogInfo before, CatalogInfo after) {

    public enum Type {
        ADDED,
        MODIFIED,
        REMOVED
    }

    /** The object concerned: the new state, or the removed one. */
    public CatalogInfo object() {
        return after != null ? after : before;
    }
}
