package org.imagelabeler.labeler.export;

import java.io.IOException;

/**
 * The dataset as a self-contained STAC 1.0.0 catalog under {@code stac/}: a Collection for the
 * event, and per image an imagery Item and a label Item (label extension) with its labels as
 * GeoJSON. Every href is relative, so the unzipped folder can be moved or served as is.
 */
public final class StacFormat implements DatasetFormat {

    public StacFormat() {}

    @Override
    public String id() {
        return "stac";
    }

    @Override
    public FormatWriter open(ExportContext context) throws IOException {
        return new StacWriter(context);
    }
}
