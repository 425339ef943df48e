package org.imagelabeler.platform.ows.wfs;

import java.util.List;
import org.imagelabeler.platform.feature.SortBy;
import org.imagelabeler.platform.feature.filter.Filter;

/**
 * A GetFeature (or GetPropertyValue) request, read from KVP or XML: one query per feature type,
 * paged as a whole by {@code startIndex} and {@code count}.
 *
 * @param byId a GetFeatureById stored query: the answer is the one feature, not a collection
 * @param valueReference the property of a GetPropertyValue request, else null
 */
record GetFeatureRequest(
        WfsVersion version,
        List<TypeQuery> queries,
        long startIndex,
        long count,
        boolean hits,
        Format format,
        OutputCrs crs,
        boolean byId,
        String valueReference) {

    enum Format {
        GML,
        GEOJSON
    }

    /**
     * What to read of one feature type.
     *
     * @param properties the attributes to write, or empty for all
     */
    record TypeQuery(WfsLayers.FeatureLayer layer, Filter filter, List<SortBy> sortBy, List<String> properties) {

        TypeQuery {
            sortBy = List.copyOf(sortBy);
            properties = List.copyOf(properties);
        }

        boolean writes(String attribute) {
            return properties.isEmpty() || properties.contains(attribute);
        }
    }

    GetFeatureRequest {
        queries = List.copyOf(queries);
    }
}
