package org.imagelabeler.labeler.events;

import java.util.List;

/**
 * What an event's labels may say: the classes of boxes and polygons, and the image-level tags
 * (by default the original ImageLabeler's {@code present}, {@code not_present}, {@code untagged}).
 */
public record LabelSchema(List<LabelClass> classes, List<String> tags) {

    public static final List<String> DEFAULT_TAGS = List.of("present", "not_present", "untagged");

    public LabelSchema {
        classes = classes == null ? List.of() : List.copyOf(classes);
        tags = tags == null || tags.isEmpty() ? DEFAULT_TAGS : List.copyOf(tags);
    }

    public boolean hasClass(String name) {
        return classes.stream().anyMatch(c -> c.name().equals(name));
    }
}
