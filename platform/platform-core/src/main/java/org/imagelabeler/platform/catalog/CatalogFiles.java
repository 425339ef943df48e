package org.imagelabeler.platform.catalog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.imagelabeler.platform.datadir.AtomicFileWriter;
import org.imagelabeler.platform.datadir.DataDirectory;

/**
 * The catalog's persistence: one JSON file per object in the data directory, written atomically,
 * read back in parallel. Unknown properties are ignored so that an older server reads a newer
 * data dir.
 */
public final class CatalogFiles {

    static final String WORKSPACE_FILE = "workspace.json";
    static final String STORE_FILE = "store.json";
    static final String LAYER_FILE = "layer.json";

    private final DataDirectory dataDir;
    private final ObjectMapper json = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    public CatalogFiles(DataDirectory dataDir) {
        this.dataDir = dataDir;
    }

    /** Everything the data dir holds, plus the files that could not be read. */
    public record Contents(
            List<WorkspaceInfo> workspaces,
            List<StoreInfo> stores,
            List<LayerInfo> layers,
            List<StyleInfo> styles,
            List<LoadProblem> problems,
            Map<CatalogInfo, Path> locations) {

        /** The file an object was read from. */
        public Path location(CatalogInfo info) {
            return locations.get(info);
        }
    }

    private record Parsed(CatalogInfo info, Path file, LoadProblem problem) {}

    public Contents load() {
        List<Path> files = new ArrayList<>();
        files.addAll(find(dataDir.workspaces(), 2, WORKSPACE_FILE));
        files.addAll(find(dataDir.workspaces(), 3, STORE_FILE));
        files.addAll(find(dataDir.workspaces(), 4, LAYER_FILE));
        files.addAll(find(dataDir.styles(), 1, ".json"));

        List<Parsed> parsed = files.parallelStream().map(this::parse).toList();

        var result = new Contents(
                new ArrayList<>(),
                new ArrayList<>(),
                new ArrayList<>(),
                new ArrayList<>(),
                new ArrayList<>(),
                new IdentityHashMap<>());
        for (Parsed p : parsed) {
            if (p.problem() != null) {
                result.problems().add(p.problem());
                continue;
            }
            result.locations().put(p.info(), p.file());
            if (p.info() instanceof WorkspaceInfo w) {
                result.workspaces().add(w);
            } else if (p.info() instanceof StoreInfo s) {
                result.stores().add(s);
            } else if (p.info() instanceof LayerInfo l) {
                result.layers().add(l);
            } else if (p.info() instanceof StyleInfo s) {
                result.styles().add(s);
            }
        }
        return result;
    }

    private Parsed parse(Path file) {
        String fileName = file.getFileName().toString();
        Class<? extends CatalogInfo> type =
                switch (fileName) {
                    case WORKSPACE_FILE -> WorkspaceInfo.class;
                    case STORE_FILE -> StoreInfo.class;
                    case LAYER_FILE -> LayerInfo.class;
                    default -> StyleInfo.class;
                };
        String relative = dataDir.root().relativize(file).toString();
        try {
            CatalogInfo info = json.readValue(file.toFile(), type);
            if (info.id() == null || info.name() == null) {
                return new Parsed(null, file, new LoadProblem(relative, "missing id or name"));
            }
            String expectedName = type == StyleInfo.class
                    ? fileName.substring(0, fileName.length() - ".json".length())
                    : file.getParent().getFileName().toString();
            if (!expectedName.equals(info.name())) {
                return new Parsed(
                        null,
                        file,
                        new LoadProblem(
                                relative,
                                "name '" + info.name() + "' does not match its location '" + expectedName + "'"));
            }
            return new Parsed(info, file, null);
        } catch (IOException | RuntimeException e) {
            return new Parsed(null, file, new LoadProblem(relative, e.getMessage()));
        }
    }

    private static List<Path> find(Path root, int depth, String suffix) {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.find(
                root,
                depth,
                (p, attrs) -> attrs.isRegularFile()
                        && p.getFileName().toString().endsWith(suffix)
                        && root.relativize(p).getNameCount() == depth
                        && noTemporaryPart(root.relativize(p)))) {
            return walk.toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + root, e);
        }
    }

    private static boolean noTemporaryPart(Path relative) {
        for (Path part : relative) {
            if (part.toString().startsWith(".")) {
                return false;
            }
        }
        return true;
    }

    /** A data-dir file's path relative to the data dir, for messages. */
    String relative(Path file) {
        return dataDir.root().relativize(file).toString();
    }

    // Locations. Names are validated by CatalogNames, so they are safe path segments.

    Path workspaceDir(WorkspaceInfo ws) {
        return dataDir.workspaces().resolve(ws.name());
    }

    Path storeDir(WorkspaceInfo ws, StoreInfo store) {
        return workspaceDir(ws).resolve(store.name());
    }

    Path layerDir(WorkspaceInfo ws, StoreInfo store, LayerInfo layer) {
        return storeDir(ws, store).resolve(layer.name());
    }

    Path styleFile(StyleInfo style) {
        return dataDir.styles().resolve(style.name() + ".json");
    }

    public Path styleBody(StyleInfo style) {
        return dataDir.styles().resolve(style.filename());
    }

    void write(WorkspaceInfo ws) {
        writeJson(workspaceDir(ws).resolve(WORKSPACE_FILE), ws);
    }

    void write(WorkspaceInfo ws, StoreInfo store) {
        writeJson(storeDir(ws, store).resolve(STORE_FILE), store);
    }

    void write(WorkspaceInfo ws, StoreInfo store, LayerInfo layer) {
        writeJson(layerDir(ws, store, layer).resolve(LAYER_FILE), layer);
    }

    void writeBody(StyleInfo style, byte[] body) {
        AtomicFileWriter.write(styleBody(style), body);
    }

    public byte[] readBody(StyleInfo style) {
        try {
            return Files.readAllBytes(styleBody(style));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read style body " + style.filename(), e);
        }
    }

    void write(StyleInfo style) {
        writeJson(styleFile(style), style);
    }

    void delete(WorkspaceInfo ws) {
        AtomicFileWriter.delete(workspaceDir(ws));
    }

    void delete(WorkspaceInfo ws, StoreInfo store) {
        AtomicFileWriter.delete(storeDir(ws, store));
    }

    void delete(WorkspaceInfo ws, StoreInfo store, LayerInfo layer) {
        AtomicFileWriter.delete(layerDir(ws, store, layer));
    }

    void delete(StyleInfo style) {
        AtomicFileWriter.delete(styleFile(style));
        if (style.filename() != null) {
            AtomicFileWriter.delete(styleBody(style));
        }
    }

    // Service settings: settings/services/{service}.json

    public Optional<ServiceSettings> readServiceSettings(String service) {
        Path file = dataDir.settings().resolve("services").resolve(service + ".json");
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(json.readValue(file.toFile(), ServiceSettings.class));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    public void writeServiceSettings(ServiceSettings settings) {
        writeJson(dataDir.settings().resolve("services").resolve(settings.service() + ".json"), settings);
    }

    private void writeJson(Path file, Object value) {
        try {
            AtomicFileWriter.write(file, json.writeValueAsBytes(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialise " + value, e);
        }
    }
}
