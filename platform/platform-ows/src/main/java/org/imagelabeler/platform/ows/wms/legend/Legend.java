package org.imagelabeler.platform.ows.wms.legend;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Dimension;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.font.FontRenderContext;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.List;

/**
 * A layer's legend as GetLegendGraphic draws it, GeoServer's layout: one row per class, a swatch
 * of the requested size drawn as the map draws that class (filled at the style's opacity and
 * outlined in the full colour), then the class's title. Capabilities announce its size.
 */
public record Legend(List<LegendRow> rows, float strokeWidth, float fillOpacity) {

    static final Font FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    static final int MARGIN = 2;
    static final int LABEL_GAP = 6;
    static final int ROW_GAP = 2;
    private static final FontRenderContext TEXT = new FontRenderContext(null, true, true);

    public Legend {
        rows = List.copyOf(rows);
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("a legend has at least one row");
        }
    }

    /** The size of the image for swatches of {@code width} x {@code height} pixels. */
    public Dimension size(int width, int height) {
        double text = 0;
        for (LegendRow row : rows) {
            text = Math.max(text, FONT.getStringBounds(title(row), TEXT).getWidth());
        }
        int rowHeight = rowHeight(height);
        return new Dimension(
                MARGIN + width + LABEL_GAP + (int) Math.ceil(text) + MARGIN,
                MARGIN + rows.size() * rowHeight + (rows.size() - 1) * ROW_GAP + MARGIN);
    }

    /** The legend on white, or on nothing when {@code transparent}. */
    public BufferedImage draw(int width, int height, boolean transparent) {
        Dimension size = size(width, height);
        BufferedImage image = new BufferedImage(
                size.width, size.height, transparent ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            if (!transparent) {
                g.setColor(Color.WHITE);
                g.fillRect(0, 0, size.width, size.height);
            }
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setFont(FONT);
            int rowHeight = rowHeight(height);
            int ascent = g.getFontMetrics().getAscent();
            int textHeight = g.getFontMetrics().getHeight();
            for (int i = 0; i < rows.size(); i++) {
                LegendRow row = rows.get(i);
                int top = MARGIN + i * (rowHeight + ROW_GAP);
                swatch(g, row, MARGIN, top + (rowHeight - height) / 2, width, height);
                g.setColor(Color.BLACK);
                g.drawString(title(row), MARGIN + width + LABEL_GAP, top + (rowHeight - textHeight) / 2 + ascent);
            }
        } finally {
            g.dispose();
        }
        return image;
    }

    private void swatch(Graphics2D g, LegendRow row, int x, int y, int w, int h) {
        if (row.swatch() == LegendRow.Swatch.RASTER) {
            raster(g, x, y, w, h);
            return;
        }
        Color colour = row.colour();
        Color fill = new Color(
                colour.getRed(), colour.getGreen(), colour.getBlue(), Math.round(fillOpacity * colour.getAlpha()));
        float inset = Math.min(strokeWidth / 2f, Math.min(w, h) / 4f);
        g.setStroke(new BasicStroke(Math.min(strokeWidth, Math.min(w, h) / 2f)));
        switch (row.swatch()) {
            case POLYGON -> {
                Rectangle2D box = new Rectangle2D.Double(x + inset, y + inset, w - 2 * inset, h - 2 * inset);
                g.setColor(fill);
                g.fill(box);
                g.setColor(colour);
                g.draw(box);
            }
            case LINE -> {
                g.setColor(colour);
                g.draw(new Line2D.Double(x + inset, y + h - inset, x + w - inset, y + inset));
            }
            case POINT -> {
                double d = Math.min(w, h) * 0.6;
                Ellipse2D disc = new Ellipse2D.Double(x + (w - d) / 2, y + (h - d) / 2, d, d);
                g.setColor(fill);
                g.fill(disc);
                g.setColor(colour);
                g.draw(disc);
            }
            default -> throw new IllegalStateException("no swatch " + row.swatch());
        }
    }

    /** A small picture of imagery: a checkerboard of two blues, outlined. */
    private static void raster(Graphics2D g, int x, int y, int w, int h) {
        g.setColor(new Color(0x4a6fa5));
        g.fillRect(x, y, w, h);
        g.setColor(new Color(0xa9c4e8));
        int cell = Math.max(2, Math.min(w, h) / 4);
        for (int cy = 0; cy < h; cy += cell) {
            for (int cx = ((cy / cell) % 2) * cell; cx < w; cx += 2 * cell) {
                g.fillRect(x + cx, y + cy, Math.min(cell, w - cx), Math.min(cell, h - cy));
            }
        }
        g.setStroke(new BasicStroke(1));
        g.setColor(new Color(0x1f3b66));
        g.drawRect(x, y, w - 1, h - 1);
    }

    private static int rowHeight(int swatchHeight) {
        int text = (int) Math.ceil(FONT.getLineMetrics("Ag", TEXT).getHeight());
        return Math.max(swatchHeight, text);
    }

    private static String title(LegendRow row) {
        return row.title() == null ? "" : row.title();
    }
}
