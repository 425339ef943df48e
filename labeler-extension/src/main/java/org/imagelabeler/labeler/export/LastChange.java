package org.imagelabeler.labeler.export;

import java.time.Instant;

/**
 * The newest change among the rows of a table or file: what its "last change" says, rather than
 * the time of the export, so that the same data gives the same bytes.
 */
final class LastChange {

    /** Zip's epoch, as the archive's entries: for a table of rows without a time. */
    static final Instant NONE = Instant.parse("1980-01-01T00:00:00Z");

    private Instant newest;

    void saw(Instant changed) {
        if (changed != null && (newest == null || changed.isAfter(newest))) {
            newest = changed;
        }
    }

    Instant newest() {
        return newest == null ? NONE : newest;
    }

    /** As a GeoPackage DATETIME. */
    String time() {
        return GeoLabel.time(newest());
    }
}
