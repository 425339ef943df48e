package org.imagelabeler.labeler.rest;

import java.util.List;
import java.util.Map;
import org.imagelabeler.platform.rest.ApiProblem;
import org.locationtech.jts.geom.Envelope;

/**
 * The {@code bbox} of list requests, {@code minLon,minLat,maxLon,maxLat} in EPSG:4326, and the SQL
 * test of a geometry column against it (the same on H2GIS and PostGIS).
 */
public final class BboxParameter {

    private BboxParameter() {}

    /** The area, or null when none is given; 400 {@code bbox} when it is malformed. */
    public static Envelope parse(String bbox) {
        if (bbox == null || bbox.isBlank()) {
            return null;
        }
        try {
            String[] p = bbox.split(",");
            if (p.length != 4) {
                throw new IllegalArgumentException();
            }
            double minX = Double.parseDouble(p[0].trim()), minY = Double.parseDouble(p[1].trim());
            double maxX = Double.parseDouble(p[2].trim()), maxY = Double.parseDouble(p[3].trim());
            if (minX > maxX || minY > maxY) {
                throw new IllegalArgumentException();
            }
            return new Envelope(minX, maxX, minY, maxY);
        } catch (RuntimeException e) {
            throw ApiProblem.badRequest("bbox", "bbox must be minLon,minLat,maxLon,maxLat");
        }
    }

    /**
     * Adds to {@code and} the test that {@code column} meets {@code bbox}, and its parameters.
     * {@code &&} comes first: the only form of the test that H2GIS answers from its spatial index.
     */
    public static void where(String column, Envelope bbox, List<String> and, Map<String, Object> params) {
        String envelope = "ST_MakeEnvelope(:minx, :miny, :maxx, :maxy, 4326)";
        and.add(column + " && " + envelope + " AND ST_Intersects(" + column + ", " + envelope + ")");
        params.put("minx", bbox.getMinX());
        params.put("miny", bbox.getMinY());
        params.put("maxx", bbox.getMaxX());
        params.put("maxy", bbox.getMaxY());
    }
}
