package org.imagelabeler.platform.ows.wms.vector;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.util.HashMap;
import java.util.Map;
import org.imagelabeler.platform.feature.VectorStyle;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Lineal;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.geom.Puntal;

/**
 * Draws geometries given in pixels, antialiased, in the colour of their style class: polygons
 * filled at the style's opacity and outlined in the full colour (even-odd, so holes stay empty
 * whatever the rings' orientation), lines stroked, points as small discs drawn like polygons.
 */
final class FeaturePainter {

    /** Radius of a point's disc, in pixels. */
    static final double POINT_RADIUS = 4;

    private final Graphics2D g;
    private final float fillOpacity;
    private final Map<Color, Color> fills = new HashMap<>();
    private final Path2D.Double path = new Path2D.Double(Path2D.WIND_EVEN_ODD, 256);
    private final Ellipse2D.Double disc = new Ellipse2D.Double();

    /** @param g a graphics of its own: its hints and stroke are set here */
    FeaturePainter(Graphics2D g, VectorStyle style) {
        this.g = g;
        this.fillOpacity = style.fillOpacity();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        // pure: no half-pixel nudge of strokes, so edges land where the geometry says
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setStroke(new BasicStroke(style.strokeWidth(), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
    }

    /** How far, in pixels, a drawn feature reaches beyond its geometry. */
    static double reach(VectorStyle style, Geometry g) {
        return (g.getDimension() == 0 ? POINT_RADIUS : 0) + style.strokeWidth() / 2.0;
    }

    /** How far, in pixels, any drawn feature of the style reaches beyond its geometry. */
    static double reach(VectorStyle style) {
        return POINT_RADIUS + style.strokeWidth() / 2.0;
    }

    void paint(Geometry pixels, Color colour) {
        if (pixels instanceof Polygonal) {
            path.reset();
            appendRings(pixels);
            g.setColor(fill(colour));
            g.fill(path);
            g.setColor(colour);
            g.draw(path);
        } else if (pixels instanceof Lineal) {
            path.reset();
            appendLines(pixels);
            g.setColor(colour);
            g.draw(path);
        } else if (pixels instanceof Puntal) {
            for (int i = 0; i < pixels.getNumGeometries(); i++) {
                Point p = (Point) pixels.getGeometryN(i);
                disc.setFrame(p.getX() - POINT_RADIUS, p.getY() - POINT_RADIUS, 2 * POINT_RADIUS, 2 * POINT_RADIUS);
                g.setColor(fill(colour));
                g.fill(disc);
                g.setColor(colour);
                g.draw(disc);
            }
        } else {
            for (int i = 0; i < pixels.getNumGeometries(); i++) {
                paint(pixels.getGeometryN(i), colour);
            }
        }
    }

    private Color fill(Color colour) {
        return fills.computeIfAbsent(
                colour, c -> new Color(c.getRed(), c.getGreen(), c.getBlue(), Math.round(fillOpacity * c.getAlpha())));
    }

    private void appendRings(Geometry g) {
        for (int i = 0; i < g.getNumGeometries(); i++) {
            Polygon p = (Polygon) g.getGeometryN(i);
            append(p.getExteriorRing().getCoordinateSequence(), true);
            for (int h = 0; h < p.getNumInteriorRing(); h++) {
                append(p.getInteriorRingN(h).getCoordinateSequence(), true);
            }
        }
    }

    private void appendLines(Geometry g) {
        for (int i = 0; i < g.getNumGeometries(); i++) {
            append(((LineString) g.getGeometryN(i)).getCoordinateSequence(), false);
        }
    }

    private void append(CoordinateSequence s, boolean closed) {
        int n = s.size();
        path.moveTo(s.getX(0), s.getY(0));
        for (int i = 1; i < n; i++) {
            path.lineTo(s.getX(i), s.getY(i));
        }
        if (closed) {
            path.closePath();
        }
    }
}
