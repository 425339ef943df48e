package org.imagelabeler.platform.tiles.grid;

import java.util.Optional;
import org.imagelabeler.platform.catalog.BoundingBox;
import org.imagelabeler.platform.raster.CrsRegistry;

/** Bounding boxes carried from one CRS to another by sampling their edges (x/y order both sides). */
public final class AreaTransform {

    private static final int SAMPLES = 16;

    private AreaTransform() {}

    /** The area in {@code crs}, or empty where the CRS cannot hold it. Web Mercator clips at ±85.06°. */
    public static Optional<BoundingBox> to(BoundingBox area, String fromCrs, String crs) {
        if (CrsRegistry.canonical(fromCrs).equals(CrsRegistry.canonical(crs))) {
            return Optional.of(new BoundingBox(area.minX(), area.minY(), area.maxX(), area.maxY(), crs));
        }
        BoundingBox source = area;
        if (crs.equals("EPSG:3857") && fromCrs.equals("EPSG:4326")) {
            double limit = 85.0511287798066;
            source = new BoundingBox(
                    area.minX(), Math.max(-limit, area.minY()), area.maxX(), Math.min(limit, area.maxY()), fromCrs);
        }
        try {
            var transform = CrsRegistry.transform(CrsRegistry.xy(fromCrs), CrsRegistry.xy(crs));
            double[] points = new double[8 * SAMPLES];
            int k = 0;
            for (int i = 0; i < SAMPLES; i++) {
                double t = i / (double) (SAMPLES - 1);
                double x = source.minX() + t * (source.maxX() - source.minX());
                double y = source.minY() + t * (source.maxY() - source.minY());
                points[k++] = x;
                points[k++] = source.minY();
                points[k++] = x;
                points[k++] = source.maxY();
                points[k++] = source.minX();
                points[k++] = y;
                points[k++] = source.maxX();
                points[k++] = y;
            }
            transform.transform(points, 0, points, 0, points.length / 2);
            double minX = Double.MAX_VALUE, minY = Double.MAX_VALUE, maxX = -Double.MAX_VALUE, maxY = -Double.MAX_VALUE;
            for (int i = 0; i < points.length; i += 2) {
                if (Double.isFinite(points[i]) && Double.isFinite(points[i + 1])) {
                    minX = Math.min(minX, points[i]);
                    maxX = Math.max(maxX, points[i]);
                    minY = Math.min(minY, points[i + 1]);
                    maxY = Math.max(maxY, points[i + 1]);
                }
            }
            return minX <= maxX ? Optional.of(new BoundingBox(minX, minY, maxX, maxY, crs)) : Optional.empty();
        } catch (Exception e) {
            return Optional.empty();
        }
    }
}
