package org.imagelabeler.platform.tiles.wmts;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.imagelabeler.platform.catalog.Catalog;
import org.imagelabeler.platform.catalog.LayerInfo;
import org.imagelabeler.platform.catalog.LayerKind;
import org.imagelabeler.platform.security.SecuredCatalog;
import org.imagelabeler.platform.security.Subject;
import org.imagelabeler.platform.tiles.cache.TileFormat;
import org.imagelabeler.platform.tiles.grid.TileMatrixSet;
import org.imagelabeler.platform.tiles.grid.TileMatrixSets;

/**
 * The layers WMTS serves, seen through the access policy: a layer the caller may not read is
 * reported exactly as one that does not exist. Every layer has tiles in the global tile matrix
 * sets; a cascaded layer also in its remote store's own sets, listed in its metadata
 * ({@code remote.tileMatrixSets}, {@code remote.formats}).
 */
public final class TiledLayers {

    public static final String REMOTE_SETS = "remote.tileMatrixSets";
    public static final String REMOTE_FORMATS = "remote.formats";

    private final SecuredCatalog secured;
    private final TileMatrixSets matrixSets;

    public TiledLayers(SecuredCatalog secured, TileMatrixSets matrixSets) {
        this.secured = secured;
        this.matrixSets = matrixSets;
    }

    public Catalog catalog() {
        return secured.unsecured();
    }

    public TileMatrixSets matrixSets() {
        return matrixSets;
    }

    /** The layers to advertise to {@code subject}, within {@code workspace} when not null. */
    public List<TiledLayer> readable(Subject subject, String workspace) {
        List<LayerInfo> layers = workspace == null
                ? secured.layers(subject)
                : secured.workspace(subject, workspace)
                        .map(ws -> secured.layers(subject, ws))
                        .orElse(List.of());
        return layers.stream()
                .filter(l -> l.enabled() && l.advertised())
                .map(l -> tiled(l, workspace == null ? catalog().qualifiedName(l) : l.name()))
                .toList();
    }

    /**
     * The layer named {@code name} ({@code ws:layer}, or {@code layer} within a virtual
     * service's workspace) if {@code subject} may read it.
     */
    public Optional<TiledLayer> find(Subject subject, String name, String workspace) {
        String trimmed = name.trim();
        int colon = trimmed.indexOf(':');
        String ws = colon > 0 ? trimmed.substring(0, colon) : workspace;
        String layerName = colon > 0 ? trimmed.substring(colon + 1) : trimmed;
        if (ws == null || (workspace != null && !workspace.equals(ws))) {
            return Optional.empty();
        }
        return secured.layer(subject, ws, layerName).filter(LayerInfo::enabled).map(l -> tiled(l, trimmed));
    }

    /**
     * Tiled views already made, by layer id and name; an entry holds while the catalog hands out
     * the same layer object (a change replaces it), so a tile request does not rebuild its lists.
     */
    private final java.util.Map<String, TiledLayer> made = new java.util.concurrent.ConcurrentHashMap<>();

    /** The tiled view of a layer, whoever asks (seeding, truncation). */
    public TiledLayer tiled(LayerInfo layer, String name) {
        String key = layer.id() + "|" + name;
        TiledLayer cached = made.get(key);
        if (cached != null && cached.layer() == layer) {
            return cached;
        }
        TiledLayer fresh = build(layer, name);
        made.put(key, fresh);
        return fresh;
    }

    private TiledLayer build(LayerInfo layer, String name) {
        List<TileMatrixSet> nativeSets = new ArrayList<>();
        List<TileFormat> formats = new ArrayList<>();
        if (layer.kind() == LayerKind.REMOTE) {
            Map<String, TileMatrixSet> ofStore = matrixSets.ofStore(layer.storeId());
            for (String id : list(layer.metadata().get(REMOTE_SETS))) {
                TileMatrixSet set = ofStore.get(id);
                if (set != null) {
                    nativeSets.add(set);
                }
            }
            for (String f : list(layer.metadata().get(REMOTE_FORMATS))) {
                TileFormat.of(f).filter(t -> !formats.contains(t)).ifPresent(formats::add);
            }
        }
        for (TileFormat f : TileFormat.values()) {
            if (!formats.contains(f)) {
                formats.add(f);
            }
        }
        List<TileMatrixSet> sets = new ArrayList<>(nativeSets);
        matrixSets.global().stream()
                .filter(g -> nativeSets.stream().noneMatch(n -> n.identifier().equals(g.identifier())))
                .forEach(sets::add);
        return new TiledLayer(layer, name, sets, nativeSets, formats, layer.styleNames(), time(layer));
    }

    private static TiledLayer.TimeValues time(LayerInfo layer) {
        String values = layer.metadata().get("time.values");
        if (values == null || values.isBlank()) {
            return null;
        }
        return new TiledLayer.TimeValues(layer.metadata().get("time.default"), list(values));
    }

    private static List<String> list(String commaSeparated) {
        if (commaSeparated == null || commaSeparated.isBlank()) {
            return List.of();
        }
        return Arrays.stream(commaSeparated.split(","))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .toList();
    }
}
