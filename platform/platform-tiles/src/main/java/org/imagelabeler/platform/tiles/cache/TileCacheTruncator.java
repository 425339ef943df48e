package org.imagelabeler.platform.tiles.cache;

import java.util.Objects;
import org.imagelabeler.platform.catalog.Catalog;
import org.imagelabeler.platform.catalog.CatalogEvent;
import org.imagelabeler.platform.catalog.CatalogListener;
import org.imagelabeler.platform.catalog.LayerInfo;
import org.imagelabeler.platform.catalog.StoreInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drops a layer's tiles when what they show may have changed: the layer's data (its store, its
 * metadata such as the served file, its bounds or styles, a vector layer's features) or the
 * layer itself goes. Title and
 * description edits, and new TIME values, keep the cache.
 */
public final class TileCacheTruncator implements CatalogListener {

    private static final Logger LOG = LoggerFactory.getLogger(TileCacheTruncator.class);

    private final TileStore store;
    private final Catalog catalog;

    public TileCacheTruncator(TileStore store, Catalog catalog) {
        this.store = store;
        this.catalog = catalog;
    }

    @Override
    public void onChange(CatalogEvent event) {
        if (event.object() instanceof LayerInfo layer) {
            if (event.type() == CatalogEvent.Type.REMOVED
                    || (event.type() == CatalogEvent.Type.MODIFIED
                            && dataChanged((LayerInfo) event.before(), (LayerInfo) event.after()))) {
                truncate(layer);
            }
        } else if (event.object() instanceof StoreInfo s && event.type() == CatalogEvent.Type.MODIFIED) {
            StoreInfo before = (StoreInfo) event.before();
            StoreInfo after = (StoreInfo) event.after();
            if (!before.parameters().equals(after.parameters())) {
                catalog.layers(after).forEach(this::truncate);
            }
        }
    }

    /** A vector layer's features changed (a label drawn, a shape moved over WFS-T). */
    @org.springframework.context.event.EventListener
    public void featuresChanged(org.imagelabeler.platform.feature.FeaturesChanged change) {
        catalog.layer(change.layerId()).ifPresent(this::truncate);
    }

    private static boolean dataChanged(LayerInfo before, LayerInfo after) {
        return !Objects.equals(before.storeId(), after.storeId())
                || !Objects.equals(tileMetadata(before), tileMetadata(after))
                || !Objects.equals(before.nativeBounds(), after.nativeBounds())
                || !Objects.equals(before.styleNames(), after.styleNames())
                || !Objects.equals(before.nativeCrs(), after.nativeCrs());
    }

    /**
     * The metadata that decides what tiles show. TIME values are left out: tiles are cached per
     * date, and a new day in a remote layer's list does not change the days already cached.
     */
    private static java.util.Map<String, String> tileMetadata(LayerInfo layer) {
        java.util.Map<String, String> m = new java.util.HashMap<>(layer.metadata());
        m.keySet().removeIf(k -> k.startsWith("time."));
        return m;
    }

    private void truncate(LayerInfo layer) {
        store.deleteLayer(layer.id());
        LOG.info("Tiles of layer {} removed: its data changed", layer.name());
    }
}
