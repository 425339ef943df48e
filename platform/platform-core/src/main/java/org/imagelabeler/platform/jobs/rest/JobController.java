package org.imagelabeler.platform.jobs.rest;

import java.util.List;
import java.util.Map;
import org.imagelabeler.platform.jobs.Job;
import org.imagelabeler.platform.jobs.JobService;
import org.imagelabeler.platform.rest.ApiProblem;
import org.imagelabeler.platform.security.CurrentSubject;
import org.imagelabeler.platform.security.Subject;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /rest/jobs}: a user sees their own jobs, administrators everybody's; another user's job
 * answers 404. {@code DELETE} cancels a queued or running job.
 */
@RestController
@RequestMapping(path = "/rest/jobs", produces = MediaType.APPLICATION_JSON_VALUE)
public class JobController {

    private final JobService jobs;

    public JobController(JobService jobs) {
        this.jobs = jobs;
    }

    @GetMapping
    public Map<String, List<Job>> list(@RequestParam(defaultValue = "100") int limit) {
        Subject s = CurrentSubject.get();
        int bounded = Math.max(1, Math.min(limit, 1000));
        return Map.of("jobs", jobs.list(s.isAdmin() ? null : s.username(), bounded));
    }

    @GetMapping("/{id}")
    public Job get(@PathVariable String id) {
        return visible(id);
    }

    @DeleteMapping("/{id}")
    public Job cancel(@PathVariable String id) {
        Job job = visible(id);
        if (job.state().isFinal()) {
            throw ApiProblem.conflict("job " + id + " has already finished (" + job.state() + ")");
        }
        jobs.cancel(id);
        return visible(id);
    }

    private Job visible(String id) {
        Subject s = CurrentSubject.get();
        return jobs.find(id)
                .filter(j -> s.isAdmin() || s.username().equals(j.owner()))
                .orElseThrow(() -> ApiProblem.notFound("no job " + id));
    }
}
