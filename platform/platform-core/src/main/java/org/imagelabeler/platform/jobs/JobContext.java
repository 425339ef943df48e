package org.imagelabeler.platform.jobs;

import java.util.concurrent.CancellationException;

/** What a running job sees of itself. */
public interface JobContext {

    String jobId();

    String owner();

    /** The JSON parameters the job was submitted with, or null. */
    String parameters();

    /** Records progress (0 to 100) and a short message; cheap to call often. */
    void progress(int percent, String message);

    boolean isCancelled();

    /** Throws {@link CancellationException} if the job was cancelled: call it between steps. */
    default void checkCancelled() {
        if (isCancelled() || Thread.currentThread().isInterrupted()) {
            throw new CancellationException("cancelled");
        }
    }
}
