package org.imagelabeler.labeler.export;

import java.io.IOException;
import org.imagelabeler.labeler.annotations.Annotation;

/**
 * Writes one format of one export: told of every map shape, then of every image, then asked to
 * finish. Calls come from one thread, in a deterministic order (the same event state and options
 * give the same calls), and the archive has one entry open at a time: a writer finishes each entry
 * it starts before returning.
 */
public interface FormatWriter extends AutoCloseable {

    /** A shape drawn on the map (space {@code MAP}, geometry in EPSG:4326). Formats without map shapes ignore it. */
    default void shape(Annotation shape) throws IOException {}

    /** An image of the dataset, with its labels, its split and its file in the archive. */
    void image(ExportImage image) throws IOException;

    /** Writes what spans the whole dataset (a COCO file, data.yaml, a collection) into the archive. */
    void finish() throws IOException;

    /** Releases work files; called whether the export finished, failed or was cancelled. */
    @Override
    default void close() throws IOException {}
}
