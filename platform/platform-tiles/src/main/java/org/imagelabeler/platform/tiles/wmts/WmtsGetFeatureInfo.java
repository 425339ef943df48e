package org.imagelabeler.platform.tiles.wmts;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.imagelabeler.platform.catalog.BoundingBox;
import org.imagelabeler.platform.ows.OwsException;
import org.imagelabeler.platform.ows.OwsOperation;
import org.imagelabeler.platform.ows.OwsRequest;
import org.imagelabeler.platform.ows.wms.FeatureInfoResult;
import org.imagelabeler.platform.render.FeatureInfo;
import org.imagelabeler.platform.render.LayerRenderers;
import org.imagelabeler.platform.render.MapView;
import org.imagelabeler.platform.render.RenderException;
import org.imagelabeler.platform.tiles.cache.TileKey;

/** WMTS GetFeatureInfo: what the layer holds under pixel I, J of a tile (band values of a coverage). */
final class WmtsGetFeatureInfo implements OwsOperation {

    private static final List<String> FORMATS = List.of("application/json", "text/plain");

    private final TileService tiles;
    private final LayerRenderers renderers;

    WmtsGetFeatureInfo(TileService tiles, LayerRenderers renderers) {
        this.tiles = tiles;
        this.renderers = renderers;
    }

    @Override
    public String service() {
        return WmtsService.ID;
    }

    @Override
    public String name() {
        return "GetFeatureInfo";
    }

    @Override
    public Object execute(OwsRequest r) {
        TileService.Target t = tiles.resolve(TileRequest.of(r, "image/png"));
        String format = r.require("INFOFORMAT").toLowerCase(Locale.ROOT);
        if (!FORMATS.contains(format)) {
            throw OwsException.invalid("INFOFORMAT", "INFOFORMAT '" + format + "' is not supported: " + FORMATS);
        }
        var m = t.matrix();
        int i = r.requireInt("I", 0, m.tileWidth() - 1);
        int j = r.requireInt("J", 0, m.tileHeight() - 1);
        double[] b = m.tileBounds(t.key().row(), t.key().column());
        Map<String, String> dimensions = TileKey.DEFAULT.equals(t.key().time())
                ? Map.of()
                : Map.of("time", t.key().time());
        MapView view = new MapView(
                t.set().crs(),
                new BoundingBox(b[0], b[1], b[2], b[3], t.set().crs()),
                m.tileWidth(),
                m.tileHeight(),
                dimensions);
        try {
            var renderer = renderers
                    .of(t.layer().layer())
                    .orElseThrow(() ->
                            OwsException.invalid("LAYER", "layer '" + t.layer().name() + "' has no data"));
            List<FeatureInfo> found = renderer.info(t.layer().layer(), view, i, j).stream()
                    .map(f -> new FeatureInfo(t.layer().name(), f.id(), f.values()))
                    .toList();
            return new FeatureInfoResult(found, format);
        } catch (RenderException e) {
            throw new OwsException(e.code(), "LAYER", e.getMessage());
        }
    }
}
