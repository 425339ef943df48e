package org.imagelabeler.labeler.export;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A column of a dBASE III table (a shapefile's {@code .dbf}): text ({@code C}) or an integer
 * ({@code N}), of a fixed width in bytes.
 *
 * @param name at most 10 ASCII characters
 */
record DbfField(String name, char type, int width) {

    DbfField {
        if (name.length() > 10 || !StandardCharsets.US_ASCII.newEncoder().canEncode(name)) {
            throw new IllegalArgumentException("a dBASE field name is at most 10 ASCII characters: " + name);
        }
        if (width < 1 || width > 254 || (type != 'C' && type != 'N')) {
            throw new IllegalArgumentException("bad dBASE field " + name + " " + type + "(" + width + ")");
        }
    }

    static DbfField text(String name, int width) {
        return new DbfField(name, 'C', width);
    }

    static DbfField integer(String name, int width) {
        return new DbfField(name, 'N', width);
    }

    /**
     * Writes a value at {@code offset}, padded to the width: text left-aligned in UTF-8, cut on a
     * character boundary when too long; numbers right-aligned, all '*' when they do not fit (as
     * dBASE shows an overflow); null as blanks.
     */
    void write(Object value, byte[] record, int offset) {
        Arrays.fill(record, offset, offset + width, (byte) ' ');
        if (value == null) {
            return;
        }
        if (type == 'C') {
            byte[] text = value.toString().getBytes(StandardCharsets.UTF_8);
            int length = Math.min(text.length, width);
            // back up to the first byte of a character: continuation bytes are 10xxxxxx
            while (length < text.length && length > 0 && (text[length] & 0xC0) == 0x80) {
                length--;
            }
            System.arraycopy(text, 0, record, offset, length);
        } else {
            byte[] digits = Long.toString(((Number) value).longValue()).getBytes(StandardCharsets.US_ASCII);
            if (digits.length > width) {
                Arrays.fill(record, offset, offset + width, (byte) '*');
            } else {
                System.arraycopy(digits, 0, record, offset + width - digits.length, digits.length);
            }
        }
    }
}
