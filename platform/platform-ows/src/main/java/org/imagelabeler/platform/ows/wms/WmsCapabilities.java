package org.imagelabeler.platform.ows.wms;

import java.awt.Dimension;
import java.io.ByteArrayOutputStream;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.apache.sis.geometry.Envelopes;
import org.apache.sis.geometry.GeneralEnvelope;
import org.imagelabeler.platform.catalog.BoundingBox;
import org.imagelabeler.platform.catalog.LayerInfo;
import org.imagelabeler.platform.catalog.ServiceSettings;
import org.imagelabeler.platform.ows.OwsRequest;
import org.imagelabeler.platform.ows.XmlDocument;
import org.imagelabeler.platform.ows.wms.legend.Legend;
import org.imagelabeler.platform.ows.wms.legend.Legends;
import org.imagelabeler.platform.raster.CrsRegistry;
import org.opengis.geometry.Envelope;

/**
 * WMS capabilities, 1.3.0 (valid against {@code capabilities_1_3_0.xsd} with SLD 1.1.0's
 * {@code sld_capabilities.xsd}, which declares {@code sld:GetLegendGraphic}) or 1.1.1 (the DTD),
 * listing only the layers the caller may read. Bounding boxes are given in every advertised CRS;
 * in 1.3.0 those of latitude-first CRSs (EPSG:4326) are written latitude first. Each style links
 * to its legend (GetLegendGraphic), as GeoServer's do.
 */
final class WmsCapabilities {

    static final List<String> COMMON_CRS = List.of("EPSG:4326", "CRS:84", "EPSG:3857", "EPSG:900913");
    private static final String WMS_NS = "http://www.opengis.net/wms";
    private static final String XLINK = "http://www.w3.org/1999/xlink";
    private static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";
    /** GetLegendGraphic is an SLD extension: 1.3.0 lists it as {@code sld:GetLegendGraphic}. */
    private static final String SLD_NS = "http://www.opengis.net/sld";

    private final WmsLayers layers;
    private final Legends legends;

    WmsCapabilities(WmsLayers layers, Legends legends) {
        this.layers = layers;
        this.legends = legends;
    }

    XmlDocument write(OwsRequest request) throws XMLStreamException {
        boolean v130 = request.version().equals("1.3.0");
        ServiceSettings settings = layers.catalog().serviceSettings("wms");
        WmsLimits limits = WmsLimits.of(settings);
        String endpoint = endpoint(request);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        XMLStreamWriter x = XMLOutputFactory.newInstance().createXMLStreamWriter(out, "UTF-8");
        x.writeStartDocument("UTF-8", "1.0");
        if (v130) {
            x.setDefaultNamespace(WMS_NS);
            x.writeStartElement(WMS_NS, "WMS_Capabilities");
            x.writeDefaultNamespace(WMS_NS);
            x.writeNamespace("xlink", XLINK);
            x.writeNamespace("xsi", XSI);
            x.setPrefix("sld", SLD_NS);
            x.writeNamespace("sld", SLD_NS);
            x.writeAttribute("version", "1.3.0");
            x.writeAttribute(
                    XSI,
                    "schemaLocation",
                    WMS_NS + " http://schemas.opengis.net/wms/1.3.0/capabilities_1_3_0.xsd " + SLD_NS
                            + " http://schemas.opengis.net/sld/1.1.0/sld_capabilities.xsd");
        } else {
            x.writeDTD("<!DOCTYPE WMT_MS_Capabilities SYSTEM"
                    + " \"http://schemas.opengis.net/wms/1.1.1/WMS_MS_Capabilities.dtd\">");
            x.writeStartElement("WMT_MS_Capabilities");
            x.writeAttribute("version", "1.1.1");
        }
        writeService(x, settings, limits, endpoint, v130);
        x.writeStartElement("Capability");
        writeRequests(x, endpoint, v130);
        x.writeStartElement("Exception");
        for (String f : v130
                ? List.of("XML", "INIMAGE", "BLANK")
                : List.of(
                        "application/vnd.ogc.se_xml",
                        "application/vnd.ogc.se_inimage",
                        "application/vnd.ogc.se_blank")) {
            element(x, "Format", f);
        }
        x.writeEndElement();
        writeLayers(x, request, settings, v130);
        x.writeEndElement(); // Capability
        x.writeEndElement();
        x.writeEndDocument();
        x.close();
        return new XmlDocument(out.toByteArray(), v130 ? "text/xml" : "application/vnd.ogc.wms_xml");
    }

    /** The WMS's address: the virtual service's for a workspace's own capabilities. */
    private static String endpoint(OwsRequest request) {
        return request.baseUrl() + (request.workspace() == null ? "" : "/" + request.workspace()) + "/wms";
    }

    private static void writeService(
            XMLStreamWriter x, ServiceSettings s, WmsLimits limits, String endpoint, boolean v130)
            throws XMLStreamException {
        x.writeStartElement("Service");
        element(x, "Name", v130 ? "WMS" : "OGC:WMS");
        element(x, "Title", s.title());
        if (s.abstractText() != null) {
            element(x, "Abstract", s.abstractText());
        }
        if (!s.keywords().isEmpty()) {
            x.writeStartElement("KeywordList");
            for (String k : s.keywords()) {
                element(x, "Keyword", k);
            }
            x.writeEndElement();
        }
        onlineResource(x, endpoint);
        element(x, "Fees", s.fees() == null ? "NONE" : s.fees());
        element(x, "AccessConstraints", s.accessConstraints() == null ? "NONE" : s.accessConstraints());
        if (v130) {
            element(x, "MaxWidth", Integer.toString(limits.maxWidth()));
            element(x, "MaxHeight", Integer.toString(limits.maxHeight()));
        }
        x.writeEndElement();
    }

    private static void writeRequests(XMLStreamWriter x, String endpoint, boolean v130) throws XMLStreamException {
        x.writeStartElement("Request");
        operation(x, "GetCapabilities", List.of(v130 ? "text/xml" : "application/vnd.ogc.wms_xml"), endpoint);
        operation(x, "GetMap", List.of(GetMapRequest.PNG, GetMapRequest.JPEG), endpoint);
        operation(x, "GetFeatureInfo", List.of("text/plain", "application/json"), endpoint);
        if (v130) {
            x.writeStartElement(SLD_NS, GetLegendGraphicOperation.NAME);
        } else {
            x.writeStartElement(GetLegendGraphicOperation.NAME);
        }
        operationBody(x, List.of(GetMapRequest.PNG, GetMapRequest.JPEG), endpoint);
        x.writeEndElement();
        x.writeEndElement(); // Request
    }

    private static void operation(XMLStreamWriter x, String name, List<String> formats, String endpoint)
            throws XMLStreamException {
        x.writeStartElement(name);
        operationBody(x, formats, endpoint);
        x.writeEndElement();
    }

    private static void operationBody(XMLStreamWriter x, List<String> formats, String endpoint)
            throws XMLStreamException {
        for (String f : formats) {
            element(x, "Format", f);
        }
        x.writeStartElement("DCPType");
        x.writeStartElement("HTTP");
        x.writeStartElement("Get");
        onlineResource(x, endpoint + "?");
        x.writeEndElement();
        x.writeEndElement();
        x.writeEndElement();
    }

    private void writeLayers(XMLStreamWriter x, OwsRequest request, ServiceSettings settings, boolean v130)
            throws XMLStreamException {
        List<LayerInfo> all = layers.advertised(request);
        x.writeStartElement("Layer");
        element(x, "Title", settings.title());
        for (String crs : COMMON_CRS) {
            element(x, v130 ? "CRS" : "SRS", crs);
        }
        BoundingBox union = union(all);
        geographic(x, union, v130);
        if (v130) {
            boundingBox(x, "CRS:84", union, v130);
        }
        for (LayerInfo layer : all) {
            writeLayer(x, layer, request, v130);
        }
        x.writeEndElement();
    }

    private void writeLayer(XMLStreamWriter x, LayerInfo layer, OwsRequest request, boolean v130)
            throws XMLStreamException {
        x.writeStartElement("Layer");
        x.writeAttribute("queryable", "1");
        x.writeAttribute("opaque", "0");
        element(x, "Name", layers.name(layer, request));
        element(x, "Title", layer.title() != null ? layer.title() : layer.name());
        if (layer.abstractText() != null) {
            element(x, "Abstract", layer.abstractText());
        }
        if (!layer.keywords().isEmpty()) {
            x.writeStartElement("KeywordList");
            for (String k : layer.keywords()) {
                element(x, "Keyword", k);
            }
            x.writeEndElement();
        }
        String nativeCrs = layer.nativeCrs() == null
                ? null
                : CrsRegistry.canonical(layer.nativeCrs()).orElse(null);
        if (nativeCrs != null && !COMMON_CRS.contains(nativeCrs)) {
            element(x, v130 ? "CRS" : "SRS", nativeCrs);
        }
        BoundingBox geo = geographicBounds(layer);
        geographic(x, geo, v130);
        Set<String> crsList = new LinkedHashSet<>(
                v130 ? List.of("CRS:84", "EPSG:4326", "EPSG:3857") : List.of("EPSG:4326", "EPSG:3857"));
        if (nativeCrs != null) {
            crsList.add(nativeCrs);
        }
        for (String crs : crsList) {
            BoundingBox b =
                    crs.equals(nativeCrs) && layer.nativeBounds() != null ? layer.nativeBounds() : transform(geo, crs);
            if (b != null) {
                boundingBox(x, crs, b, v130);
            }
        }
        writeTime(x, layer, v130);
        Optional<Legend> legend = legends.of(layer);
        List<String> styles = layer.styleNames();
        for (String style : styles) {
            x.writeStartElement("Style");
            element(x, "Name", style);
            element(x, "Title", style);
            if (legend.isPresent()) {
                legendUrl(x, legend.get(), request, layer, style.equals(styles.get(0)) ? null : style);
            }
            x.writeEndElement();
        }
        x.writeEndElement();
    }

    /** Where GetLegendGraphic draws the style's legend, and its size, as GeoServer announces it. */
    private void legendUrl(XMLStreamWriter x, Legend legend, OwsRequest request, LayerInfo layer, String style)
            throws XMLStreamException {
        int swatch = GetLegendGraphicOperation.DEFAULT_SWATCH;
        Dimension size = legend.size(swatch, swatch);
        x.writeStartElement("LegendURL");
        x.writeAttribute("width", Integer.toString(size.width));
        x.writeAttribute("height", Integer.toString(size.height));
        element(x, "Format", GetMapRequest.PNG);
        onlineResource(
                x,
                endpoint(request) + "?service=WMS&request=GetLegendGraphic&format=image/png&width=" + swatch
                        + "&height=" + swatch + "&layer=" + layers.name(layer, request)
                        + (style == null ? "" : "&style=" + style));
        x.writeEndElement();
    }

    /** The layer's time values, from the metadata a store sets ({@code time.values}, {@code time.default}). */
    private static void writeTime(XMLStreamWriter x, LayerInfo layer, boolean v130) throws XMLStreamException {
        String values = layer.metadata().get("time.values");
        if (values == null) {
            return;
        }
        String def = layer.metadata().getOrDefault("time.default", "current");
        x.writeStartElement("Dimension");
        x.writeAttribute("name", "time");
        x.writeAttribute("units", "ISO8601");
        if (v130) {
            x.writeAttribute("default", def);
            x.writeCharacters(values);
        }
        x.writeEndElement();
        if (!v130) {
            x.writeStartElement("Extent");
            x.writeAttribute("name", "time");
            x.writeAttribute("default", def);
            x.writeCharacters(values);
            x.writeEndElement();
        }
    }

    private static void geographic(XMLStreamWriter x, BoundingBox b, boolean v130) throws XMLStreamException {
        if (v130) {
            x.writeStartElement("EX_GeographicBoundingBox");
            element(x, "westBoundLongitude", number(b.minX()));
            element(x, "eastBoundLongitude", number(b.maxX()));
            element(x, "southBoundLatitude", number(b.minY()));
            element(x, "northBoundLatitude", number(b.maxY()));
            x.writeEndElement();
        } else {
            x.writeEmptyElement("LatLonBoundingBox");
            x.writeAttribute("minx", number(b.minX()));
            x.writeAttribute("miny", number(b.minY()));
            x.writeAttribute("maxx", number(b.maxX()));
            x.writeAttribute("maxy", number(b.maxY()));
        }
    }

    private static void boundingBox(XMLStreamWriter x, String crs, BoundingBox b, boolean v130)
            throws XMLStreamException {
        boolean flip = v130 && CrsRegistry.isNorthingFirst(crs);
        x.writeEmptyElement("BoundingBox");
        x.writeAttribute(v130 ? "CRS" : "SRS", crs);
        x.writeAttribute("minx", number(flip ? b.minY() : b.minX()));
        x.writeAttribute("miny", number(flip ? b.minX() : b.minY()));
        x.writeAttribute("maxx", number(flip ? b.maxY() : b.maxX()));
        x.writeAttribute("maxy", number(flip ? b.maxX() : b.maxY()));
    }

    private static BoundingBox geographicBounds(LayerInfo layer) {
        return layer.geographicBounds() != null
                ? layer.geographicBounds()
                : new BoundingBox(-180, -90, 180, 90, "EPSG:4326");
    }

    private static BoundingBox union(List<LayerInfo> all) {
        if (all.isEmpty()) {
            return new BoundingBox(-180, -90, 180, 90, "EPSG:4326");
        }
        double minX = 180, minY = 90, maxX = -180, maxY = -90;
        for (LayerInfo l : all) {
            BoundingBox b = geographicBounds(l);
            minX = Math.min(minX, b.minX());
            minY = Math.min(minY, b.minY());
            maxX = Math.max(maxX, b.maxX());
            maxY = Math.max(maxY, b.maxY());
        }
        return new BoundingBox(minX, minY, maxX, maxY, "EPSG:4326");
    }

    /** A geographic box in another CRS (Web Mercator clipped to its latitude limit), or null. */
    static BoundingBox transform(BoundingBox geo, String crs) {
        if (crs.equals("EPSG:4326") || crs.equals("CRS:84")) {
            return new BoundingBox(geo.minX(), geo.minY(), geo.maxX(), geo.maxY(), crs);
        }
        try {
            double limit = crs.equals("EPSG:3857") || crs.equals("EPSG:900913") ? 85.0511287798 : 90;
            GeneralEnvelope env = new GeneralEnvelope(CrsRegistry.xy("CRS:84"));
            env.setRange(0, geo.minX(), geo.maxX());
            env.setRange(1, Math.max(geo.minY(), -limit), Math.min(geo.maxY(), limit));
            Envelope t = Envelopes.transform(env, CrsRegistry.xy(crs));
            return new BoundingBox(t.getMinimum(0), t.getMinimum(1), t.getMaximum(0), t.getMaximum(1), crs);
        } catch (Exception e) {
            return null;
        }
    }

    private static void onlineResource(XMLStreamWriter x, String href) throws XMLStreamException {
        x.writeEmptyElement("OnlineResource");
        x.writeNamespace("xlink", XLINK);
        x.writeAttribute(XLINK, "type", "simple");
        x.writeAttribute(XLINK, "href", href);
    }

    private static void element(XMLStreamWriter x, String name, String text) throws XMLStreamException {
        x.writeStartElement(name);
        x.writeCharacters(text == null ? "" : text);
        x.writeEndElement();
    }

    private static String number(double v) {
        return String.format(Locale.ROOT, "%.8f", v).replaceAll("0+$", "").replaceAll("\\.$", "");
    }
}
