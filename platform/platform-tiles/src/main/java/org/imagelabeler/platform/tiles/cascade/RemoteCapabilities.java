package org.imagelabeler.platform.tiles.cascade;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.imagelabeler.platform.tiles.grid.TileMatrixSet;

/**
 * What a remote WMTS or WMS server offers, read from its capabilities document, for cascading its
 * layers.
 *
 * @param service {@code WMTS} or {@code WMS}
 * @param version the version the document declares, {@code 1.0.0}, {@code 1.3.0}, {@code 1.1.1}
 * @param layers the layers that can be requested, in document order (WMS: the named ones)
 * @param tileMatrixSets the WMTS tile matrix sets by identifier, in document order; empty for WMS
 * @param getTileKvpUrl the WMTS GetTile endpoint for KVP requests, or null when the server only
 *     offers RESTful {@link RemoteLayer#resourceUrls() templates} (or for WMS)
 * @param getMapUrl the WMS GetMap HTTP GET endpoint, or null (always null for WMTS)
 */
public record RemoteCapabilities(
        String service,
        String version,
        String title,
        List<RemoteLayer> layers,
        Map<String, TileMatrixSet> tileMatrixSets,
        String getTileKvpUrl,
        String getMapUrl) {

    public RemoteCapabilities {
        layers = List.copyOf(layers);
        tileMatrixSets = Collections.unmodifiableMap(new LinkedHashMap<>(tileMatrixSets));
    }

    /** The first layer with that identifier (WMS: that name), matched exactly. */
    public Optional<RemoteLayer> layer(String identifier) {
        return layers.stream().filter(l -> l.identifier().equals(identifier)).findFirst();
    }
}
