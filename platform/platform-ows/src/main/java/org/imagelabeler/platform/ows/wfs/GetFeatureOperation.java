package org.imagelabeler.platform.ows.wfs;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.imagelabeler.platform.feature.FeatureQuery;
import org.imagelabeler.platform.ows.OwsException;
import org.imagelabeler.platform.ows.OwsOperation;
import org.imagelabeler.platform.ows.OwsRequest;

/**
 * GetFeature and GetPropertyValue: reads the request, counts what each query matches (the
 * response's header says how many features follow, and paging needs the total), and leaves the
 * reading of the features to the response writer, which streams them.
 */
final class GetFeatureOperation implements OwsOperation {

    private final String name;
    private final GetFeatureReader reader;

    GetFeatureOperation(String name, GetFeatureReader reader) {
        this.name = name;
        this.reader = reader;
    }

    @Override
    public String service() {
        return WfsService.ID;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Object execute(OwsRequest request) {
        GetFeatureRequest r = reader.read(request);
        if (name.equals("GetPropertyValue") && r.valueReference() == null) {
            throw OwsException.missing("valueReference");
        }
        List<Long> matched = new ArrayList<>();
        for (GetFeatureRequest.TypeQuery q : r.queries()) {
            matched.add(q.layer().source().count(FeatureQuery.of(q.filter())));
        }
        long total = matched.stream().mapToLong(Long::longValue).sum();
        if (r.byId() && total == 0) {
            throw new OwsException("NotFound", "ID", "no feature has the id asked for", 404, null);
        }
        long returned = r.hits() ? 0 : Math.max(0, Math.min(r.count(), total - r.startIndex()));
        String next = null;
        String previous = null;
        if (request.body() == null && !r.hits() && !r.byId()) {
            if (r.startIndex() + returned < total) {
                next = page(request, r.startIndex() + returned, r.count());
            }
            if (r.startIndex() > 0) {
                previous = page(request, Math.max(0, r.startIndex() - r.count()), r.count());
            }
        }
        return new FeatureResponse(r, request, matched, returned, next, previous, Instant.now());
    }

    /** The same KVP request, another page. */
    private static String page(OwsRequest request, long start, long count) {
        WfsVersion v = WfsVersion.of(request.version());
        Map<String, String> kvp = new TreeMap<>(request.parameters());
        kvp.put("STARTINDEX", String.valueOf(start));
        kvp.remove("MAXFEATURES");
        kvp.put(v.countKey(), String.valueOf(count));
        kvp.put("VERSION", v.number);
        StringBuilder url = new StringBuilder(request.baseUrl());
        if (request.workspace() != null) {
            url.append('/').append(request.workspace());
        }
        url.append("/wfs?");
        boolean first = true;
        for (var e : kvp.entrySet()) {
            if (!first) {
                url.append('&');
            }
            first = false;
            url.append(e.getKey())
                    .append('=')
                    .append(URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)
                            .replace("+", "%20"));
        }
        return url.toString();
    }
}
