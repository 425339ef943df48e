package org.imagelabeler.platform.ows.wms;

import org.imagelabeler.platform.ows.OwsOperation;
import org.imagelabeler.platform.ows.OwsRequest;

/** WMS GetMap. */
final class GetMapOperation implements OwsOperation {

    private final WmsLayers layers;
    private final WmsMapRenderer renderer;

    GetMapOperation(WmsLayers layers, WmsMapRenderer renderer) {
        this.layers = layers;
        this.renderer = renderer;
    }

    @Override
    public String service() {
        return WmsService.ID;
    }

    @Override
    public String name() {
        return "GetMap";
    }

    @Override
    public Object execute(OwsRequest request) {
        WmsLimits limits = WmsLimits.of(layers.catalog().serviceSettings("wms"));
        GetMapRequest map = GetMapRequest.parse(request, layers, limits);
        return new MapImage(renderer.render(map, limits), map.format());
    }
}
