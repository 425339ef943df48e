package org.imagelabeler.labeler.export;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;

/** Removes expired exports every few minutes ({@code labeler.exports.sweep-minutes}), once the server is up. */
public final class ExportSweeper implements AutoCloseable {

    private final ExportService exports;
    private final long minutes;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "labeler-export-sweeper");
        t.setDaemon(true);
        return t;
    });

    public ExportSweeper(ExportService exports, long minutes) {
        this.exports = exports;
        this.minutes = minutes;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void start() {
        scheduler.scheduleWithFixedDelay(exports::sweep, minutes, minutes, TimeUnit.MINUTES);
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
