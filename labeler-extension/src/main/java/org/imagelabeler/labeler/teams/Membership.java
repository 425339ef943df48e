package org.imagelabeler.labeler.teams;

import java.time.Instant;

/** A user's place in an event's team. */
public record Membership(String eventId, String username, TeamRole role, Instant added) {}
