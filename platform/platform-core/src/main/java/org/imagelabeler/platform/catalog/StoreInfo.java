package org.imagelabeler.platform.catalog;

import java.time.Instant;
import java.util.Map;

/**
 * A source of layers inside a workspace. What a store needs to connect (a file URL, a
 * capabilities URL, timeouts, database parameters) lives in {@link #parameters()}, keyed by the
 * constants below, so that new store types need no change to the catalog.
 */
public record StoreInfo(
        String id,
        String workspaceId,
        String name,
        StoreKind kind,
        String type,
        String description,
        boolean enabled,
        Map<String, String> parameters,
        Instant created,
        Instant modified)
        implements CatalogInfo {

    /** Coverage store: location of the data ({@code file:} URL relative to the data dir or absolute). */
    public static final String URL = "url";
    /** WMTS store: the remote GetCapabilities URL. */
    public static final String CAPABILITIES_URL = "capabilitiesURL";

    public StoreInfo {
        parameters = parameters == null ? Map.of() : Map.copyOf(parameters);
    }

    public String parameter(String key) {
        return parameters.get(key);
    }
}
