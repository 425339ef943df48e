package org.imagelabeler.platform.ows.wfs;

import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.imagelabeler.platform.feature.AttributeDescriptor;
import org.imagelabeler.platform.feature.Feature;
import org.imagelabeler.platform.feature.FeatureCursor;
import org.imagelabeler.platform.feature.FeatureQuery;
import org.imagelabeler.platform.ows.OwsRequest;
import org.imagelabeler.platform.ows.ResponseWriter;
import org.locationtech.jts.geom.Geometry;

/**
 * Writes GetFeature answers as a WFS 2.0 {@code wfs:FeatureCollection} of GML 3.2 features, or a
 * WFS 1.1.0 one of GML 3.1.1 features; a GetFeatureById answer as the bare feature; a
 * GetPropertyValue answer as a {@code wfs:ValueCollection}. Each feature is written as it is read
 * from its source: memory does not grow with the number of features.
 */
final class GmlFeatureWriter implements ResponseWriter {

    @Override
    public boolean canWrite(Object result) {
        return result instanceof FeatureResponse r
                && (r.request().format() == GetFeatureRequest.Format.GML
                        || r.request().valueReference() != null);
    }

    @Override
    public void write(Object result, OwsRequest ows, HttpServletResponse response) throws IOException {
        FeatureResponse r = (FeatureResponse) result;
        GetFeatureRequest request = r.request();
        WfsVersion v = request.version();
        response.setContentType(v.gmlFormat);
        try (OutputStream out = new BufferedOutputStream(response.getOutputStream(), 1 << 16)) {
            XMLStreamWriter x = XMLOutputFactory.newInstance().createXMLStreamWriter(out, "UTF-8");
            x.writeStartDocument("UTF-8", "1.0");
            if (request.byId()) {
                features(x, r, null);
            } else if (request.valueReference() != null) {
                valueCollection(x, r);
            } else {
                collection(x, r);
            }
            x.writeEndDocument();
            x.close();
        } catch (XMLStreamException e) {
            throw new IOException(e);
        }
    }

    private static void collection(XMLStreamWriter x, FeatureResponse r) throws XMLStreamException {
        GetFeatureRequest request = r.request();
        WfsVersion v = request.version();
        start(x, v, "FeatureCollection", r);
        if (v.is200()) {
            x.writeAttribute("numberMatched", String.valueOf(r.totalMatched()));
            x.writeAttribute("numberReturned", String.valueOf(r.returned()));
            if (r.next() != null) {
                x.writeAttribute("next", r.next());
            }
            if (r.previous() != null) {
                x.writeAttribute("previous", r.previous());
            }
        } else {
            x.writeAttribute("numberOfFeatures", String.valueOf(request.hits() ? r.totalMatched() : r.returned()));
        }
        if (!request.hits()) {
            features(x, r, v.is200() ? v.wfs : v.gml);
        }
        x.writeEndElement();
    }

    private static void valueCollection(XMLStreamWriter x, FeatureResponse r) throws XMLStreamException {
        WfsVersion v = r.request().version();
        start(x, v, "ValueCollection", r);
        x.writeAttribute("numberMatched", String.valueOf(r.totalMatched()));
        x.writeAttribute("numberReturned", String.valueOf(r.returned()));
        if (r.next() != null) {
            x.writeAttribute("next", r.next());
        }
        if (!r.request().hits()) {
            features(x, r, v.wfs);
        }
        x.writeEndElement();
    }

    /** The collection's root element, with the namespaces of every feature type it holds. */
    private static void start(XMLStreamWriter x, WfsVersion v, String element, FeatureResponse r)
            throws XMLStreamException {
        x.setPrefix("wfs", v.wfs);
        x.setPrefix("gml", v.gml);
        x.writeStartElement(v.wfs, element);
        x.writeNamespace("wfs", v.wfs);
        x.writeNamespace("gml", v.gml);
        x.writeNamespace("xsi", WfsVersion.XSI);
        StringBuilder locations = new StringBuilder(v.wfs + " " + v.wfsSchema + " " + v.gml + " " + v.gmlSchema);
        for (var e : byWorkspace(r).entrySet()) {
            x.setPrefix(e.getKey(), WfsLayers.namespace(e.getKey()));
            x.writeNamespace(e.getKey(), WfsLayers.namespace(e.getKey()));
            locations
                    .append(' ')
                    .append(WfsLayers.namespace(e.getKey()))
                    .append(' ')
                    .append(DescribeFeatureTypeOperation.location(r.ows(), v, e.getValue()));
        }
        x.writeAttribute(WfsVersion.XSI, "schemaLocation", locations.toString());
        x.writeAttribute("timeStamp", r.timeStamp().toString());
    }

    private static Map<String, List<WfsLayers.FeatureLayer>> byWorkspace(FeatureResponse r) {
        Map<String, List<WfsLayers.FeatureLayer>> map = new LinkedHashMap<>();
        for (GetFeatureRequest.TypeQuery q : r.request().queries()) {
            map.computeIfAbsent(q.layer().workspace(), k -> new ArrayList<>()).add(q.layer());
        }
        return map;
    }

    /**
     * Writes the features of every query, each inside a {@code member} element of namespace
     * {@code memberNs} ({@code wfs:member}, or {@code gml:featureMember} in 1.1.0), or bare when null.
     */
    private static void features(XMLStreamWriter x, FeatureResponse r, String memberNs) throws XMLStreamException {
        GetFeatureRequest request = r.request();
        WfsVersion v = request.version();
        GmlGeometryWriter geometries = new GmlGeometryWriter(x, v, request.crs());
        for (int i = 0; i < request.queries().size(); i++) {
            GetFeatureRequest.TypeQuery q = request.queries().get(i);
            long[] window = r.window(i);
            if (window[1] == 0) {
                continue;
            }
            WfsLayers.FeatureLayer type = q.layer();
            String ns = type.namespace();
            if (memberNs == null) {
                x.setPrefix(type.workspace(), ns);
            }
            try (FeatureCursor cursor =
                    type.source().features(new FeatureQuery(q.filter(), q.sortBy(), window[0], window[1]))) {
                while (cursor.hasNext()) {
                    Feature f = cursor.next();
                    String gmlId = type.typeName() + "." + f.id();
                    if (memberNs != null) {
                        x.writeStartElement(memberNs, memberNs.equals(v.gml) ? "featureMember" : "member");
                    }
                    if (request.valueReference() != null) {
                        value(x, type, f, request.valueReference(), geometries, request.crs(), gmlId);
                    } else {
                        feature(x, v, q, type, f, memberNs == null, geometries, request.crs(), gmlId);
                    }
                    if (memberNs != null) {
                        x.writeEndElement();
                    }
                }
            }
        }
    }

    private static void feature(
            XMLStreamWriter x,
            WfsVersion v,
            GetFeatureRequest.TypeQuery q,
            WfsLayers.FeatureLayer type,
            Feature f,
            boolean bare,
            GmlGeometryWriter geometries,
            OutputCrs crs,
            String gmlId)
            throws XMLStreamException {
        String ns = type.namespace();
        x.writeStartElement(ns, type.typeName());
        if (bare) {
            x.writeNamespace(type.workspace(), ns);
            x.writeNamespace("gml", v.gml);
        }
        x.writeAttribute(v.gml, "id", gmlId);
        for (AttributeDescriptor a : type.source().type().attributes()) {
            Object value = f.get(a.name());
            if (value == null || !q.writes(a.name())) {
                continue;
            }
            x.writeStartElement(ns, a.name());
            if (value instanceof Geometry g) {
                geometries.write(crs.project(g), crs.srsName(), gmlId);
            } else {
                x.writeCharacters(text(value));
            }
            x.writeEndElement();
        }
        x.writeEndElement();
    }

    private static void value(
            XMLStreamWriter x,
            WfsLayers.FeatureLayer type,
            Feature f,
            String property,
            GmlGeometryWriter geometries,
            OutputCrs crs,
            String gmlId)
            throws XMLStreamException {
        Object value = f.get(property);
        if (value instanceof Geometry g) {
            geometries.write(crs.project(g), crs.srsName(), gmlId);
        } else if (value != null) {
            x.writeCharacters(text(value));
        }
    }

    static String text(Object value) {
        if (value instanceof Instant i) {
            return i.toString();
        }
        return value.toString();
    }
}
