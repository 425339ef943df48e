package org.imagelabeler.platform.tiles.cache;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Comparator;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * The tiles on disk, one file per tile, in a tree a person (or nginx) can read:
 * {@code <root>/<layer id>/<matrix set>/<style>/<time>/<format>/<zoom>/<row>/<column>.<ext>}.
 * Path segments other than numbers are percent-encoded, so no value can climb out of the tree.
 *
 * <p>A tile is written to a temporary file beside its place and renamed there, so a reader sees
 * the whole old tile or the whole new one. Tiles are not forced to disk: the cache can always
 * be rebuilt, and an empty file left by a power loss reads as a miss.
 */
public final class TileStore {

    static final String TEMP_PREFIX = ".tmp-";

    private final Path root;
    private final DiskQuota quota;

    public TileStore(Path root, DiskQuota quota) {
        this.root = root.toAbsolutePath().normalize();
        this.quota = quota;
        quota.attach(this);
    }

    public Path root() {
        return root;
    }

    public DiskQuota quota() {
        return quota;
    }

    public Path layerDirectory(String layerId) {
        return root.resolve(segment(layerId));
    }

    /** The directory of a layer's tiles in one matrix set, style, time and format. */
    public Path cacheDirectory(TileKey key) {
        return layerDirectory(key.layerId())
                .resolve(segment(key.tileMatrixSet()))
                .resolve(segment(key.style()))
                .resolve(segment(key.time()))
                .resolve(key.format().extension());
    }

    public Path path(TileKey key) {
        return cacheDirectory(key)
                .resolve(Integer.toString(key.zoom()))
                .resolve(Long.toString(key.row()))
                .resolve(key.column() + "." + key.format().extension());
    }

    public Optional<CachedTile> read(TileKey key) {
        Path file = path(key);
        try {
            byte[] body = Files.readAllBytes(file);
            if (body.length == 0) {
                return Optional.empty();
            }
            quota.touched(file.getParent());
            return Optional.of(new CachedTile(
                    body,
                    key.format().mimeType(),
                    Files.getLastModifiedTime(file).toInstant()));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the cached tile " + file, e);
        }
    }

    public void write(TileKey key, byte[] body) {
        Path file = path(key);
        Path dir = file.getParent();
        Path temp = dir.resolve(
                TEMP_PREFIX + Long.toHexString(ThreadLocalRandom.current().nextLong()));
        try {
            long before = sizeOf(file);
            try {
                Files.write(temp, body);
            } catch (NoSuchFileException e) {
                Files.createDirectories(dir);
                Files.write(temp, body);
            }
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
            quota.written(dir, body.length - before);
        } catch (IOException e) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException ignored) {
                // the start-up scan removes leftovers
            }
            throw new UncheckedIOException("cannot write the tile " + file, e);
        }
    }

    /** Removes all the tiles of a layer. */
    public void deleteLayer(String layerId) {
        deleteTree(layerDirectory(layerId));
    }

    /**
     * Removes the tiles of one cache (the layer, matrix set, style, time and format of {@code
     * cache}) that {@code which} accepts, given {zoom, row, column}. Returns how many went.
     */
    public long delete(TileKey cache, Predicate<long[]> which) {
        Path dir = cacheDirectory(cache);
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        long[] deleted = {0};
        try (Stream<Path> files = Files.walk(dir)) {
            files.filter(Files::isRegularFile).forEach(f -> {
                long[] position = position(dir, f);
                if (position != null && which.test(position)) {
                    long size = sizeOf(f);
                    try {
                        if (Files.deleteIfExists(f)) {
                            quota.written(f.getParent(), -size);
                            deleted[0]++;
                        }
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot truncate " + dir, e);
        }
        return deleted[0];
    }

    /** Removes a directory of the tree with everything below it. */
    public void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                if (Files.isRegularFile(p)) {
                    quota.written(p.getParent(), -sizeOf(p));
                }
                Files.deleteIfExists(p);
            }
        } catch (NoSuchFileException e) {
            // deleted concurrently
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + dir, e);
        }
        quota.forget(dir);
    }

    /** zoom, row, column of a tile file below a cache directory, or null for anything else. */
    private static long[] position(Path cacheDir, Path file) {
        Path rel = cacheDir.relativize(file);
        if (rel.getNameCount() != 3) {
            return null;
        }
        String name = rel.getName(2).toString();
        int dot = name.indexOf('.');
        try {
            return new long[] {
                Long.parseLong(rel.getName(0).toString()),
                Long.parseLong(rel.getName(1).toString()),
                Long.parseLong(dot < 0 ? name : name.substring(0, dot))
            };
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static long sizeOf(Path file) {
        try {
            return Files.readAttributes(file, BasicFileAttributes.class).size();
        } catch (IOException e) {
            return 0;
        }
    }

    /** A value as one path segment: letters, digits, '-', '_' and inner '.' kept, the rest %XX. */
    static String segment(String value) {
        StringBuilder out = new StringBuilder();
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i++) {
            int b = bytes[i] & 0xFF;
            boolean plain = (b >= 'a' && b <= 'z')
                    || (b >= 'A' && b <= 'Z')
                    || (b >= '0' && b <= '9')
                    || b == '-'
                    || b == '_'
                    || (b == '.' && i > 0);
            if (plain) {
                out.append((char) b);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(b >> 4, 16)));
                out.append(Character.toUpperCase(Character.forDigit(b & 0xF, 16)));
            }
        }
        return out.isEmpty() ? "%00" : out.toString();
    }
}
