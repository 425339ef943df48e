package org.imagelabeler.labeler.export;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;

/**
 * A label's geometry in image pixels as the ML formats take it: x right and y down from the
 * top-left corner of the image, in pixel edges (a box over the first pixel is 0,0 to 1,1).
 */
final class PixelGeometry {

    private PixelGeometry() {}

    static Envelope box(Geometry g) {
        return g.getEnvelopeInternal();
    }

    /** The outer ring, without its closing point: {@code x1, y1, x2, y2, ...}. */
    static double[] ring(Geometry g) {
        Polygon p = (Polygon) (g instanceof Polygon ? g : g.getGeometryN(0));
        Coordinate[] c = p.getExteriorRing().getCoordinates();
        double[] xy = new double[(c.length - 1) * 2];
        for (int i = 0; i < c.length - 1; i++) {
            xy[2 * i] = c[i].x;
            xy[2 * i + 1] = c[i].y;
        }
        return xy;
    }

    /** Fixed decimals, no trailing zeros: stable text for reproducible files. */
    static String number(double v, int decimals) {
        java.math.BigDecimal d = java.math.BigDecimal.valueOf(v).setScale(decimals, java.math.RoundingMode.HALF_UP);
        String s = d.stripTrailingZeros().toPlainString();
        return s.equals("-0") ? "0" : s;
    }
}
