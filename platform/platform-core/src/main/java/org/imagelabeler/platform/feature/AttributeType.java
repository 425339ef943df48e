package org.imagelabeler.platform.feature;

/** The value types of feature attributes, with the XML Schema type WFS announces for each. */
public enum AttributeType {
    STRING("xsd:string"),
    INTEGER("xsd:long"),
    DOUBLE("xsd:double"),
    BOOLEAN("xsd:boolean"),
    DATETIME("xsd:dateTime"),
    GEOMETRY(null);

    private final String xsdType;

    AttributeType(String xsdType) {
        this.xsdType = xsdType;
    }

    /** The {@code xsd:} type of a plain attribute; null for geometries (see {@link GeometryType}). */
    public String xsdType() {
        return xsdType;
    }
}
