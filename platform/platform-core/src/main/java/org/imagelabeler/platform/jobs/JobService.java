package org.imagelabeler.platform.jobs;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Submits jobs, runs them on a bounded pool of threads with a bounded queue, records their
 * progress and outcome, and cancels them on request. At start-up, jobs left queued or running
 * by the previous process are resumed if their handler allows it, and failed with the reason
 * otherwise: no job is ever silently lost.
 */
public class JobService implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(JobService.class);
    private static final Duration PROGRESS_INTERVAL = Duration.ofMillis(250);

    private final JobRepository repository;
    private final Supplier<List<JobHandler>> handlers;
    private final ThreadPoolExecutor executor;
    private final Map<String, Running> running = new ConcurrentHashMap<>();
    private volatile boolean shuttingDown;

    private static final class Running {
        volatile boolean cancelled;
        volatile Future<?> future;
    }

    /** The queue is full: the caller should try again later (503). */
    public static final class QueueFullException extends RuntimeException {
        QueueFullException(int capacity) {
            super("the job queue is full (" + capacity + " jobs waiting); try again later");
        }
    }

    public JobService(JobRepository repository, Supplier<List<JobHandler>> handlers, int threads, int queueCapacity) {
        this.repository = repository;
        this.handlers = handlers;
        AtomicInteger count = new AtomicInteger();
        this.executor = new ThreadPoolExecutor(
                threads, threads, 1, TimeUnit.MINUTES, new LinkedBlockingQueue<>(queueCapacity), r -> {
                    Thread t = new Thread(r, "job-" + count.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        this.executor.allowCoreThreadTimeOut(true);
    }

    public Job submit(String type, String owner, String parameters) {
        handler(type).orElseThrow(() -> new IllegalArgumentException("unknown job type '" + type + "'"));
        Instant now = Instant.now();
        Job job = new Job(
                UUID.randomUUID().toString(),
                type,
                owner,
                JobState.QUEUED,
                0,
                "queued",
                parameters,
                null,
                now,
                null,
                null,
                now);
        repository.insert(job);
        enqueue(job);
        return repository.find(job.id()).orElseThrow();
    }

    public Optional<Job> find(String id) {
        return repository.find(id);
    }

    public List<Job> list(String owner, int limit) {
        return repository.list(owner, limit);
    }

    public long runningCount() {
        return repository.countInState(JobState.RUNNING);
    }

    /** Cancels a queued or running job; returns false if it had already finished. */
    public boolean cancel(String id) {
        // The state changes first: whatever the worker does next, the job stays CANCELLED.
        boolean changed = repository.finish(id, JobState.CANCELLED, progressOf(id), "cancelled", null, Instant.now());
        Running r = running.get(id);
        if (r != null) {
            r.cancelled = true;
            if (r.future != null) {
                r.future.cancel(true);
            }
        }
        return changed;
    }

    /** Deals with the jobs that a previous process left queued or running. */
    public void recoverInterrupted() {
        Instant now = Instant.now();
        for (Job job : repository.findInState(JobState.QUEUED, JobState.RUNNING)) {
            Optional<JobHandler> handler = handler(job.type());
            if (handler.isPresent() && handler.get().resumable()) {
                repository.requeue(job.id(), "resumed after a server restart", now);
                enqueue(repository.find(job.id()).orElseThrow());
                LOG.info("Resumed job {} ({})", job.id(), job.type());
            } else {
                String reason = handler.isEmpty()
                        ? "interrupted by a server restart; no handler for type '" + job.type() + "' is installed"
                        : "interrupted by a server restart (state was " + job.state() + ")";
                repository.finish(job.id(), JobState.FAILED, job.progress(), reason, null, now);
                LOG.warn("Job {} ({}) failed: {}", job.id(), job.type(), reason);
            }
        }
    }

    private void enqueue(Job job) {
        Running r = new Running();
        running.put(job.id(), r);
        try {
            r.future = executor.submit(() -> execute(job, r));
        } catch (RejectedExecutionException e) {
            running.remove(job.id());
            repository.finish(job.id(), JobState.FAILED, 0, "rejected: the job queue is full", null, Instant.now());
            throw new QueueFullException(executor.getQueue().size());
        }
    }

    private void execute(Job job, Running r) {
        try {
            if (r.cancelled || !repository.markRunning(job.id(), Instant.now())) {
                return;
            }
            JobHandler handler = handler(job.type()).orElseThrow();
            Context context = new Context(job, r);
            String result = handler.run(context);
            context.checkCancelled();
            repository.finish(job.id(), JobState.SUCCEEDED, 100, "done", result, Instant.now());
        } catch (CancellationException | InterruptedException e) {
            if (shuttingDown && !r.cancelled) {
                return; // left RUNNING: the next start resumes or fails it, with the reason
            }
            repository.finish(job.id(), JobState.CANCELLED, progressOf(job.id()), "cancelled", null, Instant.now());
        } catch (Exception | Error e) {
            if (shuttingDown && !r.cancelled) {
                return;
            }
            if (r.cancelled) {
                repository.finish(job.id(), JobState.CANCELLED, progressOf(job.id()), "cancelled", null, Instant.now());
            } else {
                String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                repository.finish(job.id(), JobState.FAILED, progressOf(job.id()), message, null, Instant.now());
                LOG.warn("Job {} ({}) failed", job.id(), job.type(), e);
            }
        } finally {
            running.remove(job.id());
        }
    }

    private int progressOf(String id) {
        return repository.find(id).map(Job::progress).orElse(0);
    }

    private Optional<JobHandler> handler(String type) {
        return handlers.get().stream().filter(h -> h.type().equals(type)).findFirst();
    }

    private final class Context implements JobContext {
        private final Job job;
        private final Running running;
        private Instant lastWrite = Instant.EPOCH;
        private int lastPercent = -1;

        Context(Job job, Running running) {
            this.job = job;
            this.running = running;
        }

        @Override
        public String jobId() {
            return job.id();
        }

        @Override
        public String owner() {
            return job.owner();
        }

        @Override
        public String parameters() {
            return job.parameters();
        }

        @Override
        public synchronized void progress(int percent, String message) {
            int p = Math.max(0, Math.min(100, percent));
            Instant now = Instant.now();
            if (p != lastPercent || now.isAfter(lastWrite.plus(PROGRESS_INTERVAL))) {
                repository.updateProgress(job.id(), p, message, now);
                lastPercent = p;
                lastWrite = now;
            }
        }

        @Override
        public boolean isCancelled() {
            return running.cancelled;
        }
    }

    @Override
    public void close() {
        shuttingDown = true;
        executor.shutdownNow();
    }
}
