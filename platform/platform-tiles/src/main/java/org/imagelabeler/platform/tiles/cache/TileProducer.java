package org.imagelabeler.platform.tiles.cache;

import java.util.Map;

/**
 * Makes tiles the cache does not have: renders a layer (a meta-tile of several tiles at once) or
 * fetches a remote tile.
 */
public interface TileProducer {

    /** Tiles per side of a meta-tile: 4 for rendered layers, 1 for remote tiles fetched as they are. */
    int metaSize();

    /**
     * The encoded tiles of the area whose top-left tile is {@code first}, {@code rows} x {@code
     * columns} tiles (already clipped to the matrix). A tile left out of the map is empty there
     * (the remote has none) and is not cached.
     */
    Map<TileKey, byte[]> produce(TileKey first, int rows, int columns) throws TileProductionException;
}
