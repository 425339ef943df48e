package org.imagelabeler.platform.catalog;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The in-memory catalog of workspaces, stores, layers and styles, backed by {@link CatalogFiles}.
 *
 * <p>Reads are lock-free over immutable records. Writes are serialised by one lock, validated,
 * persisted to the data dir, and only then made visible: when a write method returns, the change
 * is on disk. Listeners hear of each change after the lock is released.
 */
public class Catalog {

    private static final Logger LOG = LoggerFactory.getLogger(Catalog.class);

    private final CatalogFiles files;
    private final ReentrantLock writeLock = new ReentrantLock();
    private final List<CatalogListener> listeners = new CopyOnWriteArrayList<>();

    private final Map<String, WorkspaceInfo> workspaces = new ConcurrentHashMap<>();
    private final Map<String, StoreInfo> stores = new ConcurrentHashMap<>();
    private final Map<String, LayerInfo> layers = new ConcurrentHashMap<>();
    private final Map<String, StyleInfo> styles = new ConcurrentHashMap<>();
    private final Map<String, String> workspaceIdsByName = new ConcurrentHashMap<>();
    private final Map<String, String> storeIdsByName = new ConcurrentHashMap<>();
    private final Map<String, String> layerIdsByName = new ConcurrentHashMap<>();
    private final Map<String, String> styleIdsByName = new ConcurrentHashMap<>();
    private volatile List<LoadProblem> loadProblems = List.of();
    private final Map<String, ServiceSettings> serviceSettings = new ConcurrentHashMap<>();

    public Catalog(CatalogFiles files) {
        this.files = files;
    }

    /** Reads the data dir; objects that fail to load, or refer to missing ones, are reported and skipped. */
    public void load() {
        writeLock.lock();
        try {
            CatalogFiles.Contents contents = files.load();
            List<LoadProblem> problems = new ArrayList<>(contents.problems());
            for (WorkspaceInfo ws : contents.workspaces()) {
                accept(ws, contents, workspaces, null, problems)
                        .ifPresent(w -> index(w, workspaces, workspaceIdsByName, w.name()));
            }
            for (StoreInfo s : contents.stores()) {
                WorkspaceInfo ws = workspaces.get(s.workspaceId());
                String problem = ws == null ? "unknown workspace id " + s.workspaceId() : null;
                Path expected = ws == null ? null : files.storeDir(ws, s);
                accept(s, contents, stores, problem, problems, expected)
                        .ifPresent(st -> index(st, stores, storeIdsByName, key(ws.name(), st.name())));
            }
            for (LayerInfo l : contents.layers()) {
                StoreInfo s = stores.get(l.storeId());
                String problem = s == null
                        ? "unknown store id " + l.storeId()
                        : !s.workspaceId().equals(l.workspaceId()) ? "its store is in another workspace" : null;
                WorkspaceInfo ws = problem == null ? workspaces.get(l.workspaceId()) : null;
                Path expected = ws == null ? null : files.layerDir(ws, s, l);
                accept(l, contents, layers, problem, problems, expected)
                        .ifPresent(la -> index(la, layers, layerIdsByName, key(ws.name(), la.name())));
            }
            for (StyleInfo st : contents.styles()) {
                accept(st, contents, styles, checkStyleFile(st), problems)
                        .ifPresent(x -> index(x, styles, styleIdsByName, x.name()));
            }
            problems.forEach(p -> LOG.warn("Skipped {}: {}", p.path(), p.message()));
            loadProblems = List.copyOf(problems);
            LOG.info(
                    "Catalog loaded: {} workspaces, {} stores, {} layers, {} styles, {} problems",
                    workspaces.size(),
                    stores.size(),
                    layers.size(),
                    styles.size(),
                    problems.size());
        } finally {
            writeLock.unlock();
        }
    }

    private <T extends CatalogInfo> Optional<T> accept(
            T info, CatalogFiles.Contents contents, Map<String, T> byId, String problem, List<LoadProblem> problems) {
        return accept(info, contents, byId, problem, problems, null);
    }

    /**
     * Accepts a loaded object unless it has a problem, its id is taken, or it lies in a directory
     * other than the one its references place it in (a copied or moved file).
     */
    private <T extends CatalogInfo> Optional<T> accept(
            T info,
            CatalogFiles.Contents contents,
            Map<String, T> byId,
            String problem,
            List<LoadProblem> problems,
            Path expectedDir) {
        Path file = contents.location(info);
        if (problem == null && byId.containsKey(info.id())) {
            problem = "id " + info.id() + " is already used by '"
                    + byId.get(info.id()).name() + "'";
        }
        if (problem == null && expectedDir != null && !expectedDir.equals(file.getParent())) {
            problem = "its references place it in " + files.relative(expectedDir) + ", not here";
        }
        if (problem != null) {
            problems.add(new LoadProblem(files.relative(file), problem));
            return Optional.empty();
        }
        return Optional.of(info);
    }

    public void addListener(CatalogListener listener) {
        listeners.add(listener);
    }

    public List<LoadProblem> loadProblems() {
        return loadProblems;
    }

    // ---- reads ------------------------------------------------------------------------------

    public List<WorkspaceInfo> workspaces() {
        return sorted(workspaces.values());
    }

    public Optional<WorkspaceInfo> workspace(String id) {
        return Optional.ofNullable(id).map(workspaces::get);
    }

    public Optional<WorkspaceInfo> workspaceByName(String name) {
        return lookup(workspaceIdsByName, name, workspaces);
    }

    public List<StoreInfo> stores(WorkspaceInfo ws) {
        return sorted(stores.values().stream()
                .filter(s -> s.workspaceId().equals(ws.id()))
                .toList());
    }

    public Optional<StoreInfo> store(String id) {
        return Optional.ofNullable(id).map(stores::get);
    }

    public Optional<StoreInfo> storeByName(String workspace, String name) {
        return lookup(storeIdsByName, key(workspace, name), stores);
    }

    public List<LayerInfo> layers() {
        return sorted(layers.values());
    }

    public List<LayerInfo> layers(WorkspaceInfo ws) {
        return sorted(layers.values().stream()
                .filter(l -> l.workspaceId().equals(ws.id()))
                .toList());
    }

    public List<LayerInfo> layers(StoreInfo store) {
        return sorted(layers.values().stream()
                .filter(l -> l.storeId().equals(store.id()))
                .toList());
    }

    public Optional<LayerInfo> layer(String id) {
        return Optional.ofNullable(id).map(layers::get);
    }

    public Optional<LayerInfo> layerByName(String workspace, String name) {
        return lookup(layerIdsByName, key(workspace, name), layers);
    }

    /** Looks a layer up by its qualified name, {@code workspace:layer}. */
    public Optional<LayerInfo> layerByQualifiedName(String qualifiedName) {
        int colon = qualifiedName == null ? -1 : qualifiedName.indexOf(':');
        return colon < 0
                ? Optional.empty()
                : layerByName(qualifiedName.substring(0, colon), qualifiedName.substring(colon + 1));
    }

    public String qualifiedName(LayerInfo layer) {
        return workspaces.get(layer.workspaceId()).name() + ":" + layer.name();
    }

    public List<StyleInfo> styles() {
        return sorted(styles.values());
    }

    public Optional<StyleInfo> styleByName(String name) {
        return lookup(styleIdsByName, name, styles);
    }

    public int layerCount() {
        return layers.size();
    }

    // ---- workspaces -------------------------------------------------------------------------

    public WorkspaceInfo add(WorkspaceInfo ws) {
        CatalogNames.checkWorkspaceName(ws.name());
        return write(() -> {
            requireUniqueId(ws.id(), workspaces);
            if (workspaceIdsByName.containsKey(ws.name())) {
                throw new CatalogException.DuplicateName("workspace '" + ws.name() + "' already exists");
            }
            files.write(ws);
            index(ws, workspaces, workspaceIdsByName, ws.name());
            return new CatalogEvent(CatalogEvent.Type.ADDED, null, ws);
        });
    }

    public WorkspaceInfo save(WorkspaceInfo ws) {
        return write(() -> {
            WorkspaceInfo old = existing(workspaces, ws.id(), "workspace");
            requireSameName(old, ws);
            files.write(ws);
            workspaces.put(ws.id(), ws);
            return new CatalogEvent(CatalogEvent.Type.MODIFIED, old, ws);
        });
    }

    /** Removes a workspace; with {@code recurse}, its stores and layers too, else it must be empty. */
    public void remove(WorkspaceInfo ws, boolean recurse) {
        List<CatalogEvent> events = new ArrayList<>();
        writeLock.lock();
        try {
            WorkspaceInfo old = existing(workspaces, ws.id(), "workspace");
            List<StoreInfo> contained = stores(old);
            if (!contained.isEmpty() && !recurse) {
                throw new CatalogException.Conflict("workspace '" + old.name() + "' is not empty: it has "
                        + contained.size() + " store(s); delete them first or use recurse=true");
            }
            files.delete(old);
            for (StoreInfo s : contained) {
                for (LayerInfo l : layers(s)) {
                    unindex(l, layers, layerIdsByName, key(old.name(), l.name()));
                    events.add(new CatalogEvent(CatalogEvent.Type.REMOVED, l, null));
                }
                unindex(s, stores, storeIdsByName, key(old.name(), s.name()));
                events.add(new CatalogEvent(CatalogEvent.Type.REMOVED, s, null));
            }
            unindex(old, workspaces, workspaceIdsByName, old.name());
            events.add(new CatalogEvent(CatalogEvent.Type.REMOVED, old, null));
        } finally {
            writeLock.unlock();
        }
        events.forEach(this::fire);
    }

    // ---- stores -----------------------------------------------------------------------------

    public StoreInfo add(StoreInfo store) {
        CatalogNames.checkName(store.name());
        requireKind(store.kind());
        return write(() -> {
            requireUniqueId(store.id(), stores);
            WorkspaceInfo ws = workspaceOf(store.workspaceId());
            if (storeIdsByName.containsKey(key(ws.name(), store.name()))) {
                throw new CatalogException.DuplicateName(
                        "store '" + store.name() + "' already exists in workspace '" + ws.name() + "'");
            }
            files.write(ws, store);
            index(store, stores, storeIdsByName, key(ws.name(), store.name()));
            return new CatalogEvent(CatalogEvent.Type.ADDED, null, store);
        });
    }

    public StoreInfo save(StoreInfo store) {
        return write(() -> {
            StoreInfo old = existing(stores, store.id(), "store");
            requireSameName(old, store);
            if (!old.workspaceId().equals(store.workspaceId()) || old.kind() != store.kind()) {
                throw new CatalogException.Invalid("workspace", "a store cannot change workspace or kind");
            }
            files.write(workspaceOf(store.workspaceId()), store);
            stores.put(store.id(), store);
            return new CatalogEvent(CatalogEvent.Type.MODIFIED, old, store);
        });
    }

    public void remove(StoreInfo store, boolean recurse) {
        List<CatalogEvent> events = new ArrayList<>();
        writeLock.lock();
        try {
            StoreInfo old = existing(stores, store.id(), "store");
            WorkspaceInfo ws = workspaceOf(old.workspaceId());
            List<LayerInfo> published = layers(old);
            if (!published.isEmpty() && !recurse) {
                throw new CatalogException.Conflict("store '" + old.name() + "' still publishes " + published.size()
                        + " layer(s); delete them first or use recurse=true");
            }
            files.delete(ws, old);
            for (LayerInfo l : published) {
                unindex(l, layers, layerIdsByName, key(ws.name(), l.name()));
                events.add(new CatalogEvent(CatalogEvent.Type.REMOVED, l, null));
            }
            unindex(old, stores, storeIdsByName, key(ws.name(), old.name()));
            events.add(new CatalogEvent(CatalogEvent.Type.REMOVED, old, null));
        } finally {
            writeLock.unlock();
        }
        events.forEach(this::fire);
    }

    // ---- layers -----------------------------------------------------------------------------

    public LayerInfo add(LayerInfo layer) {
        CatalogNames.checkName(layer.name());
        if (layer.kind() == null) {
            throw new CatalogException.Invalid("kind", "layer kind is required");
        }
        return write(() -> {
            requireUniqueId(layer.id(), layers);
            StoreInfo store = storeOf(layer);
            WorkspaceInfo ws = workspaceOf(store.workspaceId());
            if (layerIdsByName.containsKey(key(ws.name(), layer.name()))) {
                throw new CatalogException.DuplicateName(
                        "layer '" + ws.name() + ":" + layer.name() + "' already exists");
            }
            requireStyles(layer);
            files.write(ws, store, layer);
            index(layer, layers, layerIdsByName, key(ws.name(), layer.name()));
            return new CatalogEvent(CatalogEvent.Type.ADDED, null, layer);
        });
    }

    public LayerInfo save(LayerInfo layer) {
        return write(() -> {
            LayerInfo old = existing(layers, layer.id(), "layer");
            requireSameName(old, layer);
            if (!old.storeId().equals(layer.storeId())) {
                throw new CatalogException.Invalid("store", "a layer cannot move to another store");
            }
            requireStyles(layer);
            StoreInfo store = storeOf(layer);
            files.write(workspaceOf(store.workspaceId()), store, layer);
            layers.put(layer.id(), layer);
            return new CatalogEvent(CatalogEvent.Type.MODIFIED, old, layer);
        });
    }

    public void remove(LayerInfo layer) {
        write(() -> {
            LayerInfo old = existing(layers, layer.id(), "layer");
            StoreInfo store = storeOf(old);
            WorkspaceInfo ws = workspaceOf(store.workspaceId());
            files.delete(ws, store, old);
            unindex(old, layers, layerIdsByName, key(ws.name(), old.name()));
            return new CatalogEvent(CatalogEvent.Type.REMOVED, old, null);
        });
    }

    // ---- styles -----------------------------------------------------------------------------

    public StyleInfo add(StyleInfo style) {
        return addStyle(style, null);
    }

    private StyleInfo addStyle(StyleInfo style, byte[] body) {
        CatalogNames.checkName(style.name());
        String fileProblem = checkStyleFile(style);
        if (fileProblem != null) {
            throw new CatalogException.Invalid("filename", fileProblem);
        }
        if (body != null && style.filename() == null) {
            throw new CatalogException.Invalid("filename", "a style with a body needs a file name");
        }
        return write(() -> {
            requireUniqueId(style.id(), styles);
            if (styleIdsByName.containsKey(style.name())) {
                throw new CatalogException.DuplicateName("style '" + style.name() + "' already exists");
            }
            if (body != null) {
                files.writeBody(style, body);
            }
            files.write(style);
            index(style, styles, styleIdsByName, style.name());
            return new CatalogEvent(CatalogEvent.Type.ADDED, null, style);
        });
    }

    /** Adds a style with its body; the body is written first, so no style is ever without one. */
    public StyleInfo add(StyleInfo style, byte[] body) {
        return addStyle(style, body);
    }

    /** Replaces the body of an existing style. */
    public StyleInfo saveBody(StyleInfo style, byte[] body) {
        return write(() -> {
            StyleInfo old = existing(styles, style.id(), "style");
            if (old.filename() == null) {
                throw new CatalogException.Invalid("filename", "style '" + old.name() + "' has no body file");
            }
            files.writeBody(old, body);
            StyleInfo changed = new StyleInfo(
                    old.id(), old.name(), old.format(), old.filename(), old.created(), java.time.Instant.now());
            files.write(changed);
            styles.put(changed.id(), changed);
            return new CatalogEvent(CatalogEvent.Type.MODIFIED, old, changed);
        });
    }

    public byte[] styleBody(StyleInfo style) {
        return files.readBody(style);
    }

    public void remove(StyleInfo style) {
        write(() -> {
            StyleInfo old = existing(styles, style.id(), "style");
            List<String> users = layers.values().stream()
                    .filter(l ->
                            old.name().equals(l.defaultStyle()) || l.styles().contains(old.name()))
                    .map(this::qualifiedName)
                    .sorted()
                    .toList();
            if (!users.isEmpty()) {
                throw new CatalogException.Conflict("style '" + old.name() + "' is used by " + users);
            }
            files.delete(old);
            unindex(old, styles, styleIdsByName, old.name());
            return new CatalogEvent(CatalogEvent.Type.REMOVED, old, null);
        });
    }

    // ---- service settings ---------------------------------------------------------------------

    /** The settings of an OGC service: those saved in the data dir, or the defaults. */
    public ServiceSettings serviceSettings(String service) {
        // every map request asks: the file is read once, then kept with the rest of the catalog
        return serviceSettings.computeIfAbsent(
                service, id -> files.readServiceSettings(id).orElseGet(() -> ServiceSettings.defaults(id)));
    }

    public ServiceSettings save(ServiceSettings settings) {
        writeLock.lock();
        try {
            files.writeServiceSettings(settings);
            serviceSettings.put(settings.service(), settings);
            return settings;
        } finally {
            writeLock.unlock();
        }
    }

    // ---- internals --------------------------------------------------------------------------

    private <T extends CatalogInfo> T write(java.util.function.Supplier<CatalogEvent> change) {
        CatalogEvent event;
        writeLock.lock();
        try {
            event = change.get();
        } finally {
            writeLock.unlock();
        }
        fire(event);
        @SuppressWarnings("unchecked")
        T result = (T) event.after();
        return result;
    }

    private void fire(CatalogEvent event) {
        for (CatalogListener listener : listeners) {
            try {
                listener.onChange(event);
            } catch (RuntimeException e) {
                LOG.error("Catalog listener {} failed on {}", listener, event, e);
            }
        }
    }

    private WorkspaceInfo workspaceOf(String id) {
        WorkspaceInfo ws = id == null ? null : workspaces.get(id);
        if (ws == null) {
            throw new CatalogException.Invalid("workspace", "unknown workspace id " + id);
        }
        return ws;
    }

    private StoreInfo storeOf(LayerInfo layer) {
        StoreInfo store = layer.storeId() == null ? null : stores.get(layer.storeId());
        if (store == null) {
            throw new CatalogException.Invalid("store", "unknown store id " + layer.storeId());
        }
        if (!store.workspaceId().equals(layer.workspaceId())) {
            throw new CatalogException.Invalid("workspace", "the layer's store is in another workspace");
        }
        return store;
    }

    private void requireStyles(LayerInfo layer) {
        List<String> named = new ArrayList<>(layer.styles());
        if (layer.defaultStyle() != null) {
            named.add(layer.defaultStyle());
        }
        for (String style : named) {
            if (!styleIdsByName.containsKey(style)) {
                throw new CatalogException.Invalid("styles", "unknown style '" + style + "'");
            }
        }
    }

    /** A style body is a plain file of the styles folder, other than the style definitions. */
    private static String checkStyleFile(StyleInfo style) {
        String f = style.filename();
        if (f == null) {
            return null;
        }
        if (!f.matches("[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}") || f.endsWith(".json")) {
            return "invalid style file name '" + f + "': a plain file name, not ending in .json";
        }
        return null;
    }

    private static void requireKind(StoreKind kind) {
        if (kind == null) {
            throw new CatalogException.Invalid("kind", "store kind is required");
        }
    }

    private static void requireUniqueId(String id, Map<String, ?> byId) {
        if (id == null || id.isBlank()) {
            throw new CatalogException.Invalid("id", "id is required");
        }
        if (byId.containsKey(id)) {
            throw new CatalogException.DuplicateName("id " + id + " is already used");
        }
    }

    private static void requireSameName(CatalogInfo old, CatalogInfo changed) {
        if (!old.name().equals(changed.name())) {
            throw new CatalogException.Invalid("name", "renaming is not supported");
        }
    }

    private static <T> T existing(Map<String, T> byId, String id, String what) {
        T found = id == null ? null : byId.get(id);
        if (found == null) {
            throw new CatalogException.NotFound("no " + what + " with id " + id);
        }
        return found;
    }

    private static <T extends CatalogInfo> void index(
            T info, Map<String, T> byId, Map<String, String> ids, String key) {
        byId.put(info.id(), info);
        ids.put(key, info.id());
    }

    private static <T extends CatalogInfo> void unindex(
            T info, Map<String, T> byId, Map<String, String> ids, String key) {
        ids.remove(key);
        byId.remove(info.id());
    }

    private static <T> Optional<T> lookup(Map<String, String> ids, String key, Map<String, T> byId) {
        if (key == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(ids.get(key)).map(byId::get);
    }

    private static String key(String workspace, String name) {
        return workspace + ":" + name;
    }

    private static <T extends CatalogInfo> List<T> sorted(java.util.Collection<T> values) {
        return values.stream()
                .sorted(Comparator.comparing((Function<T, String>) CatalogInfo::name))
                .toList();
    }
}
