package org.imagelabeler.platform.tiles.grid;

import java.util.List;
import java.util.Optional;

/**
 * A tile pyramid in one CRS (WMTS's TileMatrixSet, GeoWebCache's gridset): levels ordered from
 * the coarsest.
 *
 * @param crs an authority code as the catalog writes it, {@code EPSG:3857}
 * @param wellKnownScaleSet the WMTS well-known scale set URN the levels follow, or null
 */
public record TileMatrixSet(
        String identifier, String title, String crs, String wellKnownScaleSet, List<TileMatrix> matrices) {

    public TileMatrixSet {
        matrices = List.copyOf(matrices);
        if (matrices.isEmpty()) {
            throw new IllegalArgumentException("tile matrix set " + identifier + " has no level");
        }
    }

    public Optional<TileMatrix> matrix(String identifier) {
        return matrices.stream().filter(m -> m.identifier().equals(identifier)).findFirst();
    }

    /** The index of a level, or -1. */
    public int indexOf(String identifier) {
        for (int i = 0; i < matrices.size(); i++) {
            if (matrices.get(i).identifier().equals(identifier)) {
                return i;
            }
        }
        return -1;
    }
}
