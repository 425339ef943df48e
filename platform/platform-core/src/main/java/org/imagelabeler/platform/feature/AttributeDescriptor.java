package org.imagelabeler.platform.feature;

/**
 * One attribute of a feature type.
 *
 * @param geometryType the kind of geometry for a {@link AttributeType#GEOMETRY} attribute, else null
 * @param readOnly set by the source (author, timestamps, version): transactions may not write it
 */
public record AttributeDescriptor(
        String name, AttributeType type, GeometryType geometryType, boolean nullable, boolean readOnly) {

    public AttributeDescriptor {
        if ((type == AttributeType.GEOMETRY) != (geometryType != null)) {
            throw new IllegalArgumentException(name + ": a geometry type goes with GEOMETRY attributes only");
        }
    }

    public static AttributeDescriptor of(String name, AttributeType type, boolean nullable) {
        return new AttributeDescriptor(name, type, null, nullable, false);
    }

    public static AttributeDescriptor readOnly(String name, AttributeType type) {
        return new AttributeDescriptor(name, type, null, true, true);
    }

    public static AttributeDescriptor geometry(String name, GeometryType geometryType) {
        return new AttributeDescriptor(name, AttributeType.GEOMETRY, geometryType, false, false);
    }

    public boolean isGeometry() {
        return type == AttributeType.GEOMETRY;
    }
}
