package org.imagelabeler.platform.datadir;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Atomic writes, tree deletion and crash clean-up on a real file system. */
class AtomicFileWriterTest {

    @TempDir
    Path dir;

    private List<String> namesIn(Path d) throws IOException {
        try (Stream<Path> entries = Files.list(d)) {
            return entries.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private List<Path> everythingBelow(Path d) throws IOException {
        try (Stream<Path> walk = Files.walk(d)) {
            return walk.filter(p -> !p.equals(d)).map(d::relativize).sorted().toList();
        }
    }

    @Test
    void writeCreatesTheFileAndMissingParentDirectories() throws IOException {
        Path target = dir.resolve("a/b/c/file.json");

        AtomicFileWriter.write(target, "hello".getBytes(StandardCharsets.UTF_8));

        assertThat(target).isRegularFile().hasContent("hello");
    }

    @Test
    void writeReplacesTheContentCompletely() throws IOException {
        Path target = dir.resolve("file.txt");
        AtomicFileWriter.write(
                target, "a much longer original content\nwith two lines\n".getBytes(StandardCharsets.UTF_8));

        AtomicFileWriter.write(target, "short".getBytes(StandardCharsets.UTF_8));

        assertThat(Files.readAllBytes(target)).isEqualTo("short".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void writeOfEmptyContentLeavesAnEmptyFile() throws IOException {
        Path target = dir.resolve("file.txt");
        AtomicFileWriter.write(target, "something".getBytes(StandardCharsets.UTF_8));

        AtomicFileWriter.write(target, new byte[0]);

        assertThat(target).isEmptyFile();
    }

    @Test
    void writeKeepsBinaryContentExact() throws IOException {
        byte[] content = new byte[256 * 1024 + 7];
        for (int i = 0; i < content.length; i++) {
            content[i] = (byte) (i * 31);
        }
        Path target = dir.resolve("blob.bin");

        AtomicFileWriter.write(target, content);

        assertThat(Files.readAllBytes(target)).isEqualTo(content);
    }

    @Test
    void noTemporaryFileRemainsAfterWrite() throws IOException {
        Path target = dir.resolve("sub/file.txt");
        AtomicFileWriter.write(target, "one".getBytes(StandardCharsets.UTF_8));
        AtomicFileWriter.write(target, "two".getBytes(StandardCharsets.UTF_8));
        AtomicFileWriter.write(dir.resolve("sub/other.txt"), "three".getBytes(StandardCharsets.UTF_8));

        assertThat(namesIn(dir.resolve("sub"))).containsExactly("file.txt", "other.txt");
        assertThat(namesIn(dir)).containsExactly("sub");
    }

    @Test
    void failedWriteLeavesTheOldContentAndNoTemporaryFile() throws IOException {
        Path target = dir.resolve("file.txt");
        AtomicFileWriter.write(target, "old".getBytes(StandardCharsets.UTF_8));
        // a directory where the file should go: the rename over it fails
        Path blocked = dir.resolve("blocked");
        Files.createDirectories(blocked.resolve("child"));

        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> AtomicFileWriter.write(blocked, "new".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(java.io.UncheckedIOException.class);

        assertThat(target).hasContent("old");
        assertThat(namesIn(dir)).containsExactly("blocked", "file.txt");
        assertThat(blocked.resolve("child")).isDirectory();
    }

    @Test
    void deleteRemovesAWholeTree() throws IOException {
        Path tree = dir.resolve("ws");
        Files.createDirectories(tree.resolve("store/layer"));
        Files.writeString(tree.resolve("workspace.json"), "{}");
        Files.writeString(tree.resolve("store/store.json"), "{}");
        Files.writeString(tree.resolve("store/layer/layer.json"), "{}");
        Files.writeString(dir.resolve("sibling.txt"), "stays");

        AtomicFileWriter.delete(tree);

        assertThat(tree).doesNotExist();
        assertThat(namesIn(dir)).containsExactly("sibling.txt");
    }

    @Test
    void deleteRemovesASingleFile() throws IOException {
        Path file = dir.resolve("style.json");
        Files.writeString(file, "{}");

        AtomicFileWriter.delete(file);

        assertThat(file).doesNotExist();
        assertThat(namesIn(dir)).isEmpty();
    }

    @Test
    void deleteOfAMissingPathDoesNothing() throws IOException {
        AtomicFileWriter.delete(dir.resolve("nothing/here"));

        assertThat(namesIn(dir)).isEmpty();
    }

    @Test
    void removeLeftoversRemovesTemporaryFilesAndDirectoriesAtAnyDepth() throws IOException {
        Files.createDirectories(dir.resolve("ws/store/layer"));
        Files.writeString(dir.resolve("ws/workspace.json"), "keep");
        Files.writeString(dir.resolve("ws/store/layer/layer.json"), "keep");
        Files.writeString(dir.resolve(".tmp-top.json-1"), "half");
        Files.writeString(dir.resolve("ws/.tmp-workspace.json-2"), "half");
        Files.writeString(dir.resolve("ws/store/layer/.tmp-layer.json-3"), "half");
        Path halfDeleted = dir.resolve("ws/.tmp-deleted-oldstore-4");
        Files.createDirectories(halfDeleted.resolve("layer/.tmp-nested"));
        Files.writeString(halfDeleted.resolve("store.json"), "{}");
        Files.writeString(halfDeleted.resolve("layer/layer.json"), "{}");
        Files.writeString(halfDeleted.resolve("layer/.tmp-nested/x"), "{}");

        AtomicFileWriter.removeLeftovers(dir);

        assertThat(everythingBelow(dir))
                .containsExactly(
                        Path.of("ws"),
                        Path.of("ws/store"),
                        Path.of("ws/store/layer"),
                        Path.of("ws/store/layer/layer.json"),
                        Path.of("ws/workspace.json"));
        assertThat(dir.resolve("ws/workspace.json")).hasContent("keep");
    }

    @Test
    void removeLeftoversKeepsOtherHiddenFiles() throws IOException {
        Files.writeString(dir.resolve(".gitkeep"), "");
        Files.writeString(dir.resolve(".tmp"), "not the prefix");
        Files.writeString(dir.resolve("tmp-file"), "");

        AtomicFileWriter.removeLeftovers(dir);

        assertThat(namesIn(dir)).containsExactly(".gitkeep", ".tmp", "tmp-file");
    }

    @Test
    void removeLeftoversOfAMissingDirectoryDoesNothing() throws IOException {
        AtomicFileWriter.removeLeftovers(dir.resolve("missing"));

        assertThat(dir.resolve("missing")).doesNotExist();
    }

    @Test
    void isTemporaryRecognisesThePrefix() {
        assertThat(AtomicFileWriter.isTemporary(Path.of("a/.tmp-x"))).isTrue();
        assertThat(AtomicFileWriter.isTemporary(Path.of(".tmp-deleted-ws-1"))).isTrue();
        assertThat(AtomicFileWriter.isTemporary(Path.of("a/tmp-x"))).isFalse();
        assertThat(AtomicFileWriter.isTemporary(Path.of(".tmp-x/child"))).isFalse();
        assertThat(AtomicFileWriter.isTemporary(Path.of("/"))).isFalse();
    }

    @Test
    void createDirectoriesCreatesMissingParents() throws IOException {
        Path deep = dir.resolve("x/y/z");

        AtomicFileWriter.createDirectories(deep);
        AtomicFileWriter.createDirectories(deep); // idempotent

        assertThat(deep).isDirectory();
    }
}
