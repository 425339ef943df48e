package org.imagelabeler.platform.tiles.cascade;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.imagelabeler.platform.catalog.CatalogEvent;
import org.imagelabeler.platform.catalog.CatalogListener;
import org.imagelabeler.platform.catalog.StoreInfo;

/**
 * One remote tile client per WMTS store, built from the store's settings ({@code
 * maxConnections}, {@code connectTimeout}, {@code readTimeout} in seconds), rebuilt when the
 * store changes.
 */
public final class RemoteTileClients implements CatalogListener, AutoCloseable {

    private final Map<String, RemoteTileClient> clients = new ConcurrentHashMap<>();

    public RemoteTileClient of(StoreInfo store) {
        return clients.computeIfAbsent(store.id(), id -> new RemoteTileClient(settings(store)));
    }

    /** The client settings a store asks for, defaults for what it leaves out. */
    public static RemoteTileClient.Settings settings(StoreInfo store) {
        RemoteTileClient.Settings d = RemoteTileClient.Settings.DEFAULT;
        return new RemoteTileClient.Settings(
                seconds(store, "connectTimeout", d.connectTimeout()),
                seconds(store, "readTimeout", d.readTimeout()),
                (int) number(store, "maxConnections", d.maxConnectionsPerHost()),
                d.retries(),
                d.retryBackoff(),
                d.maxTileBytes());
    }

    private static Duration seconds(StoreInfo store, String key, Duration otherwise) {
        long v = number(store, key, -1);
        return v > 0 ? Duration.ofSeconds(v) : otherwise;
    }

    private static long number(StoreInfo store, String key, long otherwise) {
        String v = store.parameter(key);
        try {
            return v == null ? otherwise : Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            return otherwise;
        }
    }

    @Override
    public void onChange(CatalogEvent event) {
        if (event.type() != CatalogEvent.Type.ADDED && event.before() instanceof StoreInfo store) {
            RemoteTileClient old = clients.remove(store.id());
            if (old != null) {
                old.close();
            }
        }
    }

    @Override
    public void close() {
        clients.values().forEach(RemoteTileClient::close);
        clients.clear();
    }
}
