package org.imagelabeler.labeler.export;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.MultiLineString;
import org.locationtech.jts.geom.MultiPoint;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

/**
 * The shapefile geometry types the export writes (2D only), each in a file set of its own: a
 * shapefile holds one type, and a point file cannot hold multi-points.
 */
enum ShapeType {
    POINT(1, "points"),
    POLYLINE(3, "lines"),
    POLYGON(5, "polygons"),
    MULTIPOINT(8, "multipoints");

    /** The type code in the file header and in each record. */
    final int code;
    /** The suffix of the file set: {@code labels_polygons.shp}. */
    final String layer;

    ShapeType(int code, String layer) {
        this.code = code;
        this.layer = layer;
    }

    /** The type of a point, line or polygon and of their multi-geometries; null for anything else. */
    static ShapeType of(Geometry g) {
        if (g instanceof Point) {
            return POINT;
        }
        if (g instanceof MultiPoint) {
            return MULTIPOINT;
        }
        if (g instanceof LineString || g instanceof MultiLineString) {
            return POLYLINE;
        }
        if (g instanceof Polygon || g instanceof MultiPolygon) {
            return POLYGON;
        }
        return null;
    }
}
