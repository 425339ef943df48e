package org.imagelabeler.labeler.images;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An image of an event: an upload (PNG, JPEG, GeoTIFF) or, later, a chip extracted from a map
 * layer. The file lives in the data directory; {@code source} records where it came from.
 *
 * @param filePath the original file, relative to the data directory
 * @param georeference null for a plain picture
 * @param labeledBy who last marked it labeled: a rejected image goes back to them
 * @param source the provenance: {@code kind} ({@code upload}...) and what produced it
 * @param acquired when the picture was taken (an extracted chip: its layer's date), if known
 */
public record EventImage(
        String id,
        String eventId,
        String name,
        String mediaType,
        int width,
        int height,
        long bytes,
        String sha256,
        String filePath,
        Georeference georeference,
        ImageStatus status,
        String assignee,
        String labeledBy,
        List<String> tags,
        Map<String, Object> source,
        Instant acquired,
        String createdBy,
        Instant created,
        Instant updated,
        int version) {

    public EventImage {
        tags = tags == null ? List.of() : List.copyOf(tags);
        source = source == null
                ? Map.of()
                : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(source));
    }

    /** This image in a new state of the labeling workflow, one version later. */
    public EventImage withWorkflow(
            ImageStatus status, String assignee, String labeledBy, List<String> tags, Instant updated) {
        return new EventImage(
                id,
                eventId,
                name,
                mediaType,
                width,
                height,
                bytes,
                sha256,
                filePath,
                georeference,
                status,
                assignee,
                labeledBy,
                tags,
                source,
                acquired,
                createdBy,
                created,
                updated,
                version + 1);
    }
}
