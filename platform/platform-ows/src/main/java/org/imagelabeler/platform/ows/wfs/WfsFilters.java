package org.imagelabeler.platform.ows.wfs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.imagelabeler.platform.feature.filter.Filter;
import org.imagelabeler.platform.ows.OwsException;
import org.imagelabeler.platform.ows.OwsRequest;
import org.w3c.dom.Element;

/**
 * The filters of WFS requests: {@code FILTER} documents (Filter Encoding 2.0 or 1.1), the
 * {@code BBOX} parameter, and resource ids, which WFS shows as {@code typename.id}.
 */
final class WfsFilters {

    private final WfsLayers layers;

    WfsFilters(WfsLayers layers) {
        this.layers = layers;
    }

    Filter parse(String xml, WfsLayers.FeatureLayer type) {
        throw new OwsException(OwsException.OPERATION_NOT_SUPPORTED, "FILTER", "FILTER is not supported yet");
    }

    Filter parse(Element filter, WfsLayers.FeatureLayer type) {
        throw new OwsException(OwsException.OPERATION_NOT_SUPPORTED, "FILTER", "FILTER is not supported yet");
    }

    Filter bbox(String value, WfsLayers.FeatureLayer type) {
        throw new OwsException(OwsException.OPERATION_NOT_SUPPORTED, "BBOX", "BBOX is not supported yet");
    }

    /** The ids among {@code value} ({@code type.id,type.id}) that belong to {@code type}. */
    Filter resourceIds(String value, WfsLayers.FeatureLayer type) {
        List<Filter.Rid> ids = new ArrayList<>();
        for (String rid : value.split(",")) {
            String id = rid.trim();
            String prefix = type.typeName() + ".";
            if (id.startsWith(prefix)) {
                ids.add(new Filter.Rid(id.substring(prefix.length()), null));
            }
        }
        return ids.isEmpty() ? Filter.EXCLUDE : new Filter.ResourceId(ids);
    }

    /** The feature types that resource ids ({@code typename.id}) name, in order of first mention. */
    List<WfsLayers.FeatureLayer> typesOf(String value, OwsRequest request) {
        Map<String, WfsLayers.FeatureLayer> byName = new LinkedHashMap<>();
        List<WfsLayers.FeatureLayer> advertised = layers.advertised(request);
        for (String rid : value.split(",")) {
            String id = rid.trim();
            int dot = id.lastIndexOf('.');
            if (dot <= 0) {
                throw OwsException.invalid("RESOURCEID", "resource id '" + id + "' is not of the form typename.id");
            }
            String typeName = id.substring(0, dot);
            WfsLayers.FeatureLayer type = advertised.stream()
                    .filter(t -> t.typeName().equals(typeName))
                    .findFirst()
                    .orElseThrow(() -> OwsException.invalid(
                            "RESOURCEID", "resource id '" + id + "' names no feature type of this service"));
            byName.putIfAbsent(typeName, type);
        }
        return new ArrayList<>(byName.values());
    }
}
