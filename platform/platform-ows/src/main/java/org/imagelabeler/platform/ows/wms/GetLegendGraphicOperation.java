package org.imagelabeler.platform.ows.wms;

import org.imagelabeler.platform.catalog.LayerInfo;
import org.imagelabeler.platform.ows.OwsException;
import org.imagelabeler.platform.ows.OwsOperation;
import org.imagelabeler.platform.ows.OwsRequest;
import org.imagelabeler.platform.ows.wms.legend.Legends;

/**
 * WMS GetLegendGraphic, the SLD extension GeoServer offers: {@code LAYER} (required, found and
 * refused exactly as GetMap's layers are), {@code STYLE}, {@code FORMAT} (image/png by default,
 * image/jpeg), {@code WIDTH} and {@code HEIGHT} of each swatch (20 by default), and
 * {@code TRANSPARENT} for PNG.
 */
final class GetLegendGraphicOperation implements OwsOperation {

    static final String NAME = "GetLegendGraphic";
    static final int DEFAULT_SWATCH = 20;
    static final int MAX_SWATCH = 512;

    private final WmsLayers layers;
    private final Legends legends;

    GetLegendGraphicOperation(WmsLayers layers, Legends legends) {
        this.layers = layers;
        this.legends = legends;
    }

    @Override
    public String service() {
        return WmsService.ID;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Object execute(OwsRequest request) {
        LayerInfo layer = layers.find(request.require("LAYER"), request, "LAYER");
        String format = GetMapRequest.format(request.parameter("FORMAT").orElse(GetMapRequest.PNG));
        int width = swatchSize(request, "WIDTH");
        int height = swatchSize(request, "HEIGHT");
        request.parameter("STYLE").ifPresent(style -> {
            if (layer.styleNames().stream().noneMatch(s -> s.equalsIgnoreCase(style.trim()))) {
                throw new OwsException(
                        OwsException.STYLE_NOT_DEFINED,
                        "STYLE",
                        "style '" + style + "' is not defined; this layer has " + layer.styleNames());
            }
        });
        boolean transparent = format.equals(GetMapRequest.PNG)
                && request.parameter("TRANSPARENT")
                        .map(t -> t.equalsIgnoreCase("TRUE"))
                        .orElse(false);
        var legend = legends.of(layer)
                .orElseThrow(() -> new OwsException(
                        OwsException.LAYER_NOT_DEFINED, "LAYER", "layer '" + layer.name() + "' cannot be drawn"));
        return new MapImage(
                legend.draw(width, height, transparent),
                format,
                MapEncoding.of(layers.catalog().serviceSettings("wms")));
    }

    private static int swatchSize(OwsRequest request, String name) {
        return request.parameter(name).isPresent() ? request.requireInt(name, 1, MAX_SWATCH) : DEFAULT_SWATCH;
    }
}
