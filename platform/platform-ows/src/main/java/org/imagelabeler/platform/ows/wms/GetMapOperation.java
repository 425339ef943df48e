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
        var settings = layers.catalog().serviceSettings("wms");
        WmsLimits limits = WmsLimits.of(settings);
        GetMapRequest map = GetMapRequest.parse(request, layers, limits);
        return new MapImage(renderer.render(map, limits), map.format(), MapEncoding.of(settings));
    }
}
