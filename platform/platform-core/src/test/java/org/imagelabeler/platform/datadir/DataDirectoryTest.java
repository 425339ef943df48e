package org.imagelabeler.platform.datadir;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opening a data directory: creation, the template copy from the classpath (the test resources
 * hold a small {@code datadir-template}), and the clean-up of leftovers.
 */
class DataDirectoryTest {

    /** Sees the test resources, hence the test {@code datadir-template}. */
    private static final ClassLoader WITH_TEMPLATE = DataDirectoryTest.class.getClassLoader();

    /** Sees no application resources at all: there is no template. */
    private static final ClassLoader NO_TEMPLATE = ClassLoader.getPlatformClassLoader();

    private static final String RULES = "security/layers.properties";
    private static final String GLOBAL = "settings/global.json";

    @TempDir
    Path tmp;

    private static String template(String relative) throws IOException {
        try (InputStream in = WITH_TEMPLATE.getResourceAsStream(DataDirectory.TEMPLATE_LOCATION + "/" + relative)) {
            assertThat(in).as("test template resource " + relative).isNotNull();
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    private static List<Path> everythingBelow(Path d) throws IOException {
        try (Stream<Path> walk = Files.walk(d)) {
            return walk.filter(p -> !p.equals(d)).map(d::relativize).sorted().toList();
        }
    }

    @Test
    void missingDirectoryIsCreatedEmptyWhenThereIsNoTemplate() throws IOException {
        Path root = tmp.resolve("a/b/data");

        DataDirectory dataDir = DataDirectory.open(root, NO_TEMPLATE);

        assertThat(root).isDirectory();
        assertThat(everythingBelow(root)).isEmpty();
        assertThat(dataDir.root()).isEqualTo(root.toAbsolutePath().normalize());
    }

    @Test
    void locationsFollowTheDocumentedLayout() {
        Path root = tmp.resolve("data");

        DataDirectory dataDir = DataDirectory.open(tmp.resolve("x/../data"), NO_TEMPLATE);

        assertThat(dataDir.root()).isEqualTo(root.toAbsolutePath());
        assertThat(dataDir.workspaces()).isEqualTo(dataDir.root().resolve("workspaces"));
        assertThat(dataDir.styles()).isEqualTo(dataDir.root().resolve("styles"));
        assertThat(dataDir.settings()).isEqualTo(dataDir.root().resolve("settings"));
        assertThat(dataDir.security()).isEqualTo(dataDir.root().resolve("security"));
        assertThat(dataDir.plugins()).isEqualTo(dataDir.root().resolve("plugins"));
        assertThat(dataDir.database()).isEqualTo(dataDir.root().resolve("db"));
        assertThat(dataDir.blobs()).isEqualTo(dataDir.root().resolve("blobs"));
        assertThat(dataDir.tiles()).isEqualTo(dataDir.root().resolve("tiles"));
        assertThat(dataDir.toString()).isEqualTo(dataDir.root().toString());
    }

    @Test
    void templateIsCopiedIntoANewDirectory() throws IOException {
        Path root = tmp.resolve("new-data");

        DataDirectory.open(root, WITH_TEMPLATE);

        assertThat(root.resolve(RULES)).isRegularFile().hasContent(template(RULES));
        assertThat(root.resolve(GLOBAL)).isRegularFile().hasContent(template(GLOBAL));
        assertThat(everythingBelow(root))
                .containsExactly(
                        Path.of("security"),
                        Path.of("security/layers.properties"),
                        Path.of("settings"),
                        Path.of("settings/global.json"));
    }

    @Test
    void templateIsCopiedIntoAnExistingEmptyDirectory() throws IOException {
        Path root = Files.createDirectories(tmp.resolve("empty"));

        DataDirectory.open(root, WITH_TEMPLATE);

        assertThat(root.resolve(RULES)).hasContent(template(RULES));
        assertThat(root.resolve(GLOBAL)).hasContent(template(GLOBAL));
    }

    @Test
    void templateIsNotCopiedIntoANonEmptyDirectory() throws IOException {
        Path root = Files.createDirectories(tmp.resolve("used"));
        Files.writeString(root.resolve("marker.txt"), "an existing data dir");

        DataDirectory.open(root, WITH_TEMPLATE);

        assertThat(everythingBelow(root)).containsExactly(Path.of("marker.txt"));
    }

    @Test
    void templateNeverOverwritesExistingFiles() throws IOException {
        Path root = tmp.resolve("custom");
        Files.createDirectories(root.resolve("security"));
        Files.writeString(root.resolve(RULES), "*.*.r=ADMIN\n");

        DataDirectory.open(root, WITH_TEMPLATE);

        assertThat(root.resolve(RULES)).hasContent("*.*.r=ADMIN");
        assertThat(root.resolve(GLOBAL)).doesNotExist();
    }

    @Test
    void templateIsCopiedOnTheFirstOpenOnly() throws IOException {
        Path root = tmp.resolve("data");
        DataDirectory.open(root, WITH_TEMPLATE);
        Files.writeString(root.resolve(RULES), "*.*.r=EDITOR\n");
        Files.delete(root.resolve(GLOBAL));

        DataDirectory.open(root, WITH_TEMPLATE);

        assertThat(root.resolve(RULES)).hasContent("*.*.r=EDITOR");
        assertThat(root.resolve(GLOBAL)).doesNotExist();
    }

    @Test
    void leftoversInCatalogFoldersAreRemovedOnOpen() throws IOException {
        Path root = tmp.resolve("data");
        Files.createDirectories(root.resolve("workspaces/topp/.tmp-deleted-dem-1"));
        Files.writeString(root.resolve("workspaces/topp/workspace.json"), "{}");
        Files.writeString(root.resolve("workspaces/topp/.tmp-deleted-dem-1/store.json"), "{}");
        Files.createDirectories(root.resolve("styles"));
        Files.writeString(root.resolve("styles/.tmp-relief.json-2"), "{}");
        Files.createDirectories(root.resolve("settings/services"));
        Files.writeString(root.resolve("settings/services/.tmp-wms.json-3"), "{}");
        Files.createDirectories(root.resolve("security"));
        Files.writeString(root.resolve("security/.tmp-layers.properties-4"), "x");
        Files.writeString(root.resolve("security/layers.properties"), "*.*.r=*\n");

        DataDirectory.open(root, WITH_TEMPLATE);

        assertThat(everythingBelow(root))
                .containsExactly(
                        Path.of("security"),
                        Path.of("security/layers.properties"),
                        Path.of("settings"),
                        Path.of("settings/services"),
                        Path.of("styles"),
                        Path.of("workspaces"),
                        Path.of("workspaces/topp"),
                        Path.of("workspaces/topp/workspace.json"));
        assertThat(root.resolve("security/layers.properties")).hasContent("*.*.r=*");
    }
}
