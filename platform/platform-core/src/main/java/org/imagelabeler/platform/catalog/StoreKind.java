package org.imagelabeler.platform.catalog;

/** The kinds of store the catalog knows, as in GeoServer (data, coverage, cascaded WMTS). */
public enum StoreKind {
    /** Raster files (GeoTIFF) served as coverages. */
    COVERAGE("coverageStore", "coveragestores"),
    /** A remote WMTS (NASA GIBS) whose layers are cascaded and cached. */
    WMTS("wmtsStore", "wmtsstores"),
    /** Vector features: a database table or a plugin's feature source. */
    FEATURE("dataStore", "datastores");

    private final String jsonName;
    private final String restCollection;

    StoreKind(String jsonName, String restCollection) {
        this.jsonName = jsonName;
        this.restCollection = restCollection;
    }

    /** Name of the object in GeoServer-style REST JSON ({@code {"coverageStore": {...}}}). */
    public String jsonName() {
        return jsonName;
    }

    /** Path segment of the REST collection ({@code /rest/workspaces/{ws}/coveragestores}). */
    public String restCollection() {
        return restCollection;
    }
}
