package org.imagelabeler.platform.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.imagelabeler.platform.datadir.DataDirectory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** The catalog over a real data directory: persistence, layout, validation, loading and events. */
class CatalogTest {

    private static final Instant CREATED = Instant.parse("2024-03-01T10:15:30.123456789Z");
    private static final Instant MODIFIED = Instant.parse("2024-03-02T08:00:00Z");

    /** A class loader without the {@code datadir-template} folder: the data dir starts empty. */
    private static final ClassLoader NO_TEMPLATE = ClassLoader.getPlatformClassLoader();

    @TempDir
    Path root;

    private DataDirectory dataDir;
    private Catalog catalog;

    @BeforeEach
    void openCatalog() {
        dataDir = DataDirectory.open(root, NO_TEMPLATE);
        catalog = new Catalog(new CatalogFiles(dataDir));
        catalog.load();
    }

    // ---- fixtures -----------------------------------------------------------------------------

    private static WorkspaceInfo workspace(String name) {
        return new WorkspaceInfo("ws-" + name, name, "Workspace " + name, CREATED, MODIFIED);
    }

    private static StoreInfo store(WorkspaceInfo ws, String name) {
        return new StoreInfo(
                "store-" + ws.name() + "-" + name,
                ws.id(),
                name,
                StoreKind.COVERAGE,
                "GeoTIFF",
                "Store " + name,
                true,
                Map.of(StoreInfo.URL, "file:data/" + name + ".tif"),
                CREATED,
                MODIFIED);
    }

    private static LayerInfo layer(StoreInfo store, String name) {
        return layer(store, name, null, List.of());
    }

    private static LayerInfo layer(StoreInfo store, String name, String defaultStyle, List<String> styles) {
        return new LayerInfo(
                "layer-" + store.id() + "-" + name,
                store.workspaceId(),
                store.id(),
                name,
                LayerKind.RASTER,
                name + "_native",
                "Layer " + name,
                "About " + name,
                List.of("k1", "k2"),
                true,
                true,
                defaultStyle,
                styles,
                "EPSG:32633",
                new BoundingBox(500000, 4000000, 600000, 4100000, "EPSG:32633"),
                new BoundingBox(15.0, 36.1, 16.1, 37.0, "EPSG:4326"),
                Map.of("file", "data/" + name + ".tif"),
                CREATED,
                MODIFIED);
    }

    private static StyleInfo style(String name) {
        return new StyleInfo("style-" + name, name, "sld", null, CREATED, MODIFIED);
    }

    private Path workspaceFile(String ws) {
        return root.resolve("workspaces").resolve(ws).resolve("workspace.json");
    }

    private Path storeFile(String ws, String store) {
        return root.resolve("workspaces").resolve(ws).resolve(store).resolve("store.json");
    }

    private Path layerFile(String ws, String store, String layer) {
        return root.resolve("workspaces")
                .resolve(ws)
                .resolve(store)
                .resolve(layer)
                .resolve("layer.json");
    }

    private Path styleFile(String style) {
        return root.resolve("styles").resolve(style + ".json");
    }

    private Catalog reload() {
        Catalog reloaded = new Catalog(new CatalogFiles(DataDirectory.open(root, NO_TEMPLATE)));
        reloaded.load();
        return reloaded;
    }

    /** Every regular file below the data dir, relative, with its content: a snapshot of the disk. */
    private Map<String, String> snapshot() throws IOException {
        Map<String, String> files = new HashMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                files.put(root.relativize(p).toString(), Files.readString(p));
            }
        }
        return files;
    }

    private static void write(Path file, String content) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, content, StandardCharsets.UTF_8);
    }

    // ---- persistence ----------------------------------------------------------------------------

    @Test
    void addedObjectsAreReloadedIdenticallyByANewCatalog() {
        WorkspaceInfo topp = catalog.add(workspace("topp"));
        StoreInfo dem = catalog.add(store(topp, "dem"));
        StyleInfo relief = catalog.add(style("relief"));
        LayerInfo elevation = catalog.add(layer(dem, "elevation", "relief", List.of("relief")));
        LayerInfo slope = catalog.add(layer(dem, "slope.v2"));

        Catalog reloaded = reload();

        assertThat(reloaded.loadProblems()).isEmpty();
        assertThat(reloaded.workspaces()).containsExactly(topp);
        assertThat(reloaded.stores(topp)).containsExactly(dem);
        assertThat(reloaded.layers()).containsExactly(elevation, slope);
        assertThat(reloaded.styles()).containsExactly(relief);
        assertThat(reloaded.workspaceByName("topp")).contains(topp);
        assertThat(reloaded.storeByName("topp", "dem")).contains(dem);
        assertThat(reloaded.layerByName("topp", "elevation")).contains(elevation);
        assertThat(reloaded.layerByQualifiedName("topp:slope.v2")).contains(slope);
        assertThat(reloaded.styleByName("relief")).contains(relief);
        assertThat(reloaded.layer(elevation.id()).orElseThrow().created()).isEqualTo(CREATED);
    }

    @Test
    void objectsAreWrittenOneJsonFilePerObjectInTheDocumentedLayout() throws IOException {
        WorkspaceInfo topp = catalog.add(workspace("topp"));
        StoreInfo dem = catalog.add(store(topp, "dem"));
        catalog.add(layer(dem, "elevation"));
        catalog.add(style("relief"));

        assertThat(workspaceFile("topp")).isRegularFile();
        assertThat(storeFile("topp", "dem")).isRegularFile();
        assertThat(layerFile("topp", "dem", "elevation")).isRegularFile();
        assertThat(styleFile("relief")).isRegularFile();
        assertThat(snapshot().keySet())
                .containsExactlyInAnyOrder(
                        Path.of("workspaces", "topp", "workspace.json").toString(),
                        Path.of("workspaces", "topp", "dem", "store.json").toString(),
                        Path.of("workspaces", "topp", "dem", "elevation", "layer.json")
                                .toString(),
                        Path.of("styles", "relief.json").toString());
        assertThat(Files.readString(layerFile("topp", "dem", "elevation")))
                .contains("\"name\" : \"elevation\"")
                .contains("\"storeId\" : \"" + dem.id() + "\"");
    }

    @Test
    void savedChangesAreReloaded() {
        WorkspaceInfo topp = catalog.add(workspace("topp"));
        StoreInfo dem = catalog.add(store(topp, "dem"));
        catalog.add(style("relief"));
        LayerInfo elevation = catalog.add(layer(dem, "elevation"));

        WorkspaceInfo retitled = catalog.save(topp.withTitle("New title", MODIFIED.plusSeconds(60)));
        LayerInfo styled = catalog.save(layer(dem, "elevation", "relief", List.of()));

        Catalog reloaded = reload();
        assertThat(reloaded.workspaceByName("topp")).contains(retitled);
        assertThat(reloaded.layer(elevation.id())).contains(styled);
    }

    // ---- duplicates and invalid names -------------------------------------------------------

    @Test
    void duplicateWorkspaceNameIsRefusedAndLeavesFilesUnchanged() throws IOException {
        catalog.add(workspace("topp"));
        Map<String, String> before = snapshot();

        WorkspaceInfo sameName = new WorkspaceInfo("other-id", "topp", "Impostor", CREATED, MODIFIED);
        assertThatThrownBy(() -> catalog.add(sameName))
                .isInstanceOf(CatalogException.DuplicateName.class)
                .satisfies(e -> assertThat(((CatalogException) e).field()).isEqualTo("name"));

        assertThat(snapshot()).isEqualTo(before);
        assertThat(catalog.workspaceByName("topp").orElseThrow().title()).isEqualTo("Workspace topp");
        assertThat(catalog.workspace("other-id")).isEmpty();
    }

    @Test
    void duplicateStoreNameInTheSameWorkspaceIsRefusedAndLeavesFilesUnchanged() throws IOException {
        WorkspaceInfo topp = catalog.add(workspace("topp"));
        WorkspaceInfo sf = catalog.add(workspace("sf"));
        catalog.add(store(topp, "dem"));
        Map<String, String> before = snapshot();

        StoreInfo clash = new StoreInfo(
                "another-id", topp.id(), "dem", StoreKind.WMTS, "WMTS", "x", true, Map.of(), CREATED, MODIFIED);
        assertThatThrownBy(() -> catalog.add(clash)).isInstanceOf(CatalogException.DuplicateName.class);
        assertThat(snapshot()).isEqualTo(before);
        assertThat(catalog.store("another-id")).isEmpty();

        // the same name in another workspace is fine
        StoreInfo elsewhere = catalog.add(store(sf, "dem"));
        assertThat(catalog.storeByName("sf", "dem")).contains(elsewhere);
        assertThat(storeFile("sf", "dem")).isRegularFile();
    }

    @Test
    void duplicateLayerNameInTheSameWorkspaceIsRefusedEvenInAnotherStore() throws IOException {
        WorkspaceInfo topp = catalog.add(workspace("topp"));
        StoreInfo dem = catalog.add(store(topp, "dem"));
        StoreInfo other = catalog.add(store(topp, "other"));
        catalog.add(layer(dem, "elevation"));
        Map<String, String> before = snapshot();

        assertThatThrownBy(() -> catalog.add(layer(other, "elevation")))
                .isInstanceOf(CatalogException.DuplicateName.class);

        assertThat(snapshot()).isEqualTo(before);
        assertThat(root.resolve("workspaces/topp/other/elevation")).doesNotExist();
        assertThat(catalog.layers(other)).isEmpty();
    }

    @Test
    void duplicateStyleNameIsRefusedAndLeavesFilesUnchanged() throws IOException {
        catalog.add(style("relief"));
        Map<String, String> before = snapshot();

        assertThatThrownBy(() -> catalog.add(new StyleInfo("x", "relief", "css", null, CREATED, MODIFIED)))
                .isInstanceOf(CatalogException.DuplicateName.class);

        assertThat(snapshot()).isEqualTo(before);
        assertThat(catalog.styleByName("relief").orElseThrow().format()).isEqualTo("sld");
    }

    @Test
    void duplicateIdIsRefused() throws IOException {
        catalog.add(workspace("topp"));
        Map<String, String> before = snapshot();

        WorkspaceInfo sameId = new WorkspaceInfo("ws-topp", "other", "x", CREATED, MODIFIED);
        assertThatThrownBy(() -> catalog.add(sameId)).isInstanceOf(CatalogException.DuplicateName.class);

        assertThat(snapshot()).isEqualTo(before);
        assertThat(catalog.workspaceByName("other")).isEmpty();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" ", "1abc", "bad name", "with.dot", "a/b", "../escape", "-dash", "ünïcode", "a:b"})
    void invalidWorkspaceNameIsRefusedWithFieldName(String name) {
        assertThatThrownBy(() -> catalog.add(new WorkspaceInfo("id", name, "t", CREATED, MODIFIED)))
                .isInstanceOf(CatalogException.Invalid.class)
                .satisfies(e -> assertThat(((CatalogException) e).field()).isEqualTo("name"));

        assertThat(catalog.workspaces()).isEmpty();
        assertThat(root.resolve("workspaces")).doesNotExist();
    }

    @Test
    void workspaceNameLongerThan64CharactersIsRefused() {
        String name = "w" + "x".repeat(64);
        assertThatThrownBy(() -> catalog.add(workspace(name)))
                .isInstanceOf(CatalogException.Invalid.class)
                .satisfies(e -> assertThat(((CatalogException) e).field()).isEqualTo("name"));
        assertThat(catalog.add(workspace(name.substring(1))).name()).hasSize(64);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"1abc", "bad name", "a/b", "..", ".hidden", "a\\b", "a:b"})
    void invalidStoreLayerAndStyleNamesAreRefusedWithFieldName(String name) throws IOException {
        WorkspaceInfo topp = catalog.add(workspace("topp"));
        StoreInfo dem = catalog.add(store(topp, "dem"));
        Map<String, String> before = snapshot();

        assertThatThrownBy(() -> catalog.add(store(topp, name)))
                .isInstanceOf(CatalogException.Invalid.class)
                .satisfies(e -> assertThat(((CatalogException) e).field()).isEqualTo("name"));
        assertThatThrownBy(() -> catalog.add(layer(dem, name)))
                .isInstanceOf(CatalogException.Invalid.class)
                .satisfies(e -> assertThat(((CatalogException) e).field()).isEqualTo("name"));
        assertThatThrownBy(() -> catalog.add(new StyleInfo("s", name, "sld", null, CREATED, MODIFIED)))
                .isInstanceOf(CatalogException.Invalid.class)
                .satisfies(e -> assertThat(((CatalogException) e).field()).isEqualTo("name"));

        assertThat(snapshot()).isEqualTo(before);
        assertThat(catalog.stores(topp)).containsExactly(dem);
        assertThat(catalog.layers()).isEmpty();
        assertThat(catalog.styles()).isEmpty();
    }

    @Test
    void storeInUnknownWorkspaceIsRefused() {
        WorkspaceInfo ghost = workspace("ghost");
        assertThatThrownBy(() -> catalog.add(store(ghost, "dem")))
                .isInstanceOf(CatalogException.Invalid.class)
                .satisfies(e -> assertThat(((CatalogException) e).field()).isEqualTo("workspace"));
        assertThat(root.resolve("workspaces")).doesNotExist();
    }

    @Test
    void renamingIsRefused() throws IOException {
        WorkspaceInfo topp = catalog.add(workspace("topp"));
        Map<String, String> before = snapshot();

        assertThatThrownBy(() -> catalog.save(new WorkspaceInfo(topp.id(), "renamed", "t", CREATED, MODIFIED)))
                .isInstanceOf(CatalogException.Invalid.class)
                .satisfies(e -> assertThat(((CatalogException) e).field()).isEqualTo("name"));
        assertThat(snapshot()).isEqualTo(before);
    }

    // ---- removal ----------------------------------------------------------------------------

    @Test
    void removingNonEmptyWorkspaceWithoutRecurseIsAConflictAndKeepsEverything() throws IOException {
        WorkspaceInfo topp = catalog.add(workspace("topp"));
        StoreInfo dem = catalog.add(store(topp, "dem"));
        LayerInfo elevation = catalog.add(layer(dem, "elevation"));
        Map<String, String> before = snapshot();

        assertThatThrownBy(() -> catalog.remove(topp, false)).isInstanceOf(CatalogException.Conflict.class);

        assertThat(snapshot()).isEqualTo(before);
        assertThat(catalog.workspaceByName("topp")).contains(topp);
        assertThat(catalog.storeByName("topp", "dem")).contains(dem);
        assertThat(catalog.layerByName("topp", "elevation")).contains(elevation);
        assertThat(reload().layers()).containsExactly(elevation);
    }

    @Test
    void removingWorkspaceWithRecurseRemovesTheDirectoryTreeAndAllObjects() throws IOException {
        WorkspaceInfo topp = catalog.add(workspace("topp"));
        WorkspaceInfo sf = catalog.add(workspace("sf"));
        StoreInfo dem = catalog.add(store(topp, "dem"));
        StoreInfo wmts = catalog.add(store(topp, "wmts"));
        LayerInfo elevation = catalog.add(layer(dem, "elevation"));
        catalog.add(layer(wmts, "imagery"));
        StoreInfo sfStore = catalog.add(store(sf, "dem"));
        LayerInfo sfLayer = catalog.add(layer(sfStore, "elevation"));

        catalog.remove(topp, true);

        assertThat(root.resolve("workspaces/topp")).doesNotExist();
        assertThat(catalog.workspaceByName("topp")).isEmpty();
        assertThat(catalog.workspace(topp.id())).isEmpty();
        assertThat(catalog.store(dem.id())).isEmpty();
        assertThat(catalog.storeByName("topp", "wmts")).isEmpty();
        assertThat(catalog.layer(elevation.id())).isEmpty();
        assertThat(catalog.layerByName("topp", "imagery")).isEmpty();
        assertThat(catalog.layers()).containsExactly(sfLayer);
        assertThat(catalog.workspaces()).containsExactly(sf);
        try (Stream<Path> left = Files.list(root.resolve("workspaces"))) {
            assertThat(left.map(p -> p.getFileName().toString())).containsExactly("sf");
        }

        Catalog reloaded = reload();
        assertThat(reloaded.workspaces()).containsExactly(sf);
        assertThat(reloaded.layers()).containsExactly(sfLayer);
        assertThat(reloaded.loadProblems()).isEmpty();

        // the name is free again
        WorkspaceInfo again = catalog.add(new WorkspaceInfo("new-id", "topp", "t", CREATED, MODIFIED));
        assertThat(catalog.stores(again)).isEmpty();
    }

    @Test
    void removingEmptyWorkspaceWithoutRecurseSucceeds() {
        WorkspaceInfo topp = catalog.add(workspace("topp"));
        catalog.remove(topp, false);
        assertThat(root.resolve("workspaces/topp")).doesNotExist();
        assertThat(catalog.workspaces()).isEmpty();
    }

    @Test
    void removingStoreThatPublishesLayersWithoutRecurseIsAConflict() throws IOException {
        WorkspaceInfo topp = catalog.add(workspace("topp"));
        StoreInfo dem = catalog.add(store(topp, "dem"));
        catalog.add(layer(dem, "elevation"));
        Map<String, String> before = snapshot();

        assertThatThrownBy(() -> catalog.remove(dem, false)).isInstanceOf(CatalogException.Conflict.class);
        assertThat(snapshot()).isEqualTo(before);

        catalog.remove(dem, true);
        assertThat(root.resolve("workspaces/topp/dem")).doesNotExist();
        assertThat(workspaceFile("topp")).isRegularFile();
        assertThat(catalog.layers()).isEmpty();
        assertThat(catalog.layerByName("topp", "elevation")).isEmpty();
    }

    @Test
    void removingLayerDeletesItsDirectoryOnly() {
        WorkspaceInfo topp = catalog.add(workspace("topp"));
        StoreInfo dem = catalog.add(store(topp, "dem"));
        LayerInfo elevation = catalog.add(layer(dem, "elevation"));
        LayerInfo slope = catalog.add(layer(dem, "slope"));

        catalog.remove(elevation);

        assertThat(root.resolve("workspaces/topp/dem/elevation")).doesNotExist();
        assertThat(layerFile("topp", "dem", "slope")).isRegularFile();
        assertThat(storeFile("topp", "dem")).isRegularFile();
        assertThat(reload().layers()).containsExactly(slope);
        assertThatThrownBy(() -> catalog.remove(elevation)).isInstanceOf(CatalogException.NotFound.class);
    }

    // ---- loading a damaged data dir ---------------------------------------------------------

    /** A data dir with workspace topp, store dem, layer elevation; returns the layer. */
    private LayerInfo populate() {
        WorkspaceInfo topp = catalog.add(workspace("topp"));
        StoreInfo dem = catalog.add(store(topp, "dem"));
        return catalog.add(layer(dem, "elevation"));
    }

    @Test
    void corruptJsonFileIsReportedAndSkippedWhileOthersLoad() throws IOException {
        LayerInfo elevation = populate();
        StoreInfo dem = catalog.store(elevation.storeId()).orElseThrow();
        catalog.add(layer(dem, "broken"));
        write(layerFile("topp", "dem", "broken"), "{ \"id\": \"x\", \"name\": ");

        Catalog reloaded = reload();

        assertThat(reloaded.loadProblems())
                .singleElement()
                .satisfies(p -> assertThat(p.path())
                        .isEqualTo(Path.of("workspaces", "topp", "dem", "broken", "layer.json")
                                .toString()));
        assertThat(reloaded.layers()).containsExactly(elevation);
        assertThat(reloaded.layerByName("topp", "broken")).isEmpty();
        assertThat(reloaded.workspaces()).extracting(WorkspaceInfo::name).containsExactly("topp");
        assertThat(reloaded.stores(reloaded.workspaceByName("topp").orElseThrow()))
                .containsExactly(dem);
    }

    @Test
    void corruptWorkspaceFileSkipsTheWorkspaceAndReportsEverythingBelowIt() throws IOException {
        populate();
        WorkspaceInfo sf = catalog.add(workspace("sf"));
        write(workspaceFile("topp"), "not json at all");

        Catalog reloaded = reload();

        assertThat(reloaded.workspaces()).containsExactly(sf);
        assertThat(reloaded.loadProblems())
                .extracting(LoadProblem::path)
                .containsExactlyInAnyOrder(
                        Path.of("workspaces", "topp", "workspace.json").toString(),
                        Path.of("workspaces", "topp", "dem", "store.json").toString(),
                        Path.of("workspaces", "topp", "dem", "elevation", "layer.json")
                                .toString());
    }

    @Test
    void storeWithUnknownWorkspaceIdIsReportedAndSkipped() throws IOException {
        LayerInfo elevation = populate();
        WorkspaceInfo topp = catalog.workspaceByName("topp").orElseThrow();
        StoreInfo orphan = new StoreInfo(
                "orphan-id",
                "no-such-workspace",
                "orphan",
                StoreKind.COVERAGE,
                "GeoTIFF",
                null,
                true,
                Map.of(),
                CREATED,
                MODIFIED);
        String json = Files.readString(storeFile("topp", "dem"))
                .replace("\"" + elevation.storeId() + "\"", "\"orphan-id\"")
                .replace("\"" + topp.id() + "\"", "\"no-such-workspace\"")
                .replace("\"name\" : \"dem\"", "\"name\" : \"orphan\"");
        write(storeFile("topp", "orphan"), json);

        Catalog reloaded = reload();

        assertThat(reloaded.loadProblems()).singleElement().satisfies(p -> {
            assertThat(p.path())
                    .isEqualTo(Path.of("workspaces", "topp", "orphan", "store.json")
                            .toString());
            assertThat(p.message()).contains("unknown workspace id no-such-workspace");
        });
        assertThat(reloaded.store(orphan.id())).isEmpty();
        assertThat(reloaded.storeByName("topp", "orphan")).isEmpty();
        assertThat(reloaded.workspaces()).containsExactly(topp);
        assertThat(reloaded.layers()).containsExactly(elevation);
    }

    @Test
    void layerWithUnknownStoreIsReportedAndSkipped() throws IOException {
        LayerInfo elevation = populate();
        String json = Files.readString(layerFile("topp", "dem", "elevation"))
                .replace("\"" + elevation.id() + "\"", "\"ghost-id\"")
                .replace("\"" + elevation.storeId() + "\"", "\"no-such-store\"")
                .replace("\"name\" : \"elevation\"", "\"name\" : \"ghost\"");
        write(layerFile("topp", "dem", "ghost"), json);

        Catalog reloaded = reload();

        assertThat(reloaded.loadProblems()).singleElement().satisfies(p -> {
            assertThat(p.path()).contains("ghost");
            assertThat(p.message()).contains("unknown store id no-such-store");
        });
        assertThat(reloaded.layer("ghost-id")).isEmpty();
        assertThat(reloaded.layerByName("topp", "ghost")).isEmpty();
        assertThat(reloaded.layers()).containsExactly(elevation);
    }

    @Test
    void workspaceFileWhoseNameDiffersFromItsDirectoryIsReportedAndSkipped() throws IOException {
        LayerInfo elevation = populate();
        write(
                workspaceFile("elsewhere"),
                "{\"id\": \"ws-mismatch\", \"name\": \"misnamed\", \"title\": \"t\","
                        + " \"created\": \"2024-01-01T00:00:00Z\", \"modified\": \"2024-01-01T00:00:00Z\"}");

        Catalog reloaded = reload();

        assertThat(reloaded.loadProblems()).singleElement().satisfies(p -> {
            assertThat(p.path())
                    .isEqualTo(
                            Path.of("workspaces", "elsewhere", "workspace.json").toString());
            assertThat(p.message()).contains("misnamed").contains("elsewhere");
        });
        assertThat(reloaded.workspaceByName("misnamed")).isEmpty();
        assertThat(reloaded.workspaceByName("elsewhere")).isEmpty();
        assertThat(reloaded.workspace("ws-mismatch")).isEmpty();
        assertThat(reloaded.workspaces()).extracting(WorkspaceInfo::name).containsExactly("topp");
        assertThat(reloaded.layers()).containsExactly(elevation);
    }

    @Test
    void fileWithoutIdIsReportedAndSkipped() throws IOException {
        populate();
        write(workspaceFile("noid"), "{\"name\": \"noid\"}");

        Catalog reloaded = reload();

        assertThat(reloaded.loadProblems())
                .singleElement()
                .satisfies(p -> assertThat(p.message()).contains("missing id or name"));
        assertThat(reloaded.workspaceByName("noid")).isEmpty();
        assertThat(reloaded.layers()).hasSize(1);
    }

    @Test
    void unknownJsonPropertiesAreIgnored() throws IOException {
        LayerInfo elevation = populate();
        WorkspaceInfo topp = catalog.workspaceByName("topp").orElseThrow();
        Path wsFile = workspaceFile("topp");
        Path layerFile = layerFile("topp", "dem", "elevation");
        write(
                wsFile,
                Files.readString(wsFile)
                        .replaceFirst("\\{", "{ \"futureField\": {\"nested\": [1, 2, 3]}, \"flag\": true,"));
        write(layerFile, Files.readString(layerFile).replaceFirst("\\{", "{ \"addedInV2\": \"whatever\","));

        Catalog reloaded = reload();

        assertThat(reloaded.loadProblems()).isEmpty();
        assertThat(reloaded.workspaceByName("topp")).contains(topp);
        assertThat(reloaded.layers()).containsExactly(elevation);
    }

    @Test
    void leftoverTemporaryFilesAreRemovedOnOpenAndNeverLoaded() throws IOException {
        LayerInfo elevation = populate();
        String wsJson = Files.readString(workspaceFile("topp"));
        Path tempFile = root.resolve("workspaces/topp/.tmp-workspace.json-1234");
        Path tempLayer = root.resolve("workspaces/topp/dem/.tmp-deleted-old-5678/layer.json");
        Path tempWorkspaceDir = root.resolve("workspaces/.tmp-deleted-gone-9999");
        Path tempStyle = root.resolve("styles/.tmp-relief.json");
        Path tempSecurity = root.resolve("security/.tmp-layers.properties-1");
        write(tempFile, wsJson.replace("Workspace topp", "half written"));
        write(tempLayer, Files.readString(layerFile("topp", "dem", "elevation")));
        write(tempWorkspaceDir.resolve("workspace.json"), wsJson);
        write(tempStyle, "{}");
        write(tempSecurity, "x");

        Catalog reloaded = reload(); // opens the data dir again

        assertThat(tempFile).doesNotExist();
        assertThat(tempLayer.getParent()).doesNotExist();
        assertThat(tempWorkspaceDir).doesNotExist();
        assertThat(tempStyle).doesNotExist();
        assertThat(tempSecurity).doesNotExist();
        assertThat(reloaded.loadProblems()).isEmpty();
        assertThat(reloaded.workspaceByName("topp").orElseThrow().title()).isEqualTo("Workspace topp");
        assertThat(reloaded.layers()).containsExactly(elevation);
    }

    @Test
    void temporaryFilesAppearingAfterOpenAreNotLoaded() throws IOException {
        LayerInfo elevation = populate();
        // a write in progress: named like a valid object, but below a temporary name
        write(root.resolve("workspaces/.tmp-x/workspace.json"), "{\"id\": \"tmp\", \"name\": \".tmp-x\"}");
        write(
                root.resolve("workspaces/topp/.tmp-s/store.json"),
                "{\"id\": \"tmp-store\", \"workspaceId\": \"ws-topp\", \"name\": \".tmp-s\", \"kind\": \"COVERAGE\"}");
        write(root.resolve("styles/.tmp-style.json"), "{\"id\": \"tmp-style\", \"name\": \".tmp-style\"}");

        Catalog reloaded = new Catalog(new CatalogFiles(dataDir));
        reloaded.load();

        assertThat(reloaded.loadProblems()).isEmpty();
        assertThat(reloaded.workspace("tmp")).isEmpty();
        assertThat(reloaded.store("tmp-store")).isEmpty();
        assertThat(reloaded.styles()).isEmpty();
        assertThat(reloaded.workspaces()).extracting(WorkspaceInfo::name).containsExactly("topp");
        assertThat(reloaded.layers()).containsExactly(elevation);
    }

    // ---- listeners --------------------------------------------------------------------------

    private record Seen(CatalogEvent.Type type, String id, boolean fileExists, String content) {}

    @Test
    void listenersHearOfChangesAfterTheyAreOnDisk() {
        Map<String, Path> fileOf = new HashMap<>();
        List<Seen> seen = new ArrayList<>();
        catalog.addListener(event -> {
            Path file = fileOf.get(event.object().id());
            boolean exists = Files.exists(file);
            String content;
            try {
                content = exists ? Files.readString(file) : null;
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            seen.add(new Seen(event.type(), event.object().id(), exists, content));
        });

        WorkspaceInfo topp = workspace("topp");
        StoreInfo dem = store(topp, "dem");
        LayerInfo elevation = layer(dem, "elevation");
        StyleInfo relief = style("relief");
        fileOf.put(topp.id(), workspaceFile("topp"));
        fileOf.put(dem.id(), storeFile("topp", "dem"));
        fileOf.put(elevation.id(), layerFile("topp", "dem", "elevation"));
        fileOf.put(relief.id(), styleFile("relief"));

        catalog.add(topp);
        catalog.add(dem);
        catalog.add(elevation);
        catalog.add(relief);
        catalog.save(topp.withTitle("Retitled", MODIFIED));
        catalog.remove(relief);
        catalog.remove(topp, true);

        assertThat(seen)
                .extracting(Seen::type, Seen::id, Seen::fileExists)
                .containsExactly(
                        tuple(CatalogEvent.Type.ADDED, topp.id(), true),
                        tuple(CatalogEvent.Type.ADDED, dem.id(), true),
                        tuple(CatalogEvent.Type.ADDED, elevation.id(), true),
                        tuple(CatalogEvent.Type.ADDED, relief.id(), true),
                        tuple(CatalogEvent.Type.MODIFIED, topp.id(), true),
                        tuple(CatalogEvent.Type.REMOVED, relief.id(), false),
                        tuple(CatalogEvent.Type.REMOVED, elevation.id(), false),
                        tuple(CatalogEvent.Type.REMOVED, dem.id(), false),
                        tuple(CatalogEvent.Type.REMOVED, topp.id(), false));
        assertThat(seen.get(0).content()).contains("Workspace topp");
        assertThat(seen.get(4).content()).contains("Retitled").doesNotContain("Workspace topp");
    }

    @Test
    void eventsCarryTheObjectBeforeAndAfterTheChange() {
        List<CatalogEvent> events = new ArrayList<>();
        catalog.addListener(events::add);
        WorkspaceInfo topp = catalog.add(workspace("topp"));
        WorkspaceInfo retitled = catalog.save(topp.withTitle("Retitled", MODIFIED));
        catalog.remove(retitled, false);

        assertThat(events)
                .containsExactly(
                        new CatalogEvent(CatalogEvent.Type.ADDED, null, topp),
                        new CatalogEvent(CatalogEvent.Type.MODIFIED, topp, retitled),
                        new CatalogEvent(CatalogEvent.Type.REMOVED, retitled, null));
    }

    @Test
    void listenersSeeTheChangeInTheCatalogToo() {
        List<Boolean> visible = new ArrayList<>();
        catalog.addListener(event -> visible.add(
                catalog.workspace(event.object().id()).isPresent() == (event.type() != CatalogEvent.Type.REMOVED)));
        WorkspaceInfo topp = catalog.add(workspace("topp"));
        catalog.remove(topp, false);
        assertThat(visible).containsExactly(true, true);
    }

    @Test
    void refusedChangesFireNoEvent() {
        List<CatalogEvent> events = new ArrayList<>();
        WorkspaceInfo topp = catalog.add(workspace("topp"));
        catalog.add(store(topp, "dem"));
        catalog.addListener(events::add);

        assertThatThrownBy(() -> catalog.add(workspace("topp"))).isInstanceOf(CatalogException.class);
        assertThatThrownBy(() -> catalog.add(workspace("bad name"))).isInstanceOf(CatalogException.class);
        assertThatThrownBy(() -> catalog.remove(topp, false)).isInstanceOf(CatalogException.class);

        assertThat(events).isEmpty();
    }

    @Test
    void failingListenerDoesNotStopOthersNorUndoTheChange() {
        List<CatalogEvent> events = new ArrayList<>();
        catalog.addListener(event -> {
            throw new IllegalStateException("listener bug");
        });
        catalog.addListener(events::add);

        WorkspaceInfo topp = catalog.add(workspace("topp"));

        assertThat(events).hasSize(1);
        assertThat(catalog.workspaceByName("topp")).contains(topp);
        assertThat(workspaceFile("topp")).isRegularFile();
    }

    // ---- styles -----------------------------------------------------------------------------

    @Test
    void layerReferencingUnknownStyleIsRefused() throws IOException {
        WorkspaceInfo topp = catalog.add(workspace("topp"));
        StoreInfo dem = catalog.add(store(topp, "dem"));
        catalog.add(style("relief"));
        Map<String, String> before = snapshot();

        assertThatThrownBy(() -> catalog.add(layer(dem, "elevation", "missing", List.of())))
                .isInstanceOf(CatalogException.Invalid.class)
                .satisfies(e -> assertThat(((CatalogException) e).field()).isEqualTo("styles"))
                .hasMessageContaining("missing");
        assertThatThrownBy(() -> catalog.add(layer(dem, "elevation", "relief", List.of("relief", "absent"))))
                .isInstanceOf(CatalogException.Invalid.class)
                .hasMessageContaining("absent");

        assertThat(snapshot()).isEqualTo(before);
        assertThat(catalog.layers()).isEmpty();
    }

    @Test
    void savingLayerWithUnknownStyleIsRefusedAndKeepsTheOldFile() throws IOException {
        WorkspaceInfo topp = catalog.add(workspace("topp"));
        StoreInfo dem = catalog.add(store(topp, "dem"));
        catalog.add(style("relief"));
        LayerInfo elevation = catalog.add(layer(dem, "elevation", "relief", List.of()));
        Map<String, String> before = snapshot();

        assertThatThrownBy(() -> catalog.save(layer(dem, "elevation", "missing", List.of())))
                .isInstanceOf(CatalogException.Invalid.class);

        assertThat(snapshot()).isEqualTo(before);
        assertThat(catalog.layer(elevation.id())).contains(elevation);
    }

    @Test
    void styleInUseCannotBeRemoved() throws IOException {
        WorkspaceInfo topp = catalog.add(workspace("topp"));
        StoreInfo dem = catalog.add(store(topp, "dem"));
        StyleInfo relief = catalog.add(style("relief"));
        StyleInfo hillshade = catalog.add(style("hillshade"));
        LayerInfo asDefault = catalog.add(layer(dem, "elevation", "relief", List.of()));
        LayerInfo asAlternative = catalog.add(layer(dem, "slope", null, List.of("hillshade")));
        Map<String, String> before = snapshot();

        assertThatThrownBy(() -> catalog.remove(relief))
                .isInstanceOf(CatalogException.Conflict.class)
                .hasMessageContaining("topp:elevation");
        assertThatThrownBy(() -> catalog.remove(hillshade))
                .isInstanceOf(CatalogException.Conflict.class)
                .hasMessageContaining("topp:slope");
        assertThat(snapshot()).isEqualTo(before);
        assertThat(catalog.styles()).containsExactly(hillshade, relief);

        catalog.remove(asDefault);
        catalog.remove(asAlternative);
        catalog.remove(relief);
        catalog.remove(hillshade);
        assertThat(styleFile("relief")).doesNotExist();
        assertThat(styleFile("hillshade")).doesNotExist();
        assertThat(catalog.styles()).isEmpty();
        assertThat(reload().styles()).isEmpty();
    }

    @Test
    void removingStyleDeletesItsBodyFile() throws IOException {
        Path body = root.resolve("styles/relief.sld");
        write(body, "<StyledLayerDescriptor/>");
        StyleInfo relief = catalog.add(new StyleInfo("style-relief", "relief", "sld", "relief.sld", CREATED, MODIFIED));
        assertThat(reload().styles()).containsExactly(relief);

        catalog.remove(relief);

        assertThat(body).doesNotExist();
        assertThat(styleFile("relief")).doesNotExist();
    }

    // ---- files that lie about where they belong --------------------------------------------

    @Test
    void styleFileNameCannotPointOutsideTheStylesFolder() throws IOException {
        populate();
        Map<String, String> before = snapshot();
        for (String filename : List.of("../workspaces", "sub/x.sld", ".hidden", "other.json")) {
            assertThatThrownBy(() -> catalog.add(new StyleInfo("evil", "evil", "sld", filename, CREATED, MODIFIED)))
                    .isInstanceOf(CatalogException.Invalid.class)
                    .satisfies(e -> assertThat(((CatalogException) e).field()).isEqualTo("filename"));
        }
        assertThat(snapshot()).isEqualTo(before);
        assertThat(catalog.workspaces()).isNotEmpty();
    }

    @Test
    void copiedFileWithATakenIdIsReportedAndSkipped() throws IOException {
        populate();
        String json = Files.readString(workspaceFile("topp")).replace("\"name\" : \"topp\"", "\"name\" : \"copy\"");
        write(workspaceFile("copy"), json);

        Catalog reloaded = reload();

        assertThat(reloaded.workspaceByName("topp")).isPresent();
        assertThat(reloaded.workspaceByName("copy")).isEmpty();
        assertThat(reloaded.loadProblems()).singleElement().satisfies(p -> {
            assertThat(p.path())
                    .isEqualTo(Path.of("workspaces", "copy", "workspace.json").toString());
            assertThat(p.message()).contains("already used");
        });
    }

    @Test
    void storeFileInAnotherWorkspacesFolderIsReportedAndSkipped() throws IOException {
        populate();
        WorkspaceInfo other = catalog.add(workspace("other"));
        String json = Files.readString(storeFile("topp", "dem"))
                .replace("\"name\" : \"dem\"", "\"name\" : \"moved\"")
                .replace("\"id\" : \"store-topp-dem\"", "\"id\" : \"store-moved\"");
        write(storeFile(other.name(), "moved"), json);

        Catalog reloaded = reload();

        assertThat(reloaded.storeByName("topp", "moved")).isEmpty();
        assertThat(reloaded.storeByName("other", "moved")).isEmpty();
        assertThat(reloaded.loadProblems()).singleElement().satisfies(p -> {
            assertThat(p.path())
                    .isEqualTo(Path.of("workspaces", "other", "moved", "store.json")
                            .toString());
            assertThat(p.message())
                    .contains(Path.of("workspaces", "topp", "moved").toString());
        });
    }

    @Test
    void namesOfTheDataDirsOwnFilesAreRefused() {
        WorkspaceInfo ws = catalog.add(workspace("files"));
        assertThatThrownBy(() -> catalog.add(store(ws, "workspace.json")))
                .isInstanceOf(CatalogException.Invalid.class)
                .hasMessageContaining(".json");
        assertThat(catalog.stores(ws)).isEmpty();
    }
}
