package org.imagelabeler.labeler.export;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import org.imagelabeler.labeler.annotations.Annotation;
import org.imagelabeler.labeler.events.Event;
import org.locationtech.jts.geom.Geometry;

/**
 * A label as the GIS formats (Shapefile, GeoPackage) write it: a geometry in EPSG:4326 with flat
 * attributes, from a map shape or from a georeferenced image's label.
 *
 * @param status the image's status ({@code accepted}...), null for a map shape
 * @param source {@code map} or {@code image}
 */
record GeoLabel(
        Geometry geometry,
        String annotationId,
        String className,
        String event,
        String author,
        Instant created,
        Instant updated,
        String imageId,
        String status,
        String source,
        int version,
        Map<String, Object> attributes) {

    /**
     * ISO-8601 in UTC to the millisecond, always 24 characters (text order is time order): a
     * GeoPackage DATETIME, and the text of a shapefile's {@code created}.
     */
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    /** {@code instant} as {@link #TIME}, or null. */
    static String time(Instant instant) {
        return instant == null ? null : TIME.format(instant);
    }

    static GeoLabel ofMapShape(Event event, Annotation shape) {
        return of(event, shape, shape.imageId(), null, "map");
    }

    /** An image's label on Earth, or null when the image is a plain picture. */
    static GeoLabel ofImageLabel(Event event, ExportImage image, Annotation label) {
        return label.geographic() == null
                ? null
                : of(event, label, image.image().id(), image.image().status().json(), "image");
    }

    private static GeoLabel of(Event event, Annotation a, String imageId, String status, String source) {
        return new GeoLabel(
                a.geographic(),
                a.id(),
                a.className(),
                event.slug(),
                a.author(),
                a.created(),
                a.updated(),
                imageId,
                status,
                source,
                a.version(),
                a.attributes());
    }
}
