package org.imagelabeler.platform.tiles.wmts;

import java.util.List;
import java.util.Optional;
import org.imagelabeler.platform.catalog.LayerInfo;
import org.imagelabeler.platform.tiles.cache.TileFormat;
import org.imagelabeler.platform.tiles.grid.TileMatrixSet;

/**
 * A catalog layer as WMTS offers it: its name for this request, the tile matrix sets, formats,
 * styles and TIME values it has tiles in.
 *
 * @param nativeSets the remote store's own sets (cascaded layers), whose tiles are fetched
 *     rather than rendered; empty for local layers
 * @param time the TIME values, null when the layer has no time dimension
 */
public record TiledLayer(
        LayerInfo layer,
        String name,
        List<TileMatrixSet> sets,
        List<TileMatrixSet> nativeSets,
        List<TileFormat> formats,
        List<String> styles,
        TimeValues time) {

    public TiledLayer {
        sets = List.copyOf(sets);
        nativeSets = List.copyOf(nativeSets);
        formats = List.copyOf(formats);
        styles = List.copyOf(styles);
    }

    /** The TIME values of a layer, as the catalog holds them ({@code time.values}, {@code time.default}). */
    public record TimeValues(String defaultValue, List<String> values) {

        /** Whether {@code time} is one of the values or lies within one of their intervals. */
        public boolean allows(String time) {
            return new org.imagelabeler.platform.tiles.cascade.TimeDimension("time", defaultValue, values).allows(time);
        }
    }

    public Optional<TileMatrixSet> set(String identifier) {
        return sets.stream().filter(s -> s.identifier().equals(identifier)).findFirst();
    }

    public boolean isNative(TileMatrixSet set) {
        return nativeSets.stream().anyMatch(s -> s.identifier().equals(set.identifier()));
    }
}
