package org.imagelabeler.platform.raster;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import org.imagelabeler.platform.catalog.Catalog;
import org.imagelabeler.platform.catalog.LayerInfo;
import org.imagelabeler.platform.catalog.LayerKind;
import org.imagelabeler.platform.catalog.StoreInfo;
import org.imagelabeler.platform.catalog.StoreKind;
import org.imagelabeler.platform.render.LayerRenderer;
import org.imagelabeler.platform.render.MapView;
import org.imagelabeler.platform.render.RenderException;

/** Draws raster layers of coverage stores (GeoTIFF files) for WMS GetMap. */
public final class CoverageLayerRenderer implements LayerRenderer {

    private final Catalog catalog;
    private final CoverageSources sources;

    public CoverageLayerRenderer(Catalog catalog, CoverageSources sources) {
        this.catalog = catalog;
        this.sources = sources;
    }

    @Override
    public boolean canRender(LayerInfo layer) {
        return layer.kind() == LayerKind.RASTER
                && catalog.store(layer.storeId())
                        .map(s -> s.kind() == StoreKind.COVERAGE)
                        .orElse(false);
    }

    @Override
    public void render(LayerInfo layer, String style, MapView view, Graphics2D map) throws RenderException {
        CoverageSource source = source(layer);
        BufferedImage picture = CoverageResampler.render(source, RasterStyle.resolve(style, source), view);
        if (picture != null) {
            map.drawImage(picture, 0, 0, null);
        }
    }

    private CoverageSource source(LayerInfo layer) throws RenderException {
        StoreInfo store = catalog.store(layer.storeId())
                .orElseThrow(() -> new RenderException("LayerNotDefined", "layer " + layer.name() + " has no store"));
        try {
            return sources.get(store);
        } catch (RasterProblem e) {
            throw new RenderException("NoApplicableCode", "layer " + layer.name() + ": " + e.getMessage(), e);
        }
    }
}
