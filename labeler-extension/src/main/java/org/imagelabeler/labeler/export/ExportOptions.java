package org.imagelabeler.labeler.export;

import java.time.Instant;
import java.util.List;
import org.locationtech.jts.geom.Envelope;

/**
 * What an export holds and how it is laid out.
 *
 * @param formats the {@link DatasetFormat} ids, at least one
 * @param acceptedOnly only images whose labels a reviewer accepted (the default), or all
 * @param classes only labels of these classes, and only images that have one; empty for all
 * @param tags only images with one of these image-level tags; empty for all
 * @param from images acquired at or after, or null
 * @param to images acquired at or before, or null
 * @param bbox images whose footprint meets this area (EPSG:4326), or null
 * @param split how images are shared among train, val and test
 * @param imageFormat {@code original} (as stored), {@code png} or {@code jpeg}
 */
public record ExportOptions(
        List<String> formats,
        boolean acceptedOnly,
        List<String> classes,
        List<String> tags,
        Instant from,
        Instant to,
        Envelope bbox,
        Split split,
        String imageFormat) {

    /**
     * Shares: train, val and test ratios (summing to 1); {@code random} by image, or
     * {@code spatial}: images whose footprint centre lies in the same grid cell of
     * {@code cellDegrees} go to the same split, so that neighbours do not leak across splits.
     */
    public record Split(double train, double val, double test, long seed, String method, double cellDegrees) {

        public static Split defaults() {
            return new Split(0.8, 0.1, 0.1, 42, "random", 0.5);
        }
    }

    public ExportOptions {
        formats = List.copyOf(formats);
        classes = List.copyOf(classes);
        tags = List.copyOf(tags);
    }

    public boolean keepsClass(String name) {
        return classes.isEmpty() || classes.contains(name);
    }
}
