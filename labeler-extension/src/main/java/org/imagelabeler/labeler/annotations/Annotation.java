package org.imagelabeler.labeler.annotations;

import java.time.Instant;
import java.util.Map;
import org.locationtech.jts.geom.Geometry;

/**
 * A label: a box or polygon drawn on an image, in its pixels (x to the right, y down, origin at
 * the top left corner), or a shape drawn on the map in EPSG:4326, attached to the event and
 * optionally to an image: the poster's "shapefiles".
 *
 * @param pixels the geometry in image pixels, null for map shapes
 * @param geographic the geometry in EPSG:4326: the map shape itself, or the pixel geometry
 *     carried through a georeferenced image's transform; null for a plain picture
 * @param version increases with every change, for optimistic concurrency
 */
public record Annotation(
        String id,
        String eventId,
        String imageId,
        Space space,
        Shape shape,
        String className,
        Geometry pixels,
        Geometry geographic,
        Map<String, Object> attributes,
        String author,
        Instant created,
        Instant updated,
        int version) {

    public Annotation {
        attributes = attributes == null
                ? Map.of()
                : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(attributes));
    }

    /** Where the geometry is drawn. */
    public enum Space {
        PIXEL,
        MAP
    }

    /** What is drawn; boxes are axis-aligned rectangles. */
    public enum Shape {
        BOX,
        POLYGON,
        LINE,
        POINT
    }
}
