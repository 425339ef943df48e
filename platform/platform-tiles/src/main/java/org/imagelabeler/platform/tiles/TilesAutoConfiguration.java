package org.imagelabeler.platform.tiles;

import org.imagelabeler.platform.catalog.Catalog;
import org.imagelabeler.platform.config.PlatformCoreAutoConfiguration;
import org.imagelabeler.platform.datadir.DataDirectory;
import org.imagelabeler.platform.extension.ExtensionRegistry;
import org.imagelabeler.platform.ows.OwsAutoConfiguration;
import org.imagelabeler.platform.raster.RasterAutoConfiguration;
import org.imagelabeler.platform.render.LayerRenderers;
import org.imagelabeler.platform.security.SecuredCatalog;
import org.imagelabeler.platform.tiles.cache.DiskQuota;
import org.imagelabeler.platform.tiles.cache.TileCache;
import org.imagelabeler.platform.tiles.cache.TileCacheDiskUse;
import org.imagelabeler.platform.tiles.cache.TileCacheSettings;
import org.imagelabeler.platform.tiles.cache.TileCacheTruncator;
import org.imagelabeler.platform.tiles.cache.TileStore;
import org.imagelabeler.platform.tiles.cascade.CascadedLayerRenderer;
import org.imagelabeler.platform.tiles.cascade.RemoteLayerController;
import org.imagelabeler.platform.tiles.cascade.RemoteLayerPublisher;
import org.imagelabeler.platform.tiles.cascade.RemoteLayerRefresher;
import org.imagelabeler.platform.tiles.cascade.RemoteTileClients;
import org.imagelabeler.platform.tiles.cascade.RemoteTiles;
import org.imagelabeler.platform.tiles.grid.TileMatrixSets;
import org.imagelabeler.platform.tiles.seed.LayerSeeding;
import org.imagelabeler.platform.tiles.seed.SeedController;
import org.imagelabeler.platform.tiles.seed.TileSeedJob;
import org.imagelabeler.platform.tiles.wmts.NativeTiles;
import org.imagelabeler.platform.tiles.wmts.TileService;
import org.imagelabeler.platform.tiles.wmts.TiledLayers;
import org.imagelabeler.platform.tiles.wmts.WmtsConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/** Tile matrix sets, the tile cache, WMTS and cascaded remote WMTS layers. */
@AutoConfiguration(
        after = {PlatformCoreAutoConfiguration.class, RasterAutoConfiguration.class, OwsAutoConfiguration.class})
@Import({WmtsConfiguration.class, SeedController.class, RemoteLayerController.class})
public class TilesAutoConfiguration {

    @Bean
    org.imagelabeler.platform.web.menu.MenuEntry remoteStoresMenuEntry() {
        return new org.imagelabeler.platform.web.menu.MenuEntry(
                "wmts-stores",
                "Remote WMTS stores",
                org.imagelabeler.platform.tiles.web.RemoteStoresPage.class,
                org.imagelabeler.platform.web.menu.MenuEntry.DATA,
                120);
    }

    @Bean
    org.imagelabeler.platform.web.menu.MenuEntry coverageStoresMenuEntry() {
        return new org.imagelabeler.platform.web.menu.MenuEntry(
                "coverage-stores",
                "Coverage stores",
                org.imagelabeler.platform.tiles.web.CoverageStoresPage.class,
                org.imagelabeler.platform.web.menu.MenuEntry.DATA,
                115);
    }

    @Bean
    org.imagelabeler.platform.web.menu.MenuEntry tileCacheMenuEntry() {
        return new org.imagelabeler.platform.web.menu.MenuEntry(
                "tile-cache",
                "Tile cache",
                org.imagelabeler.platform.tiles.web.TileCachePage.class,
                org.imagelabeler.platform.web.menu.MenuEntry.DATA,
                130);
    }

    @Bean
    TileMatrixSets tileMatrixSets(DataDirectory dataDir) {
        return new TileMatrixSets(dataDir.root().resolve("gridsets")).load();
    }

    @Bean
    TileStore tileStore(DataDirectory dataDir, Catalog catalog) {
        DiskQuota quota = new DiskQuota(
                () -> TileCacheSettings.of(catalog.serviceSettings("wmts")).diskQuotaBytes());
        return new TileStore(dataDir.tiles(), quota);
    }

    /** Counts what the cache holds once the server is up, without delaying the start. */
    @Bean
    ApplicationListener<ApplicationReadyEvent> tileCacheScan(TileStore store) {
        return event -> {
            Thread t = new Thread(() -> store.quota().scan(store.root()), "tile-cache-scan");
            t.setDaemon(true);
            t.start();
        };
    }

    @Bean
    TileCacheDiskUse tileCacheDiskUse(TileStore store) {
        return new TileCacheDiskUse(store);
    }

    @Bean
    TileCache tileCache(TileStore store) {
        return new TileCache(store);
    }

    @Bean
    TileCacheTruncator tileCacheTruncator(TileStore store, Catalog catalog) {
        return new TileCacheTruncator(store, catalog);
    }

    @Bean
    LayerRenderers layerRenderers(ExtensionRegistry extensions) {
        return new LayerRenderers(extensions);
    }

    @Bean
    TiledLayers tiledLayers(SecuredCatalog secured, TileMatrixSets sets) {
        return new TiledLayers(secured, sets);
    }

    @Bean(destroyMethod = "close")
    RemoteTileClients remoteTileClients() {
        return new RemoteTileClients();
    }

    @Bean
    NativeTiles remoteTiles(Catalog catalog, RemoteTileClients clients) {
        return new RemoteTiles(catalog, clients);
    }

    @Bean
    RemoteLayerPublisher remoteLayerPublisher(Catalog catalog, TileMatrixSets sets) {
        return new RemoteLayerPublisher(catalog, sets);
    }

    @Bean(destroyMethod = "close")
    RemoteLayerRefresher remoteLayerRefresher(Catalog catalog) {
        return new RemoteLayerRefresher(catalog);
    }

    /** Reads the remote stores' capabilities again once the server is up, then every {@code labeler.cascade.refresh-hours}. */
    @Bean
    ApplicationListener<ApplicationReadyEvent> remoteLayerRefresh(
            RemoteLayerRefresher refresher,
            @org.springframework.beans.factory.annotation.Value("${labeler.cascade.refresh-hours:6}") long hours) {
        return event -> refresher.start(java.time.Duration.ofHours(hours));
    }

    @Bean(destroyMethod = "close")
    CascadedLayerRenderer cascadedLayerRenderer(TiledLayers layers, TileCache cache, NativeTiles nativeTiles) {
        return new CascadedLayerRenderer(layers, cache, nativeTiles);
    }

    @Bean
    TileService tileService(TiledLayers layers, TileCache cache, LayerRenderers renderers, NativeTiles nativeTiles) {
        return new TileService(layers, cache, renderers, nativeTiles);
    }

    @Bean
    TileSeedJob tileSeedJob(TileService tiles, TileCache cache) {
        return new TileSeedJob(tiles, cache);
    }

    @Bean
    LayerSeeding layerSeeding(
            SecuredCatalog secured,
            TileService tiles,
            TileSeedJob seeding,
            org.imagelabeler.platform.jobs.JobService jobs) {
        return new LayerSeeding(secured, tiles, seeding, jobs);
    }
}
