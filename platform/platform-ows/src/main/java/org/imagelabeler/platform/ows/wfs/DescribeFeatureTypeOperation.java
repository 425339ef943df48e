package org.imagelabeler.platform.ows.wfs;

import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.imagelabeler.platform.feature.AttributeDescriptor;
import org.imagelabeler.platform.ows.OwsOperation;
import org.imagelabeler.platform.ows.OwsRequest;
import org.imagelabeler.platform.ows.XmlDocument;
import org.w3c.dom.Element;

/**
 * DescribeFeatureType: the XML Schema of feature types, each a GML feature (extending
 * {@code gml:AbstractFeatureType}) with one element per attribute in the order features are
 * written. Types of several workspaces (namespaces) are described by a schema that imports one
 * schema per namespace, as GeoServer does.
 */
final class DescribeFeatureTypeOperation implements OwsOperation {

    private final WfsLayers layers;

    DescribeFeatureTypeOperation(WfsLayers layers) {
        this.layers = layers;
    }

    @Override
    public String service() {
        return WfsService.ID;
    }

    @Override
    public String name() {
        return "DescribeFeatureType";
    }

    @Override
    public Object execute(OwsRequest request) {
        WfsVersion v = WfsVersion.of(request.version());
        List<WfsLayers.FeatureLayer> types = requested(request, v);
        Map<String, List<WfsLayers.FeatureLayer>> byNamespace = new LinkedHashMap<>();
        for (WfsLayers.FeatureLayer t : types) {
            byNamespace.computeIfAbsent(t.workspace(), k -> new ArrayList<>()).add(t);
        }
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            XMLStreamWriter x = XMLOutputFactory.newInstance().createXMLStreamWriter(out, "UTF-8");
            x.writeStartDocument("UTF-8", "1.0");
            x.setPrefix("xsd", WfsVersion.XSD);
            x.writeStartElement(WfsVersion.XSD, "schema");
            x.writeNamespace("xsd", WfsVersion.XSD);
            x.writeNamespace("gml", v.gml);
            if (byNamespace.size() == 1) {
                String ws = byNamespace.keySet().iterator().next();
                x.writeNamespace(ws, WfsLayers.namespace(ws));
                x.writeAttribute("targetNamespace", WfsLayers.namespace(ws));
                x.writeAttribute("elementFormDefault", "qualified");
                x.writeAttribute("attributeFormDefault", "unqualified");
                x.writeEmptyElement(WfsVersion.XSD, "import");
                x.writeAttribute("namespace", v.gml);
                x.writeAttribute("schemaLocation", v.gmlSchema);
                for (WfsLayers.FeatureLayer t : byNamespace.get(ws)) {
                    type(x, v, t);
                }
            } else {
                for (var e : byNamespace.entrySet()) {
                    x.writeEmptyElement(WfsVersion.XSD, "import");
                    x.writeAttribute("namespace", WfsLayers.namespace(e.getKey()));
                    x.writeAttribute("schemaLocation", location(request, v, e.getValue()));
                }
            }
            x.writeEndElement();
            x.writeEndDocument();
            x.close();
            return new XmlDocument(
                    out.toByteArray(), v.is200() ? "application/gml+xml; version=3.2" : "text/xml; subtype=gml/3.1.1");
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The URL of the DescribeFeatureType of some types, as GetFeature responses point to it. */
    static String location(OwsRequest request, WfsVersion v, List<WfsLayers.FeatureLayer> types) {
        String names = String.join(
                ",", types.stream().map(WfsLayers.FeatureLayer::qualifiedName).toList());
        return request.baseUrl() + "/wfs?service=WFS&version=" + v.number + "&request=DescribeFeatureType&"
                + (v.is200() ? "typeNames=" : "typeName=") + URLEncoder.encode(names, StandardCharsets.UTF_8);
    }

    private List<WfsLayers.FeatureLayer> requested(OwsRequest request, WfsVersion v) {
        List<String> names = new ArrayList<>();
        if (request.body() != null) {
            for (Element e : WfsXml.children(request.body(), v.wfs, "TypeName")) {
                names.add(e.getTextContent().trim());
            }
        } else {
            request.parameter(v.typeNamesKey())
                    .or(() -> request.parameter("TYPENAME"))
                    .ifPresent(p -> names.addAll(List.of(p.split(","))));
        }
        if (names.isEmpty()) {
            return layers.advertised(request);
        }
        return names.stream()
                .map(n -> layers.find(n, request, v.typeNamesKey().toLowerCase(java.util.Locale.ROOT)))
                .toList();
    }

    private static void type(XMLStreamWriter x, WfsVersion v, WfsLayers.FeatureLayer t) throws XMLStreamException {
        x.writeStartElement(WfsVersion.XSD, "complexType");
        x.writeAttribute("name", t.typeName() + "Type");
        x.writeStartElement(WfsVersion.XSD, "complexContent");
        x.writeStartElement(WfsVersion.XSD, "extension");
        x.writeAttribute("base", "gml:AbstractFeatureType");
        x.writeStartElement(WfsVersion.XSD, "sequence");
        for (AttributeDescriptor a : t.source().type().attributes()) {
            x.writeEmptyElement(WfsVersion.XSD, "element");
            x.writeAttribute("name", a.name());
            x.writeAttribute(
                    "type",
                    a.isGeometry()
                            ? a.geometryType().gmlPropertyType()
                            : a.type().xsdType());
            // every property may be left out: PROPERTYNAME selections stay valid
            x.writeAttribute("minOccurs", "0");
            x.writeAttribute("maxOccurs", "1");
            if (a.nullable()) {
                x.writeAttribute("nillable", "true");
            }
        }
        x.writeEndElement();
        x.writeEndElement();
        x.writeEndElement();
        x.writeEndElement();
        x.writeEmptyElement(WfsVersion.XSD, "element");
        x.writeAttribute("name", t.typeName());
        x.writeAttribute("type", t.workspace() + ":" + t.typeName() + "Type");
        x.writeAttribute("substitutionGroup", v.is200() ? "gml:AbstractFeature" : "gml:_Feature");
    }
}
