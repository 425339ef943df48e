package org.imagelabeler.labeler.export;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.imagelabeler.labeler.access.EventAccess;
import org.imagelabeler.labeler.access.EventAction;
import org.imagelabeler.labeler.events.Event;
import org.imagelabeler.platform.datadir.DataDirectory;
import org.imagelabeler.platform.jobs.Job;
import org.imagelabeler.platform.jobs.JobService;
import org.imagelabeler.platform.rest.ApiProblem;
import org.imagelabeler.platform.security.Subject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;

/**
 * Exports of an event: anyone who may read the event (and is signed in) may ask for one and
 * download it. An export is a background job; its archive is kept for a while
 * ({@code labeler.exports.keep-hours}) and removed after, or when deleted.
 */
public class ExportService {

    private static final Logger LOG = LoggerFactory.getLogger(ExportService.class);

    private final ExportRepository exports;
    private final EventAccess access;
    private final JobService jobs;
    private final DatasetFormats formats;
    private final DataDirectory dataDir;
    private final Duration keep;
    private final ObjectMapper json = new ObjectMapper();

    public ExportService(
            ExportRepository exports,
            EventAccess access,
            JobService jobs,
            DatasetFormats formats,
            DataDirectory dataDir,
            Duration keep) {
        this.exports = exports;
        this.access = access;
        this.jobs = jobs;
        this.formats = formats;
        this.dataDir = dataDir;
        this.keep = keep;
    }

    /** An export and the state of its job. */
    public record Status(Export export, Job job) {}

    public Status request(Subject subject, String slug, ExportRequest request) {
        if (subject.isAnonymous()) {
            throw new ApiProblem(HttpStatus.UNAUTHORIZED, null, "sign in to export datasets");
        }
        Event event = access.require(subject, slug, EventAction.READ);
        request.options(event, formats.ids()); // refuses a bad request before any job
        String id = UUID.randomUUID().toString();
        String options;
        String parameters;
        try {
            options = json.writeValueAsString(request);
            parameters = json.writeValueAsString(new ExportJob.Parameters(id));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        Instant now = Instant.now();
        // the row exists before the job can start; a job that cannot be queued leaves none
        Export export = new Export(
                id, event.id(), "pending", options, null, null, null, null, subject.username(), now, now.plus(keep));
        exports.insert(export);
        Job job;
        try {
            job = jobs.submit(ExportJob.TYPE, subject.username(), parameters);
        } catch (RuntimeException e) {
            exports.delete(id);
            throw e;
        }
        exports.setJob(id, job.id());
        return new Status(export.withJob(job.id()), job);
    }

    public List<Status> list(Subject subject, String slug) {
        Event event = access.require(subject, slug, EventAction.READ);
        return exports.ofEvent(event.id()).stream().map(this::status).toList();
    }

    public Status get(Subject subject, String slug, String id) {
        Event event = access.require(subject, slug, EventAction.READ);
        return status(exports.find(event.id(), id).orElseThrow(() -> ApiProblem.notFound("no export " + id)));
    }

    /** The archive of a finished export. */
    public Path file(Subject subject, String slug, String id) {
        Status s = get(subject, slug, id);
        if (s.export().filePath() == null) {
            throw ApiProblem.conflict("export " + id + " is not written yet: see its job")
                    .with("job", s.export().jobId());
        }
        return dataDir.root().resolve(s.export().filePath());
    }

    /** Removes an export: its job stops if running, its archive goes. Its author or the event's managers. */
    public void delete(Subject subject, String slug, String id) throws IOException {
        Event event = access.require(subject, slug, EventAction.READ);
        Export export = exports.find(event.id(), id).orElseThrow(() -> ApiProblem.notFound("no export " + id));
        if (!subject.username().equals(export.createdBy()) && !access.can(subject, event, EventAction.UPDATE)) {
            throw ApiProblem.forbidden("only its author or the event's owners and managers delete an export");
        }
        remove(export);
    }

    /** Removes the exports whose time is up. */
    public void sweep() {
        for (Export e : exports.expiredBefore(Instant.now())) {
            try {
                remove(e);
                LOG.info("Export {} of event {} expired and was removed", e.id(), e.eventId());
            } catch (IOException | RuntimeException ex) {
                LOG.warn("cannot remove expired export {}: {}", e.id(), ex.toString());
            }
        }
    }

    private void remove(Export export) throws IOException {
        jobs.cancel(export.jobId());
        exports.delete(export.id());
        if (export.filePath() != null) {
            Files.deleteIfExists(dataDir.root().resolve(export.filePath()));
        }
    }

    private Status status(Export e) {
        return new Status(e, jobs.find(e.jobId()).orElse(null));
    }
}
