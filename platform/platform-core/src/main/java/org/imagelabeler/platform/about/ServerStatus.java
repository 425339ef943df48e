package org.imagelabeler.platform.about;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.imagelabeler.platform.catalog.Catalog;
import org.imagelabeler.platform.catalog.LoadProblem;
import org.imagelabeler.platform.database.Database;
import org.imagelabeler.platform.datadir.DataDirectory;
import org.imagelabeler.platform.jobs.JobService;

/** What the status endpoint and the admin home page show. */
public class ServerStatus {

    private final DataDirectory dataDir;
    private final Database database;
    private final Catalog catalog;
    private final JobService jobs;
    private final Instant started = Instant.now();

    public ServerStatus(DataDirectory dataDir, Database database, Catalog catalog, JobService jobs) {
        this.dataDir = dataDir;
        this.database = database;
        this.catalog = catalog;
        this.jobs = jobs;
    }

    public record Snapshot(
            String status,
            String version,
            String dataDirectory,
            String databaseKind,
            String database,
            int workspaces,
            int layers,
            long runningJobs,
            List<LoadProblem> catalogLoadProblems,
            Instant started,
            long uptimeSeconds) {}

    public Snapshot snapshot() {
        boolean up = database.isUp();
        return new Snapshot(
                up ? "UP" : "DOWN",
                ServerVersion.get(),
                dataDir.root().toString(),
                database.kind().name(),
                up ? database.describe() : "unreachable",
                catalog.workspaces().size(),
                catalog.layerCount(),
                up ? jobs.runningCount() : -1,
                catalog.loadProblems(),
                started,
                Duration.between(started, Instant.now()).toSeconds());
    }

    public boolean isUp() {
        return database.isUp();
    }
}
