package org.imagelabeler.platform.feature.filter;

import static org.imagelabeler.platform.feature.AttributeType.BOOLEAN;
import static org.imagelabeler.platform.feature.AttributeType.DATETIME;
import static org.imagelabeler.platform.feature.AttributeType.DOUBLE;
import static org.imagelabeler.platform.feature.AttributeType.INTEGER;
import static org.imagelabeler.platform.feature.AttributeType.STRING;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.imagelabeler.platform.feature.AttributeDescriptor;
import org.imagelabeler.platform.feature.AttributeType;
import org.imagelabeler.platform.feature.Feature;
import org.imagelabeler.platform.feature.FeatureType;
import org.imagelabeler.platform.feature.GeometryType;
import org.imagelabeler.platform.feature.gml.OgcSrsNames;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

/**
 * The labels of a flood event near Munich, as the tests' feature type: text with case variants
 * and SQL's own wild cards, nulls in every nullable attribute, and shapes of every kind around
 * the box 11.5..11.6 E, 48.1..48.2 N.
 */
final class FloodLabels {

    static final FeatureType TYPE = new FeatureType(
            "flood_labels",
            "Flood labels",
            "Labels of the 2024 flood",
            List.of(
                    AttributeDescriptor.of("class", STRING, false),
                    AttributeDescriptor.of("author", STRING, true),
                    AttributeDescriptor.of("score", DOUBLE, true),
                    AttributeDescriptor.of("hits", INTEGER, true),
                    AttributeDescriptor.of("reviewed", BOOLEAN, true),
                    AttributeDescriptor.of("created", DATETIME, true),
                    new AttributeDescriptor("geom", AttributeType.GEOMETRY, GeometryType.GEOMETRY, true, false),
                    new AttributeDescriptor("centroid", AttributeType.GEOMETRY, GeometryType.POINT, true, true)));

    /** EPSG:4326 is the only geographic CRS the tests name. */
    static final OgcSrsNames SRS_NAMES = new OgcSrsNames(code -> code.equals("EPSG:4326"));

    private FloodLabels() {}

    static List<Feature> features() {
        return List.of(
                feature(
                        "1",
                        "flooded",
                        "ana",
                        0.9,
                        5L,
                        true,
                        "2024-06-01T08:00:00Z",
                        "POLYGON ((11.50 48.10, 11.52 48.10, 11.52 48.12, 11.50 48.12, 11.50 48.10))"),
                feature("2", "Flooded", "ben", 0.4, 2L, false, "2024-06-01T23:59:59Z", "POINT (11.55 48.15)"),
                feature("3", "dry", null, 0.75, 7L, true, "2024-06-02T00:00:00Z", "LINESTRING (11.4 48.0, 11.7 48.3)"),
                feature(
                        "4",
                        "flood_risk",
                        "ana",
                        null,
                        3L,
                        null,
                        "2024-05-31T12:00:00Z",
                        "POLYGON ((12.0 49.0, 12.1 49.0, 12.1 49.1, 12.0 49.1, 12.0 49.0))"),
                feature("5", "flood%zone", "cleo", 0.1, null, false, null, "POINT (11.6 48.2)"),
                feature(
                        "6",
                        "water",
                        "Ana",
                        0.5,
                        4L,
                        true,
                        "2024-07-01T00:00:00Z",
                        "MULTIPOLYGON (((11.56 48.16, 11.58 48.16, 11.58 48.18, 11.56 48.16)),"
                                + " ((11.8 48.4, 11.9 48.4, 11.9 48.5, 11.8 48.4)))"),
                feature("7", "flooded", null, 1.0, 10L, false, "2024-06-15T10:30:00Z", "POINT (11.51 48.11)"),
                feature(
                        "8",
                        "debris",
                        "ben",
                        0.0,
                        0L,
                        true,
                        "2024-06-01T00:00:00Z",
                        "POLYGON ((11.45 48.05, 11.58 48.05, 11.58 48.18, 11.45 48.18, 11.45 48.05))"),
                feature(
                        "9",
                        "flo",
                        "dan",
                        0.33,
                        1L,
                        null,
                        "2024-06-10T00:00:00Z",
                        "LINESTRING (11.52 48.10, 11.53 48.09)"),
                feature("10", "FLOODED", "eve", -0.5, -2L, false, "2023-12-31T23:00:00Z", null));
    }

    static Geometry wkt(String wkt) {
        try {
            Geometry g = new WKTReader().read(wkt);
            g.setSRID(4326);
            return g;
        } catch (ParseException e) {
            throw new IllegalArgumentException(wkt, e);
        }
    }

    private static Feature feature(
            String id,
            String cls,
            String author,
            Double score,
            Long hits,
            Boolean reviewed,
            String created,
            String geom) {
        Map<String, Object> values = new HashMap<>();
        values.put("class", cls);
        values.put("author", author);
        values.put("score", score);
        values.put("hits", hits);
        values.put("reviewed", reviewed);
        values.put("created", created == null ? null : Instant.parse(created));
        values.put("geom", geom == null ? null : wkt(geom));
        values.put("centroid", geom == null ? null : wkt(geom).getCentroid());
        return new Feature(id, values);
    }
}
