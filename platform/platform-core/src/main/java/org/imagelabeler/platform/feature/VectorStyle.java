package org.imagelabeler.platform.feature;

import java.awt.Color;
import java.util.List;
import java.util.Optional;

/**
 * How a vector layer draws its features, and what its legend shows: one colour per value of a
 * class attribute (the labeler's label classes), filled with some opacity and outlined in the
 * full colour; features of no listed class take the fallback.
 *
 * @param classAttribute the attribute whose value picks the class, or null to draw all alike
 */
public record VectorStyle(
        String classAttribute, List<StyleClass> classes, StyleClass fallback, float strokeWidth, float fillOpacity) {

    /** One class: the attribute value it stands for, its legend title and its colour. */
    public record StyleClass(String value, String title, Color colour) {}

    public VectorStyle {
        classes = List.copyOf(classes);
        if (fillOpacity < 0 || fillOpacity > 1 || strokeWidth <= 0) {
            throw new IllegalArgumentException("fill opacity must be in 0..1 and stroke width positive");
        }
    }

    /** One colour for every feature. */
    public static VectorStyle plain(String title, Color colour) {
        return new VectorStyle(null, List.of(), new StyleClass(null, title, colour), 2f, 0.35f);
    }

    /** The class of a feature's attribute value, or the fallback. */
    public StyleClass classOf(Object value) {
        if (classAttribute == null || value == null) {
            return fallback;
        }
        String text = value.toString();
        Optional<StyleClass> match =
                classes.stream().filter(c -> text.equals(c.value())).findFirst();
        return match.orElse(fallback);
    }
}
