package org.imagelabeler.labeler.teams;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** A member's role in one event's team; the roles decide every action on the event. */
public enum TeamRole {
    OWNER,
    MANAGER,
    LABELER,
    REVIEWER,
    VIEWER;

    @JsonValue
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static TeamRole of(String value) {
        for (TeamRole r : values()) {
            if (r.json().equalsIgnoreCase(value)) {
                return r;
            }
        }
        throw new IllegalArgumentException(
                "role must be owner, manager, labeler, reviewer or viewer, got '" + value + "'");
    }
}
