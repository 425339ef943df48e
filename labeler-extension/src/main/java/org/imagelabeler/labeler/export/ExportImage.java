package org.imagelabeler.labeler.export;

import java.util.List;
import java.util.Map;
import org.imagelabeler.labeler.annotations.Annotation;
import org.imagelabeler.labeler.images.EventImage;

/**
 * An image as an export carries it.
 *
 * @param annotations its pixel labels (boxes and polygons, x right and y down from the top-left
 *     corner) that the export's options keep, in a stable order; each also has its geographic
 *     geometry when the image is georeferenced
 * @param split {@code train}, {@code val} or {@code test}
 * @param path where the image file is in the archive ({@code images/train/flood-3f2a9c01.png})
 * @param stem the file name without extension, unique in the export, for per-image files
 * @param width the image's size in pixels (of the file in the archive)
 * @param provenance where the image came from: {@code kind} ({@code upload} or
 *     {@code extraction}), and for extractions the layer, time, resolution, bbox and CRS
 */
public record ExportImage(
        EventImage image,
        List<Annotation> annotations,
        String split,
        String path,
        String stem,
        int width,
        int height,
        Map<String, Object> provenance) {

    public ExportImage {
        annotations = List.copyOf(annotations);
        // in the order it was made: Map.copyOf's order changes from one JVM to the next
        provenance = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(provenance));
    }
}
