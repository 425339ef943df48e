package org.imagelabeler.platform.ows.wfs;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.imagelabeler.platform.feature.FeatureType;
import org.imagelabeler.platform.feature.SortBy;
import org.imagelabeler.platform.feature.filter.Filter;
import org.imagelabeler.platform.ows.OwsException;
import org.imagelabeler.platform.ows.OwsRequest;
import org.w3c.dom.Element;

/**
 * Reads GetFeature and GetPropertyValue requests in both encodings: KVP ({@code TYPENAMES},
 * {@code COUNT}, {@code STARTINDEX}, {@code BBOX} or {@code FILTER} or {@code RESOURCEID},
 * {@code SORTBY}, {@code PROPERTYNAME}, {@code SRSNAME}, {@code STOREDQUERY_ID}...) and XML
 * ({@code wfs:Query} and {@code wfs:StoredQuery} elements), with the 1.1.0 names where they differ.
 */
final class GetFeatureReader {

    static final String GET_FEATURE_BY_ID = "urn:ogc:def:query:OGC-WFS::GetFeatureById";

    private final WfsLayers layers;
    private final WfsFilters filters;
    private final WfsLimits limits;

    GetFeatureReader(WfsLayers layers, WfsFilters filters, WfsLimits limits) {
        this.layers = layers;
        this.filters = filters;
        this.limits = limits;
    }

    GetFeatureRequest read(OwsRequest request) {
        return request.body() != null ? xml(request, request.body()) : kvp(request);
    }

    private GetFeatureRequest kvp(OwsRequest r) {
        WfsVersion v = WfsVersion.of(r.version());
        long max = limits.maxFeatures();
        long count = Math.min(
                max, number(r.parameter(v.countKey()).or(() -> r.parameter("MAXFEATURES")), v.countKey(), max));
        long start = number(r.parameter("STARTINDEX"), "STARTINDEX", 0);
        boolean hits = resultType(r.parameter("RESULTTYPE").orElse("results"));
        GetFeatureRequest.Format format = format(r.parameter("OUTPUTFORMAT").orElse(null), v);
        OutputCrs crs = OutputCrs.of(r.parameter("SRSNAME").orElse(null), v);
        String valueReference = r.parameter("VALUEREFERENCE").orElse(null);

        Optional<String> storedQuery = r.parameter("STOREDQUERY_ID");
        if (storedQuery.isPresent()) {
            if (!storedQuery.get().equals(GET_FEATURE_BY_ID)) {
                throw OwsException.invalid(
                        "STOREDQUERY_ID",
                        "unknown stored query '" + storedQuery.get() + "': this server offers " + GET_FEATURE_BY_ID);
            }
            return byId(v, r.require("ID"), r, format, crs);
        }

        String typeNames = r.parameter(v.typeNamesKey())
                .or(() -> r.parameter("TYPENAME"))
                .or(() -> r.parameter("TYPENAMES"))
                .orElse(null);
        Optional<String> resourceIds = r.parameter("RESOURCEID").or(() -> r.parameter("FEATUREID"));
        Optional<String> bbox = r.parameter("BBOX");
        Optional<String> filter = r.parameter("FILTER");
        int given = (resourceIds.isPresent() ? 1 : 0) + (bbox.isPresent() ? 1 : 0) + (filter.isPresent() ? 1 : 0);
        if (given > 1) {
            throw new OwsException(
                    OwsException.INVALID_PARAMETER,
                    filter.isPresent() ? "FILTER" : "BBOX",
                    "BBOX, FILTER and RESOURCEID exclude one another: give one of them");
        }
        List<WfsLayers.FeatureLayer> types = new ArrayList<>();
        if (typeNames != null) {
            for (String name : typeNames.split(",")) {
                types.add(layers.find(name.replace("(", "").replace(")", ""), r, v.typeNamesKey()));
            }
        } else if (resourceIds.isPresent()) {
            types.addAll(filters.typesOf(resourceIds.get(), r));
        } else {
            throw OwsException.missing(v.typeNamesKey());
        }
        List<String> propertyNames = r.parameter("PROPERTYNAME")
                .map(p -> List.of(p.replace("(", "").replace(")", "").split(",")))
                .orElse(List.of());
        List<GetFeatureRequest.TypeQuery> queries = new ArrayList<>();
        for (WfsLayers.FeatureLayer type : types) {
            Filter f = Filter.INCLUDE;
            if (bbox.isPresent()) {
                f = filters.bbox(bbox.get(), type, v);
            } else if (filter.isPresent()) {
                f = filters.parse(filter.get(), type, v);
            } else if (resourceIds.isPresent()) {
                f = filters.resourceIds(resourceIds.get(), type);
            }
            List<SortBy> sortBy = r.parameter("SORTBY")
                    .map(s -> sortBy(s, type.source().type()))
                    .orElse(List.of());
            queries.add(new GetFeatureRequest.TypeQuery(
                    type, f, sortBy, properties(propertyNames, type.source().type(), "PROPERTYNAME")));
        }
        if (valueReference != null) {
            valueReference = property(valueReference, types.get(0).source().type(), "VALUEREFERENCE");
        }
        return new GetFeatureRequest(v, queries, start, count, hits, format, crs, false, valueReference);
    }

    private GetFeatureRequest byId(
            WfsVersion v, String id, OwsRequest r, GetFeatureRequest.Format format, OutputCrs crs) {
        List<WfsLayers.FeatureLayer> types = filters.typesOf(id, r);
        WfsLayers.FeatureLayer type = types.get(0);
        return new GetFeatureRequest(
                v,
                List.of(new GetFeatureRequest.TypeQuery(type, filters.resourceIds(id, type), List.of(), List.of())),
                0,
                1,
                false,
                format,
                crs,
                true,
                null);
    }

    private GetFeatureRequest xml(OwsRequest r, Element root) {
        WfsVersion v = WfsVersion.of(r.version());
        long max = limits.maxFeatures();
        String countAttribute = WfsXml.attribute(root, v.is200() ? "count" : "maxFeatures");
        long count = Math.min(max, number(Optional.ofNullable(countAttribute), "count", max));
        long start = number(Optional.ofNullable(WfsXml.attribute(root, "startIndex")), "startIndex", 0);
        boolean hits = resultType(
                Optional.ofNullable(WfsXml.attribute(root, "resultType")).orElse("results"));
        GetFeatureRequest.Format format = format(WfsXml.attribute(root, "outputFormat"), v);
        String valueReference = WfsXml.attribute(root, "valueReference");

        List<Element> stored = WfsXml.children(root, v.wfs, "StoredQuery");
        if (!stored.isEmpty()) {
            Element q = stored.get(0);
            if (!GET_FEATURE_BY_ID.equals(q.getAttribute("id"))) {
                throw OwsException.invalid(
                        "id",
                        "unknown stored query '" + q.getAttribute("id") + "': this server offers " + GET_FEATURE_BY_ID);
            }
            String id = WfsXml.children(q, v.wfs, "Parameter").stream()
                    .filter(p -> p.getAttribute("name").equalsIgnoreCase("ID"))
                    .map(p -> p.getTextContent().trim())
                    .findFirst()
                    .orElseThrow(() -> OwsException.missing("ID"));
            return byId(v, id, r, format, OutputCrs.of(null, v));
        }
        List<Element> queryElements = WfsXml.children(root, v.wfs, "Query");
        if (queryElements.isEmpty()) {
            throw OwsException.missing(v.is200() ? "wfs:Query" : "wfs:Query");
        }
        OutputCrs crs = null;
        List<GetFeatureRequest.TypeQuery> queries = new ArrayList<>();
        for (Element q : queryElements) {
            String typeNames = WfsXml.attribute(q, v.is200() ? "typeNames" : "typeName");
            if (typeNames == null || typeNames.isBlank()) {
                throw OwsException.missing(v.is200() ? "typeNames" : "typeName");
            }
            if (crs == null) {
                crs = OutputCrs.of(WfsXml.attribute(q, "srsName"), v);
            }
            WfsLayers.FeatureLayer type = layers.find(typeNames.trim().split("\\s+")[0], r, "typeNames");
            FeatureType ft = type.source().type();
            Filter f = Filter.INCLUDE;
            for (Element child : WfsXml.children(q)) {
                if (child.getLocalName().equals("Filter")) {
                    f = filters.parse(child, type, v);
                }
            }
            List<SortBy> sortBy = new ArrayList<>();
            for (Element s : WfsXml.children(q, v.filter, "SortBy")) {
                for (Element p : WfsXml.children(s, v.filter, "SortProperty")) {
                    String property = null;
                    boolean ascending = true;
                    for (Element c : WfsXml.children(p)) {
                        if (c.getLocalName().equals("ValueReference")
                                || c.getLocalName().equals("PropertyName")) {
                            property = property(c.getTextContent(), ft, "SortBy");
                        } else if (c.getLocalName().equals("SortOrder")) {
                            ascending = !c.getTextContent()
                                    .trim()
                                    .toUpperCase(Locale.ROOT)
                                    .startsWith("DESC");
                        }
                    }
                    if (property != null) {
                        sortBy.add(new SortBy(property, ascending));
                    }
                }
            }
            List<String> names = new ArrayList<>();
            for (Element c : WfsXml.children(q)) {
                if (c.getLocalName().equals("PropertyName")) {
                    names.add(c.getTextContent());
                }
            }
            queries.add(new GetFeatureRequest.TypeQuery(type, f, sortBy, properties(names, ft, "PropertyName")));
        }
        if (valueReference != null) {
            valueReference =
                    property(valueReference, queries.get(0).layer().source().type(), "valueReference");
        }
        return new GetFeatureRequest(v, queries, start, count, hits, format, crs, false, valueReference);
    }

    /** {@code "class ASC,created DESC"} (2.0) or {@code "class A,created D"} (1.1). */
    private static List<SortBy> sortBy(String value, FeatureType type) {
        List<SortBy> keys = new ArrayList<>();
        for (String part : value.split(",")) {
            String[] words = part.trim().split("\\s+");
            if (words[0].isEmpty()) {
                continue;
            }
            boolean ascending = true;
            if (words.length > 1) {
                String order = words[1].toUpperCase(Locale.ROOT);
                if (order.equals("DESC") || order.equals("D")) {
                    ascending = false;
                } else if (!order.equals("ASC") && !order.equals("A")) {
                    throw OwsException.invalid("SORTBY", "sort order must be ASC or DESC, got '" + words[1] + "'");
                }
            }
            keys.add(new SortBy(property(words[0], type, "SORTBY"), ascending));
        }
        return keys;
    }

    private static List<String> properties(List<String> names, FeatureType type, String locator) {
        List<String> found = new ArrayList<>();
        for (String n : names) {
            if (!n.isBlank()) {
                found.add(property(n, type, locator));
            }
        }
        return found;
    }

    /** An attribute of the type, named with or without a namespace prefix. */
    static String property(String name, FeatureType type, String locator) {
        String local = name.trim();
        local = local.substring(local.lastIndexOf('/') + 1);
        local = local.substring(local.indexOf(':') + 1);
        String attribute = local;
        if (type.attribute(attribute).isEmpty()) {
            throw OwsException.invalid(
                    locator,
                    "unknown property '" + name.trim() + "'; the properties are "
                            + type.attributes().stream().map(a -> a.name()).toList());
        }
        return attribute;
    }

    private static long number(Optional<String> value, String name, long fallback) {
        if (value.isEmpty()) {
            return fallback;
        }
        try {
            long n = Long.parseLong(value.get().trim());
            if (n < 0) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw OwsException.invalid(name, name + " must be a non-negative integer, got '" + value.get() + "'");
        }
    }

    private static boolean resultType(String value) {
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "results" -> false;
            case "hits" -> true;
            default ->
                throw OwsException.invalid("RESULTTYPE", "resultType must be results or hits, got '" + value + "'");
        };
    }

    static GetFeatureRequest.Format format(String value, WfsVersion v) {
        if (value == null || value.isBlank()) {
            return GetFeatureRequest.Format.GML;
        }
        String f = value.trim().toLowerCase(Locale.ROOT).replace(" ", "");
        if (f.equals("application/json")
                || f.equals("json")
                || f.equals("geojson")
                || f.equals("application/geo+json")) {
            return GetFeatureRequest.Format.GEOJSON;
        }
        boolean gml32 = f.startsWith("application/gml+xml") && f.contains("3.2")
                || f.equals("text/xml;subtype=gml/3.2")
                || f.equals("gml32");
        boolean gml31 = f.equals("text/xml;subtype=gml/3.1.1") || f.equals("gml3") || f.equals("text/xml");
        if ((v.is200() && (gml32 || f.equals("text/xml"))) || (!v.is200() && gml31)) {
            return GetFeatureRequest.Format.GML;
        }
        throw new OwsException(
                OwsException.INVALID_PARAMETER,
                "outputFormat",
                "unsupported outputFormat '" + value + "': use "
                        + (v.is200() ? WfsCapabilities.OUTPUT_FORMATS_200 : WfsCapabilities.OUTPUT_FORMATS_110));
    }
}
