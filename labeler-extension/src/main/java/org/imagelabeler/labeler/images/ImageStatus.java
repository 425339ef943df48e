package org.imagelabeler.labeler.images;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Where an image is in the labeling workflow. */
public enum ImageStatus {
    UNLABELED,
    IN_PROGRESS,
    LABELED,
    ACCEPTED,
    REJECTED;

    @JsonValue
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static ImageStatus of(String value) {
        for (ImageStatus s : values()) {
            if (s.json().equalsIgnoreCase(value)) {
                return s;
            }
        }
        throw new IllegalArgumentException(
                "status must be unlabeled, in_progress, labeled, accepted or rejected, got '" + value + "'");
    }

    /** Accepting and rejecting is review, not labeling. */
    public boolean isReview() {
        return this == ACCEPTED || this == REJECTED;
    }
}
