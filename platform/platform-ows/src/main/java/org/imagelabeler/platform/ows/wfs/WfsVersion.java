package org.imagelabeler.platform.ows.wfs;

/**
 * What changes between the two WFS versions spoken here: namespaces, schema locations, the GML
 * version of features, the names of paging parameters and the default srsName.
 */
enum WfsVersion {
    V110(
            "1.1.0",
            "http://www.opengis.net/wfs",
            "http://schemas.opengis.net/wfs/1.1.0/wfs.xsd",
            "http://www.opengis.net/gml",
            "http://schemas.opengis.net/gml/3.1.1/base/gml.xsd",
            "http://www.opengis.net/ogc",
            "http://www.opengis.net/ows",
            "text/xml; subtype=gml/3.1.1",
            "urn:x-ogc:def:crs:EPSG:4326"),
    V200(
            "2.0.0",
            "http://www.opengis.net/wfs/2.0",
            "http://schemas.opengis.net/wfs/2.0/wfs.xsd",
            "http://www.opengis.net/gml/3.2",
            "http://schemas.opengis.net/gml/3.2.1/gml.xsd",
            "http://www.opengis.net/fes/2.0",
            "http://www.opengis.net/ows/1.1",
            "application/gml+xml; version=3.2",
            "urn:ogc:def:crs:EPSG::4326");

    static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";
    static final String XSD = "http://www.w3.org/2001/XMLSchema";
    static final String XLINK = "http://www.w3.org/1999/xlink";

    final String number;
    final String wfs;
    final String wfsSchema;
    final String gml;
    final String gmlSchema;
    /** The filter namespace: {@code fes} 2.0, or {@code ogc} for Filter Encoding 1.1. */
    final String filter;

    final String ows;
    final String gmlFormat;
    final String defaultSrsName;

    WfsVersion(
            String number,
            String wfs,
            String wfsSchema,
            String gml,
            String gmlSchema,
            String filter,
            String ows,
            String gmlFormat,
            String defaultSrsName) {
        this.number = number;
        this.wfs = wfs;
        this.wfsSchema = wfsSchema;
        this.gml = gml;
        this.gmlSchema = gmlSchema;
        this.filter = filter;
        this.ows = ows;
        this.gmlFormat = gmlFormat;
        this.defaultSrsName = defaultSrsName;
    }

    static WfsVersion of(String number) {
        return "1.1.0".equals(number) ? V110 : V200;
    }

    boolean is200() {
        return this == V200;
    }

    /** {@code TYPENAMES} in 2.0, {@code TYPENAME} in 1.1. */
    String typeNamesKey() {
        return is200() ? "TYPENAMES" : "TYPENAME";
    }

    /** {@code COUNT} in 2.0, {@code MAXFEATURES} in 1.1. */
    String countKey() {
        return is200() ? "COUNT" : "MAXFEATURES";
    }
}
