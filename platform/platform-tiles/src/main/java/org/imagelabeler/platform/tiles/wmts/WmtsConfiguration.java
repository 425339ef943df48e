package org.imagelabeler.platform.tiles.wmts;

import org.imagelabeler.platform.ows.OwsOperation;
import org.imagelabeler.platform.ows.ResponseWriter;
import org.imagelabeler.platform.render.LayerRenderers;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** WMTS 1.0.0: the service, its KVP operations, the tile writer and the RESTful endpoints. */
@Configuration(proxyBeanMethods = false)
@Import(WmtsRestController.class)
public class WmtsConfiguration {

    @Bean
    WmtsService wmtsService() {
        return new WmtsService();
    }

    @Bean
    OwsOperation wmtsGetCapabilities(TiledLayers layers) {
        return new WmtsGetCapabilities(layers);
    }

    @Bean
    OwsOperation wmtsGetTile(TileService tiles) {
        return new GetTileOperation(tiles);
    }

    @Bean
    OwsOperation wmtsGetFeatureInfo(TileService tiles, LayerRenderers renderers) {
        return new WmtsGetFeatureInfo(tiles, renderers);
    }

    @Bean
    org.springframework.boot.web.servlet.ServletRegistrationBean<WmtsRestTileServlet> wmtsRestTiles(TileService tiles) {
        var registration = new org.springframework.boot.web.servlet.ServletRegistrationBean<>(
                new WmtsRestTileServlet(tiles), "/wmts/rest/*");
        registration.setName("wmtsRestTiles");
        registration.setLoadOnStartup(1);
        return registration;
    }

    @Bean
    ResponseWriter tileResponseWriter() {
        return new TileResponseWriter();
    }
}
