package org.imagelabeler.labeler.audit;

import java.time.Instant;

/**
 * One recorded change: who did what to which object of an event, with the object before and
 * after as JSON (null for a creation or a deletion).
 */
public record AuditEntry(
        long id,
        String eventId,
        String actor,
        String action,
        String targetType,
        String targetId,
        String before,
        String after,
        Instant at) {}
