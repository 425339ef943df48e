package org.imagelabeler.platform.feature;

import java.util.List;
import java.util.Optional;

/**
 * The schema of a collection of features: its attributes in order, one of them the default
 * geometry. Geometries are stored and handed over in {@link #CRS}, longitude first.
 */
public record FeatureType(String name, String title, String description, List<AttributeDescriptor> attributes) {

    /** The CRS of every geometry a source hands over or receives: WGS 84, longitude first. */
    public static final String CRS = "EPSG:4326";

    public FeatureType {
        attributes = List.copyOf(attributes);
        if (attributes.stream().noneMatch(AttributeDescriptor::isGeometry)) {
            throw new IllegalArgumentException(name + " has no geometry attribute");
        }
    }

    public AttributeDescriptor geometry() {
        return attributes.stream()
                .filter(AttributeDescriptor::isGeometry)
                .findFirst()
                .orElseThrow();
    }

    public Optional<AttributeDescriptor> attribute(String name) {
        return attributes.stream().filter(a -> a.name().equals(name)).findFirst();
    }
}
