package org.imagelabeler.platform.tiles.cascade;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.imagelabeler.platform.catalog.Catalog;
import org.imagelabeler.platform.catalog.LayerInfo;
import org.imagelabeler.platform.catalog.LayerKind;
import org.imagelabeler.platform.catalog.StoreInfo;
import org.imagelabeler.platform.catalog.StoreKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the TIME values of cascaded layers current: GIBS adds a day every day, and its documents
 * list only recent periods. At start-up and then periodically, each WMTS store's capabilities
 * are read again and its layers' {@code time.values} and {@code time.default} updated. A remote
 * that cannot be reached changes nothing: the layers keep the values they have.
 */
public final class RemoteLayerRefresher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RemoteLayerRefresher.class);

    private final Catalog catalog;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "remote-layer-refresh");
        t.setDaemon(true);
        return t;
    });

    public RemoteLayerRefresher(Catalog catalog) {
        this.catalog = catalog;
    }

    /** Refreshes now (in the background) and then every {@code period}; zero disables it. */
    public void start(Duration period) {
        if (period.isZero() || period.isNegative()) {
            return;
        }
        scheduler.scheduleWithFixedDelay(this::refreshAll, 0, period.toMinutes(), TimeUnit.MINUTES);
    }

    private void refreshAll() {
        for (var ws : catalog.workspaces()) {
            for (StoreInfo store : catalog.stores(ws)) {
                if (store.kind() == StoreKind.WMTS && store.enabled()) {
                    try {
                        int changed = refresh(store);
                        if (changed > 0) {
                            LOG.info(
                                    "Time values of {} layers of store {} updated from the remote",
                                    changed,
                                    store.name());
                        }
                    } catch (CapabilitiesException | RuntimeException e) {
                        LOG.warn("Cannot refresh the layers of WMTS store {}: {}", store.name(), e.getMessage());
                    }
                }
            }
        }
    }

    /** Updates the time values of the store's layers from its capabilities; returns how many changed. */
    public int refresh(StoreInfo store) throws CapabilitiesException {
        RemoteCapabilities caps = CapabilitiesFetcher.fetch(
                URI.create(store.parameter(StoreInfo.CAPABILITIES_URL)), RemoteTileClients.settings(store));
        int changed = 0;
        for (LayerInfo layer : catalog.layers(store)) {
            if (layer.kind() != LayerKind.REMOTE) {
                continue;
            }
            String identifier = layer.metadata().getOrDefault(RemoteTiles.IDENTIFIER, layer.nativeName());
            var remote = caps.layer(identifier);
            if (remote.isEmpty()
                    || remote.get().time() == null
                    || remote.get().time().values().isEmpty()) {
                continue;
            }
            TimeDimension time = remote.get().time();
            String values = String.join(",", time.values());
            String def =
                    time.defaultValue() != null && !time.defaultValue().isBlank() ? time.defaultValue() : time.latest();
            if (Objects.equals(values, layer.metadata().get("time.values"))
                    && Objects.equals(def, layer.metadata().get("time.default"))) {
                continue;
            }
            Map<String, String> metadata = new LinkedHashMap<>(layer.metadata());
            metadata.put("time.values", values);
            metadata.put("time.default", def);
            catalog.save(new LayerInfo(
                    layer.id(),
                    layer.workspaceId(),
                    layer.storeId(),
                    layer.name(),
                    layer.kind(),
                    layer.nativeName(),
                    layer.title(),
                    layer.abstractText(),
                    layer.keywords(),
                    layer.enabled(),
                    layer.advertised(),
                    layer.defaultStyle(),
                    layer.styles(),
                    layer.nativeCrs(),
                    layer.nativeBounds(),
                    layer.geographicBounds(),
                    metadata,
                    layer.created(),
                    Instant.now()));
            changed++;
        }
        return changed;
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
