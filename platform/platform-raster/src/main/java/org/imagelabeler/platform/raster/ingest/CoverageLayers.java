package org.imagelabeler.platform.raster.ingest;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.imagelabeler.platform.catalog.LayerInfo;
import org.imagelabeler.platform.catalog.LayerKind;
import org.imagelabeler.platform.catalog.StoreInfo;
import org.imagelabeler.platform.catalog.WorkspaceInfo;
import org.imagelabeler.platform.raster.CoverageDescription;
import org.imagelabeler.platform.raster.RasterStyle;

/**
 * The catalog layer of a GeoTIFF coverage store, as the ingest job publishes it and as plugins
 * that publish coverages of their own (the labeler's image layers) do: what the file is, in
 * metadata, and its CRS and bounds.
 */
public final class CoverageLayers {

    /**
     * Layer metadata: the style names the raster renderer offers, comma-separated (its own styles,
     * not catalog SLD styles), listed in capabilities.
     */
    public static final String RENDERER_STYLES = "styles";

    private CoverageLayers() {}

    /** The metadata every coverage layer carries: bands, sample type, size and renderer styles. */
    public static Map<String, String> metadata(CoverageDescription d) {
        Map<String, String> metadata = new HashMap<>();
        metadata.put("bands", Integer.toString(d.bands()));
        metadata.put("sampleType", d.sampleType().name());
        metadata.put("width", Integer.toString(d.width()));
        metadata.put("height", Integer.toString(d.height()));
        metadata.put(RENDERER_STYLES, String.join(",", RasterStyle.namesFor(d)));
        return metadata;
    }

    /** A new, enabled and advertised raster layer of {@code store}, without catalog styles. */
    public static LayerInfo newLayer(
            String id,
            WorkspaceInfo ws,
            StoreInfo store,
            String name,
            String title,
            CoverageDescription d,
            Map<String, String> metadata,
            Instant now) {
        return new LayerInfo(
                id,
                ws.id(),
                store.id(),
                name,
                LayerKind.RASTER,
                name,
                title,
                null,
                List.of(),
                true,
                true,
                null,
                List.of(),
                d.crs(),
                d.nativeBounds(),
                d.geographicBounds(),
                metadata,
                now,
                now);
    }
}
