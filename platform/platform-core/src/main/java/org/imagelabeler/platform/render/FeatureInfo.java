package org.imagelabeler.platform.render;

import java.util.Map;

/** What lies at a point of a layer: a pixel's band values, or a feature's attributes. */
public record FeatureInfo(String layer, String id, Map<String, Object> values) {

    public FeatureInfo {
        values = values == null
                ? Map.of()
                : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(values));
    }
}
