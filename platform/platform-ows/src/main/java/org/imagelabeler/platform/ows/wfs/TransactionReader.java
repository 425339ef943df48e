package org.imagelabeler.platform.ows.wfs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.imagelabeler.platform.feature.AttributeDescriptor;
import org.imagelabeler.platform.feature.Feature;
import org.imagelabeler.platform.feature.FeatureTransaction;
import org.imagelabeler.platform.feature.FeatureType;
import org.imagelabeler.platform.feature.filter.AttributeValues;
import org.imagelabeler.platform.feature.filter.Filter;
import org.imagelabeler.platform.feature.filter.FilterException;
import org.imagelabeler.platform.feature.gml.GmlException;
import org.imagelabeler.platform.feature.gml.GmlGeometryReader;
import org.imagelabeler.platform.ows.OwsException;
import org.imagelabeler.platform.ows.OwsRequest;
import org.locationtech.jts.geom.Geometry;
import org.w3c.dom.Element;

/**
 * Reads a {@code wfs:Transaction} document (2.0 or 1.1) into actions on feature types: Insert
 * (features of any type, their geometries in GML), Update (properties with new values, and a
 * filter) and Delete (a filter). Every refusal says which action, which feature and which
 * property: {@code Insert[1] feature 2, property geometry: ...}.
 */
final class TransactionReader {

    /** One action on one feature type, with the name errors and results give it. */
    record LayerAction(WfsLayers.FeatureLayer layer, FeatureTransaction.Action action, String locator) {}

    private final WfsLayers layers;
    private final WfsFilters filters;

    TransactionReader(WfsLayers layers, WfsFilters filters) {
        this.layers = layers;
        this.filters = filters;
    }

    List<LayerAction> read(OwsRequest request) {
        Element root = request.body();
        if (root == null || !"Transaction".equals(root.getLocalName())) {
            throw new OwsException(
                    OwsException.OPERATION_NOT_SUPPORTED,
                    "request",
                    "Transaction takes an XML wfs:Transaction document by POST");
        }
        WfsVersion v = WfsVersion.of(request.version());
        List<LayerAction> actions = new ArrayList<>();
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Element e : WfsXml.children(root)) {
            String kind = e.getLocalName();
            int n = counts.merge(kind, 1, Integer::sum);
            String handle = WfsXml.attribute(e, "handle");
            String locator = handle != null ? handle : kind + "[" + n + "]";
            switch (kind) {
                case "Insert" -> actions.addAll(insert(request, v, e, handle, locator));
                case "Update" -> actions.add(update(request, v, e, handle, locator));
                case "Delete" -> actions.add(delete(request, v, e, handle, locator));
                default ->
                    throw new OwsException(
                            OwsException.OPERATION_NOT_SUPPORTED,
                            locator,
                            kind + " is not supported: use Insert, Update and Delete");
            }
        }
        return actions;
    }

    private List<LayerAction> insert(OwsRequest r, WfsVersion v, Element insert, String handle, String locator) {
        // by qualified name: each lookup makes a new FeatureLayer
        Map<String, WfsLayers.FeatureLayer> types = new LinkedHashMap<>();
        Map<String, List<Feature>> byType = new LinkedHashMap<>();
        GmlGeometryReader gml = geometries(insert, v);
        int index = 0;
        for (Element f : WfsXml.children(insert)) {
            index++;
            String where = locator + " feature " + index;
            String ws = layers.workspaceOf(f.getNamespaceURI());
            String name = (ws != null ? ws + ":" : "") + f.getLocalName();
            WfsLayers.FeatureLayer type = layers.find(name, r, where);
            FeatureType ft = type.source().type();
            Map<String, Object> values = new LinkedHashMap<>();
            for (Element p : WfsXml.children(f)) {
                if (v.gml.equals(p.getNamespaceURI())) {
                    continue; // gml:name, gml:boundedBy...: not properties of ours
                }
                AttributeDescriptor a = attribute(ft, p.getLocalName(), where);
                if (a.readOnly()) {
                    continue; // set by the server (author, times, version): clients echo them back
                }
                values.put(a.name(), value(a, p, gml, where));
            }
            types.putIfAbsent(type.qualifiedName(), type);
            byType.computeIfAbsent(type.qualifiedName(), k -> new ArrayList<>()).add(new Feature(null, values));
        }
        if (byType.isEmpty()) {
            throw OwsException.invalid(locator, locator + " holds no feature");
        }
        List<LayerAction> actions = new ArrayList<>();
        byType.forEach((name, features) -> actions.add(
                new LayerAction(types.get(name), new FeatureTransaction.Insert(handle, features), locator)));
        return actions;
    }

    private LayerAction update(OwsRequest r, WfsVersion v, Element update, String handle, String locator) {
        WfsLayers.FeatureLayer type = target(r, v, update, locator);
        FeatureType ft = type.source().type();
        GmlGeometryReader gml = geometries(update, v);
        Map<String, Object> values = new LinkedHashMap<>();
        Filter filter = Filter.INCLUDE;
        for (Element c : WfsXml.children(update)) {
            if (c.getLocalName().equals("Property")) {
                String name = null;
                Element value = null;
                for (Element p : WfsXml.children(c)) {
                    if (p.getLocalName().equals("ValueReference")
                            || p.getLocalName().equals("Name")) {
                        name = p.getTextContent().trim();
                    } else if (p.getLocalName().equals("Value")) {
                        value = p;
                    }
                }
                if (name == null) {
                    throw OwsException.invalid(locator, locator + ": a Property without the name of what it changes");
                }
                String local = name.substring(name.indexOf(':') + 1);
                AttributeDescriptor a = attribute(ft, local, locator);
                if (a.readOnly()) {
                    continue; // set by the server; GDAL sends every property of the feature it changes
                }
                values.put(a.name(), value == null ? null : value(a, value, gml, locator));
            } else if (c.getLocalName().equals("Filter")) {
                filter = filters.parse(c, type, v);
            }
        }
        if (values.isEmpty()) {
            throw OwsException.invalid(locator, locator + " changes no property");
        }
        return new LayerAction(type, new FeatureTransaction.Update(handle, values, filter), locator);
    }

    private LayerAction delete(OwsRequest r, WfsVersion v, Element delete, String handle, String locator) {
        WfsLayers.FeatureLayer type = target(r, v, delete, locator);
        Filter filter = null;
        for (Element c : WfsXml.children(delete)) {
            if (c.getLocalName().equals("Filter")) {
                filter = filters.parse(c, type, v);
            }
        }
        if (filter == null) {
            throw OwsException.missing(locator + " Filter");
        }
        return new LayerAction(type, new FeatureTransaction.Delete(handle, filter), locator);
    }

    private WfsLayers.FeatureLayer target(OwsRequest r, WfsVersion v, Element action, String locator) {
        String typeName = WfsXml.attribute(action, "typeName");
        if (typeName == null || typeName.isBlank()) {
            throw OwsException.missing(locator + " typeName");
        }
        String t = typeName.trim();
        int colon = t.indexOf(':');
        if (colon > 0) {
            // the prefix stands for a namespace of the document, which names a workspace
            String ws = layers.workspaceOf(action.lookupNamespaceURI(t.substring(0, colon)));
            if (ws != null) {
                t = ws + t.substring(colon);
            }
        }
        return layers.find(t, r, locator);
    }

    private static AttributeDescriptor attribute(FeatureType type, String name, String where) {
        return type.attribute(name)
                .orElseThrow(() -> new OwsException(
                        "InvalidValue",
                        where,
                        where + ": '" + name + "' is not a property of " + type.name() + "; its properties are "
                                + type.attributes().stream()
                                        .map(AttributeDescriptor::name)
                                        .toList()));
    }

    /** A property element's value, typed: a GML geometry, or text read as the attribute's type. */
    private static Object value(AttributeDescriptor a, Element element, GmlGeometryReader gml, String where) {
        String at = where + ", property " + a.name();
        if (a.isGeometry()) {
            List<Element> children = WfsXml.children(element);
            if (children.isEmpty()) {
                return null;
            }
            try {
                Geometry g = WfsFilters.toStorage(gml.read(children.get(0)));
                if (!a.geometryType().accepts(g)) {
                    throw new OwsException(
                            "InvalidValue",
                            where,
                            at + ": a " + g.getGeometryType() + " where "
                                    + a.geometryType().gmlPropertyType() + " is expected");
                }
                return g;
            } catch (GmlException | FilterException e) {
                throw new OwsException("InvalidValue", where, at + ": " + e.getMessage());
            }
        }
        String text = element.getTextContent().trim();
        if (text.isEmpty() && a.nullable()) {
            return null;
        }
        try {
            return AttributeValues.fromLiteral(a, text);
        } catch (FilterException e) {
            throw new OwsException(
                    "InvalidValue",
                    where,
                    at + ": '" + text + "' is not a " + a.type().xsdType() + " value");
        }
    }

    private static GmlGeometryReader geometries(Element action, WfsVersion v) {
        String srsName = WfsXml.attribute(action, "srsName");
        return new GmlGeometryReader(
                WfsFilters.SRS_NAMES, WfsFilters.SRS_NAMES.resolve(srsName != null ? srsName : v.defaultSrsName));
    }
}
