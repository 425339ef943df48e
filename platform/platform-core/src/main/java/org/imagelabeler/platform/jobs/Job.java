package org.imagelabeler.platform.jobs;

import java.time.Instant;

/**
 * A persistent unit of long work (ingest, seeding, extraction, export). {@code parameters} and
 * {@code result} are JSON documents that only the job's handler interprets.
 */
public record Job(
        String id,
        String type,
        String owner,
        JobState state,
        int progress,
        String message,
        String parameters,
        String result,
        Instant created,
        Instant started,
        Instant finished,
        Instant updated) {}
