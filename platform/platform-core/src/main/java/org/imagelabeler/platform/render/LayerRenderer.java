package org.imagelabeler.platform.render;

import java.awt.Graphics2D;
import org.imagelabeler.platform.catalog.LayerInfo;
import org.imagelabeler.platform.extension.ExtensionPriority;

/**
 * Draws layers of some kind onto a map: coverages (platform-raster), cascaded tiles, vector
 * features (plugins). WMS GetMap asks the first renderer, in priority order, that accepts the
 * layer.
 */
public interface LayerRenderer extends ExtensionPriority {

    boolean canRender(LayerInfo layer);

    /**
     * Draws {@code layer} on {@code map}, whose device space is the view's image (pixel 0,0 at
     * the top left of the area).
     *
     * @param style a style name, or null for the layer's default
     * @throws RenderException for a problem the client should hear of (unknown style...)
     */
    void render(LayerInfo layer, String style, MapView view, Graphics2D map) throws RenderException;

    /** The values at a pixel of the view, per band or attribute, for GetFeatureInfo. */
    default java.util.List<FeatureInfo> info(LayerInfo layer, MapView view, int column, int row)
            throws RenderException {
        return java.util.List.of();
    }

    @Override
    default int getPriority() {
        return NORMAL;
    }
}
