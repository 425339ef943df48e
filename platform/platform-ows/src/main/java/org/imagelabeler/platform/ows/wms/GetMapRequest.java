package org.imagelabeler.platform.ows.wms;

import java.awt.Color;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.imagelabeler.platform.catalog.BoundingBox;
import org.imagelabeler.platform.catalog.LayerInfo;
import org.imagelabeler.platform.ows.OwsException;
import org.imagelabeler.platform.ows.OwsRequest;
import org.imagelabeler.platform.raster.CrsRegistry;
import org.imagelabeler.platform.render.MapView;

/**
 * A parsed GetMap (also the map part of GetFeatureInfo). The bounding box is stored easting
 * first: WMS 1.3.0 gives it in the CRS's own axis order, latitude first for EPSG:4326, and it is
 * flipped here, once.
 */
record GetMapRequest(
        List<LayerInfo> layers,
        List<String> styles,
        MapView view,
        String format,
        boolean transparent,
        Color background) {

    static final String PNG = "image/png";
    static final String JPEG = "image/jpeg";

    static GetMapRequest parse(OwsRequest r, WmsLayers catalog, WmsLimits limits) {
        return parse(r, catalog, limits, true);
    }

    /** @param imageRequired false for GetFeatureInfo, whose map part needs no FORMAT */
    static GetMapRequest parse(OwsRequest r, WmsLayers catalog, WmsLimits limits, boolean imageRequired) {
        List<LayerInfo> layers = new ArrayList<>();
        for (String name : r.require("LAYERS").split(",")) {
            if (!name.isBlank()) {
                layers.add(catalog.find(name, r, "LAYERS"));
            }
        }
        if (layers.isEmpty()) {
            throw OwsException.missing("LAYERS");
        }
        List<String> styles = new ArrayList<>();
        String styleList = r.parameter("STYLES").orElse("");
        if (!styleList.isEmpty()) {
            styles.addAll(Arrays.asList(styleList.split(",", -1)));
            if (styles.size() != layers.size()) {
                throw OwsException.invalid(
                        "STYLES", "STYLES names " + styles.size() + " styles for " + layers.size() + " layers");
            }
        }
        while (styles.size() < layers.size()) {
            styles.add("");
        }

        boolean v130 = r.version().equals("1.3.0");
        String crsParameter = v130 ? "CRS" : "SRS";
        String crsText = r.parameter(crsParameter)
                .or(() -> r.parameter(v130 ? "SRS" : "CRS"))
                .orElseThrow(() -> OwsException.missing(crsParameter));
        String crs = CrsRegistry.canonical(crsText)
                .orElseThrow(() -> new OwsException(
                        v130 ? OwsException.INVALID_CRS : "InvalidSRS", crsParameter, "unknown CRS '" + crsText + "'"));
        BoundingBox bbox = bbox(r.require("BBOX"), crs, v130 && CrsRegistry.isNorthingFirst(crs));
        int width = r.requireInt("WIDTH", 1, limits.maxWidth());
        int height = r.requireInt("HEIGHT", 1, limits.maxHeight());
        String format = imageRequired
                ? format(r.require("FORMAT"))
                : r.parameter("FORMAT").map(f -> PNG).orElse(PNG);
        boolean transparent =
                r.parameter("TRANSPARENT").map(t -> t.equalsIgnoreCase("TRUE")).orElse(false);
        Color background = background(r.parameter("BGCOLOR").orElse("0xFFFFFF"));
        Map<String, String> dimensions = new HashMap<>();
        r.parameter("TIME").ifPresent(t -> dimensions.put("time", t));
        r.parameter("ELEVATION").ifPresent(e -> dimensions.put("elevation", e));
        return new GetMapRequest(
                List.copyOf(layers),
                List.copyOf(styles),
                new MapView(crs, bbox, width, height, dimensions),
                format,
                transparent && format.equals(PNG),
                background);
    }

    static String format(String requested) {
        String f = requested.toLowerCase(Locale.ROOT).trim();
        if (f.equals("image/png") || f.equals("png") || f.startsWith("image/png;")) {
            return PNG;
        }
        if (f.equals("image/jpeg") || f.equals("jpeg") || f.equals("image/jpg")) {
            return JPEG;
        }
        throw new OwsException(
                OwsException.INVALID_FORMAT,
                "FORMAT",
                "format '" + requested + "' is not supported: image/png, image/jpeg");
    }

    private static BoundingBox bbox(String text, String crs, boolean northingFirst) {
        String[] parts = text.split(",");
        if (parts.length != 4) {
            throw OwsException.invalid("BBOX", "BBOX takes four numbers: minx,miny,maxx,maxy");
        }
        double[] v = new double[4];
        try {
            for (int i = 0; i < 4; i++) {
                v[i] = Double.parseDouble(parts[i].trim());
            }
        } catch (NumberFormatException e) {
            throw OwsException.invalid("BBOX", "BBOX takes four numbers, got '" + text + "'");
        }
        if (northingFirst) { // WMS 1.3.0 in a latitude-first CRS: miny(lat),minx(lon),maxy,maxx
            v = new double[] {v[1], v[0], v[3], v[2]};
        }
        if (!(v[0] < v[2]) || !(v[1] < v[3])) {
            throw OwsException.invalid("BBOX", "BBOX minimum must be less than maximum: " + text);
        }
        return new BoundingBox(v[0], v[1], v[2], v[3], crs);
    }

    private static Color background(String text) {
        String hex = text.trim();
        if (hex.startsWith("0x") || hex.startsWith("0X")) {
            hex = hex.substring(2);
        } else if (hex.startsWith("#")) {
            hex = hex.substring(1);
        }
        try {
            if (hex.length() != 6) {
                throw new NumberFormatException();
            }
            return new Color(Integer.parseInt(hex, 16));
        } catch (NumberFormatException e) {
            throw OwsException.invalid("BGCOLOR", "BGCOLOR takes a colour as 0xRRGGBB, got '" + text + "'");
        }
    }
}
