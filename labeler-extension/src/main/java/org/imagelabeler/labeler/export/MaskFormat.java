package org.imagelabeler.labeler.export;

import java.io.IOException;

/**
 * Segmentation masks: per image an 8-bit grayscale PNG, {@code masks/<split>/<stem>.png}, whose
 * pixel value is the class index + 1 (0: background), and for a georeferenced image the same
 * values as a GeoTIFF on the image's grid, {@code masks/<split>/<stem>.tif}; {@code
 * masks/classes.json} names the values.
 */
public final class MaskFormat implements DatasetFormat {

    /** Values 1 to 255 in a byte. */
    static final int MAX_CLASSES = 255;

    public MaskFormat() {}

    @Override
    public String id() {
        return "masks";
    }

    @Override
    public FormatWriter open(ExportContext context) throws IOException {
        if (context.classes().size() > MAX_CLASSES) {
            throw new IllegalArgumentException("an 8-bit mask holds at most " + MAX_CLASSES + " classes; the event has "
                    + context.classes().size());
        }
        return new MaskWriter(context);
    }
}
