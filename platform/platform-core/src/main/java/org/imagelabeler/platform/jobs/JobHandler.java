package org.imagelabeler.platform.jobs;

import org.imagelabeler.platform.extension.ExtensionPriority;

/** Runs the jobs of one type; contributed as a bean by the module that owns the type. */
public interface JobHandler extends ExtensionPriority {

    /** The job type, unique across modules ({@code raster.ingest}, {@code labeler.export}). */
    String type();

    /**
     * Does the work, reporting progress through {@code context}, and returns the result as JSON
     * (or null). Throwing fails the job with the exception's message.
     */
    String run(JobContext context) throws Exception;

    /** Whether a job interrupted by a restart may run again from the start instead of failing. */
    default boolean resumable() {
        return false;
    }

    @Override
    default int getPriority() {
        return NORMAL;
    }
}
