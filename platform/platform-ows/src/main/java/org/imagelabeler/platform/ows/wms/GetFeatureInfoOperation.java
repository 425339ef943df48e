package org.imagelabeler.platform.ows.wms;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.imagelabeler.platform.catalog.LayerInfo;
import org.imagelabeler.platform.ows.OwsException;
import org.imagelabeler.platform.ows.OwsOperation;
import org.imagelabeler.platform.ows.OwsRequest;
import org.imagelabeler.platform.render.FeatureInfo;
import org.imagelabeler.platform.render.RenderException;

/**
 * WMS GetFeatureInfo: the map of the request (as GetMap parses it), the clicked pixel
 * ({@code I}/{@code J} in 1.3.0, {@code X}/{@code Y} in 1.1.1), and what each queried layer
 * holds there: band values for coverages.
 */
final class GetFeatureInfoOperation implements OwsOperation {

    static final List<String> FORMATS = List.of("text/plain", "application/json");

    private final WmsLayers layers;
    private final WmsMapRenderer renderer;

    GetFeatureInfoOperation(WmsLayers layers, WmsMapRenderer renderer) {
        this.layers = layers;
        this.renderer = renderer;
    }

    @Override
    public String service() {
        return WmsService.ID;
    }

    @Override
    public String name() {
        return "GetFeatureInfo";
    }

    @Override
    public Object execute(OwsRequest request) {
        WmsLimits limits = WmsLimits.of(layers.catalog().serviceSettings("wms"));
        GetMapRequest map = GetMapRequest.parse(request, layers, limits, false);
        boolean v130 = request.version().equals("1.3.0");
        String iName = v130 ? "I" : "X";
        String jName = v130 ? "J" : "Y";
        int i = pixel(request, iName, map.view().width());
        int j = pixel(request, jName, map.view().height());
        String format = request.parameter("INFO_FORMAT").orElse("text/plain").toLowerCase(Locale.ROOT);
        if (!FORMATS.contains(format)) {
            throw new OwsException(
                    OwsException.INVALID_FORMAT,
                    "INFO_FORMAT",
                    "INFO_FORMAT '" + format + "' is not supported: " + FORMATS);
        }
        int count = request.parameter("FEATURE_COUNT").isPresent() ? request.requireInt("FEATURE_COUNT", 1, 1000) : 1;
        List<FeatureInfo> found = new ArrayList<>();
        for (String name : request.require("QUERY_LAYERS").split(",")) {
            LayerInfo layer = layers.find(name, request, "QUERY_LAYERS");
            if (!map.layers().contains(layer)) {
                throw OwsException.invalid("QUERY_LAYERS", "layer '" + name + "' is not among LAYERS");
            }
            try {
                List<FeatureInfo> info = renderer.renderer(layer).info(layer, map.view(), i, j);
                info.stream()
                        .limit(Math.max(1, count))
                        .map(f -> new FeatureInfo(layers.name(layer, request), f.id(), f.values()))
                        .forEach(found::add);
            } catch (RenderException e) {
                throw new OwsException(e.code(), "QUERY_LAYERS", e.getMessage());
            }
        }
        return new FeatureInfoResult(found, format);
    }

    private static int pixel(OwsRequest request, String name, int size) {
        String v = request.require(name);
        try {
            int p = (int) Math.floor(Double.parseDouble(v));
            if (p < 0 || p >= size) {
                throw new OwsException(OwsException.INVALID_POINT, name, name + " must lie within the map, got " + v);
            }
            return p;
        } catch (NumberFormatException e) {
            throw new OwsException(
                    OwsException.INVALID_POINT, name, name + " must be a pixel position, got '" + v + "'");
        }
    }
}
