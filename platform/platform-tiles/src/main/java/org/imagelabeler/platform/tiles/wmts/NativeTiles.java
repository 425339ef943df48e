package org.imagelabeler.platform.tiles.wmts;

import org.imagelabeler.platform.catalog.LayerInfo;
import org.imagelabeler.platform.tiles.cache.TileProducer;
import org.imagelabeler.platform.tiles.grid.TileMatrix;
import org.imagelabeler.platform.tiles.grid.TileMatrixSet;

/** Where the tiles of a cascaded layer in its remote store's own matrix sets come from. */
public interface NativeTiles {

    TileProducer producer(LayerInfo layer, TileMatrixSet set, TileMatrix matrix);
}
