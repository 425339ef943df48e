package org.imagelabeler.labeler.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * Who sees an event: {@code private}, its team only; {@code team}, any signed-in user of the
 * server (the organisation); {@code public}, everybody, anonymous clients included.
 */
public enum Visibility {
    PRIVATE,
    TEAM,
    PUBLIC;

    @JsonValue
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static Visibility of(String value) {
        for (Visibility v : values()) {
            if (v.json().equalsIgnoreCase(value)) {
                return v;
            }
        }
        throw new IllegalArgumentException("visibility must be private, team or public, got '" + value + "'");
    }
}
