package org.imagelabeler.platform.raster;

/** The sample types served: what GeoTIFFs of satellite scenes, orthophotos and DEMs hold. */
public enum SampleType {
    UINT8(8),
    UINT16(16),
    INT16(16),
    UINT32(32),
    INT32(32),
    FLOAT32(32),
    FLOAT64(64);

    private final int bits;

    SampleType(int bits) {
        this.bits = bits;
    }

    public int bits() {
        return bits;
    }

    public boolean isFloat() {
        return this == FLOAT32 || this == FLOAT64;
    }

    /** From TIFF's BitsPerSample and SampleFormat (1 unsigned, 2 signed, 3 floating point). */
    static SampleType of(int bits, int format) {
        for (SampleType t : values()) {
            boolean kind =
                    switch (format) {
                        case 3 -> t == FLOAT32 || t == FLOAT64;
                        case 2 -> t == INT16 || t == INT32;
                        default -> t == UINT8 || t == UINT16 || t == UINT32;
                    };
            if (kind && t.bits == bits) {
                return t;
            }
        }
        return null;
    }
}
