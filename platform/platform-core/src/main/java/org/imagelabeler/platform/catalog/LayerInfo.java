package org.imagelabeler.platform.catalog;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A published layer: GeoServer's resource (feature type, coverage, cascaded layer) and layer
 * merged into one object, since every resource here is published exactly once. Module-specific
 * facts (the served raster file, the remote layer's identifier and time values) live in
 * {@link #metadata()}.
 */
public record LayerInfo(
        String id,
        String workspaceId,
        String storeId,
        String name,
        LayerKind kind,
        String nativeName,
        String title,
        String abstractText,
        List<String> keywords,
        boolean enabled,
        boolean advertised,
        String defaultStyle,
        List<String> styles,
        String nativeCrs,
        BoundingBox nativeBounds,
        BoundingBox geographicBounds,
        Map<String, String> metadata,
        Instant created,
        Instant modified)
        implements CatalogInfo {

    public LayerInfo {
        keywords = keywords == null ? List.of() : List.copyOf(keywords);
        styles = styles == null ? List.of() : List.copyOf(styles);
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
    }

    /**
     * The style names the layer offers, its default first: its own styles, then those its
     * renderer offers by itself (the band selections of a coverage), listed in the metadata
     * {@code styles} by the module that published it.
     */
    public List<String> styleNames() {
        List<String> names = new java.util.ArrayList<>();
        names.add(defaultStyle != null ? defaultStyle : "default");
        styles.stream().filter(s -> !names.contains(s)).forEach(names::add);
        for (String s : metadata.getOrDefault("styles", "").split(",")) {
            if (!s.isBlank() && !names.contains(s.trim())) {
                names.add(s.trim());
            }
        }
        return names;
    }
}
