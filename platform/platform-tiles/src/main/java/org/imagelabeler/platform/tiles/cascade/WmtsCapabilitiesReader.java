package org.imagelabeler.platform.tiles.cascade;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.imagelabeler.platform.tiles.grid.TileMatrix;
import org.imagelabeler.platform.tiles.grid.TileMatrixSet;

/** Reads a WMTS 1.0.0 capabilities document: its layers, tile matrix sets and GetTile endpoint. */
final class WmtsCapabilitiesReader {

    private WmtsCapabilitiesReader() {}

    static RemoteCapabilities read(XmlElement root) throws CapabilitiesException {
        XmlElement contents = root.child("Contents")
                .orElseThrow(
                        () -> new CapabilitiesException(
                                "The WMTS capabilities document has no <Contents> element, so no layer and no tile matrix set"));
        Map<String, TileMatrixSet> sets = new LinkedHashMap<>();
        for (XmlElement element : contents.children("TileMatrixSet")) {
            TileMatrixSet set = tileMatrixSet(element);
            sets.putIfAbsent(set.identifier(), set);
        }
        List<RemoteLayer> layers = new ArrayList<>();
        for (XmlElement element : contents.children("Layer")) {
            RemoteLayer layer = layer(element);
            for (String link : layer.tileMatrixSets()) {
                if (!sets.containsKey(link)) {
                    throw new CapabilitiesException("Layer '" + layer.identifier() + "' links tile matrix set '" + link
                            + "', which the document does not define (it defines: "
                            + String.join(", ", sets.keySet()) + ")");
                }
            }
            layers.add(layer);
        }
        String title = root.path("ServiceIdentification", "Title")
                .map(XmlElement::text)
                .orElse(null);
        return new RemoteCapabilities(
                "WMTS", root.attribute("version"), title, layers, sets, getTileKvpUrl(root), null);
    }

    private static RemoteLayer layer(XmlElement layer) throws CapabilitiesException {
        String identifier = layer.childText("Identifier");
        if (identifier == null) {
            throw new CapabilitiesException("A WMTS layer has no <ows:Identifier> (title: "
                    + Optional.ofNullable(layer.childText("Title")).orElse("none") + ")");
        }
        List<String> styles = new ArrayList<>();
        String defaultStyle = null;
        for (XmlElement style : layer.children("Style")) {
            String id = style.childText("Identifier");
            if (id != null) {
                styles.add(id);
                if (defaultStyle == null && "true".equalsIgnoreCase(style.attribute("isDefault"))) {
                    defaultStyle = id;
                }
            }
        }
        if (defaultStyle == null && !styles.isEmpty()) {
            defaultStyle = styles.get(0);
        }
        List<String> links = new ArrayList<>();
        for (XmlElement link : layer.children("TileMatrixSetLink")) {
            String set = link.childText("TileMatrixSet");
            if (set != null) {
                links.add(set);
            }
        }
        List<ResourceTemplate> templates = new ArrayList<>();
        for (XmlElement url : layer.children("ResourceURL")) {
            String template = url.attribute("template");
            if (template != null && !template.isEmpty()) {
                templates.add(new ResourceTemplate(url.attribute("format"), url.attribute("resourceType"), template));
            }
        }
        return new RemoteLayer(
                identifier,
                layer.childText("Title"),
                layer.childText("Abstract"),
                layer.childTexts("Format"),
                layer.childTexts("InfoFormat"),
                styles,
                defaultStyle,
                links,
                time(layer),
                templates,
                wgs84Bounds(layer));
    }

    /** The dimension whose identifier is {@code time} in any case ({@code Time} on modern GIBS). */
    private static TimeDimension time(XmlElement layer) {
        for (XmlElement dimension : layer.children("Dimension")) {
            String identifier = dimension.childText("Identifier");
            if ("time".equalsIgnoreCase(identifier)) {
                return new TimeDimension(identifier, dimension.childText("Default"), dimension.childTexts("Value"));
            }
        }
        return null;
    }

    private static double[] wgs84Bounds(XmlElement layer) {
        Optional<XmlElement> box = layer.child("WGS84BoundingBox");
        if (box.isEmpty()) {
            return null;
        }
        double[] lower = numbers(box.get().childText("LowerCorner"));
        double[] upper = numbers(box.get().childText("UpperCorner"));
        if (lower == null || upper == null) {
            return null;
        }
        return new double[] {lower[0], lower[1], upper[0], upper[1]};
    }

    private static double[] numbers(String pair) {
        if (pair == null) {
            return null;
        }
        String[] parts = pair.trim().split("\\s+");
        try {
            return parts.length == 2 ? new double[] {Double.parseDouble(parts[0]), Double.parseDouble(parts[1])} : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /**
     * A tile matrix set, its levels ordered from the coarsest. The top left corner is turned into
     * x/y order with {@link #topLeft}.
     */
    private static TileMatrixSet tileMatrixSet(XmlElement set) throws CapabilitiesException {
        String identifier = set.childText("Identifier");
        if (identifier == null) {
            throw new CapabilitiesException("A tile matrix set has no <ows:Identifier>");
        }
        String supportedCrs = set.childText("SupportedCRS");
        if (supportedCrs == null) {
            throw new CapabilitiesException("Tile matrix set '" + identifier + "' has no <ows:SupportedCRS>");
        }
        CrsName crs = CrsName.of(supportedCrs);
        List<TileMatrix> levels = new ArrayList<>();
        for (XmlElement matrix : set.children("TileMatrix")) {
            levels.add(tileMatrix(matrix, identifier, crs));
        }
        if (levels.isEmpty()) {
            throw new CapabilitiesException("Tile matrix set '" + identifier + "' has no <TileMatrix>");
        }
        levels.sort(Comparator.comparingDouble(TileMatrix::scaleDenominator).reversed());
        return new TileMatrixSet(
                identifier, set.childText("Title"), crs.code(), set.childText("WellKnownScaleSet"), levels);
    }

    private static TileMatrix tileMatrix(XmlElement matrix, String setIdentifier, CrsName crs)
            throws CapabilitiesException {
        String identifier = matrix.childText("Identifier");
        String where = "Tile matrix set '" + setIdentifier + "', level '" + identifier + "'";
        if (identifier == null) {
            throw new CapabilitiesException(
                    "A level of tile matrix set '" + setIdentifier + "' has no <ows:Identifier>");
        }
        double scale = number(matrix, "ScaleDenominator", where);
        if (!(scale > 0) || Double.isInfinite(scale)) {
            throw new CapabilitiesException(where + ": <ScaleDenominator> must be positive, got " + scale);
        }
        String corner = matrix.childText("TopLeftCorner");
        double[] values = numbers(corner);
        if (values == null) {
            throw new CapabilitiesException(where + ": <TopLeftCorner> must hold two numbers, got '" + corner + "'");
        }
        double[] topLeft = topLeft(values, crs);
        try {
            return new TileMatrix(
                    identifier,
                    scale,
                    scale * TileMatrix.PIXEL_SIZE / crs.metresPerUnit(),
                    topLeft[0],
                    topLeft[1],
                    Math.toIntExact(integer(matrix, "TileWidth", where)),
                    Math.toIntExact(integer(matrix, "TileHeight", where)),
                    integer(matrix, "MatrixWidth", where),
                    integer(matrix, "MatrixHeight", where));
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw new CapabilitiesException(where + ": " + e.getMessage(), e);
        }
    }

    /**
     * The corner in x/y order. WMTS 1.0.0 writes it in the CRS's axis order, latitude first for
     * EPSG:4326, but GIBS and other servers write {@code -180 90} there; a first value outside
     * [-90, 90] cannot be a latitude, so such a pair is read as longitude/latitude. A pair within
     * range in a latitude-first CRS is read as the standard says.
     */
    static double[] topLeft(double[] written, CrsName crs) {
        boolean latitudeFirst = crs.isLatitudeFirst() && Math.abs(written[0]) <= 90;
        return latitudeFirst ? new double[] {written[1], written[0]} : written.clone();
    }

    private static double number(XmlElement parent, String name, String where) throws CapabilitiesException {
        String text = parent.childText(name);
        if (text == null) {
            throw new CapabilitiesException(where + ": <" + name + "> is missing");
        }
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new CapabilitiesException(where + ": <" + name + "> is not a number: '" + text + "'");
        }
    }

    private static long integer(XmlElement parent, String name, String where) throws CapabilitiesException {
        String text = parent.childText(name);
        if (text == null) {
            throw new CapabilitiesException(where + ": <" + name + "> is missing");
        }
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new CapabilitiesException(where + ": <" + name + "> is not an integer: '" + text + "'");
        }
    }

    /**
     * The href of a GetTile HTTP GET whose GetEncoding constraint allows KVP; a GET without that
     * constraint counts as KVP, the encoding WMTS servers offer unless they say otherwise.
     */
    private static String getTileKvpUrl(XmlElement root) {
        Optional<XmlElement> operations = root.child("OperationsMetadata");
        if (operations.isEmpty()) {
            return null;
        }
        for (XmlElement operation : operations.get().children("Operation")) {
            if (!"GetTile".equalsIgnoreCase(operation.attribute("name"))) {
                continue;
            }
            for (XmlElement dcp : operation.children("DCP")) {
                for (XmlElement http : dcp.children("HTTP")) {
                    for (XmlElement get : http.children("Get")) {
                        String href = get.attribute("href");
                        if (href != null && !href.isEmpty() && allowsKvp(get)) {
                            return href;
                        }
                    }
                }
            }
        }
        return null;
    }

    private static boolean allowsKvp(XmlElement get) {
        List<String> encodings = new ArrayList<>();
        for (XmlElement constraint : get.children("Constraint")) {
            if ("GetEncoding".equalsIgnoreCase(constraint.attribute("name"))) {
                constraint.child("AllowedValues").ifPresent(v -> encodings.addAll(v.childTexts("Value")));
            }
        }
        return encodings.isEmpty()
                || encodings.stream().anyMatch(e -> e.toUpperCase(Locale.ROOT).equals("KVP"));
    }
}
