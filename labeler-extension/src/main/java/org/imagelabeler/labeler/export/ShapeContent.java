package org.imagelabeler.labeler.export;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

/**
 * The content of one shapefile record (after its 8-byte header): the shape type, then the
 * geometry in little-endian doubles, as the ESRI Shapefile Technical Description lays it out.
 */
final class ShapeContent {

    private ShapeContent() {}

    /** The content of {@code g}, a geometry of {@code type}, ready to write (position 0). */
    static ByteBuffer of(ShapeType type, Geometry g) {
        ByteBuffer b =
                switch (type) {
                    case POINT -> point((Point) g);
                    case MULTIPOINT -> parts(type, List.<Coordinate[]>of(g.getCoordinates()), false);
                    case POLYLINE -> parts(type, lines(g), true);
                    case POLYGON -> parts(type, rings(g), true);
                };
        return b.flip();
    }

    private static ByteBuffer point(Point p) {
        ByteBuffer b = buffer(20);
        b.putInt(ShapeType.POINT.code);
        b.putDouble(p.getX());
        b.putDouble(p.getY());
        return b;
    }

    /** Box, then the part count and their first indexes (not for multi-points), then the points. */
    private static ByteBuffer parts(ShapeType type, List<Coordinate[]> parts, boolean withParts) {
        int points = 0;
        for (Coordinate[] part : parts) {
            points += part.length;
        }
        int partBytes = withParts ? 4 + 4 * parts.size() : 0;
        ByteBuffer b = buffer(4 + 32 + partBytes + 4 + 16 * points);
        b.putInt(type.code);
        Envelope box = new Envelope();
        for (Coordinate[] part : parts) {
            for (Coordinate c : part) {
                box.expandToInclude(c);
            }
        }
        b.putDouble(box.getMinX())
                .putDouble(box.getMinY())
                .putDouble(box.getMaxX())
                .putDouble(box.getMaxY());
        if (withParts) {
            b.putInt(parts.size());
        }
        b.putInt(points);
        if (withParts) {
            int first = 0;
            for (Coordinate[] part : parts) {
                b.putInt(first);
                first += part.length;
            }
        }
        for (Coordinate[] part : parts) {
            for (Coordinate c : part) {
                b.putDouble(c.getX()).putDouble(c.getY());
            }
        }
        return b;
    }

    private static List<Coordinate[]> lines(Geometry g) {
        List<Coordinate[]> parts = new ArrayList<>();
        for (int i = 0; i < g.getNumGeometries(); i++) {
            LineString line = (LineString) g.getGeometryN(i);
            if (!line.isEmpty()) {
                parts.add(line.getCoordinates());
            }
        }
        return parts;
    }

    /**
     * Every ring of every polygon, one part each; the format tells holes by their direction: outer
     * rings clockwise, holes counter-clockwise (JTS normalises the other way round).
     */
    private static List<Coordinate[]> rings(Geometry g) {
        List<Coordinate[]> parts = new ArrayList<>();
        for (int i = 0; i < g.getNumGeometries(); i++) {
            Polygon p = (Polygon) g.getGeometryN(i);
            if (p.isEmpty()) {
                continue;
            }
            parts.add(oriented(p.getExteriorRing().getCoordinates(), false));
            for (int h = 0; h < p.getNumInteriorRing(); h++) {
                parts.add(oriented(p.getInteriorRingN(h).getCoordinates(), true));
            }
        }
        return parts;
    }

    private static Coordinate[] oriented(Coordinate[] ring, boolean counterClockwise) {
        if (Orientation.isCCWArea(ring) != counterClockwise) {
            Coordinate[] reversed = new Coordinate[ring.length];
            for (int i = 0; i < ring.length; i++) {
                reversed[i] = ring[ring.length - 1 - i];
            }
            return reversed;
        }
        return ring;
    }

    private static ByteBuffer buffer(int size) {
        return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    }
}
