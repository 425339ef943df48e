package org.imagelabeler.labeler.export;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.HashSet;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The zip an export writes, on disk: entries one at a time, with a fixed timestamp so that the
 * same dataset gives the same bytes. Entry names are checked: unique and relative.
 */
public final class ExportArchive implements AutoCloseable {

    /** Every entry's time: 1980-01-01, zip's epoch; the export's own time is in its metadata. */
    private static final FileTime FIXED = FileTime.fromMillis(315532800000L);

    private final ZipOutputStream zip;
    private final Set<String> names = new HashSet<>();
    private boolean open;

    public ExportArchive(OutputStream out) {
        this.zip = new ZipOutputStream(out);
    }

    /** Starts an entry; write it, then close the stream before starting another. */
    public OutputStream entry(String name) throws IOException {
        if (open) {
            throw new IllegalStateException("the previous entry is still open: " + name);
        }
        if (name.startsWith("/") || name.contains("..") || !names.add(name)) {
            throw new IllegalArgumentException("bad or repeated entry name " + name);
        }
        ZipEntry e = new ZipEntry(name);
        e.setLastModifiedTime(FIXED);
        zip.putNextEntry(e);
        open = true;
        return new FilterOutputStream(zip) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                zip.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                zip.closeEntry();
                open = false;
            }
        };
    }

    /** An entry holding a file's bytes. */
    public void file(String name, Path source) throws IOException {
        try (OutputStream out = entry(name)) {
            Files.copy(source, out);
        }
    }

    /**
     * An entry holding a file's bytes as they are, not deflated again: image files are compressed
     * already, and deflating them costs time for nothing.
     */
    public void stored(String name, Path source) throws IOException {
        if (open || name.startsWith("/") || name.contains("..") || !names.add(name)) {
            throw new IllegalArgumentException("bad or repeated entry name " + name);
        }
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        try (var in = Files.newInputStream(source)) {
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; ) {
                crc.update(buffer, 0, n);
            }
        }
        ZipEntry e = new ZipEntry(name);
        e.setMethod(ZipEntry.STORED);
        e.setSize(Files.size(source));
        e.setCompressedSize(Files.size(source));
        e.setCrc(crc.getValue());
        e.setLastModifiedTime(FIXED);
        zip.putNextEntry(e);
        Files.copy(source, zip);
        zip.closeEntry();
    }

    /** An entry holding text (UTF-8). */
    public void text(String name, String content) throws IOException {
        try (OutputStream out = entry(name)) {
            out.write(content.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    @Override
    public void close() throws IOException {
        zip.close();
    }
}
