package org.imagelabeler.labeler.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;

/**
 * An event as the REST API reads and writes it. In requests every field is optional on update
 * (absent means unchanged); {@code areaOfInterest} is a GeoJSON geometry (RFC 7946, longitude
 * first).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EventJson(
        String slug,
        String title,
        String description,
        String phenomenon,
        TimeRangeJson timeRange,
        JsonNode areaOfInterest,
        List<String> keywords,
        Visibility visibility,
        LabelSchema labelSchema,
        String createdBy,
        Instant created,
        Instant updated,
        Integer version,
        String role,
        String href) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record TimeRangeJson(Instant start, Instant end) {}

    public EventJson withHref(String link) {
        return new EventJson(
                slug,
                title,
                description,
                phenomenon,
                timeRange,
                areaOfInterest,
                keywords,
                visibility,
                labelSchema,
                createdBy,
                created,
                updated,
                version,
                role,
                link);
    }
}
