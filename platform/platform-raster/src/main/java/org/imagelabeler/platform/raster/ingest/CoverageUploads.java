package org.imagelabeler.platform.raster.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;
import org.imagelabeler.platform.catalog.CatalogException;
import org.imagelabeler.platform.catalog.CatalogNames;
import org.imagelabeler.platform.catalog.StoreKind;
import org.imagelabeler.platform.catalog.WorkspaceInfo;
import org.imagelabeler.platform.datadir.AtomicFileWriter;
import org.imagelabeler.platform.datadir.DataDirectory;
import org.imagelabeler.platform.jobs.Job;
import org.imagelabeler.platform.jobs.JobService;
import org.imagelabeler.platform.raster.GeoTiffInspector;
import org.imagelabeler.platform.raster.RasterProblem;
import org.imagelabeler.platform.rest.ApiProblem;
import org.imagelabeler.platform.security.SecuredCatalog;
import org.imagelabeler.platform.security.Subject;

/**
 * A GeoTIFF becoming a coverage store and its layer, for the REST upload and the admin page
 * alike: who may, which names, the file streamed into the data directory under a size limit and
 * checked, then the {@link CoverageIngestJob} that serves and publishes it. A refused file
 * leaves nothing behind, and an earlier file of the store keeps being served.
 */
public class CoverageUploads {

    private final SecuredCatalog secured;
    private final DataDirectory dataDir;
    private final JobService jobs;
    private final long maxBytes;

    public CoverageUploads(SecuredCatalog secured, DataDirectory dataDir, JobService jobs, long maxBytes) {
        this.secured = secured;
        this.dataDir = dataDir;
        this.jobs = jobs;
        this.maxBytes = maxBytes;
    }

    /**
     * The workspace {@code ws} if {@code subject} may put the coverage store {@code store} there:
     * 404 for an unknown workspace, 403 without the right, 400 for a bad name, 409 when a store of
     * another kind has the name.
     */
    public WorkspaceInfo check(Subject subject, String ws, String store) {
        WorkspaceInfo workspace =
                secured.workspace(subject, ws).orElseThrow(() -> ApiProblem.notFound("no workspace '" + ws + "'"));
        if (!secured.canAdminister(subject, workspace)) {
            throw ApiProblem.forbidden("only administrators of workspace '" + ws + "' may upload coverages");
        }
        try {
            CatalogNames.checkName(store);
        } catch (CatalogException e) {
            throw ApiProblem.badRequest("store", e.getMessage());
        }
        secured.unsecured().storeByName(ws, store).ifPresent(s -> {
            if (s.kind() != StoreKind.COVERAGE) {
                throw ApiProblem.conflict("store '" + store + "' exists and is not a coverage store");
            }
        });
        return workspace;
    }

    /** Keeps the GeoTIFF read from {@code body} and submits the job that publishes it. */
    public Job ingest(Subject subject, WorkspaceInfo ws, String store, InputStream body) throws IOException {
        Path dir = dataDir.root().resolve("coverages").resolve(ws.name()).resolve(store);
        AtomicFileWriter.createDirectories(dir);
        String id = UUID.randomUUID().toString();
        Path temp = dir.resolve(AtomicFileWriter.TEMP_PREFIX + id + ".tif");
        Path original = dir.resolve(id + ".tif");
        try {
            long size = org.imagelabeler.platform.rest.UploadStream.copy(body, temp, maxBytes, null);
            if (size == 0) {
                throw ApiProblem.badRequest("file", "the upload is empty");
            }
            GeoTiffInspector.inspect(temp);
            Files.move(temp, original, StandardCopyOption.ATOMIC_MOVE);
        } catch (RasterProblem e) {
            throw ApiProblem.badRequest("file", e.getMessage())
                    .with("problem", e.kind().name());
        } finally {
            Files.deleteIfExists(temp);
        }
        String relative = dataDir.root().relativize(original).toString();
        return jobs.submit(
                CoverageIngestJob.TYPE, subject.username(), CoverageIngestJob.parameters(ws.name(), store, relative));
    }
}
