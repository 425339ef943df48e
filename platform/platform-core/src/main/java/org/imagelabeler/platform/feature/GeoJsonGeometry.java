package org.imagelabeler.platform.feature;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryCollection;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.MultiLineString;
import org.locationtech.jts.geom.MultiPoint;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

/**
 * Writes JTS geometries as GeoJSON (RFC 7946) geometry objects straight to a Jackson generator,
 * x then y as the geometry holds them: for WFS answers and dataset exports, feature after feature.
 */
public final class GeoJsonGeometry {

    private GeoJsonGeometry() {}

    public static void write(JsonGenerator json, Geometry g) throws IOException {
        json.writeStartObject();
        if (g instanceof Point p) {
            json.writeStringField("type", "Point");
            json.writeFieldName("coordinates");
            position(json, p.getCoordinateSequence(), 0);
        } else if (g instanceof LineString l) {
            json.writeStringField("type", "LineString");
            json.writeFieldName("coordinates");
            positions(json, l.getCoordinateSequence());
        } else if (g instanceof Polygon p) {
            json.writeStringField("type", "Polygon");
            json.writeFieldName("coordinates");
            rings(json, p);
        } else if (g instanceof MultiPoint) {
            json.writeStringField("type", "MultiPoint");
            json.writeArrayFieldStart("coordinates");
            for (int i = 0; i < g.getNumGeometries(); i++) {
                position(json, ((Point) g.getGeometryN(i)).getCoordinateSequence(), 0);
            }
            json.writeEndArray();
        } else if (g instanceof MultiLineString) {
            json.writeStringField("type", "MultiLineString");
            json.writeArrayFieldStart("coordinates");
            for (int i = 0; i < g.getNumGeometries(); i++) {
                positions(json, ((LineString) g.getGeometryN(i)).getCoordinateSequence());
            }
            json.writeEndArray();
        } else if (g instanceof MultiPolygon) {
            json.writeStringField("type", "MultiPolygon");
            json.writeArrayFieldStart("coordinates");
            for (int i = 0; i < g.getNumGeometries(); i++) {
                rings(json, (Polygon) g.getGeometryN(i));
            }
            json.writeEndArray();
        } else if (g instanceof GeometryCollection) {
            json.writeStringField("type", "GeometryCollection");
            json.writeArrayFieldStart("geometries");
            for (int i = 0; i < g.getNumGeometries(); i++) {
                write(json, g.getGeometryN(i));
            }
            json.writeEndArray();
        }
        json.writeEndObject();
    }

    private static void rings(JsonGenerator json, Polygon p) throws IOException {
        json.writeStartArray();
        positions(json, p.getExteriorRing().getCoordinateSequence());
        for (int i = 0; i < p.getNumInteriorRing(); i++) {
            positions(json, p.getInteriorRingN(i).getCoordinateSequence());
        }
        json.writeEndArray();
    }

    private static void positions(JsonGenerator json, CoordinateSequence seq) throws IOException {
        json.writeStartArray();
        for (int i = 0; i < seq.size(); i++) {
            position(json, seq, i);
        }
        json.writeEndArray();
    }

    private static void position(JsonGenerator json, CoordinateSequence seq, int i) throws IOException {
        json.writeStartArray();
        json.writeNumber(seq.getX(i));
        json.writeNumber(seq.getY(i));
        json.writeEndArray();
    }
}
