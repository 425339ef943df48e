package org.imagelabeler.platform.feature.gml;

/** Tells what a client's {@code srsName} stands for, including its axis order. */
public interface SrsResolver {

    /**
     * @param srsName an {@code srsName} as written, e.g. {@code urn:ogc:def:crs:EPSG::4326}
     * @throws GmlException when the name is of no known form or names no known CRS
     */
    Srs resolve(String srsName);
}
