package org.imagelabeler.platform.tiles.grid;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.imagelabeler.platform.datadir.AtomicFileWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The tile matrix sets of the data directory: {@code gridsets/<id>.json} for the sets every
 * layer is offered in (the two well-known ones are written there on first start, and may be
 * joined by others), and {@code gridsets/stores/<store id>/<id>.json} for the native sets of a
 * remote WMTS store, which only that store's layers use.
 */
public final class TileMatrixSets {

    private static final Logger LOG = LoggerFactory.getLogger(TileMatrixSets.class);

    private final Path dir;
    private final ObjectMapper json =
            JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
    private final Map<String, TileMatrixSet> global = new ConcurrentHashMap<>();
    private final Map<String, Map<String, TileMatrixSet>> byStore = new ConcurrentHashMap<>();

    public TileMatrixSets(Path dir) {
        this.dir = dir;
    }

    /** Reads the directory, writing the well-known sets first when they are missing. */
    public TileMatrixSets load() {
        for (TileMatrixSet set : WellKnownTileMatrixSets.all()) {
            Path file = dir.resolve(set.identifier() + ".json");
            if (!Files.exists(file)) {
                write(file, set);
            }
        }
        global.clear();
        global.putAll(readAll(dir));
        byStore.clear();
        Path stores = dir.resolve("stores");
        if (Files.isDirectory(stores)) {
            try (Stream<Path> list = Files.list(stores)) {
                list.filter(Files::isDirectory)
                        .forEach(s -> byStore.put(s.getFileName().toString(), readAll(s)));
            } catch (IOException e) {
                LOG.warn("Cannot list {}", stores, e);
            }
        }
        return this;
    }

    /** The sets every layer is offered in, well-known ones first. */
    public List<TileMatrixSet> global() {
        List<TileMatrixSet> all = new ArrayList<>();
        for (TileMatrixSet wk : WellKnownTileMatrixSets.all()) {
            all.add(global.getOrDefault(wk.identifier(), wk));
        }
        global.values().stream()
                .filter(s -> all.stream().noneMatch(a -> a.identifier().equals(s.identifier())))
                .sorted(java.util.Comparator.comparing(TileMatrixSet::identifier))
                .forEach(all::add);
        return all;
    }

    public Optional<TileMatrixSet> global(String identifier) {
        return global().stream().filter(s -> s.identifier().equals(identifier)).findFirst();
    }

    public Map<String, TileMatrixSet> ofStore(String storeId) {
        return byStore.getOrDefault(storeId, Map.of());
    }

    /** Replaces the native sets of a remote store. */
    public void saveForStore(String storeId, List<TileMatrixSet> sets) {
        Path storeDir = dir.resolve("stores").resolve(storeId);
        Map<String, TileMatrixSet> saved = new ConcurrentHashMap<>();
        for (TileMatrixSet set : sets) {
            write(storeDir.resolve(fileName(set.identifier())), set);
            saved.put(set.identifier(), set);
        }
        byStore.put(storeId, saved);
    }

    public void removeStore(String storeId) {
        AtomicFileWriter.delete(dir.resolve("stores").resolve(storeId));
        byStore.remove(storeId);
    }

    private Map<String, TileMatrixSet> readAll(Path d) {
        Map<String, TileMatrixSet> sets = new ConcurrentHashMap<>();
        if (!Files.isDirectory(d)) {
            return sets;
        }
        try (Stream<Path> files = Files.list(d)) {
            files.filter(f -> f.getFileName().toString().endsWith(".json") && !AtomicFileWriter.isTemporary(f))
                    .forEach(f -> {
                        try {
                            TileMatrixSet set = json.readValue(f.toFile(), TileMatrixSet.class);
                            sets.put(set.identifier(), set);
                        } catch (IOException | IllegalArgumentException e) {
                            LOG.warn("Skipping the tile matrix set {}: {}", f, e.getMessage());
                        }
                    });
        } catch (IOException e) {
            LOG.warn("Cannot list {}", d, e);
        }
        return sets;
    }

    private void write(Path file, TileMatrixSet set) {
        try {
            AtomicFileWriter.write(file, json.writeValueAsBytes(set));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Identifiers such as {@code EPSG4326_250m} or {@code 15.625m} are safe; others are encoded. */
    private static String fileName(String identifier) {
        return java.net.URLEncoder.encode(identifier, java.nio.charset.StandardCharsets.UTF_8) + ".json";
    }
}
