package org.imagelabeler.platform.feature;

import org.locationtech.jts.geom.Geometry;

/** The geometry kinds a geometry attribute may be declared with, as GML property types. */
public enum GeometryType {
    POINT("Point", "gml:PointPropertyType"),
    LINESTRING("LineString", "gml:CurvePropertyType"),
    POLYGON("Polygon", "gml:SurfacePropertyType"),
    MULTIPOINT("MultiPoint", "gml:MultiPointPropertyType"),
    MULTILINESTRING("MultiLineString", "gml:MultiCurvePropertyType"),
    MULTIPOLYGON("MultiPolygon", "gml:MultiSurfacePropertyType"),
    /** Any geometry: shapes of several kinds in one feature type. */
    GEOMETRY("Geometry", "gml:GeometryPropertyType");

    private final String jtsName;
    private final String gmlPropertyType;

    GeometryType(String jtsName, String gmlPropertyType) {
        this.jtsName = jtsName;
        this.gmlPropertyType = gmlPropertyType;
    }

    public String gmlPropertyType() {
        return gmlPropertyType;
    }

    /** Whether a geometry may be stored in an attribute of this kind. */
    public boolean accepts(Geometry g) {
        return this == GEOMETRY || g.getGeometryType().equals(jtsName);
    }
}
