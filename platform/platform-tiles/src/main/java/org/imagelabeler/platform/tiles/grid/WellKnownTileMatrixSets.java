package org.imagelabeler.platform.tiles.grid;

import java.util.ArrayList;
import java.util.List;

/**
 * The two tile matrix sets every layer is offered in, as defined by OGC's Two Dimensional Tile
 * Matrix Set standard (17-083r2) and WMTS 1.0.0's well-known scale sets: {@code WebMercatorQuad}
 * (EPSG:3857, one tile at level 0) and {@code WorldCRS84Quad} (EPSG:4326 in longitude/latitude
 * order, two tiles side by side at level 0, as GeoWebCache's EPSG:4326 gridset), both 256 px.
 */
public final class WellKnownTileMatrixSets {

    public static final String WEB_MERCATOR_QUAD = "WebMercatorQuad";
    public static final String WORLD_CRS84_QUAD = "WorldCRS84Quad";

    /** Half the circumference of the WGS84 sphere used by Web Mercator, in metres. */
    public static final double MERCATOR_HALF_WORLD = 20037508.342789244;

    /** Metres in a degree on the WGS84 equator: WMTS's conversion for degree-based scales. */
    public static final double METRES_PER_DEGREE = 6378137 * 2 * Math.PI / 360;

    private static final int MERCATOR_LEVELS = 25;
    private static final int CRS84_LEVELS = 22;

    private WellKnownTileMatrixSets() {}

    public static List<TileMatrixSet> all() {
        return List.of(webMercatorQuad(), worldCrs84Quad());
    }

    public static TileMatrixSet webMercatorQuad() {
        List<TileMatrix> levels = new ArrayList<>();
        for (int z = 0; z < MERCATOR_LEVELS; z++) {
            long n = 1L << z;
            levels.add(TileMatrix.ofCellSize(
                    Integer.toString(z),
                    2 * MERCATOR_HALF_WORLD / 256 / n,
                    1,
                    -MERCATOR_HALF_WORLD,
                    MERCATOR_HALF_WORLD,
                    256,
                    256,
                    n,
                    n));
        }
        return new TileMatrixSet(
                WEB_MERCATOR_QUAD,
                "Google Maps compatible for the World",
                "EPSG:3857",
                "urn:ogc:def:wkss:OGC:1.0:GoogleMapsCompatible",
                levels);
    }

    public static TileMatrixSet worldCrs84Quad() {
        List<TileMatrix> levels = new ArrayList<>();
        for (int z = 0; z < CRS84_LEVELS; z++) {
            long n = 1L << z;
            levels.add(TileMatrix.ofCellSize(
                    Integer.toString(z), 180.0 / 256 / n, METRES_PER_DEGREE, -180, 90, 256, 256, 2 * n, n));
        }
        return new TileMatrixSet(WORLD_CRS84_QUAD, "CRS84 for the World", "EPSG:4326", null, levels);
    }
}
