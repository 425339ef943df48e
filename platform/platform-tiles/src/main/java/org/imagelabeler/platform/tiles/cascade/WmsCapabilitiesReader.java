package org.imagelabeler.platform.tiles.cascade;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a WMS 1.3.0 or 1.1.1 capabilities document: its named layers, GetMap formats and
 * endpoint. Child layers inherit their parents' styles, geographic bounds and time dimension, as
 * WMS defines; nothing else is inherited.
 */
final class WmsCapabilitiesReader {

    private WmsCapabilitiesReader() {}

    /** What a layer passes on to its children. */
    private record Inherited(List<String> styles, TimeDimension time, double[] bounds) {}

    static RemoteCapabilities read(XmlElement root) throws CapabilitiesException {
        XmlElement capability = root.child("Capability")
                .orElseThrow(() -> new CapabilitiesException(
                        "The WMS capabilities document has no <Capability> element, so no layer"));
        Optional<XmlElement> request = capability.child("Request");
        Optional<XmlElement> getMap = request.flatMap(r -> r.child("GetMap"));
        List<String> formats = getMap.map(g -> g.childTexts("Format")).orElse(List.of());
        List<String> infoFormats = request.flatMap(r -> r.child("GetFeatureInfo"))
                .map(g -> g.childTexts("Format"))
                .orElse(List.of());
        List<RemoteLayer> layers = new ArrayList<>();
        for (XmlElement layer : capability.children("Layer")) {
            collect(layer, new Inherited(List.of(), null, null), formats, infoFormats, layers);
        }
        String title = root.path("Service", "Title").map(XmlElement::text).orElse(null);
        return new RemoteCapabilities(
                "WMS",
                root.attribute("version"),
                title,
                layers,
                Map.of(),
                null,
                getMap.map(WmsCapabilitiesReader::getUrl).orElse(null));
    }

    private static void collect(
            XmlElement layer,
            Inherited inherited,
            List<String> formats,
            List<String> infoFormats,
            List<RemoteLayer> found) {
        Set<String> styles = new LinkedHashSet<>(inherited.styles());
        for (XmlElement style : layer.children("Style")) {
            String name = style.childText("Name");
            if (name != null) {
                styles.add(name);
            }
        }
        TimeDimension time = Optional.ofNullable(time(layer)).orElse(inherited.time());
        double[] bounds = Optional.ofNullable(bounds(layer)).orElse(inherited.bounds());
        String name = layer.childText("Name");
        if (name != null) {
            found.add(new RemoteLayer(
                    name,
                    layer.childText("Title"),
                    layer.childText("Abstract"),
                    formats,
                    infoFormats,
                    List.copyOf(styles),
                    null,
                    List.of(),
                    time,
                    List.of(),
                    bounds));
        }
        Inherited passed = new Inherited(List.copyOf(styles), time, bounds);
        for (XmlElement child : layer.children("Layer")) {
            collect(child, passed, formats, infoFormats, found);
        }
    }

    /**
     * The time dimension: WMS 1.1.1 declares it in {@code <Dimension name="time">} and lists its
     * values in {@code <Extent name="time" default="...">}; WMS 1.3.0 lists them in the
     * {@code <Dimension>} itself.
     */
    private static TimeDimension time(XmlElement layer) {
        for (String element : new String[] {"Extent", "Dimension"}) {
            for (XmlElement dimension : layer.children(element)) {
                String name = dimension.attribute("name");
                String defaultValue = dimension.attribute("default");
                boolean hasValues = !dimension.text().isEmpty() || (defaultValue != null && !defaultValue.isEmpty());
                if ("time".equalsIgnoreCase(name) && hasValues) {
                    return new TimeDimension(name, defaultValue, List.of(dimension.text()));
                }
            }
        }
        return null;
    }

    /** EX_GeographicBoundingBox (1.3.0) or LatLonBoundingBox (1.1.1), or null when unreadable. */
    private static double[] bounds(XmlElement layer) {
        try {
            Optional<XmlElement> box = layer.child("EX_GeographicBoundingBox");
            if (box.isPresent()) {
                XmlElement b = box.get();
                return new double[] {
                    number(b.childText("westBoundLongitude")),
                    number(b.childText("southBoundLatitude")),
                    number(b.childText("eastBoundLongitude")),
                    number(b.childText("northBoundLatitude"))
                };
            }
            Optional<XmlElement> latLon = layer.child("LatLonBoundingBox");
            if (latLon.isPresent()) {
                XmlElement b = latLon.get();
                return new double[] {
                    number(b.attribute("minx")),
                    number(b.attribute("miny")),
                    number(b.attribute("maxx")),
                    number(b.attribute("maxy"))
                };
            }
        } catch (NumberFormatException e) {
            return null;
        }
        return null;
    }

    private static double number(String text) {
        if (text == null) {
            throw new NumberFormatException("missing");
        }
        return Double.parseDouble(text);
    }

    private static String getUrl(XmlElement operation) {
        for (XmlElement dcp : operation.children("DCPType")) {
            Optional<String> href = dcp.path("HTTP", "Get", "OnlineResource")
                    .map(r -> r.attribute("href"))
                    .filter(h -> !h.isEmpty());
            if (href.isPresent()) {
                return href.get();
            }
        }
        return null;
    }
}
