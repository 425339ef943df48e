package org.imagelabeler.platform.feature;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.locationtech.jts.geom.Geometry;

/**
 * One feature: its id (unique in its type, without the type prefix WFS adds) and its values by
 * attribute name. Geometries are JTS geometries in {@link FeatureType#CRS}, x = longitude; dates
 * are {@link java.time.Instant}s; a missing or null value is null.
 */
public record Feature(String id, Map<String, Object> values) {

    public Feature {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    public Object get(String attribute) {
        return values.get(attribute);
    }

    public Geometry geometry(FeatureType type) {
        return (Geometry) values.get(type.geometry().name());
    }
}
