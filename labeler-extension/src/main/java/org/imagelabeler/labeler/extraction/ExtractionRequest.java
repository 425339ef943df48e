package org.imagelabeler.labeler.extraction;

import java.util.List;

/**
 * An image to extract from a map layer: the layer ({@code workspace:name}, any the caller may
 * read: a GIBS layer, an uploaded coverage, a cascaded WMTS layer), the date ({@code time}, for
 * layers with one), the area in longitude and latitude, and either a resolution ({@code
 * resolution} with {@code unit} {@code m} or {@code km} per pixel) or a size in pixels.
 *
 * @param bbox minLon, minLat, maxLon, maxLat
 */
public record ExtractionRequest(
        String layer, String time, List<Double> bbox, Double resolution, String unit, Integer width, Integer height) {}
