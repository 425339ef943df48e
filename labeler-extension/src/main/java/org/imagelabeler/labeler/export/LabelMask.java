package org.imagelabeler.labeler.export;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import org.imagelabeler.labeler.annotations.Annotation;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.Polygonal;

/**
 * An image's labels painted as class values (class index + 1, 0 for background) on a grayscale
 * raster of the image's size.
 *
 * <p>Pixel-centre rule: label coordinates are pixel corners (a box from x 10 to 30 spans columns
 * 10 to 29), and a pixel takes a label's value when its centre (x + 0.5, y + 0.5) is inside the
 * label, as Java2D fills without antialiasing; so values are exact, with no blended edges.
 *
 * <p>Overlaps: labels are painted in the export's order, later ones over earlier ones, so a pixel
 * covered by several labels takes the class of the last. A hole is not painted: it shows what is
 * beneath, background unless an earlier label covers it.
 */
final class LabelMask {

    private LabelMask() {}

    static BufferedImage paint(ExportImage image, ExportContext context) {
        BufferedImage mask = new BufferedImage(image.width(), image.height(), BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = mask.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_OFF);
            for (Annotation a : image.annotations()) {
                // points and lines cover no area
                if (a.pixels() instanceof Polygonal) {
                    int value = value(a, context);
                    // a grey lands in a TYPE_BYTE_GRAY raster as its own value (a test checks all 255)
                    g.setColor(new Color(value, value, value));
                    g.fill(shape(a.pixels()));
                }
            }
        } finally {
            g.dispose();
        }
        return mask;
    }

    private static int value(Annotation a, ExportContext context) {
        int index = context.classIndex(a.className());
        if (index < 0) {
            throw new IllegalStateException(
                    "label " + a.id() + " has the class '" + a.className() + "', which is not in the event's schema");
        }
        return index + 1;
    }

    /** Every ring of every polygon in one path, even-odd: holes stay unpainted. */
    private static Path2D shape(Geometry polygons) {
        Path2D.Double path = new Path2D.Double(Path2D.WIND_EVEN_ODD);
        for (int i = 0; i < polygons.getNumGeometries(); i++) {
            Polygon p = (Polygon) polygons.getGeometryN(i);
            ring(path, p.getExteriorRing());
            for (int h = 0; h < p.getNumInteriorRing(); h++) {
                ring(path, p.getInteriorRingN(h));
            }
        }
        return path;
    }

    private static void ring(Path2D path, LineString ring) {
        Coordinate[] c = ring.getCoordinates();
        if (c.length == 0) {
            return;
        }
        path.moveTo(c[0].x, c[0].y);
        for (int i = 1; i < c.length; i++) {
            path.lineTo(c[i].x, c[i].y);
        }
        path.closePath();
    }
}
