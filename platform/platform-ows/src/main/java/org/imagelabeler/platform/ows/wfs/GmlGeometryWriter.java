package org.imagelabeler.platform.ows.wfs;

import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
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
 * Writes JTS geometries as GML 3.2 or 3.1.1, the coordinates in the order of the output CRS.
 * Multi-lines and multi-polygons are written as {@code MultiCurve} and {@code MultiSurface}:
 * GML 3.2 dropped {@code MultiLineString} and {@code MultiPolygon}. GML 3.2 requires a
 * {@code gml:id} on every geometry; it is derived from the feature's.
 */
final class GmlGeometryWriter {

    private final XMLStreamWriter x;
    private final String gml;
    private final boolean ids;
    private final boolean swap;
    private final StringBuilder coordinates = new StringBuilder(4096);
    private String idBase;
    private int idCount;

    GmlGeometryWriter(XMLStreamWriter x, WfsVersion version, OutputCrs crs) {
        this.x = x;
        this.gml = version.gml;
        this.ids = version.is200();
        this.swap = crs.northingFirst();
    }

    /** Writes {@code g} (already in the output CRS) with {@code srsName} on its outer element. */
    void write(Geometry g, String srsName, String featureId) throws XMLStreamException {
        idBase = featureId;
        idCount = 0;
        geometry(g, srsName);
    }

    private void geometry(Geometry g, String srsName) throws XMLStreamException {
        if (g instanceof Point p) {
            start("Point", srsName);
            x.writeStartElement(gml, "pos");
            coordinates.setLength(0);
            append(p.getCoordinateSequence());
            x.writeCharacters(coordinates.toString());
            x.writeEndElement();
            x.writeEndElement();
        } else if (g instanceof LineString l) {
            start("LineString", srsName);
            posList(l.getCoordinateSequence());
            x.writeEndElement();
        } else if (g instanceof Polygon p) {
            start("Polygon", srsName);
            ring("exterior", p.getExteriorRing());
            for (int i = 0; i < p.getNumInteriorRing(); i++) {
                ring("interior", p.getInteriorRingN(i));
            }
            x.writeEndElement();
        } else if (g instanceof MultiPoint) {
            members(g, "MultiPoint", "pointMember", srsName);
        } else if (g instanceof MultiLineString) {
            members(g, "MultiCurve", "curveMember", srsName);
        } else if (g instanceof MultiPolygon) {
            members(g, "MultiSurface", "surfaceMember", srsName);
        } else if (g instanceof GeometryCollection) {
            members(g, "MultiGeometry", "geometryMember", srsName);
        } else {
            throw new IllegalArgumentException("no GML for " + g.getGeometryType());
        }
    }

    private void start(String element, String srsName) throws XMLStreamException {
        x.writeStartElement(gml, element);
        if (ids) {
            x.writeAttribute(gml, "id", idBase + ".g" + idCount++);
        }
        if (srsName != null) {
            x.writeAttribute("srsName", srsName);
            x.writeAttribute("srsDimension", "2");
        }
    }

    private void members(Geometry g, String element, String member, String srsName) throws XMLStreamException {
        start(element, srsName);
        for (int i = 0; i < g.getNumGeometries(); i++) {
            x.writeStartElement(gml, member);
            geometry(g.getGeometryN(i), null);
            x.writeEndElement();
        }
        x.writeEndElement();
    }

    private void ring(String which, LineString ring) throws XMLStreamException {
        x.writeStartElement(gml, which);
        x.writeStartElement(gml, "LinearRing");
        posList(ring.getCoordinateSequence());
        x.writeEndElement();
        x.writeEndElement();
    }

    private void posList(CoordinateSequence seq) throws XMLStreamException {
        x.writeStartElement(gml, "posList");
        coordinates.setLength(0);
        append(seq);
        x.writeCharacters(coordinates.toString());
        x.writeEndElement();
    }

    private void append(CoordinateSequence seq) {
        for (int i = 0; i < seq.size(); i++) {
            if (i > 0) {
                coordinates.append(' ');
            }
            double a = swap ? seq.getY(i) : seq.getX(i);
            double b = swap ? seq.getX(i) : seq.getY(i);
            Numbers.append(coordinates, a).append(' ');
            Numbers.append(coordinates, b);
        }
    }
}
