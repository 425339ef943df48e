package org.imagelabeler.labeler.export;

import java.io.IOException;

/**
 * Writes each image's two items and its labels as it arrives, and the collection at the end:
 * {@code stac/collection.json}, {@code stac/items/<stem>.json}, {@code
 * stac/items/<stem>-labels.json} and {@code stac/items/<stem>-labels.geojson}.
 */
final class StacWriter implements FormatWriter {

    static final String ROOT = "stac/";
    static final String ITEMS = ROOT + "items/";

    private final ExportContext context;
    private final StacCollection collection;

    StacWriter(ExportContext context) throws IOException {
        this.context = context;
        this.collection = new StacCollection(context);
    }

    @Override
    public void image(ExportImage image) throws IOException {
        LabelTally tally = LabelTally.of(image.annotations(), context.classes());
        ExportArchive archive = context.archive();
        String stem = image.stem();
        ArchiveJson.write(archive, ITEMS + stem + ".json", StacItems.imagery(image, context));
        ArchiveJson.writeCompact(archive, ITEMS + stem + "-labels.geojson", StacItems.labelFeatures(image));
        ArchiveJson.write(archive, ITEMS + stem + "-labels.json", StacItems.labels(image, tally, context));
        collection.add(image, tally);
    }

    @Override
    public void finish() throws IOException {
        collection.write(context.archive(), ROOT + "collection.json");
    }

    @Override
    public void close() throws IOException {
        collection.close();
    }
}
