package org.imagelabeler.platform.ows.wms.vector;

import java.awt.Graphics2D;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.imagelabeler.platform.catalog.BoundingBox;
import org.imagelabeler.platform.catalog.LayerInfo;
import org.imagelabeler.platform.catalog.LayerKind;
import org.imagelabeler.platform.feature.AttributeDescriptor;
import org.imagelabeler.platform.feature.Feature;
import org.imagelabeler.platform.feature.FeatureCursor;
import org.imagelabeler.platform.feature.FeatureQuery;
import org.imagelabeler.platform.feature.FeatureSource;
import org.imagelabeler.platform.feature.FeatureSources;
import org.imagelabeler.platform.feature.FeatureType;
import org.imagelabeler.platform.feature.VectorStyle;
import org.imagelabeler.platform.feature.filter.Filter;
import org.imagelabeler.platform.render.FeatureInfo;
import org.imagelabeler.platform.render.LayerRenderer;
import org.imagelabeler.platform.render.MapView;
import org.imagelabeler.platform.render.RenderException;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.opengis.util.FactoryException;

/**
 * Draws vector layers whose features a {@link org.imagelabeler.platform.feature.FeatureSourceProvider}
 * serves, and answers GetFeatureInfo on them. Only the features in the view are read (BBox
 * queries in longitude/latitude, one per copy of the world the view shows), and each is drawn
 * as it comes from the cursor, in its style class's colour; none is kept.
 */
public final class VectorLayerRenderer implements LayerRenderer {

    /** How far from the clicked pixel, in pixels, GetFeatureInfo still finds a feature. */
    static final int CLICK_TOLERANCE = 3;

    /** The most features one GetFeatureInfo keeps per layer: FEATURE_COUNT's maximum. */
    static final int MAX_FEATURE_INFO = 1000;

    private final FeatureSources sources;

    public VectorLayerRenderer(FeatureSources sources) {
        this.sources = sources;
    }

    @Override
    public boolean canRender(LayerInfo layer) {
        return layer.kind() == LayerKind.VECTOR && sources.of(layer).isPresent();
    }

    @Override
    public void render(LayerInfo layer, String style, MapView view, Graphics2D map) throws RenderException {
        checkStyle(layer, style);
        FeatureSource source = source(layer);
        FeatureType type = source.type();
        VectorStyle vectorStyle = source.style();
        ViewProjection projection = projection(view);
        Graphics2D g = (Graphics2D) map.create();
        try {
            FeaturePainter painter = new FeaturePainter(g, vectorStyle);
            double margin = FeaturePainter.reach(vectorStyle);
            BoundingBox drawn = pixelArea(view, -margin, -margin, view.width() + margin, view.height() + margin);
            for (ViewCover.Part part : cover(view, drawn)) {
                try (FeatureCursor cursor = source.features(query(part))) {
                    while (cursor.hasNext()) {
                        Feature feature = cursor.next();
                        Geometry geometry = feature.geometry(type);
                        Geometry pixels = geometry == null ? null : projection.project(geometry, part.shift());
                        if (pixels != null) {
                            painter.paint(pixels, classOf(feature, vectorStyle).colour());
                        }
                    }
                }
            }
        } finally {
            g.dispose();
        }
    }

    /**
     * The features drawn within {@link #CLICK_TOLERANCE} pixels of the pixel, counting what their
     * symbol covers (a point's disc, half the stroke), topmost (drawn last) first.
     */
    @Override
    public List<FeatureInfo> info(LayerInfo layer, MapView view, int column, int row) throws RenderException {
        FeatureSource source = source(layer);
        FeatureType type = source.type();
        VectorStyle style = source.style();
        ViewProjection projection = projection(view);
        Envelope clickedPixels = new Envelope(
                column - CLICK_TOLERANCE,
                column + 1 + CLICK_TOLERANCE,
                row - CLICK_TOLERANCE,
                row + 1 + CLICK_TOLERANCE);
        Geometry clicked = projection.pixelFactory().toGeometry(clickedPixels);
        double reach = FeaturePainter.reach(style);
        BoundingBox searched = pixelArea(
                view,
                clickedPixels.getMinX() - reach,
                clickedPixels.getMinY() - reach,
                clickedPixels.getMaxX() + reach,
                clickedPixels.getMaxY() + reach);
        Map<String, Feature> hits = new LinkedHashMap<>(16, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Feature> eldest) {
                return size() > MAX_FEATURE_INFO;
            }
        };
        for (ViewCover.Part part : cover(view, searched)) {
            try (FeatureCursor cursor = source.features(query(part))) {
                while (cursor.hasNext()) {
                    Feature feature = cursor.next();
                    Geometry geometry = feature.geometry(type);
                    Geometry pixels = geometry == null ? null : projection.project(geometry, part.shift());
                    if (pixels != null && pixels.isWithinDistance(clicked, FeaturePainter.reach(style, pixels))) {
                        hits.remove(feature.id()); // drawn again in another copy of the world: now on top
                        hits.put(feature.id(), feature);
                    }
                }
            }
        }
        List<FeatureInfo> found = new ArrayList<>(hits.size());
        for (Feature f : hits.values()) {
            found.add(new FeatureInfo(layer.name(), f.id(), attributes(f, type)));
        }
        Collections.reverse(found);
        return found;
    }

    /** A style the layer does not offer is refused, as the raster renderer does: 400 StyleNotDefined. */
    static void checkStyle(LayerInfo layer, String style) throws RenderException {
        if (style != null
                && !style.isBlank()
                && layer.styleNames().stream().noneMatch(s -> s.equalsIgnoreCase(style.trim()))) {
            throw new RenderException(
                    "StyleNotDefined", "style '" + style + "' is not defined; this layer has " + layer.styleNames());
        }
    }

    private FeatureSource source(LayerInfo layer) throws RenderException {
        Optional<FeatureSource> source = sources.of(layer);
        if (source.isEmpty()) {
            throw new RenderException("LayerNotDefined", "layer " + layer.name() + " has no feature source");
        }
        return source.get();
    }

    private static VectorStyle.StyleClass classOf(Feature feature, VectorStyle style) {
        return style.classOf(style.classAttribute() == null ? null : feature.get(style.classAttribute()));
    }

    private static FeatureQuery query(ViewCover.Part part) {
        return FeatureQuery.of(new Filter.BBox(null, part.lonLat()));
    }

    private static Map<String, Object> attributes(Feature f, FeatureType type) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (AttributeDescriptor a : type.attributes()) {
            if (!a.isGeometry()) {
                values.put(a.name(), f.get(a.name()));
            }
        }
        return values;
    }

    private static ViewProjection projection(MapView view) throws RenderException {
        try {
            return new ViewProjection(view);
        } catch (FactoryException e) {
            throw noTransform(view, e);
        }
    }

    private static List<ViewCover.Part> cover(MapView view, BoundingBox area) throws RenderException {
        try {
            return ViewCover.of(view.crs(), area).parts();
        } catch (FactoryException e) {
            throw noTransform(view, e);
        }
    }

    private static RenderException noTransform(MapView view, FactoryException e) {
        return new RenderException(
                "NoApplicableCode",
                "no transform from longitude/latitude to " + view.crs() + ": " + e.getMessage(),
                500,
                e);
    }

    /** The area of the view's pixels from (column, row) to (column, row), 0,0 at the top left. */
    private static BoundingBox pixelArea(
            MapView view, double minColumn, double minRow, double maxColumn, double maxRow) {
        BoundingBox a = view.area();
        return new BoundingBox(
                a.minX() + minColumn * view.resolutionX(),
                a.maxY() - maxRow * view.resolutionY(),
                a.minX() + maxColumn * view.resolutionX(),
                a.maxY() - minRow * view.resolutionY(),
                a.crs());
    }
}
