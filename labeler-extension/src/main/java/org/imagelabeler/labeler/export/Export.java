package org.imagelabeler.labeler.export;

import java.time.Instant;

/**
 * A dataset export of an event: the job writing it, and once written, its archive.
 *
 * @param options the {@link ExportOptions} as JSON, as asked
 * @param filePath the archive, relative to the data directory; null until written
 * @param expires when the archive is removed
 */
public record Export(
        String id,
        String eventId,
        String jobId,
        String options,
        String filePath,
        Long bytes,
        Integer images,
        Integer annotations,
        String createdBy,
        Instant created,
        Instant expires) {

    public Export withJob(String job) {
        return new Export(id, eventId, job, options, filePath, bytes, images, annotations, createdBy, created, expires);
    }

    public Export written(String path, long size, int imageCount, int annotationCount) {
        return new Export(
                id, eventId, jobId, options, path, size, imageCount, annotationCount, createdBy, created, expires);
    }
}
