package org.imagelabeler.platform.app;

import java.awt.Color;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.imagelabeler.platform.catalog.Catalog;
import org.imagelabeler.platform.catalog.LayerInfo;
import org.imagelabeler.platform.catalog.LayerKind;
import org.imagelabeler.platform.feature.AttributeDescriptor;
import org.imagelabeler.platform.feature.AttributeType;
import org.imagelabeler.platform.feature.Feature;
import org.imagelabeler.platform.feature.FeatureSource;
import org.imagelabeler.platform.feature.FeatureSourceProvider;
import org.imagelabeler.platform.feature.FeatureType;
import org.imagelabeler.platform.feature.GeometryType;
import org.imagelabeler.platform.feature.VectorStyle;
import org.imagelabeler.platform.feature.VectorStyle.StyleClass;
import org.imagelabeler.platform.testing.InMemoryFeatureSource;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Vector layers for server tests, until a plugin publishes some: a feature source provider that
 * serves, for the vector layers of stores of type {@value #STORE_TYPE}, the in-memory source
 * named like the layer ({@code shapes}, or {@code hidden}, the same features). The layers
 * themselves are created by the tests through the catalog's REST API.
 */
@TestConfiguration(proxyBeanMethods = false)
class InMemoryVectorLayers {

    static final String STORE_TYPE = "InMemory";

    static final Color WATER = new Color(0x1f77b4);
    static final Color FOREST = new Color(0x2ca02c);
    static final Color URBAN = new Color(0xd62728);
    static final Color OTHER = new Color(0x7f7f7f);
    /** 0.4 of 255 */
    static final int FILL_ALPHA = 102;

    static final VectorStyle LAND_COVER = new VectorStyle(
            "class",
            List.of(
                    new StyleClass("water", "Water", WATER),
                    new StyleClass("forest", "Forest", FOREST),
                    new StyleClass("urban", "Urban", URBAN)),
            new StyleClass(null, "Other", OTHER),
            2f,
            0.4f);

    static final FeatureType TYPE = new FeatureType(
            "shapes",
            "Land cover",
            null,
            List.of(
                    AttributeDescriptor.geometry("geom", GeometryType.GEOMETRY),
                    AttributeDescriptor.of("name", AttributeType.STRING, false),
                    AttributeDescriptor.of("class", AttributeType.STRING, true),
                    AttributeDescriptor.of("area_km2", AttributeType.DOUBLE, true),
                    AttributeDescriptor.of("observed", AttributeType.DATETIME, true)));

    /** In drawing order; lon/lat. */
    static final InMemoryFeatureSource SHAPES = new InMemoryFeatureSource(
            TYPE,
            List.of(
                    feature("lake", "POLYGON((5 5, 15 5, 15 15, 5 15, 5 5), (9 9, 9 11, 11 11, 11 9, 9 9))", "water"),
                    feature("wood", "POLYGON((16 5, 20 5, 20 9, 16 9, 16 5))", "forest"),
                    feature("field", "POLYGON((16 17, 22 17, 22 23, 16 23, 16 17))", null),
                    feature("village", "POLYGON((18 19, 20 19, 20 21, 18 21, 18 19))", "urban"),
                    feature("road", "LINESTRING(1 24, 10 24)", "urban"),
                    feature("buoy", "POINT(30.5 40.25)", "water"),
                    feature("dateline", "POINT(-175 10)", "forest")),
            LAND_COVER);

    @Bean
    FeatureSourceProvider inMemoryFeatureSources(Catalog catalog) {
        Map<String, FeatureSource> byLayer = Map.of("shapes", SHAPES, "hidden", SHAPES);
        return (LayerInfo layer) -> {
            boolean ours = layer.kind() == LayerKind.VECTOR
                    && catalog.store(layer.storeId())
                            .map(s -> STORE_TYPE.equals(s.type()))
                            .orElse(false);
            return ours ? Optional.ofNullable(byLayer.get(layer.name())) : Optional.empty();
        };
    }

    private static Feature feature(String name, String wkt, String cls) {
        Map<String, Object> values = new LinkedHashMap<>();
        try {
            values.put("geom", new WKTReader().read(wkt));
        } catch (ParseException e) {
            throw new IllegalArgumentException(wkt, e);
        }
        values.put("name", name);
        values.put("class", cls);
        values.put("area_km2", name.equals("lake") ? 12.5 : null);
        values.put("observed", Instant.parse("2024-06-01T10:00:00Z"));
        return new Feature(name, values);
    }
}
