package org.imagelabeler.platform.tiles.cascade;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.imagelabeler.platform.catalog.BoundingBox;
import org.imagelabeler.platform.catalog.Catalog;
import org.imagelabeler.platform.catalog.LayerInfo;
import org.imagelabeler.platform.catalog.LayerKind;
import org.imagelabeler.platform.catalog.StoreInfo;
import org.imagelabeler.platform.tiles.grid.TileMatrixSet;
import org.imagelabeler.platform.tiles.grid.TileMatrixSets;
import org.imagelabeler.platform.tiles.wmts.TiledLayers;

/**
 * Publishes a layer of a remote WMTS as a layer of this server: its title, formats, tile matrix
 * sets and TIME values are copied from the capabilities into the data directory, so the layer
 * is advertised, and the server starts, without the remote.
 */
// not final: admin pages inject it through a Wicket proxy
public class RemoteLayerPublisher {

    private final Catalog catalog;
    private final TileMatrixSets matrixSets;

    public RemoteLayerPublisher(Catalog catalog, TileMatrixSets matrixSets) {
        this.catalog = catalog;
        this.matrixSets = matrixSets;
    }

    /**
     * @param name the layer's name here
     * @param title the title here, or null for the remote's
     */
    public LayerInfo publish(StoreInfo store, RemoteCapabilities caps, RemoteLayer remote, String name, String title) {
        if (remote.tileMatrixSets().isEmpty()) {
            throw new IllegalArgumentException(
                    "'" + remote.identifier() + "' has no tile matrix set: only WMTS layers can be cascaded");
        }
        Map<String, TileMatrixSet> sets = new LinkedHashMap<>(matrixSets.ofStore(store.id()));
        remote.tileMatrixSets().forEach(id -> sets.put(id, caps.tileMatrixSets().get(id)));
        matrixSets.saveForStore(store.id(), new ArrayList<>(sets.values()));

        if (caps.getTileKvpUrl() != null && !caps.getTileKvpUrl().equals(store.parameter(RemoteTiles.GET_TILE_URL))) {
            Map<String, String> parameters = new HashMap<>(store.parameters());
            parameters.put(RemoteTiles.GET_TILE_URL, caps.getTileKvpUrl());
            store = catalog.save(new StoreInfo(
                    store.id(),
                    store.workspaceId(),
                    store.name(),
                    store.kind(),
                    store.type(),
                    store.description(),
                    store.enabled(),
                    parameters,
                    store.created(),
                    Instant.now()));
        }

        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put(RemoteTiles.IDENTIFIER, remote.identifier());
        metadata.put(RemoteTiles.STYLE, remote.defaultStyle() != null ? remote.defaultStyle() : "default");
        metadata.put(TiledLayers.REMOTE_FORMATS, String.join(",", remote.formats()));
        metadata.put(TiledLayers.REMOTE_SETS, String.join(",", remote.tileMatrixSets()));
        for (ResourceTemplate t : remote.resourceUrls()) {
            if (t.isTile()) {
                metadata.put(RemoteTiles.TEMPLATE_PREFIX + t.format(), t.template());
            }
        }
        if (remote.time() != null && !remote.time().values().isEmpty()) {
            metadata.put("time.values", String.join(",", remote.time().values()));
            String def = remote.time().defaultValue();
            metadata.put(
                    "time.default",
                    def != null && !def.isBlank() ? def : remote.time().latest());
        }
        double[] b = remote.wgs84Bounds();
        BoundingBox geographic = b == null
                ? new BoundingBox(-180, -90, 180, 90, "EPSG:4326")
                : new BoundingBox(b[0], b[1], b[2], b[3], "EPSG:4326");
        TileMatrixSet first = sets.get(remote.tileMatrixSets().get(0));
        Instant now = Instant.now();
        return catalog.add(new LayerInfo(
                UUID.randomUUID().toString(),
                store.workspaceId(),
                store.id(),
                name,
                LayerKind.REMOTE,
                remote.identifier(),
                title != null && !title.isBlank() ? title : remote.title(),
                remote.abstractText(),
                List.of(),
                true,
                true,
                null,
                List.of(),
                first.crs(),
                first.crs().equals("EPSG:4326") ? geographic : null,
                geographic,
                metadata,
                now,
                now));
    }
}
