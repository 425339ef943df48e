package org.imagelabeler.platform.ows.wfs;

import org.imagelabeler.platform.catalog.Catalog;

/**
 * The WFS settings' limits: the most features one GetFeature returns (option {@code maxFeatures},
 * GeoServer's default of 1,000,000), also the default {@code count}.
 */
final class WfsLimits {

    static final long DEFAULT_MAX_FEATURES = 1_000_000;

    private final Catalog catalog;

    WfsLimits(Catalog catalog) {
        this.catalog = catalog;
    }

    long maxFeatures() {
        String value = catalog.serviceSettings("wfs").options().get("maxFeatures");
        try {
            return value == null ? DEFAULT_MAX_FEATURES : Math.max(1, Long.parseLong(value.trim()));
        } catch (NumberFormatException e) {
            return DEFAULT_MAX_FEATURES;
        }
    }
}
