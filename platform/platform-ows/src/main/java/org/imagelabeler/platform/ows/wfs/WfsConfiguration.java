package org.imagelabeler.platform.ows.wfs;

import org.imagelabeler.platform.feature.FeatureSources;
import org.imagelabeler.platform.ows.OwsOperation;
import org.imagelabeler.platform.ows.ResponseWriter;
import org.imagelabeler.platform.security.SecuredCatalog;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.support.TransactionTemplate;

/** The WFS: its service descriptor, operations and output formats, as dispatcher extensions. */
@Configuration(proxyBeanMethods = false)
public class WfsConfiguration {

    private final WfsLayers layers;
    private final WfsLimits limits;
    private final GetFeatureReader reader;

    private final WfsFilters filters;

    public WfsConfiguration(SecuredCatalog catalog, FeatureSources sources) {
        this.layers = new WfsLayers(catalog, sources);
        this.limits = new WfsLimits(catalog.unsecured());
        this.filters = new WfsFilters(layers);
        this.reader = new GetFeatureReader(layers, filters, limits);
    }

    @Bean
    WfsService wfsService() {
        return new WfsService();
    }

    @Bean
    OwsOperation wfsGetCapabilities() {
        return new GetCapabilitiesOperation(new WfsCapabilities(layers, limits));
    }

    @Bean
    OwsOperation wfsDescribeFeatureType() {
        return new DescribeFeatureTypeOperation(layers);
    }

    @Bean
    OwsOperation wfsGetFeature() {
        return new GetFeatureOperation("GetFeature", reader);
    }

    @Bean
    OwsOperation wfsGetPropertyValue() {
        return new GetFeatureOperation("GetPropertyValue", reader);
    }

    @Bean
    OwsOperation wfsListStoredQueries() {
        return new StoredQueriesOperation("ListStoredQueries", layers);
    }

    @Bean
    OwsOperation wfsDescribeStoredQueries() {
        return new StoredQueriesOperation("DescribeStoredQueries", layers);
    }

    @Bean
    OwsOperation wfsTransaction(TransactionTemplate tx) {
        return new TransactionOperation(new TransactionReader(layers, filters), layers, tx);
    }

    @Bean
    ResponseWriter wfsGmlWriter() {
        return new GmlFeatureWriter();
    }

    @Bean
    ResponseWriter wfsGeoJsonWriter() {
        return new GeoJsonFeatureWriter();
    }
}
