package org.imagelabeler.platform.raster;

import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.awt.image.RenderedImage;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.sis.coverage.grid.PixelInCell;
import org.apache.sis.storage.DataStoreException;
import org.imagelabeler.platform.catalog.Catalog;
import org.imagelabeler.platform.catalog.LayerInfo;
import org.imagelabeler.platform.catalog.LayerKind;
import org.imagelabeler.platform.catalog.StoreInfo;
import org.imagelabeler.platform.catalog.StoreKind;
import org.imagelabeler.platform.render.FeatureInfo;
import org.imagelabeler.platform.render.LayerRenderer;
import org.imagelabeler.platform.render.MapView;
import org.imagelabeler.platform.render.RenderException;
import org.opengis.referencing.operation.TransformException;
import org.opengis.util.FactoryException;

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

    /** The band values of the source pixel under the view pixel, nodata as null. */
    @Override
    public List<FeatureInfo> info(LayerInfo layer, MapView view, int column, int row) throws RenderException {
        CoverageSource source = source(layer);
        try {
            double[] p = {
                view.area().minX() + (column + 0.5) * view.resolutionX(),
                view.area().maxY() - (row + 0.5) * view.resolutionY()
            };
            CrsRegistry.transform(CrsRegistry.xy(view.crs()), source.crs()).transform(p, 0, p, 0, 1);
            source.grid().getGridToCRS(PixelInCell.CELL_CORNER).inverse().transform(p, 0, p, 0, 1);
            int x = (int) Math.floor(p[0]);
            int y = (int) Math.floor(p[1]);
            CoverageDescription d = source.description();
            if (x < 0 || y < 0 || x >= d.width() || y >= d.height()) {
                return List.of();
            }
            Raster pixel = source.read(null, null, full -> {
                RenderedImage image = full.render(null);
                return image.getData(new Rectangle(image.getMinX() + x, image.getMinY() + y, 1, 1));
            });
            Map<String, Object> values = new LinkedHashMap<>();
            for (int b = 0; b < d.bands(); b++) {
                double v = pixel.getSampleDouble(pixel.getMinX(), pixel.getMinY(), b);
                boolean missing = Double.isNaN(v) || (d.noData() != null && v == d.noData());
                Object value = missing ? null : d.sampleType().isFloat() ? v : (Object) (long) v;
                values.put("band_" + (b + 1), value);
            }
            return List.of(new FeatureInfo(layer.name(), layer.name() + ".pixel." + x + "." + y, values));
        } catch (TransformException | FactoryException e) {
            return List.of(); // the point lies where the layer's CRS is undefined
        } catch (DataStoreException e) {
            throw new RenderException("NoApplicableCode", "cannot read the coverage: " + e.getMessage(), 500, e);
        }
    }

    private CoverageSource source(LayerInfo layer) throws RenderException {
        StoreInfo store = catalog.store(layer.storeId())
                .orElseThrow(() -> new RenderException("LayerNotDefined", "layer " + layer.name() + " has no store"));
        try {
            return sources.get(store);
        } catch (RasterProblem e) {
            throw new RenderException("NoApplicableCode", "layer " + layer.name() + ": " + e.getMessage(), 500, e);
        }
    }
}
