package org.imagelabeler.platform.ows.wfs;

import java.io.ByteArrayOutputStream;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.imagelabeler.platform.ows.OwsException;
import org.imagelabeler.platform.ows.OwsOperation;
import org.imagelabeler.platform.ows.OwsRequest;
import org.imagelabeler.platform.ows.XmlDocument;

/**
 * ListStoredQueries and DescribeStoredQueries (WFS 2.0): the one stored query every WFS 2.0
 * server offers, GetFeatureById, which returns any feature type.
 */
final class StoredQueriesOperation implements OwsOperation {

    private final String name;
    private final WfsLayers layers;

    StoredQueriesOperation(String name, WfsLayers layers) {
        this.name = name;
        this.layers = layers;
    }

    @Override
    public String service() {
        return WfsService.ID;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Object execute(OwsRequest request) {
        WfsVersion v = WfsVersion.of(request.version());
        if (!v.is200()) {
            throw new OwsException(OwsException.OPERATION_NOT_SUPPORTED, "request", name + " is a WFS 2.0 operation");
        }
        request.parameter("STOREDQUERY_ID").ifPresent(id -> {
            for (String one : id.split(",")) {
                if (!one.trim().equals(GetFeatureReader.GET_FEATURE_BY_ID)) {
                    throw OwsException.invalid("STOREDQUERY_ID", "unknown stored query '" + one.trim() + "'");
                }
            }
        });
        List<WfsLayers.FeatureLayer> types = layers.advertised(request);
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            XMLStreamWriter x = XMLOutputFactory.newInstance().createXMLStreamWriter(out, "UTF-8");
            x.writeStartDocument("UTF-8", "1.0");
            x.setPrefix("wfs", v.wfs);
            boolean list = name.equals("ListStoredQueries");
            x.writeStartElement(v.wfs, list ? "ListStoredQueriesResponse" : "DescribeStoredQueriesResponse");
            x.writeNamespace("wfs", v.wfs);
            x.writeNamespace("xs", WfsVersion.XSD);
            x.writeNamespace("xsi", WfsVersion.XSI);
            for (String ws : types.stream()
                    .map(WfsLayers.FeatureLayer::workspace)
                    .distinct()
                    .toList()) {
                x.writeNamespace(ws, WfsLayers.namespace(ws));
            }
            x.writeAttribute(WfsVersion.XSI, "schemaLocation", v.wfs + " " + v.wfsSchema);
            String returnTypes = String.join(
                    " ",
                    types.stream().map(WfsLayers.FeatureLayer::qualifiedName).toList());
            if (list) {
                x.writeStartElement(v.wfs, "StoredQuery");
                x.writeAttribute("id", GetFeatureReader.GET_FEATURE_BY_ID);
                WfsXml.text(x, v.wfs, "Title", "Get feature by identifier");
                for (WfsLayers.FeatureLayer t : types) {
                    WfsXml.text(x, v.wfs, "ReturnFeatureType", t.qualifiedName());
                }
                x.writeEndElement();
            } else {
                x.writeStartElement(v.wfs, "StoredQueryDescription");
                x.writeAttribute("id", GetFeatureReader.GET_FEATURE_BY_ID);
                WfsXml.text(x, v.wfs, "Title", "Get feature by identifier");
                WfsXml.text(x, v.wfs, "Abstract", "Returns the single feature whose identifier is ID (typename.id).");
                x.writeEmptyElement(v.wfs, "Parameter");
                x.writeAttribute("name", "ID");
                x.writeAttribute("type", "xs:string");
                x.writeEmptyElement(v.wfs, "QueryExpressionText");
                x.writeAttribute("returnFeatureTypes", returnTypes);
                x.writeAttribute("language", "urn:ogc:def:queryLanguage:OGC-WFS::WFS_QueryExpression");
                x.writeAttribute("isPrivate", "true");
                x.writeEndElement();
            }
            x.writeEndElement();
            x.writeEndDocument();
            x.close();
            return new XmlDocument(out.toByteArray(), "application/xml");
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }
}
