package org.imagelabeler.platform.ows.wms.vector;

import java.util.ArrayList;
import java.util.List;
import org.imagelabeler.platform.catalog.BoundingBox;
import org.imagelabeler.platform.raster.CrsRegistry;
import org.locationtech.jts.geom.Envelope;
import org.opengis.util.FactoryException;

/**
 * The longitude/latitude boxes that cover an area of a map, for the BBox queries that read its
 * features. An area may cross the antimeridian or show the world more than once (x beyond 180°
 * or 20037508 m): its longitudes are unwrapped along its outline, and each copy of the world it
 * shows is one part, with the multiple of 360° that moves that copy's features into the area. An
 * area around a pole (polar stereographic) covers every longitude up to that pole.
 */
record ViewCover(List<Part> parts) {

    /** Features in {@code lonLat} are drawn {@code shift} degrees east of where they are. */
    record Part(Envelope lonLat, double shift) {}

    /** The most copies of the world one map draws, those nearest the data's own. */
    static final int MAX_WORLD_COPIES = 8;

    private static final int SAMPLES_PER_EDGE = 32;

    ViewCover {
        parts = List.copyOf(parts);
    }

    static ViewCover of(String crs, BoundingBox area) throws FactoryException {
        BulkTransform toLonLat =
                new BulkTransform(CrsRegistry.transform(CrsRegistry.xy(crs), CrsRegistry.xy(ViewProjection.LON_LAT)));
        int n = 4 * SAMPLES_PER_EDGE;
        double[] outline = outline(area);
        double[] lonLat = new double[2 * n];
        toLonLat.apply(outline, lonLat, n);

        double first = Double.NaN;
        double previous = Double.NaN;
        double west = Double.POSITIVE_INFINITY;
        double east = Double.NEGATIVE_INFINITY;
        double south = 90;
        double north = -90;
        for (int i = 0; i < n; i++) {
            double lon = lonLat[2 * i];
            double lat = lonLat[2 * i + 1];
            if (!Double.isFinite(lon) || !Double.isFinite(lat)) {
                continue;
            }
            if (Double.isNaN(previous)) {
                first = lon;
            } else {
                lon = unwrap(lon, previous);
            }
            previous = lon;
            west = Math.min(west, lon);
            east = Math.max(east, lon);
            south = Math.min(south, Math.max(-90, lat));
            north = Math.max(north, Math.min(90, lat));
        }
        if (Double.isNaN(first)) { // no point of the outline lies on Earth: the globe may be inside
            return new ViewCover(List.of(new Part(new Envelope(-180, 180, -90, 90), 0)));
        }
        double winding = unwrap(first, previous) - first;
        if (Math.abs(winding) > 180) { // the outline goes round a pole
            boolean northPole = Math.abs(north) > Math.abs(south);
            return new ViewCover(
                    List.of(new Part(new Envelope(-180, 180, northPole ? south : -90, northPole ? 90 : north), 0)));
        }
        return new ViewCover(copies(west, east, south, north));
    }

    /** One part per copy of the world that [west, east] meets, those nearest the data's own first. */
    private static List<Part> copies(double west, double east, double south, double north) {
        int first = (int) Math.floor((west + 180) / 360);
        int last = (int) Math.ceil((east + 180) / 360) - 1;
        if (last - first + 1 > MAX_WORLD_COPIES) {
            first = Math.max(first, Math.min(-MAX_WORLD_COPIES / 2, last - MAX_WORLD_COPIES + 1));
            last = first + MAX_WORLD_COPIES - 1;
        }
        List<Part> parts = new ArrayList<>();
        for (int k = first; k <= last; k++) {
            double lo = Math.max(west - 360.0 * k, -180);
            double hi = Math.min(east - 360.0 * k, 180);
            if (lo <= hi) {
                parts.add(new Part(new Envelope(lo, hi, south, north), 360.0 * k));
            }
        }
        return parts;
    }

    /** Points along the area's edges, going round it: bottom, right, top, left. */
    private static double[] outline(BoundingBox a) {
        double w = a.maxX() - a.minX();
        double h = a.maxY() - a.minY();
        double[] xy = new double[8 * SAMPLES_PER_EDGE];
        int k = 0;
        for (int edge = 0; edge < 4; edge++) {
            for (int i = 0; i < SAMPLES_PER_EDGE; i++) {
                double t = (double) i / SAMPLES_PER_EDGE;
                switch (edge) {
                    case 0 -> {
                        xy[k++] = a.minX() + t * w;
                        xy[k++] = a.minY();
                    }
                    case 1 -> {
                        xy[k++] = a.maxX();
                        xy[k++] = a.minY() + t * h;
                    }
                    case 2 -> {
                        xy[k++] = a.maxX() - t * w;
                        xy[k++] = a.maxY();
                    }
                    default -> {
                        xy[k++] = a.minX();
                        xy[k++] = a.maxY() - t * h;
                    }
                }
            }
        }
        return xy;
    }

    /** {@code lon} moved by whole turns to within half a turn of {@code previous}. */
    private static double unwrap(double lon, double previous) {
        return lon - 360 * Math.rint((lon - previous) / 360);
    }
}
