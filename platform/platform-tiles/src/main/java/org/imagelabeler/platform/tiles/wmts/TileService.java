package org.imagelabeler.platform.tiles.wmts;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.imagelabeler.platform.ows.OwsException;
import org.imagelabeler.platform.ows.wms.MapEncoding;
import org.imagelabeler.platform.ows.wms.MapImageWriter;
import org.imagelabeler.platform.render.LayerRenderer;
import org.imagelabeler.platform.render.LayerRenderers;
import org.imagelabeler.platform.tiles.cache.CachedTile;
import org.imagelabeler.platform.tiles.cache.TileCache;
import org.imagelabeler.platform.tiles.cache.TileCacheSettings;
import org.imagelabeler.platform.tiles.cache.TileFormat;
import org.imagelabeler.platform.tiles.cache.TileKey;
import org.imagelabeler.platform.tiles.cache.TileProducer;
import org.imagelabeler.platform.tiles.cache.TileProductionException;
import org.imagelabeler.platform.tiles.grid.TileMatrix;
import org.imagelabeler.platform.tiles.grid.TileMatrixSet;
import org.imagelabeler.platform.tiles.render.MetaTileRenderer;

/**
 * Answers GetTile, whether asked by KVP or by a RESTful URL: checks the request against the
 * layer (WMTS exception codes and locators), then takes the tile from the cache, which renders
 * or fetches it when missing.
 */
public final class TileService {

    public static final String TILE_OUT_OF_RANGE = "TileOutOfRange";

    /** ISO 8601 dates and instants, the only TIME values that reach the cache's directory names. */
    private static final Pattern TIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2}(T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?Z?)?");

    private final TiledLayers layers;
    private final TileCache cache;
    private final LayerRenderers renderers;
    private final NativeTiles nativeTiles;
    private final Map<String, byte[]> blanks = new ConcurrentHashMap<>();

    public TileService(TiledLayers layers, TileCache cache, LayerRenderers renderers, NativeTiles nativeTiles) {
        this.layers = layers;
        this.cache = cache;
        this.renderers = renderers;
        this.nativeTiles = nativeTiles;
    }

    public TiledLayers layers() {
        return layers;
    }

    public TileCacheSettings settings() {
        return TileCacheSettings.of(layers.catalog().serviceSettings("wmts"));
    }

    /** A resolved request: the layer, set, level and cache key. */
    public record Target(TiledLayer layer, TileMatrixSet set, TileMatrix matrix, TileKey key) {}

    public TileResponse tile(TileRequest request) {
        Target t = resolve(request);
        TileCacheSettings settings = settings();
        try {
            TileCache.Result result = cache.get(t.key(), t.matrix(), producer(t, settings));
            CachedTile tile = result.tile().orElseGet(() -> blank(t));
            return new TileResponse(tile, settings.maxAge(), result.hit());
        } catch (TileProductionException e) {
            String code = e.status() == 400 ? OwsException.INVALID_PARAMETER : OwsException.NO_APPLICABLE_CODE;
            throw new OwsException(code, e.status() == 400 ? "STYLE" : null, e.getMessage(), e.status(), e);
        }
    }

    /** Checks the request against the layer; every refusal names the parameter at fault. */
    public Target resolve(TileRequest r) {
        TiledLayer layer = layers.find(r.subject(), required(r.layer(), "LAYER"), r.workspace())
                .orElseThrow(() -> OwsException.invalid("LAYER", "unknown layer '" + r.layer() + "'"));
        return resolve(layer, r);
    }

    /** Checks the request against a layer already found (and its access checked). */
    public Target resolve(TiledLayer layer, TileRequest r) {
        String style = r.style() == null || r.style().isBlank() || r.style().equalsIgnoreCase(TileKey.DEFAULT)
                ? layer.styles().get(0)
                : r.style();
        if (!layer.styles().contains(style)) {
            throw OwsException.invalid(
                    "STYLE", "style '" + style + "' is not one of the layer's styles " + layer.styles());
        }
        TileFormat format = TileFormat.of(required(r.format(), "FORMAT"))
                .filter(layer.formats()::contains)
                .orElseThrow(() -> OwsException.invalid(
                        "FORMAT",
                        "format '" + r.format() + "' is not offered; use one of "
                                + layer.formats().stream()
                                        .map(TileFormat::mimeType)
                                        .toList()));
        TileMatrixSet set = layer.set(required(r.tileMatrixSet(), "TILEMATRIXSET"))
                .orElseThrow(() -> OwsException.invalid(
                        "TILEMATRIXSET",
                        "tile matrix set '" + r.tileMatrixSet() + "' is not offered for this layer; use one of "
                                + layer.sets().stream()
                                        .map(TileMatrixSet::identifier)
                                        .toList()));
        int zoom = set.indexOf(required(r.tileMatrix(), "TILEMATRIX"));
        if (zoom < 0) {
            throw OwsException.invalid(
                    "TILEMATRIX", "tile matrix '" + r.tileMatrix() + "' is not in " + set.identifier());
        }
        TileMatrix matrix = set.matrices().get(zoom);
        long row = index(r.row(), "TILEROW");
        long column = index(r.column(), "TILECOL");
        if (row < 0 || row >= matrix.matrixHeight()) {
            throw outOfRange("TILEROW", row, matrix.matrixHeight(), matrix);
        }
        if (column < 0 || column >= matrix.matrixWidth()) {
            throw outOfRange("TILECOL", column, matrix.matrixWidth(), matrix);
        }
        String time = time(layer, r.time());
        String styleKey = style.equals(layer.styles().get(0)) ? TileKey.DEFAULT : style;
        return new Target(
                layer,
                set,
                matrix,
                new TileKey(layer.layer().id(), set.identifier(), styleKey, time, format, zoom, row, column));
    }

    public TileProducer producer(Target t, TileCacheSettings settings) {
        if (t.layer().isNative(t.set())) {
            return nativeTiles.producer(t.layer().layer(), t.set(), t.matrix());
        }
        LayerRenderer renderer = renderers
                .of(t.layer().layer())
                .orElseThrow(() -> new OwsException(
                        OwsException.NO_APPLICABLE_CODE,
                        "LAYER",
                        "layer '" + t.layer().name() + "' cannot be drawn",
                        500,
                        null));
        return new MetaTileRenderer(
                renderer,
                t.layer().layer(),
                t.set(),
                t.matrix(),
                settings.metaTiling(),
                MapEncoding.of(layers.catalog().serviceSettings("wms")));
    }

    /**
     * The TIME of the cache key: the layer's default when none is asked, so that each cached
     * tile names the date it shows; refused when the layer has no such value.
     */
    private static String time(TiledLayer layer, String asked) {
        if (layer.time() == null) {
            return TileKey.DEFAULT;
        }
        String t = asked == null || asked.isBlank() || asked.equalsIgnoreCase("default")
                ? layer.time().defaultValue()
                : asked.trim();
        if (t == null || t.isBlank()) {
            return TileKey.DEFAULT;
        }
        if (!TIME.matcher(t).matches() || !layer.time().allows(t)) {
            throw OwsException.invalid(
                    "TIME",
                    "time '" + t + "' is not among the layer's values "
                            + layer.time().values());
        }
        return t;
    }

    private static OwsException outOfRange(String parameter, long value, long size, TileMatrix matrix) {
        return new OwsException(
                TILE_OUT_OF_RANGE,
                parameter,
                parameter + " " + value + " is outside tile matrix " + matrix.identifier() + " (0 to " + (size - 1)
                        + ")",
                400,
                null);
    }

    private static String required(String value, String parameter) {
        if (value == null || value.isBlank()) {
            throw OwsException.missing(parameter);
        }
        return value;
    }

    private static long index(String value, String parameter) {
        try {
            return Long.parseLong(required(value, parameter).trim());
        } catch (NumberFormatException e) {
            throw OwsException.invalid(parameter, parameter + " must be an integer, got '" + value + "'");
        }
    }

    /** An empty tile, for places the remote has no data: transparent PNG, white JPEG. */
    private CachedTile blank(Target t) {
        TileFormat f = t.key().format();
        int w = t.matrix().tileWidth();
        int h = t.matrix().tileHeight();
        byte[] body = blanks.computeIfAbsent(f + "/" + w + "x" + h, k -> {
            BufferedImage image = new BufferedImage(
                    w, h, f == TileFormat.PNG ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
            if (f == TileFormat.JPEG) {
                var g = image.createGraphics();
                g.setColor(Color.WHITE);
                g.fillRect(0, 0, w, h);
                g.dispose();
            }
            try {
                return MapImageWriter.encode(image, f.mimeType(), MapEncoding.DEFAULT);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        return new CachedTile(body, f.mimeType(), Instant.EPOCH);
    }
}
