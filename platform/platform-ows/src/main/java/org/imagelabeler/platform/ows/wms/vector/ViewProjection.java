package org.imagelabeler.platform.ows.wms.vector;

import java.util.Arrays;
import org.apache.sis.referencing.operation.matrix.Matrix3;
import org.apache.sis.referencing.operation.transform.MathTransforms;
import org.imagelabeler.platform.catalog.BoundingBox;
import org.imagelabeler.platform.raster.CrsRegistry;
import org.imagelabeler.platform.render.MapView;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryCollection;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.MultiLineString;
import org.locationtech.jts.geom.MultiPoint;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.impl.PackedCoordinateSequence;
import org.locationtech.jts.geom.impl.PackedCoordinateSequenceFactory;
import org.opengis.referencing.operation.MathTransform;
import org.opengis.referencing.operation.TransformException;
import org.opengis.util.FactoryException;

/**
 * Longitude/latitude to the pixels of one map: one SIS transform (the CRS change, then the
 * view's affine) built per request and applied to each coordinate sequence in one call. Where a
 * pole has no finite image (Mercator), latitudes stop at Web Mercator's limit, so that shapes
 * reaching the pole still end at the map's edge. Parts that cannot be placed are dropped.
 */
final class ViewProjection {

    /** The CRS of feature geometries, longitude first. */
    static final String LON_LAT = "CRS:84";

    static final double MERCATOR_LIMIT = 85.0511287798;

    private final BulkTransform toPixels;
    private final double north;
    private final double south;
    private final GeometryFactory pixels = new GeometryFactory(PackedCoordinateSequenceFactory.DOUBLE_FACTORY);
    private double[] buffer = new double[256];

    ViewProjection(MapView view) throws FactoryException {
        MathTransform toView = CrsRegistry.transform(CrsRegistry.xy(LON_LAT), CrsRegistry.xy(view.crs()));
        BoundingBox a = view.area();
        double rx = view.resolutionX();
        double ry = view.resolutionY();
        Matrix3 toImage = new Matrix3(1 / rx, 0, -a.minX() / rx, 0, -1 / ry, a.maxY() / ry, 0, 0, 1);
        this.toPixels = new BulkTransform(MathTransforms.concatenate(toView, MathTransforms.linear(toImage)));
        this.north = hasImage(toView, 90) ? 90 : MERCATOR_LIMIT;
        this.south = hasImage(toView, -90) ? -90 : -MERCATOR_LIMIT;
    }

    GeometryFactory pixelFactory() {
        return pixels;
    }

    /**
     * {@code g}, moved {@code shift} degrees east, in pixels of the view (0,0 at the top left);
     * null when no part of it can be placed.
     */
    Geometry project(Geometry g, double shift) {
        if (g instanceof Point p) {
            PackedCoordinateSequence.Double s = project(p.getCoordinateSequence(), shift);
            return s == null ? null : pixels.createPoint(s);
        }
        if (g instanceof LinearRing r) {
            return ring(r, shift);
        }
        if (g instanceof LineString l) {
            PackedCoordinateSequence.Double s = project(l.getCoordinateSequence(), shift);
            return s == null ? null : pixels.createLineString(s);
        }
        if (g instanceof Polygon p) {
            return polygon(p, shift);
        }
        if (g instanceof GeometryCollection c) {
            return collection(c, shift);
        }
        return null;
    }

    private Polygon polygon(Polygon p, double shift) {
        LinearRing shell = ring(p.getExteriorRing(), shift);
        if (shell == null) {
            return null;
        }
        LinearRing[] holes = new LinearRing[p.getNumInteriorRing()];
        int kept = 0;
        for (int i = 0; i < holes.length; i++) {
            LinearRing hole = ring(p.getInteriorRingN(i), shift);
            if (hole != null) {
                holes[kept++] = hole;
            }
        }
        return pixels.createPolygon(shell, Arrays.copyOf(holes, kept));
    }

    private LinearRing ring(LinearRing r, double shift) {
        PackedCoordinateSequence.Double s = project(r.getCoordinateSequence(), shift);
        if (s == null || s.size() < 4) {
            return null;
        }
        return pixels.createLinearRing(s);
    }

    private Geometry collection(GeometryCollection c, double shift) {
        Geometry[] parts = new Geometry[c.getNumGeometries()];
        int kept = 0;
        for (int i = 0; i < parts.length; i++) {
            Geometry part = project(c.getGeometryN(i), shift);
            if (part != null) {
                parts[kept++] = part;
            }
        }
        if (kept == 0) {
            return null;
        }
        parts = Arrays.copyOf(parts, kept);
        if (c instanceof MultiPolygon) {
            return pixels.createMultiPolygon(Arrays.copyOf(parts, kept, Polygon[].class));
        }
        if (c instanceof MultiLineString) {
            return pixels.createMultiLineString(Arrays.copyOf(parts, kept, LineString[].class));
        }
        if (c instanceof MultiPoint) {
            return pixels.createMultiPoint(Arrays.copyOf(parts, kept, Point[].class));
        }
        return pixels.createGeometryCollection(parts);
    }

    /** The sequence in pixels, or null when a point of it has no place in the view's CRS. */
    private PackedCoordinateSequence.Double project(CoordinateSequence s, double shift) {
        int n = s.size();
        if (n == 0) {
            return null;
        }
        if (buffer.length < 2 * n) {
            buffer = new double[Math.max(2 * n, 2 * buffer.length)];
        }
        for (int i = 0; i < n; i++) {
            double lat = s.getY(i);
            buffer[2 * i] = s.getX(i) + shift;
            buffer[2 * i + 1] = lat > north ? north : lat < south ? south : lat;
        }
        double[] xy = new double[2 * n];
        toPixels.apply(buffer, xy, n);
        for (double v : xy) {
            if (!Double.isFinite(v)) {
                return null;
            }
        }
        return new PackedCoordinateSequence.Double(xy, 2, 0);
    }

    /** Whether the pole at {@code latitude} has finite coordinates in the view's CRS. */
    private static boolean hasImage(MathTransform toView, double latitude) {
        double[] p = {0, latitude};
        try {
            toView.transform(p, 0, p, 0, 1);
            return Double.isFinite(p[0]) && Double.isFinite(p[1]);
        } catch (TransformException e) {
            return false;
        }
    }
}
