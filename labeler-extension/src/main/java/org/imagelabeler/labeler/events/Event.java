package org.imagelabeler.labeler.events;

import java.time.Instant;
import java.util.List;
import org.locationtech.jts.geom.Geometry;

/**
 * An Earth Science Event (a flood, a dust storm, cloud streets...): the images, labels and map
 * shapes a team gathers about one phenomenon.
 *
 * @param slug the event's name in URLs, unique: lower-case letters, digits and '-'
 * @param start the start of the time range, or null
 * @param end the end of the time range, or null
 * @param areaOfInterest in EPSG:4326, longitude first, or null
 * @param version increases with every change, for optimistic concurrency
 */
public record Event(
        String id,
        String slug,
        String title,
        String description,
        String phenomenon,
        Instant start,
        Instant end,
        Geometry areaOfInterest,
        List<String> keywords,
        Visibility visibility,
        LabelSchema labelSchema,
        String createdBy,
        Instant created,
        Instant updated,
        int version) {

    public Event {
        keywords = keywords == null ? List.of() : List.copyOf(keywords);
        labelSchema = labelSchema == null ? new LabelSchema(List.of(), null) : labelSchema;
    }
}
