package org.imagelabeler.platform.tiles.cascade;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.imagelabeler.platform.catalog.Catalog;
import org.imagelabeler.platform.catalog.LayerInfo;
import org.imagelabeler.platform.catalog.StoreInfo;
import org.imagelabeler.platform.ows.wms.MapEncoding;
import org.imagelabeler.platform.ows.wms.MapImageWriter;
import org.imagelabeler.platform.tiles.cache.TileFormat;
import org.imagelabeler.platform.tiles.cache.TileKey;
import org.imagelabeler.platform.tiles.cache.TileProducer;
import org.imagelabeler.platform.tiles.cache.TileProductionException;
import org.imagelabeler.platform.tiles.grid.TileMatrix;
import org.imagelabeler.platform.tiles.grid.TileMatrixSet;
import org.imagelabeler.platform.tiles.wmts.NativeTiles;
import org.imagelabeler.platform.tiles.wmts.TiledLayers;

/**
 * Fetches the tiles of cascaded layers from their remote WMTS, one tile at a time, by the
 * layer's RESTful template when the remote has one, else by KVP GetTile. The remote layer is
 * described by the layer's metadata, written when it was published:
 * {@code remote.identifier}, {@code remote.style}, {@code remote.formats},
 * {@code remote.template.<format>}, and the store's {@code getTileURL} (KVP endpoint).
 * A tile asked in a format the remote does not offer is fetched in the remote's first format and
 * converted.
 */
public final class RemoteTiles implements NativeTiles {

    public static final String IDENTIFIER = "remote.identifier";
    public static final String STYLE = "remote.style";
    public static final String TEMPLATE_PREFIX = "remote.template.";
    /** Store parameter: the remote's KVP GetTile endpoint. */
    public static final String GET_TILE_URL = "getTileURL";

    private final Catalog catalog;
    private final RemoteTileClients clients;

    public RemoteTiles(Catalog catalog, RemoteTileClients clients) {
        this.catalog = catalog;
        this.clients = clients;
    }

    @Override
    public TileProducer producer(LayerInfo layer, TileMatrixSet set, TileMatrix matrix) {
        return new TileProducer() {
            @Override
            public int metaSize() {
                return 1;
            }

            @Override
            public Map<TileKey, byte[]> produce(TileKey first, int rows, int columns) throws TileProductionException {
                return fetch(layer, set, matrix, first)
                        .map(b -> Map.of(first, b))
                        .orElse(Map.of());
            }
        };
    }

    private Optional<byte[]> fetch(LayerInfo layer, TileMatrixSet set, TileMatrix matrix, TileKey key)
            throws TileProductionException {
        StoreInfo store = catalog.store(layer.storeId())
                .orElseThrow(() -> new TileProductionException(500, "layer " + layer.name() + " has no store", null));
        List<String> remoteFormats = Arrays.stream(layer.metadata()
                        .getOrDefault(TiledLayers.REMOTE_FORMATS, "")
                        .split(","))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .toList();
        String wanted = key.format().mimeType();
        String format = remoteFormats.stream()
                .filter(f -> TileFormat.of(f).orElse(null) == key.format())
                .findFirst()
                .orElse(remoteFormats.isEmpty() ? wanted : remoteFormats.get(0));
        URI uri = uri(layer, store, set, matrix, key, format);
        try {
            Optional<RemoteTile> tile = clients.of(store).fetch(uri);
            if (tile.isEmpty()) {
                return Optional.empty();
            }
            byte[] body = tile.get().body();
            Optional<TileFormat> got = TileFormat.of(tile.get().contentType());
            return Optional.of(got.orElse(null) == key.format() ? body : convert(body, key.format()));
        } catch (RemoteTileException e) {
            throw new TileProductionException(e.status(), "remote layer " + layer.name() + ": " + e.getMessage(), e);
        }
    }

    private static URI uri(
            LayerInfo layer, StoreInfo store, TileMatrixSet set, TileMatrix matrix, TileKey key, String format)
            throws TileProductionException {
        Map<String, String> meta = layer.metadata();
        String identifier = meta.getOrDefault(IDENTIFIER, layer.name());
        String style = meta.getOrDefault(STYLE, "default");
        String template = meta.get(TEMPLATE_PREFIX + format);
        boolean timed = !TileKey.DEFAULT.equals(key.time());
        if (template != null) {
            Map<String, String> values = new HashMap<>();
            values.put("TileMatrixSet", set.identifier());
            values.put("TileMatrix", matrix.identifier());
            values.put("TileRow", Long.toString(key.row()));
            values.put("TileCol", Long.toString(key.column()));
            values.put("Style", style);
            values.put("Time", timed ? key.time() : meta.getOrDefault("time.default", "default"));
            return TileUrls.fromTemplate(template, values);
        }
        String endpoint = store.parameter(GET_TILE_URL);
        if (endpoint == null) {
            throw new TileProductionException(
                    502, "the remote of " + layer.name() + " has neither a tile URL template nor a GetTile URL", null);
        }
        return TileUrls.kvp(
                endpoint,
                identifier,
                style,
                set.identifier(),
                matrix.identifier(),
                key.row(),
                key.column(),
                format,
                timed ? Map.of("TIME", key.time()) : Map.of());
    }

    private static byte[] convert(byte[] body, TileFormat format) throws TileProductionException {
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(body));
            if (image == null) {
                throw new TileProductionException(502, "the remote sent a tile no decoder reads", null);
            }
            return MapImageWriter.encode(image, format.mimeType(), MapEncoding.DEFAULT);
        } catch (IOException e) {
            throw new TileProductionException(502, "the remote sent a broken tile: " + e.getMessage(), e);
        }
    }
}
