package org.imagelabeler.platform.tiles.cascade;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A layer of a remote WMTS or WMS server.
 *
 * @param identifier the WMTS layer identifier or the WMS layer name, as the server expects it
 * @param abstractText the abstract, or null
 * @param formats the image formats: the layer's own (WMTS) or the server's GetMap ones (WMS)
 * @param infoFormats the feature info formats: the layer's own (WMTS) or GetFeatureInfo's (WMS)
 * @param styles style identifiers (WMS: names, including those inherited from parent layers)
 * @param defaultStyle the WMTS style marked {@code isDefault}, else its first style; null for WMS,
 *     whose documents do not name one (an empty STYLES parameter asks for the server's default)
 * @param tileMatrixSets identifiers of the tile matrix sets the layer links; empty for WMS
 * @param time the time dimension, or null when the layer has none
 * @param resourceUrls the RESTful URL templates (WMTS), empty when the server is KVP only
 * @param wgs84Bounds minLon, minLat, maxLon, maxLat, or null when the document gives none
 */
public record RemoteLayer(
        String identifier,
        String title,
        String abstractText,
        List<String> formats,
        List<String> infoFormats,
        List<String> styles,
        String defaultStyle,
        List<String> tileMatrixSets,
        TimeDimension time,
        List<ResourceTemplate> resourceUrls,
        double[] wgs84Bounds) {

    public RemoteLayer {
        Objects.requireNonNull(identifier, "identifier");
        formats = List.copyOf(formats);
        infoFormats = List.copyOf(infoFormats);
        styles = List.copyOf(styles);
        tileMatrixSets = List.copyOf(tileMatrixSets);
        resourceUrls = List.copyOf(resourceUrls);
        if (wgs84Bounds != null) {
            if (wgs84Bounds.length != 4) {
                throw new IllegalArgumentException("wgs84Bounds needs 4 values, got " + wgs84Bounds.length);
            }
            wgs84Bounds = wgs84Bounds.clone();
        }
    }

    /** A copy of the bounds, so the record stays immutable. */
    @Override
    public double[] wgs84Bounds() {
        return wgs84Bounds == null ? null : wgs84Bounds.clone();
    }

    /** The RESTful tile URL template for that format (matched ignoring case), if the server has one. */
    public Optional<String> tileTemplate(String format) {
        return resourceUrls.stream()
                .filter(r -> r.isTile() && format.equalsIgnoreCase(r.format()))
                .map(ResourceTemplate::template)
                .findFirst();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RemoteLayer l
                && identifier.equals(l.identifier)
                && Objects.equals(title, l.title)
                && Objects.equals(abstractText, l.abstractText)
                && formats.equals(l.formats)
                && infoFormats.equals(l.infoFormats)
                && styles.equals(l.styles)
                && Objects.equals(defaultStyle, l.defaultStyle)
                && tileMatrixSets.equals(l.tileMatrixSets)
                && Objects.equals(time, l.time)
                && resourceUrls.equals(l.resourceUrls)
                && Arrays.equals(wgs84Bounds, l.wgs84Bounds);
    }

    @Override
    public int hashCode() {
        return Objects.hash(
                                identifier,
                                title,
                                abstractText,
                                formats,
                                infoFormats,
                                styles,
                                defaultStyle,
                                tileMatrixSets,
                                time,
                                resourceUrls)
                        * 31
                + Arrays.hashCode(wgs84Bounds);
    }

    @Override
    public String toString() {
        return "RemoteLayer[identifier=" + identifier + ", title=" + title + ", abstractText=" + abstractText
                + ", formats=" + formats + ", infoFormats=" + infoFormats + ", styles=" + styles
                + ", defaultStyle=" + defaultStyle + ", tileMatrixSets=" + tileMatrixSets + ", time=" + time
                + ", resourceUrls=" + resourceUrls + ", wgs84Bounds=" + Arrays.toString(wgs84Bounds) + "]";
    }
}
