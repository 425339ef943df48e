package org.imagelabeler.labeler.images;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** An image as the REST API shows it, with links to its files. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ImageJson(
        String id,
        String name,
        String mediaType,
        int width,
        int height,
        long bytes,
        String sha256,
        String crs,
        double[] transform,
        String footprint,
        /** Qualified name of the image's WMS/WMTS layer (georeferenced images only). */
        String layer,
        ImageStatus status,
        String assignee,
        String labeledBy,
        List<String> tags,
        Map<String, Object> source,
        Instant acquired,
        String createdBy,
        Instant created,
        Instant updated,
        int version,
        Map<String, String> links) {}
