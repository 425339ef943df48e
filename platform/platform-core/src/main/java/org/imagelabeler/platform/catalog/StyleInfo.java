package org.imagelabeler.platform.catalog;

import java.time.Instant;

/**
 * A named style. Its body (SLD, or another format named by {@link #format()}) is kept in the
 * data dir's {@code styles/} folder, in the file named by {@link #filename()}.
 */
public record StyleInfo(String id, String name, String format, String filename, Instant created, Instant modified)
        implements CatalogInfo {}
