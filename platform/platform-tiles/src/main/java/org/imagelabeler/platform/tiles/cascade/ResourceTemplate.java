package org.imagelabeler.platform.tiles.cascade;

/**
 * A WMTS {@code ResourceURL}: a RESTful URL template for one format and resource type.
 *
 * @param resourceType {@code tile} or {@code FeatureInfo}
 * @param template the URL with placeholders such as {@code {TileMatrix}}, {@code {TileRow}},
 *     {@code {TileCol}}, {@code {Style}} and one per dimension ({@code {Time}} on GIBS)
 */
public record ResourceTemplate(String format, String resourceType, String template) {

    public boolean isTile() {
        return "tile".equalsIgnoreCase(resourceType);
    }
}
