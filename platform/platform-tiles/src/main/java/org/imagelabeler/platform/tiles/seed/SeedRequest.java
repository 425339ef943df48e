package org.imagelabeler.platform.tiles.seed;

import org.imagelabeler.platform.catalog.BoundingBox;
import org.imagelabeler.platform.tiles.grid.TileMatrixSet;
import org.imagelabeler.platform.tiles.wmts.TileRequest;
import org.imagelabeler.platform.tiles.wmts.TiledLayer;

/**
 * A seeding task, as posted to {@code /rest/seed/{layer}} (GeoWebCache's seed request, in JSON).
 *
 * @param type {@code seed} (make missing tiles), {@code reseed} (make all again) or {@code
 *     truncate} (remove)
 * @param tileMatrixSet the set; for truncate, null means every set (and everything else)
 * @param bounds the area, in the set's CRS (x/y order), or null for the whole layer
 * @param format the mime type; for truncate, null means every format
 * @param style a style name; for truncate, null means every style
 * @param time a TIME value; for truncate, null means every cached time
 */
public record SeedRequest(
        String type,
        String tileMatrixSet,
        Integer zoomStart,
        Integer zoomStop,
        BoundingBox bounds,
        String format,
        String style,
        String time) {

    public static final String SEED = "seed";
    public static final String RESEED = "reseed";
    public static final String TRUNCATE = "truncate";

    public boolean truncate() {
        return TRUNCATE.equals(type);
    }

    /**
     * The GetTile of the first tile of {@code set} with this request's style, format and TIME:
     * seeding makes the same checks as a GetTile, once, before it starts.
     */
    TileRequest firstTile(TiledLayer tiled, TileMatrixSet set) {
        return new TileRequest(
                null,
                null,
                tiled.name(),
                style,
                set.identifier(),
                set.matrices().get(0).identifier(),
                "0",
                "0",
                format,
                time);
    }
}
