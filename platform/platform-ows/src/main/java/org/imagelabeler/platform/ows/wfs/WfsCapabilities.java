package org.imagelabeler.platform.ows.wfs;

import java.io.ByteArrayOutputStream;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.imagelabeler.platform.catalog.BoundingBox;
import org.imagelabeler.platform.catalog.ServiceSettings;
import org.imagelabeler.platform.ows.OwsRequest;
import org.imagelabeler.platform.ows.XmlDocument;

/**
 * The WFS 2.0.0 and 1.1.0 capabilities documents: what the service can do (the conformance
 * constraints of both specifications), the feature types the caller may read, and the filter
 * capabilities. Valid against the official schemas (see WfsTest).
 */
final class WfsCapabilities {

    static final List<String> OUTPUT_FORMATS_200 =
            List.of("application/gml+xml; version=3.2", "text/xml; subtype=gml/3.2", "application/json");
    static final List<String> OUTPUT_FORMATS_110 = List.of("text/xml; subtype=gml/3.1.1", "application/json");

    private static final List<String> COMPARISONS_200 = List.of(
            "PropertyIsEqualTo",
            "PropertyIsNotEqualTo",
            "PropertyIsLessThan",
            "PropertyIsGreaterThan",
            "PropertyIsLessThanOrEqualTo",
            "PropertyIsGreaterThanOrEqualTo",
            "PropertyIsLike",
            "PropertyIsNull",
            "PropertyIsBetween");
    private static final List<String> COMPARISONS_110 = List.of(
            "LessThan",
            "GreaterThan",
            "LessThanEqualTo",
            "GreaterThanEqualTo",
            "EqualTo",
            "NotEqualTo",
            "Like",
            "Between",
            "NullCheck");
    private static final List<String> SPATIAL =
            List.of("BBOX", "Equals", "Disjoint", "Intersects", "Touches", "Crosses", "Within", "Contains", "Overlaps");
    private static final List<String> OPERANDS_200 = List.of(
            "gml:Envelope",
            "gml:Point",
            "gml:LineString",
            "gml:Polygon",
            "gml:MultiPoint",
            "gml:MultiCurve",
            "gml:MultiSurface");
    /** Filter 1.1 enumerates its operands, and the multi-geometries are not among them. */
    private static final List<String> OPERANDS_110 =
            List.of("gml:Envelope", "gml:Point", "gml:LineString", "gml:Polygon");

    /** WFS 2.0 conformance classes (Table 13), and whether this server implements each. */
    private static final List<String[]> WFS_CONFORMANCE = List.of(
            new String[] {"ImplementsBasicWFS", "TRUE"},
            new String[] {"ImplementsTransactionalWFS", "TRUE"},
            new String[] {"ImplementsLockingWFS", "FALSE"},
            new String[] {"KVPEncoding", "TRUE"},
            new String[] {"XMLEncoding", "TRUE"},
            new String[] {"SOAPEncoding", "FALSE"},
            new String[] {"ImplementsInheritance", "FALSE"},
            new String[] {"ImplementsRemoteResolve", "FALSE"},
            new String[] {"ImplementsResultPaging", "TRUE"},
            new String[] {"ImplementsStandardJoins", "FALSE"},
            new String[] {"ImplementsSpatialJoins", "FALSE"},
            new String[] {"ImplementsTemporalJoins", "FALSE"},
            new String[] {"ImplementsFeatureVersioning", "FALSE"},
            new String[] {"ManageStoredQueries", "FALSE"});

    /** Filter Encoding 2.0 conformance classes (Table 1). */
    private static final List<String[]> FES_CONFORMANCE = List.of(
            new String[] {"ImplementsQuery", "TRUE"},
            new String[] {"ImplementsAdHocQuery", "TRUE"},
            new String[] {"ImplementsFunctions", "FALSE"},
            new String[] {"ImplementsResourceId", "TRUE"},
            new String[] {"ImplementsMinStandardFilter", "TRUE"},
            new String[] {"ImplementsStandardFilter", "TRUE"},
            new String[] {"ImplementsMinSpatialFilter", "TRUE"},
            new String[] {"ImplementsSpatialFilter", "TRUE"},
            new String[] {"ImplementsMinTemporalFilter", "FALSE"},
            new String[] {"ImplementsTemporalFilter", "FALSE"},
            new String[] {"ImplementsVersionNav", "FALSE"},
            new String[] {"ImplementsSorting", "TRUE"},
            new String[] {"ImplementsExtendedOperators", "FALSE"},
            new String[] {"ImplementsMinimumXPath", "FALSE"},
            new String[] {"ImplementsSchemaElementFunc", "FALSE"});

    private final WfsLayers layers;
    private final WfsLimits limits;

    WfsCapabilities(WfsLayers layers, WfsLimits limits) {
        this.layers = layers;
        this.limits = limits;
    }

    XmlDocument document(OwsRequest request) {
        WfsVersion v = WfsVersion.of(request.version());
        ServiceSettings settings = layers.catalog().serviceSettings("wfs");
        String endpoint = request.baseUrl() + (request.workspace() == null ? "" : "/" + request.workspace()) + "/wfs";
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            XMLStreamWriter x = XMLOutputFactory.newInstance().createXMLStreamWriter(out, "UTF-8");
            x.writeStartDocument("UTF-8", "1.0");
            x.setPrefix("wfs", v.wfs);
            x.setPrefix("ows", v.ows);
            x.setPrefix(v.is200() ? "fes" : "ogc", v.filter);
            x.setPrefix("gml", v.gml);
            x.setPrefix("xlink", WfsVersion.XLINK);
            x.setPrefix("xsi", WfsVersion.XSI);
            x.writeStartElement(v.wfs, "WFS_Capabilities");
            x.writeNamespace("wfs", v.wfs);
            x.writeNamespace("ows", v.ows);
            x.writeNamespace(v.is200() ? "fes" : "ogc", v.filter);
            x.writeNamespace("gml", v.gml);
            x.writeNamespace("xlink", WfsVersion.XLINK);
            x.writeNamespace("xsi", WfsVersion.XSI);
            x.writeAttribute("version", v.number);
            x.writeAttribute(WfsVersion.XSI, "schemaLocation", v.wfs + " " + v.wfsSchema);
            serviceIdentification(x, v, settings);
            serviceProvider(x, v, settings);
            operations(x, v, endpoint);
            featureTypes(x, v, request);
            if (v.is200()) {
                filterCapabilities200(x, v);
            } else {
                filterCapabilities110(x, v);
            }
            x.writeEndElement();
            x.writeEndDocument();
            x.close();
            return new XmlDocument(out.toByteArray(), "application/xml");
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void serviceIdentification(XMLStreamWriter x, WfsVersion v, ServiceSettings s)
            throws XMLStreamException {
        x.writeStartElement(v.ows, "ServiceIdentification");
        WfsXml.text(x, v.ows, "Title", s.title());
        if (s.abstractText() != null) {
            WfsXml.text(x, v.ows, "Abstract", s.abstractText());
        }
        if (!s.keywords().isEmpty()) {
            x.writeStartElement(v.ows, "Keywords");
            for (String k : s.keywords()) {
                WfsXml.text(x, v.ows, "Keyword", k);
            }
            x.writeEndElement();
        }
        WfsXml.text(x, v.ows, "ServiceType", "WFS");
        WfsXml.text(x, v.ows, "ServiceTypeVersion", "2.0.0");
        WfsXml.text(x, v.ows, "ServiceTypeVersion", "1.1.0");
        WfsXml.text(x, v.ows, "Fees", s.fees() == null ? "NONE" : s.fees());
        WfsXml.text(x, v.ows, "AccessConstraints", s.accessConstraints() == null ? "NONE" : s.accessConstraints());
        x.writeEndElement();
    }

    private static void serviceProvider(XMLStreamWriter x, WfsVersion v, ServiceSettings s) throws XMLStreamException {
        x.writeStartElement(v.ows, "ServiceProvider");
        WfsXml.text(x, v.ows, "ProviderName", s.title());
        x.writeEmptyElement(v.ows, "ServiceContact");
        x.writeEndElement();
    }

    private void operations(XMLStreamWriter x, WfsVersion v, String endpoint) throws XMLStreamException {
        x.writeStartElement(v.ows, "OperationsMetadata");
        for (String op : List.of(
                "GetCapabilities",
                "DescribeFeatureType",
                "GetFeature",
                "GetPropertyValue",
                "ListStoredQueries",
                "DescribeStoredQueries",
                "Transaction")) {
            if (!v.is200()
                    && List.of("GetPropertyValue", "ListStoredQueries", "DescribeStoredQueries")
                            .contains(op)) {
                continue;
            }
            x.writeStartElement(v.ows, "Operation");
            x.writeAttribute("name", op);
            x.writeStartElement(v.ows, "DCP");
            x.writeStartElement(v.ows, "HTTP");
            if (!op.equals("Transaction")) {
                x.writeEmptyElement(v.ows, "Get");
                x.writeAttribute(WfsVersion.XLINK, "href", endpoint + "?");
            }
            x.writeEmptyElement(v.ows, "Post");
            x.writeAttribute(WfsVersion.XLINK, "href", endpoint);
            x.writeEndElement();
            x.writeEndElement();
            if (op.equals("GetCapabilities")) {
                parameter(x, v, "AcceptVersions", List.of("2.0.0", "1.1.0"));
            } else if (op.equals("DescribeFeatureType")) {
                parameter(
                        x,
                        v,
                        "outputFormat",
                        List.of(v.is200() ? "application/gml+xml; version=3.2" : "text/xml; subtype=gml/3.1.1"));
            } else if (op.equals("GetFeature")) {
                parameter(x, v, "outputFormat", v.is200() ? OUTPUT_FORMATS_200 : OUTPUT_FORMATS_110);
                parameter(x, v, "resultType", List.of("results", "hits"));
            }
            x.writeEndElement();
        }
        if (v.is200()) {
            for (String[] c : WFS_CONFORMANCE) {
                constraint(x, v, v.ows, c[0], c[1]);
            }
            constraint(x, v, v.ows, "CountDefault", String.valueOf(limits.maxFeatures()));
            x.writeStartElement(v.ows, "Constraint");
            x.writeAttribute("name", "QueryExpressions");
            x.writeStartElement(v.ows, "AllowedValues");
            WfsXml.text(x, v.ows, "Value", "wfs:Query");
            WfsXml.text(x, v.ows, "Value", "wfs:StoredQuery");
            x.writeEndElement();
            x.writeEndElement();
        }
        x.writeEndElement();
    }

    private void featureTypes(XMLStreamWriter x, WfsVersion v, OwsRequest request) throws XMLStreamException {
        x.writeStartElement(v.wfs, "FeatureTypeList");
        if (!v.is200()) {
            x.writeStartElement(v.wfs, "Operations");
            for (String op : List.of("Query", "Insert", "Update", "Delete")) {
                WfsXml.text(x, v.wfs, "Operation", op);
            }
            x.writeEndElement();
        }
        for (WfsLayers.FeatureLayer f : layers.advertised(request)) {
            x.writeStartElement(v.wfs, "FeatureType");
            x.writeNamespace(f.workspace(), f.namespace());
            WfsXml.text(x, v.wfs, "Name", f.qualifiedName());
            WfsXml.text(
                    x,
                    v.wfs,
                    "Title",
                    f.layer().title() == null ? f.layer().name() : f.layer().title());
            if (f.layer().abstractText() != null) {
                WfsXml.text(x, v.wfs, "Abstract", f.layer().abstractText());
            }
            if (!f.layer().keywords().isEmpty()) {
                x.writeStartElement(v.ows, "Keywords");
                for (String k : f.layer().keywords()) {
                    WfsXml.text(x, v.ows, "Keyword", k);
                }
                x.writeEndElement();
            }
            WfsXml.text(x, v.wfs, v.is200() ? "DefaultCRS" : "DefaultSRS", v.defaultSrsName);
            WfsXml.text(
                    x,
                    v.wfs,
                    v.is200() ? "OtherCRS" : "OtherSRS",
                    v.is200() ? "urn:ogc:def:crs:EPSG::3857" : "urn:x-ogc:def:crs:EPSG:3857");
            x.writeStartElement(v.wfs, "OutputFormats");
            for (String format : v.is200() ? OUTPUT_FORMATS_200 : OUTPUT_FORMATS_110) {
                WfsXml.text(x, v.wfs, "Format", format);
            }
            x.writeEndElement();
            double[] b = f.source()
                    .bounds()
                    .map(e -> new double[] {e.getMinX(), e.getMinY(), e.getMaxX(), e.getMaxY()})
                    .orElseGet(() -> bounds(f.layer().geographicBounds()));
            x.writeStartElement(v.ows, "WGS84BoundingBox");
            WfsXml.text(x, v.ows, "LowerCorner", b[0] + " " + b[1]);
            WfsXml.text(x, v.ows, "UpperCorner", b[2] + " " + b[3]);
            x.writeEndElement();
            x.writeEndElement();
        }
        x.writeEndElement();
    }

    /** The layer's declared extent, or the whole world for a layer that has none yet. */
    private static double[] bounds(BoundingBox b) {
        return b == null ? new double[] {-180, -90, 180, 90} : new double[] {b.minX(), b.minY(), b.maxX(), b.maxY()};
    }

    private static void filterCapabilities200(XMLStreamWriter x, WfsVersion v) throws XMLStreamException {
        String fes = v.filter;
        x.writeStartElement(fes, "Filter_Capabilities");
        x.writeStartElement(fes, "Conformance");
        for (String[] c : FES_CONFORMANCE) {
            constraint(x, v, fes, c[0], c[1]);
        }
        x.writeEndElement();
        x.writeStartElement(fes, "Id_Capabilities");
        x.writeEmptyElement(fes, "ResourceIdentifier");
        x.writeAttribute("name", "fes:ResourceId");
        x.writeEndElement();
        x.writeStartElement(fes, "Scalar_Capabilities");
        x.writeEmptyElement(fes, "LogicalOperators");
        x.writeStartElement(fes, "ComparisonOperators");
        for (String c : COMPARISONS_200) {
            x.writeEmptyElement(fes, "ComparisonOperator");
            x.writeAttribute("name", c);
        }
        x.writeEndElement();
        x.writeEndElement();
        x.writeStartElement(fes, "Spatial_Capabilities");
        x.writeStartElement(fes, "GeometryOperands");
        for (String operand : OPERANDS_200) {
            x.writeEmptyElement(fes, "GeometryOperand");
            x.writeAttribute("name", operand);
        }
        x.writeEndElement();
        x.writeStartElement(fes, "SpatialOperators");
        for (String s : SPATIAL) {
            x.writeEmptyElement(fes, "SpatialOperator");
            x.writeAttribute("name", s);
        }
        x.writeEndElement();
        x.writeEndElement();
        x.writeEndElement();
    }

    private static void filterCapabilities110(XMLStreamWriter x, WfsVersion v) throws XMLStreamException {
        String ogc = v.filter;
        x.writeStartElement(ogc, "Filter_Capabilities");
        x.writeStartElement(ogc, "Spatial_Capabilities");
        x.writeStartElement(ogc, "GeometryOperands");
        for (String operand : OPERANDS_110) {
            WfsXml.text(x, ogc, "GeometryOperand", operand);
        }
        x.writeEndElement();
        x.writeStartElement(ogc, "SpatialOperators");
        for (String s : SPATIAL) {
            x.writeEmptyElement(ogc, "SpatialOperator");
            x.writeAttribute("name", s);
        }
        x.writeEndElement();
        x.writeEndElement();
        x.writeStartElement(ogc, "Scalar_Capabilities");
        x.writeEmptyElement(ogc, "LogicalOperators");
        x.writeStartElement(ogc, "ComparisonOperators");
        for (String c : COMPARISONS_110) {
            WfsXml.text(x, ogc, "ComparisonOperator", c);
        }
        x.writeEndElement();
        x.writeEndElement();
        x.writeStartElement(ogc, "Id_Capabilities");
        x.writeEmptyElement(ogc, "FID");
        x.writeEndElement();
        x.writeEndElement();
    }

    private static void parameter(XMLStreamWriter x, WfsVersion v, String name, List<String> values)
            throws XMLStreamException {
        x.writeStartElement(v.ows, "Parameter");
        x.writeAttribute("name", name);
        if (v.is200()) {
            x.writeStartElement(v.ows, "AllowedValues");
        }
        for (String value : values) {
            WfsXml.text(x, v.ows, "Value", value);
        }
        if (v.is200()) {
            x.writeEndElement();
        }
        x.writeEndElement();
    }

    private static void constraint(XMLStreamWriter x, WfsVersion v, String ns, String name, String value)
            throws XMLStreamException {
        x.writeStartElement(ns, "Constraint");
        x.writeAttribute("name", name);
        x.writeEmptyElement(v.ows, "NoValues");
        WfsXml.text(x, v.ows, "DefaultValue", value);
        x.writeEndElement();
    }
}
