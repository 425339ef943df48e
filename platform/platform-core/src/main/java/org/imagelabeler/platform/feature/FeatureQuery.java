package org.imagelabeler.platform.feature;

import java.util.List;
import org.imagelabeler.platform.feature.filter.Filter;

/**
 * Which features to read, in which order, which page of them.
 *
 * @param filter {@link Filter#INCLUDE} for all
 * @param sortBy empty for the source's natural order, which must be stable (WFS paging relies on it)
 * @param startIndex features to skip, from 0
 * @param count the most features to return, or {@link #ALL}
 */
public record FeatureQuery(Filter filter, List<SortBy> sortBy, long startIndex, long count) {

    public static final long ALL = Long.MAX_VALUE;

    public FeatureQuery {
        sortBy = List.copyOf(sortBy);
        if (startIndex < 0 || count < 0) {
            throw new IllegalArgumentException("startIndex and count must not be negative");
        }
    }

    public static FeatureQuery all() {
        return new FeatureQuery(Filter.INCLUDE, List.of(), 0, ALL);
    }

    public static FeatureQuery of(Filter filter) {
        return new FeatureQuery(filter, List.of(), 0, ALL);
    }
}
