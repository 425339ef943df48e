package org.imagelabeler.platform.ows.wms.legend;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.imagelabeler.platform.catalog.LayerInfo;
import org.imagelabeler.platform.catalog.LayerKind;
import org.imagelabeler.platform.feature.FeatureSource;
import org.imagelabeler.platform.feature.FeatureSources;
import org.imagelabeler.platform.feature.GeometryType;
import org.imagelabeler.platform.feature.VectorStyle;
import org.imagelabeler.platform.ows.wms.legend.LegendRow.Swatch;

/**
 * What a layer's legend shows. A vector layer: one row per class of its style, then the
 * fallback's row. A raster or cascaded layer: one row, an imagery swatch and the layer's title
 * (GeoServer also answers for rasters without a colour map, with a raster icon, rather than
 * refusing). A vector layer that no feature source serves has none: it cannot be drawn either.
 */
public final class Legends {

    private final FeatureSources sources;

    public Legends(FeatureSources sources) {
        this.sources = sources;
    }

    public Optional<Legend> of(LayerInfo layer) {
        if (layer.kind() != LayerKind.VECTOR) {
            String title = layer.title() != null ? layer.title() : layer.name();
            return Optional.of(new Legend(List.of(new LegendRow(Swatch.RASTER, null, title)), 1, 1));
        }
        return sources.of(layer).map(Legends::vector);
    }

    private static Legend vector(FeatureSource source) {
        VectorStyle style = source.style();
        Swatch swatch = swatch(source.type().geometry().geometryType());
        List<LegendRow> rows = new ArrayList<>();
        if (style.classAttribute() != null) {
            for (VectorStyle.StyleClass c : style.classes()) {
                rows.add(new LegendRow(swatch, c.colour(), c.title() != null ? c.title() : c.value()));
            }
        }
        VectorStyle.StyleClass fallback = style.fallback();
        String title =
                fallback.title() != null ? fallback.title() : source.type().title();
        rows.add(new LegendRow(swatch, fallback.colour(), title));
        return new Legend(rows, style.strokeWidth(), style.fillOpacity());
    }

    private static Swatch swatch(GeometryType type) {
        return switch (type) {
            case POINT, MULTIPOINT -> Swatch.POINT;
            case LINESTRING, MULTILINESTRING -> Swatch.LINE;
            default -> Swatch.POLYGON;
        };
    }
}
