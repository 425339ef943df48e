package org.imagelabeler.platform.tiles.wmts;

import java.io.ByteArrayOutputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.imagelabeler.platform.catalog.BoundingBox;
import org.imagelabeler.platform.ows.XmlDocument;
import org.imagelabeler.platform.raster.CrsRegistry;
import org.imagelabeler.platform.tiles.cache.TileFormat;
import org.imagelabeler.platform.tiles.grid.TileMatrix;
import org.imagelabeler.platform.tiles.grid.TileMatrixSet;

/**
 * The WMTS 1.0.0 capabilities document: KVP operations, and for each layer RESTful ResourceURL
 * templates (with {@code {Time}} where the layer has a time dimension), then the tile matrix
 * sets the listed layers use.
 */
final class WmtsCapabilities {

    private static final String WMTS = "http://www.opengis.net/wmts/1.0";
    private static final String OWS = WmtsService.OWS;
    private static final String XLINK = "http://www.w3.org/1999/xlink";

    private WmtsCapabilities() {}

    /**
     * @param baseUrl the server's URL, which links start with
     * @param kvpPath {@code /wmts} or {@code /{ws}/wmts}
     * @param restName a layer's name in RESTful URLs: always qualified by its workspace
     */
    static XmlDocument write(
            List<TiledLayer> layers,
            String title,
            String baseUrl,
            String kvpPath,
            java.util.function.Function<TiledLayer, String> restName)
            throws XMLStreamException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        XMLStreamWriter x = XMLOutputFactory.newInstance().createXMLStreamWriter(out, "UTF-8");
        x.writeStartDocument("UTF-8", "1.0");
        x.setDefaultNamespace(WMTS);
        x.setPrefix("ows", OWS);
        x.setPrefix("xlink", XLINK);
        x.writeStartElement(WMTS, "Capabilities");
        x.writeDefaultNamespace(WMTS);
        x.writeNamespace("ows", OWS);
        x.writeNamespace("xlink", XLINK);
        x.writeAttribute("version", "1.0.0");

        x.writeStartElement(OWS, "ServiceIdentification");
        ows(x, "Title", title);
        ows(x, "ServiceType", "OGC WMTS");
        ows(x, "ServiceTypeVersion", "1.0.0");
        x.writeEndElement();

        x.writeStartElement(OWS, "OperationsMetadata");
        for (String op : List.of("GetCapabilities", "GetTile", "GetFeatureInfo")) {
            operation(x, op, baseUrl + kvpPath + "?");
        }
        x.writeEndElement();

        x.writeStartElement(WMTS, "Contents");
        Map<String, TileMatrixSet> used = new LinkedHashMap<>();
        for (TiledLayer layer : layers) {
            layer(x, layer, baseUrl, restName.apply(layer));
            layer.sets().forEach(s -> used.putIfAbsent(s.identifier(), s));
        }
        for (TileMatrixSet set : used.values()) {
            matrixSet(x, set);
        }
        x.writeEndElement();

        x.writeStartElement(WMTS, "ServiceMetadataURL");
        x.writeAttribute(XLINK, "href", baseUrl + "/wmts/1.0.0/WMTSCapabilities.xml");
        x.writeEndElement();
        x.writeEndElement();
        x.writeEndDocument();
        x.close();
        return new XmlDocument(out.toByteArray(), "application/xml");
    }

    private static void layer(XMLStreamWriter x, TiledLayer t, String baseUrl, String qualifier)
            throws XMLStreamException {
        var layer = t.layer();
        x.writeStartElement(WMTS, "Layer");
        ows(x, "Title", layer.title() != null ? layer.title() : layer.name());
        if (layer.abstractText() != null && !layer.abstractText().isBlank()) {
            ows(x, "Abstract", layer.abstractText());
        }
        BoundingBox geo = layer.geographicBounds();
        if (geo != null) {
            x.writeStartElement(OWS, "WGS84BoundingBox");
            ows(x, "LowerCorner", number(geo.minX()) + " " + number(geo.minY()));
            ows(x, "UpperCorner", number(geo.maxX()) + " " + number(geo.maxY()));
            x.writeEndElement();
        }
        ows(x, "Identifier", t.name());
        for (String style : t.styles()) {
            x.writeStartElement(WMTS, "Style");
            if (style.equals(t.styles().get(0))) {
                x.writeAttribute("isDefault", "true");
            }
            ows(x, "Identifier", style);
            x.writeEndElement();
        }
        for (TileFormat f : t.formats()) {
            element(x, "Format", f.mimeType());
        }
        element(x, "InfoFormat", "application/json");
        element(x, "InfoFormat", "text/plain");
        if (t.time() != null) {
            x.writeStartElement(WMTS, "Dimension");
            ows(x, "Identifier", "Time");
            ows(x, "UOM", "ISO8601");
            if (t.time().defaultValue() != null) {
                element(x, "Default", t.time().defaultValue());
            }
            element(x, "Current", "false");
            for (String v : t.time().values()) {
                element(x, "Value", v);
            }
            x.writeEndElement();
        }
        for (TileMatrixSet set : t.sets()) {
            x.writeStartElement(WMTS, "TileMatrixSetLink");
            element(x, "TileMatrixSet", set.identifier());
            x.writeEndElement();
        }
        String path = baseUrl + "/wmts/rest/" + qualifier + "/{Style}/{TileMatrixSet}/{TileMatrix}/{TileRow}/{TileCol}";
        for (TileFormat f : t.formats()) {
            x.writeEmptyElement(WMTS, "ResourceURL");
            x.writeAttribute("format", f.mimeType());
            x.writeAttribute("resourceType", "tile");
            x.writeAttribute("template", path + "?format=" + f.mimeType() + (t.time() != null ? "&time={Time}" : ""));
        }
        x.writeEndElement();
    }

    private static void matrixSet(XMLStreamWriter x, TileMatrixSet set) throws XMLStreamException {
        x.writeStartElement(WMTS, "TileMatrixSet");
        if (set.title() != null) {
            ows(x, "Title", set.title());
        }
        ows(x, "Identifier", set.identifier());
        ows(x, "SupportedCRS", "urn:ogc:def:crs:" + set.crs().replace(":", "::"));
        if (set.wellKnownScaleSet() != null) {
            element(x, "WellKnownScaleSet", set.wellKnownScaleSet());
        }
        // TopLeftCorner is in the CRS's axis order: latitude first for EPSG:4326
        boolean northingFirst = CrsRegistry.isNorthingFirst(set.crs());
        for (TileMatrix m : set.matrices()) {
            x.writeStartElement(WMTS, "TileMatrix");
            ows(x, "Identifier", m.identifier());
            element(x, "ScaleDenominator", number(m.scaleDenominator()));
            element(
                    x,
                    "TopLeftCorner",
                    northingFirst
                            ? number(m.topLeftY()) + " " + number(m.topLeftX())
                            : number(m.topLeftX()) + " " + number(m.topLeftY()));
            element(x, "TileWidth", Integer.toString(m.tileWidth()));
            element(x, "TileHeight", Integer.toString(m.tileHeight()));
            element(x, "MatrixWidth", Long.toString(m.matrixWidth()));
            element(x, "MatrixHeight", Long.toString(m.matrixHeight()));
            x.writeEndElement();
        }
        x.writeEndElement();
    }

    private static void operation(XMLStreamWriter x, String name, String href) throws XMLStreamException {
        x.writeStartElement(OWS, "Operation");
        x.writeAttribute("name", name);
        x.writeStartElement(OWS, "DCP");
        x.writeStartElement(OWS, "HTTP");
        x.writeStartElement(OWS, "Get");
        x.writeAttribute(XLINK, "href", href);
        x.writeStartElement(OWS, "Constraint");
        x.writeAttribute("name", "GetEncoding");
        x.writeStartElement(OWS, "AllowedValues");
        ows(x, "Value", "KVP");
        x.writeEndElement();
        x.writeEndElement();
        x.writeEndElement();
        x.writeEndElement();
        x.writeEndElement();
        x.writeEndElement();
    }

    private static void ows(XMLStreamWriter x, String name, String text) throws XMLStreamException {
        x.writeStartElement(OWS, name);
        x.writeCharacters(text);
        x.writeEndElement();
    }

    private static void element(XMLStreamWriter x, String name, String text) throws XMLStreamException {
        x.writeStartElement(WMTS, name);
        x.writeCharacters(text);
        x.writeEndElement();
    }

    /** Shortest exact decimal form; no exponent, which XSD doubles allow but some clients do not. */
    private static String number(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return new java.math.BigDecimal(Double.toString(v)).toPlainString();
    }
}
