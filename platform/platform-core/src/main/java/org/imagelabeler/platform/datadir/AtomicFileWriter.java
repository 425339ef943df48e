package org.imagelabeler.platform.datadir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Writes files so that a crash at any moment leaves either the previous content or the new one,
 * never a mix: the bytes go to a temporary file in the same directory, are forced to disk, then
 * the file is renamed over the target and the directory entry itself is forced.
 */
public final class AtomicFileWriter {

    /** Prefix of temporary files: the loader ignores them and start-up removes leftovers. */
    public static final String TEMP_PREFIX = ".tmp-";

    private AtomicFileWriter() {}

    public static void write(Path target, byte[] content) {
        Path dir = target.toAbsolutePath().getParent();
        Path temp = dir.resolve(TEMP_PREFIX + target.getFileName() + "-" + UUID.randomUUID());
        try {
            createDirectories(dir);
            try (FileChannel out = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    out.write(buffer);
                }
                out.force(true);
            }
            move(temp, target);
            forceDirectory(dir);
        } catch (IOException e) {
            deleteQuietly(temp);
            throw new UncheckedIOException("Cannot write " + target, e);
        }
    }

    /**
     * Removes a file or a whole directory tree. The tree is first renamed to a hidden name, so a
     * crash during the deletion leaves nothing that loads as a half-deleted object.
     */
    public static void delete(Path path) {
        if (!Files.exists(path)) {
            return;
        }
        Path dir = path.toAbsolutePath().getParent();
        Path doomed = dir.resolve(TEMP_PREFIX + "deleted-" + path.getFileName() + "-" + UUID.randomUUID());
        try {
            move(path, doomed);
            forceDirectory(dir);
            deleteTree(doomed);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete " + path, e);
        }
    }

    /** Creates missing directories and forces each new entry to disk. */
    public static void createDirectories(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            return;
        }
        Path parent = dir.toAbsolutePath().getParent();
        if (parent != null) {
            createDirectories(parent);
        }
        try {
            Files.createDirectory(dir);
        } catch (java.nio.file.FileAlreadyExistsException e) {
            if (Files.isDirectory(dir)) {
                return; // created concurrently
            }
            throw e;
        }
        if (parent != null) {
            forceDirectory(parent);
        }
    }

    /** Removes temporary files and half-deleted trees left by a crash below {@code root}. */
    public static void removeLeftovers(Path root) throws IOException {
        if (!Files.isDirectory(root)) {
            return;
        }
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : files.filter(AtomicFileWriter::isTemporary).toList()) {
                deleteTree(p);
            }
        }
    }

    public static boolean isTemporary(Path p) {
        return p.getFileName() != null && p.getFileName().toString().startsWith(TEMP_PREFIX);
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void forceDirectory(Path dir) throws IOException {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // Some file systems (and Windows) cannot open a directory; the rename is still atomic.
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // best effort: start-up removes leftovers
        }
    }
}
