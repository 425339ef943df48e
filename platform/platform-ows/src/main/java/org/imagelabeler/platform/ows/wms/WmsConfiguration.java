package org.imagelabeler.platform.ows.wms;

import org.imagelabeler.platform.extension.ExtensionRegistry;
import org.imagelabeler.platform.feature.FeatureSources;
import org.imagelabeler.platform.ows.wms.legend.Legends;
import org.imagelabeler.platform.ows.wms.vector.VectorLayerRenderer;
import org.imagelabeler.platform.security.SecuredCatalog;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The WMS: its descriptor, operations and output formats, as beans the dispatcher finds, and the
 * renderer of vector layers (WMS, tiles and extraction all draw through it).
 */
@Configuration(proxyBeanMethods = false)
public class WmsConfiguration {

    @Bean
    WmsService wmsService() {
        return new WmsService();
    }

    @Bean
    WmsLayers wmsLayers(SecuredCatalog catalog) {
        return new WmsLayers(catalog);
    }

    @Bean
    WmsMapRenderer wmsMapRenderer(ExtensionRegistry extensions) {
        return new WmsMapRenderer(extensions);
    }

    @Bean
    GetCapabilitiesOperation wmsGetCapabilities(WmsLayers layers, Legends legends) {
        return new GetCapabilitiesOperation(new WmsCapabilities(layers, legends));
    }

    @Bean
    GetMapOperation wmsGetMap(WmsLayers layers, WmsMapRenderer renderer) {
        return new GetMapOperation(layers, renderer);
    }

    @Bean
    GetFeatureInfoOperation wmsGetFeatureInfo(WmsLayers layers, WmsMapRenderer renderer) {
        return new GetFeatureInfoOperation(layers, renderer);
    }

    @Bean
    GetLegendGraphicOperation wmsGetLegendGraphic(WmsLayers layers, Legends legends) {
        return new GetLegendGraphicOperation(layers, legends);
    }

    @Bean
    Legends wmsLegends(FeatureSources sources) {
        return new Legends(sources);
    }

    @Bean
    VectorLayerRenderer vectorLayerRenderer(FeatureSources sources) {
        return new VectorLayerRenderer(sources);
    }

    @Bean
    MapImageWriter mapImageWriter() {
        return new MapImageWriter();
    }

    @Bean
    FeatureInfoWriter featureInfoWriter() {
        return new FeatureInfoWriter();
    }
}
