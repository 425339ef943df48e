package org.imagelabeler.platform.ows;

import java.util.List;
import java.util.Set;

/**
 * An OGC service as the dispatcher knows it (GeoServer's {@code Service} bean): its identifier,
 * the versions it speaks in ascending order, and its operations.
 */
public record ServiceDescriptor(String id, List<String> versions, Set<String> operations) {

    public ServiceDescriptor {
        versions = List.copyOf(versions);
        operations = Set.copyOf(operations);
    }

    public String highestVersion() {
        return versions.get(versions.size() - 1);
    }

    /**
     * OGC version negotiation: the requested version if spoken, else the highest spoken version
     * lower than it, else the lowest; the highest when none is asked for.
     */
    public String negotiate(String requested) {
        if (requested == null || requested.isBlank()) {
            return highestVersion();
        }
        if (versions.contains(requested)) {
            return requested;
        }
        String best = null;
        for (String v : versions) {
            if (compare(v, requested) < 0) {
                best = v;
            }
        }
        return best != null ? best : versions.get(0);
    }

    static int compare(String a, String b) {
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            int p = i < x.length ? parse(x[i]) : 0;
            int q = i < y.length ? parse(y[i]) : 0;
            if (p != q) {
                return Integer.compare(p, q);
            }
        }
        return 0;
    }

    private static int parse(String s) {
        try {
            return Integer.parseInt(s.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
