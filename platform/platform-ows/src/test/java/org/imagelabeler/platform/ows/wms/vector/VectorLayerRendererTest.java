package org.imagelabeler.platform.ows.wms.vector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.imagelabeler.platform.catalog.BoundingBox;
import org.imagelabeler.platform.catalog.LayerInfo;
import org.imagelabeler.platform.catalog.LayerKind;
import org.imagelabeler.platform.extension.ExtensionRegistry;
import org.imagelabeler.platform.feature.AttributeDescriptor;
import org.imagelabeler.platform.feature.AttributeType;
import org.imagelabeler.platform.feature.Feature;
import org.imagelabeler.platform.feature.FeatureSourceProvider;
import org.imagelabeler.platform.feature.FeatureSources;
import org.imagelabeler.platform.feature.FeatureType;
import org.imagelabeler.platform.feature.GeometryType;
import org.imagelabeler.platform.feature.VectorStyle;
import org.imagelabeler.platform.feature.VectorStyle.StyleClass;
import org.imagelabeler.platform.render.FeatureInfo;
import org.imagelabeler.platform.render.MapView;
import org.imagelabeler.platform.render.RenderException;
import org.imagelabeler.platform.testing.InMemoryFeatureSource;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKTReader;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

/** The vector renderer on images of its own, without a server: pixels, reads, cursors, speed. */
class VectorLayerRendererTest {

    private static final Color WATER = new Color(0x1f77b4);
    private static final Color FOREST = new Color(0x2ca02c);
    private static final Color OTHER = new Color(0x7f7f7f);
    private static final VectorStyle STYLE = new VectorStyle(
            "class",
            List.of(new StyleClass("water", "Water", WATER), new StyleClass("forest", "Forest", FOREST)),
            new StyleClass(null, "Other", OTHER),
            2f,
            0.4f);
    private static final FeatureType TYPE = new FeatureType(
            "shapes",
            "Shapes",
            null,
            List.of(
                    AttributeDescriptor.geometry("geom", GeometryType.GEOMETRY),
                    AttributeDescriptor.of("name", AttributeType.STRING, true),
                    AttributeDescriptor.of("class", AttributeType.STRING, true)));
    private static final LayerInfo LAYER = new LayerInfo(
            "l1",
            "ws1",
            "s1",
            "shapes",
            LayerKind.VECTOR,
            null,
            "Shapes",
            null,
            null,
            true,
            true,
            null,
            null,
            "EPSG:4326",
            null,
            null,
            Map.of(),
            null,
            null);

    private static Feature feature(String id, String wkt, String cls) throws Exception {
        Geometry g = new WKTReader().read(wkt);
        java.util.Map<String, Object> values = new java.util.LinkedHashMap<>();
        values.put("geom", g);
        values.put("name", id);
        values.put("class", cls);
        return new Feature(id, values);
    }

    private static VectorLayerRenderer renderer(InMemoryFeatureSource source) {
        FeatureSourceProvider provider = layer -> Optional.of(source);
        var beans = new StaticListableBeanFactory(Map.of("provider", provider));
        return new VectorLayerRenderer(new FeatureSources(new ExtensionRegistry(beans)));
    }

    /** lon 0..25.6, lat 0..25.6 at 0.1° a pixel */
    private static MapView view() {
        return new MapView("CRS:84", new BoundingBox(0, 0, 25.6, 25.6, "CRS:84"), 256, 256, Map.of());
    }

    private static BufferedImage draw(VectorLayerRenderer renderer, MapView view) throws RenderException {
        BufferedImage image = new BufferedImage(view.width(), view.height(), BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        renderer.render(LAYER, null, view, g);
        g.dispose();
        return image;
    }

    /** Within 2 of the colour at the alpha (0.4 x 255): ARGB images keep colours unpremultiplied. */
    private static void assertColour(int argb, Color colour, int alpha) {
        Color actual = new Color(argb, true);
        assertThat(actual.getAlpha()).isEqualTo(alpha);
        assertThat(actual.getRed()).isCloseTo(colour.getRed(), org.assertj.core.api.Assertions.within(2));
        assertThat(actual.getGreen()).isCloseTo(colour.getGreen(), org.assertj.core.api.Assertions.within(2));
        assertThat(actual.getBlue()).isCloseTo(colour.getBlue(), org.assertj.core.api.Assertions.within(2));
    }

    @Test
    void polygonIsFilledAtTheStyleOpacityOutlinedInFullColourAndItsHoleStaysEmpty() throws Exception {
        var source = new InMemoryFeatureSource(
                TYPE,
                List.of(feature(
                        "lake", "POLYGON((5 5, 15 5, 15 15, 5 15, 5 5), (9 9, 9 11, 11 11, 11 9, 9 9))", "water")),
                STYLE);
        BufferedImage map = draw(renderer(source), view());
        assertColour(map.getRGB(70, 130), WATER, 102);
        assertThat(map.getRGB(50, 150)).as("left edge").isEqualTo(WATER.getRGB());
        assertThat(map.getRGB(100, 156) >>> 24).as("the hole").isZero();
        assertThat(map.getRGB(200, 50) >>> 24).as("outside").isZero();
        assertThat(source.openCursors()).isZero();
    }

    @Test
    void readsOnlyTheFeaturesInTheViewAndClosesItsCursors() throws Exception {
        List<Feature> features = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            features.add(feature("p" + i, "POINT(" + (i * 3.6 - 180) + " 10)", "forest"));
        }
        var source = new InMemoryFeatureSource(TYPE, features, STYLE);
        VectorLayerRenderer renderer = renderer(source);
        draw(renderer, view());
        assertThat(source.featuresRead())
                .as("points within lon 0..25.6 and the symbol margin")
                .isEqualTo(8);
        renderer.info(LAYER, view(), 10, 10);
        assertThat(source.openCursors()).isZero();
    }

    @Test
    void featureBeyondTheAntimeridianIsDrawnWhereTheViewShowsIt() throws Exception {
        var source = new InMemoryFeatureSource(TYPE, List.of(feature("east", "POINT(-175 10)", "forest")), STYLE);
        // lon 170..190: lon -175 is drawn at 185
        MapView view = new MapView("EPSG:4326", new BoundingBox(170, 0, 190, 20, "EPSG:4326"), 200, 200, Map.of());
        BufferedImage map = draw(renderer(source), view);
        assertThat(map.getRGB(150, 100) >>> 24).isGreaterThan(0);
        assertThat(new Color(map.getRGB(150, 100), true).getGreen()).isEqualTo(FOREST.getGreen());
        assertThat(map.getRGB(50, 100) >>> 24).isZero();
    }

    @Test
    void polygonReachingThePoleIsDrawnUpToTheEdgeOfWebMercator() throws Exception {
        var source = new InMemoryFeatureSource(
                TYPE, List.of(feature("arctic", "POLYGON((0 80, 10 80, 10 90, 0 90, 0 80))", "water")), STYLE);
        // y 15e6..25e6, beyond the top of the CRS (20037508 m), 10 km a pixel
        MapView view = new MapView("EPSG:3857", new BoundingBox(0, 15e6, 2e6, 25e6, "EPSG:3857"), 200, 1000, Map.of());
        BufferedImage map = draw(renderer(source), view);
        assertColour(map.getRGB(50, 700), WATER, 102);
        assertThat(map.getRGB(50, 300) >>> 24).as("beyond the CRS's top").isZero();
    }

    @Test
    void unknownStyleIsRefusedAsABadRequest() {
        var source = new InMemoryFeatureSource(TYPE, List.of(), STYLE);
        BufferedImage image = new BufferedImage(8, 8, BufferedImage.TYPE_INT_ARGB);
        assertThatThrownBy(() -> renderer(source).render(LAYER, "nope", view(), image.createGraphics()))
                .isInstanceOfSatisfying(RenderException.class, e -> {
                    assertThat(e.code()).isEqualTo("StyleNotDefined");
                    assertThat(e.status()).isEqualTo(400);
                });
    }

    @Test
    void infoListsTheFeaturesUnderThePixelTopmostFirstWithoutGeometry() throws Exception {
        var source = new InMemoryFeatureSource(
                TYPE,
                List.of(
                        feature("field", "POLYGON((16 17, 22 17, 22 23, 16 23, 16 17))", null),
                        feature("wood", "POLYGON((18 19, 20 19, 20 21, 18 21, 18 19))", "forest"),
                        feature("lake", "POLYGON((5 5, 15 5, 15 15, 5 15, 5 5))", "water")),
                STYLE);
        VectorLayerRenderer renderer = renderer(source);
        // lon 19.05, lat 19.95: in both the field and the wood
        List<FeatureInfo> both = renderer.info(LAYER, view(), 190, 56);
        assertThat(both).extracting(FeatureInfo::id).containsExactly("wood", "field");
        assertThat(both.get(0).values()).containsOnlyKeys("name", "class");
        // 2.5 pixels east of the lake's edge: still the lake; 8 pixels: nothing
        assertThat(renderer.info(LAYER, view(), 152, 190))
                .extracting(FeatureInfo::id)
                .containsExactly("lake");
        assertThat(renderer.info(LAYER, view(), 158, 190)).isEmpty();
    }

    @Test
    void drawsAHundredThousandPolygonsIntoA256PixelMap() throws Exception {
        List<Feature> features = new ArrayList<>();
        java.util.Random random = new java.util.Random(1);
        for (int i = 0; i < 100_000; i++) {
            double x = random.nextDouble() * 25;
            double y = random.nextDouble() * 25;
            double s = 0.02 + random.nextDouble() * 0.3;
            features.add(feature(
                    "f" + i,
                    "POLYGON((" + x + " " + y + ", " + (x + s) + " " + y + ", " + (x + s) + " " + (y + s) + ", " + x
                            + " " + (y + s) + ", " + x + " " + y + "))",
                    i % 3 == 0 ? "water" : i % 3 == 1 ? "forest" : null));
        }
        var source = new InMemoryFeatureSource(TYPE, features, STYLE);
        VectorLayerRenderer renderer = renderer(source);
        draw(renderer, view()); // warm up
        long best = Long.MAX_VALUE;
        for (int run = 0; run < 3; run++) {
            long start = System.nanoTime();
            draw(renderer, view());
            best = Math.min(best, System.nanoTime() - start);
        }
        System.out.printf("100000 polygons into 256x256 px: %.0f ms%n", best / 1e6);
        assertThat(best / 1e9).isLessThan(30);
    }
}
