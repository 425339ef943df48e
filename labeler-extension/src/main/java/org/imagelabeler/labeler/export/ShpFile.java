package org.imagelabeler.labeler.export;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/**
 * The geometries of a shapefile: the main file ({@code .shp}) and its index ({@code .shx}),
 * written record by record; the headers (file length, bounding box) are written when the file is
 * finished. Lengths and offsets count 16-bit words, big-endian; everything else is little-endian.
 */
final class ShpFile implements AutoCloseable {

    private static final int HEADER = 100;

    private final ShapeType type;
    private final Path shp;
    private final Path shx;
    private final OutputStream shpOut;
    private final OutputStream shxOut;
    private final Envelope bounds = new Envelope();
    private final ByteBuffer recordHeader = ByteBuffer.allocate(8).order(ByteOrder.BIG_ENDIAN);
    private long shpBytes = HEADER;
    private int records;

    ShpFile(ShapeType type, Path shp, Path shx) throws IOException {
        this.type = type;
        this.shp = shp;
        this.shx = shx;
        this.shpOut = new BufferedOutputStream(Files.newOutputStream(shp), 1 << 16);
        this.shxOut = new BufferedOutputStream(Files.newOutputStream(shx), 1 << 14);
        shpOut.write(new byte[HEADER]);
        shxOut.write(new byte[HEADER]);
    }

    /** Appends a record of {@code g}, a geometry of this file's type. */
    void add(Geometry g) throws IOException {
        ByteBuffer content = ShapeContent.of(type, g);
        if (shpBytes + 8 + content.remaining() > Integer.MAX_VALUE) {
            // readers take offsets as signed 32-bit counts of words, and most stop at 2 GB
            throw new IOException("a shapefile cannot hold more than 2 GB: too many shapes in " + shp.getFileName());
        }
        int words = content.remaining() / 2;
        recordHeader.clear();
        recordHeader.putInt(++records).putInt(words);
        shpOut.write(recordHeader.array());
        shpOut.write(content.array(), 0, content.remaining());
        recordHeader.clear();
        recordHeader.putInt((int) (shpBytes / 2)).putInt(words);
        shxOut.write(recordHeader.array());
        shpBytes += 8 + content.remaining();
        bounds.expandToInclude(g.getEnvelopeInternal());
    }

    /** Closes both files and writes their headers. */
    void finish() throws IOException {
        close();
        header(shp, shpBytes);
        header(shx, HEADER + 8L * records);
    }

    private void header(Path file, long bytes) throws IOException {
        ByteBuffer h = ByteBuffer.allocate(HEADER);
        h.order(ByteOrder.BIG_ENDIAN).putInt(9994).position(24);
        h.putInt((int) (bytes / 2));
        h.order(ByteOrder.LITTLE_ENDIAN).putInt(1000).putInt(type.code);
        h.putDouble(bounds.getMinX()).putDouble(bounds.getMinY());
        h.putDouble(bounds.getMaxX()).putDouble(bounds.getMaxY());
        // Z and M ranges stay 0: the files are 2D
        h.rewind();
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.write(h, 0);
        }
    }

    @Override
    public void close() throws IOException {
        try (shpOut) {
            shxOut.close();
        }
    }
}
