package org.imagelabeler.platform.ows.wfs;

import java.time.Instant;
import java.util.List;
import org.imagelabeler.platform.ows.OwsRequest;

/**
 * A GetFeature answer before it is written: the request, how many features each query matched
 * (counted before the first byte goes out, since the collection's header carries the numbers),
 * and the paging links. The features themselves are read while the response is written.
 *
 * @param next the URL of the next page, or null
 * @param previous the URL of the previous page, or null
 */
record FeatureResponse(
        GetFeatureRequest request,
        OwsRequest ows,
        List<Long> matched,
        long returned,
        String next,
        String previous,
        Instant timeStamp) {

    FeatureResponse {
        matched = List.copyOf(matched);
    }

    long totalMatched() {
        return matched.stream().mapToLong(Long::longValue).sum();
    }

    /** Features to skip and take in query {@code i}, from the request's paging over all queries. */
    long[] window(int i) {
        long before = 0;
        for (int k = 0; k < i; k++) {
            before += matched.get(k);
        }
        long skip = Math.max(0, request.startIndex() - before);
        long alreadyTaken = Math.max(0, Math.min(before - request.startIndex(), request.count()));
        long take = Math.max(0, Math.min(matched.get(i) - skip, request.count() - alreadyTaken));
        return new long[] {skip, take};
    }
}
