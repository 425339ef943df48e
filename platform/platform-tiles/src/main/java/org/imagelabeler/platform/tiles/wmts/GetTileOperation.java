package org.imagelabeler.platform.tiles.wmts;

import org.imagelabeler.platform.ows.OwsOperation;
import org.imagelabeler.platform.ows.OwsRequest;

/** WMTS GetTile by KVP. */
final class GetTileOperation implements OwsOperation {

    private final TileService tiles;

    GetTileOperation(TileService tiles) {
        this.tiles = tiles;
    }

    @Override
    public String service() {
        return WmtsService.ID;
    }

    @Override
    public String name() {
        return "GetTile";
    }

    @Override
    public Object execute(OwsRequest r) {
        return tiles.tile(TileRequest.of(r, null));
    }
}
