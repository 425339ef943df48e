package org.imagelabeler.labeler.export;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.List;

/**
 * The attribute table of a shapefile, dBASE III ({@code .dbf}): one fixed-width record per shape,
 * in the order of the shapes; text in UTF-8 (the {@code .cpg} says so). The record count and the
 * date of last update go in the header when the file is finished.
 */
final class DbfFile implements AutoCloseable {

    private static final int DESCRIPTOR = 32;

    private final Path path;
    private final List<DbfField> fields;
    private final OutputStream out;
    private final byte[] record;
    private int records;

    DbfFile(Path path, List<DbfField> fields) throws IOException {
        this.path = path;
        this.fields = List.copyOf(fields);
        int length = 1;
        for (DbfField f : fields) {
            length += f.width();
        }
        this.record = new byte[length];
        this.out = new BufferedOutputStream(Files.newOutputStream(path), 1 << 16);
        out.write(new byte[DESCRIPTOR]);
        for (DbfField f : fields) {
            byte[] d = new byte[DESCRIPTOR];
            byte[] name = f.name().getBytes(StandardCharsets.US_ASCII);
            System.arraycopy(name, 0, d, 0, name.length);
            d[11] = (byte) f.type();
            d[16] = (byte) f.width();
            out.write(d);
        }
        out.write(0x0D);
    }

    /** Appends a record: one value per field, in the fields' order. */
    void add(Object... values) throws IOException {
        record[0] = ' '; // not deleted
        int offset = 1;
        for (int i = 0; i < fields.size(); i++) {
            DbfField f = fields.get(i);
            f.write(values[i], record, offset);
            offset += f.width();
        }
        out.write(record);
        records++;
    }

    /** Ends the file and writes its header; {@code updated} is the date of its newest record. */
    void finish(LocalDate updated) throws IOException {
        out.write(0x1A);
        out.close();
        ByteBuffer h = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN);
        h.put((byte) 0x03); // dBASE III without memo
        h.put((byte) (updated.getYear() - 1900))
                .put((byte) updated.getMonthValue())
                .put((byte) updated.getDayOfMonth());
        h.putInt(records);
        h.putShort((short) (DESCRIPTOR + DESCRIPTOR * fields.size() + 1));
        h.putShort((short) record.length);
        h.flip();
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.WRITE)) {
            channel.write(h, 0);
        }
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
