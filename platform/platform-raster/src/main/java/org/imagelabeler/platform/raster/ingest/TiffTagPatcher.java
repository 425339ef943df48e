package org.imagelabeler.platform.raster.ingest;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Two fixes to the TIFF directories that Apache SIS 1.6 writes, which it cannot express itself:
 * marking appended images as reduced-resolution versions of the first (internal overviews,
 * NewSubfileType = 1), and adding GDAL's nodata tag to the first image. Both are the TIFF 6.0
 * structures GDAL reads; this is not a general TIFF writer.
 */
final class TiffTagPatcher {

    private static final int NEW_SUBFILE_TYPE = 254;
    private static final int GDAL_NODATA = 42113;
    private static final short ASCII = 2;

    private final FileChannel ch;
    private final ByteOrder order;
    private final boolean big;
    private final int entrySize;
    private final int countSize;
    private final int offsetSize;

    private TiffTagPatcher(FileChannel ch) throws IOException {
        this.ch = ch;
        ByteBuffer head = read(0, 16, ByteOrder.LITTLE_ENDIAN);
        this.order = head.get(0) == 'I' ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN;
        head.order(order);
        this.big = head.getShort(2) == 43;
        this.entrySize = big ? 20 : 12;
        this.countSize = big ? 8 : 2;
        this.offsetSize = big ? 8 : 4;
    }

    /** Marks every image after the first as an overview; returns how many were marked. */
    static int markOverviews(Path tiff) throws IOException {
        try (FileChannel ch = open(tiff)) {
            TiffTagPatcher p = new TiffTagPatcher(ch);
            int marked = 0;
            long ifd = p.firstIfd();
            for (int index = 0; ifd != 0; index++) {
                Directory dir = p.directory(ifd);
                for (int e = 0; e < dir.entries(); e++) {
                    if (dir.tag(e) == NEW_SUBFILE_TYPE && index > 0) {
                        // the value is a LONG stored in the entry itself
                        ch.write(ByteBuffer.allocate(4).order(p.order).putInt(0, 1), dir.valuePosition(e));
                        marked++;
                    }
                }
                ifd = dir.next();
            }
            ch.force(true);
            return marked;
        }
    }

    /**
     * Adds GDAL_NODATA to the first image: a copy of its directory with the extra entry is
     * appended to the file, and the header made to point to it.
     */
    static void addNoData(Path tiff, double noData) throws IOException {
        String text = noData == Math.rint(noData) && !Double.isInfinite(noData)
                ? Long.toString((long) noData)
                : Double.toString(noData);
        byte[] value = (text + "\0").getBytes(StandardCharsets.US_ASCII);
        try (FileChannel ch = open(tiff)) {
            TiffTagPatcher p = new TiffTagPatcher(ch);
            Directory first = p.directory(p.firstIfd());
            long end = align(ch.size());
            byte[] inline = new byte[p.offsetSize];
            boolean fits = value.length <= p.offsetSize;
            if (fits) {
                System.arraycopy(value, 0, inline, 0, value.length);
            } else {
                ch.write(ByteBuffer.wrap(value), end);
                ByteBuffer offset = ByteBuffer.allocate(p.offsetSize).order(p.order);
                if (p.big) {
                    offset.putLong(0, end);
                } else {
                    offset.putInt(0, (int) end);
                }
                inline = offset.array();
                end = align(end + value.length);
            }
            List<byte[]> entries = new ArrayList<>();
            for (int e = 0; e < first.entries(); e++) {
                if (first.tag(e) != GDAL_NODATA) {
                    entries.add(first.entry(e));
                }
            }
            ByteBuffer entry = ByteBuffer.allocate(p.entrySize).order(p.order);
            entry.putShort((short) GDAL_NODATA).putShort(ASCII);
            if (p.big) {
                entry.putLong(value.length);
            } else {
                entry.putInt(value.length);
            }
            entry.put(inline);
            entries.add(entry.array());
            entries.sort(Comparator.comparingInt(
                    b -> Short.toUnsignedInt(ByteBuffer.wrap(b).order(p.order).getShort(0))));

            ByteBuffer dir = ByteBuffer.allocate(p.countSize + entries.size() * p.entrySize + p.offsetSize)
                    .order(p.order);
            if (p.big) {
                dir.putLong(entries.size());
            } else {
                dir.putShort((short) entries.size());
            }
            entries.forEach(dir::put);
            if (p.big) {
                dir.putLong(first.next());
            } else {
                dir.putInt((int) first.next());
            }
            ch.write(dir.flip(), end);
            ByteBuffer header = ByteBuffer.allocate(p.offsetSize).order(p.order);
            if (p.big) {
                header.putLong(0, end);
            } else {
                header.putInt(0, (int) end);
            }
            ch.force(true); // the new directory is on disk before the header points to it
            ch.write(header, p.big ? 8 : 4);
            ch.force(true);
        }
    }

    private record Directory(long position, ByteBuffer bytes, int entries, int entrySize, int countSize, boolean big) {
        int tag(int e) {
            return Short.toUnsignedInt(bytes.getShort(e * entrySize));
        }

        byte[] entry(int e) {
            byte[] b = new byte[entrySize];
            bytes.get(e * entrySize, b);
            return b;
        }

        long valuePosition(int e) {
            return position + countSize + (long) e * entrySize + (big ? 12 : 8);
        }

        long next() {
            int at = entries * entrySize;
            return big ? bytes.getLong(at) : Integer.toUnsignedLong(bytes.getInt(at));
        }
    }

    private long firstIfd() throws IOException {
        ByteBuffer head = read(0, 16, order);
        return big ? head.getLong(8) : Integer.toUnsignedLong(head.getInt(4));
    }

    private Directory directory(long position) throws IOException {
        ByteBuffer count = read(position, countSize, order);
        int entries = (int) (big ? count.getLong(0) : Short.toUnsignedInt(count.getShort(0)));
        ByteBuffer bytes = read(position + countSize, entries * entrySize + offsetSize, order);
        return new Directory(position, bytes, entries, entrySize, countSize, big);
    }

    private ByteBuffer read(long position, int length, ByteOrder byteOrder) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(length).order(byteOrder);
        while (b.hasRemaining()) {
            if (ch.read(b, position + b.position()) < 0) {
                throw new IOException("truncated TIFF at " + position);
            }
        }
        return b.flip();
    }

    private static FileChannel open(Path tiff) throws IOException {
        return FileChannel.open(tiff, StandardOpenOption.READ, StandardOpenOption.WRITE);
    }

    /** TIFF offsets are word-aligned. */
    private static long align(long position) {
        return (position + 7) & ~7L;
    }
}
