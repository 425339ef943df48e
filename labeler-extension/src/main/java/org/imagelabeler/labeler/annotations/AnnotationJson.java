package org.imagelabeler.labeler.annotations;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Map;

/**
 * An annotation as the REST API reads and writes it. {@code geometry} is GeoJSON in the
 * annotation's space: image pixels ({@code space: "pixel"}, x right, y down) or longitude and
 * latitude ({@code space: "map"}). {@code geographic} is read-only: where a pixel annotation of a
 * georeferenced image lies on Earth.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AnnotationJson(
        String id,
        String imageId,
        String space,
        String shape,
        @JsonProperty("class") String className,
        JsonNode geometry,
        JsonNode geographic,
        Map<String, Object> attributes,
        String author,
        Instant created,
        Instant updated,
        Integer version) {}
