package org.imagelabeler.platform.raster.rest;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
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
import org.imagelabeler.platform.raster.ingest.CoverageIngestJob;
import org.imagelabeler.platform.rest.ApiProblem;
import org.imagelabeler.platform.security.CurrentSubject;
import org.imagelabeler.platform.security.SecuredCatalog;
import org.imagelabeler.platform.security.Subject;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * GeoTIFF upload, at GeoServer's path: {@code PUT /rest/workspaces/{ws}/coveragestores/{store}/file.geotiff}
 * with the file as body, or {@code POST} of the same path with a multipart form (field
 * {@code file}). The body streams to a temporary file (never whole in memory) under a size limit,
 * is checked, then renamed into place; the ingest job does the rest and publishes the layer
 * {@code ws:store}. The answer is 202 with the job's location. A refused file leaves nothing
 * behind, and an earlier upload of the store keeps being served.
 */
@RestController
@RequestMapping(path = "/rest/workspaces/{ws}/coveragestores/{store}", produces = MediaType.APPLICATION_JSON_VALUE)
public class CoverageUploadController {

    private static final Set<String> EXTENSIONS = Set.of("geotiff", "tif", "tiff");

    private final SecuredCatalog secured;
    private final DataDirectory dataDir;
    private final JobService jobs;
    private final long maxBytes;

    public CoverageUploadController(
            SecuredCatalog secured,
            DataDirectory dataDir,
            JobService jobs,
            @Value("${labeler.upload.max-bytes:21474836480}") long maxBytes) {
        this.secured = secured;
        this.dataDir = dataDir;
        this.jobs = jobs;
        this.maxBytes = maxBytes;
    }

    @PutMapping("/file.{extension}")
    public ResponseEntity<Map<String, Object>> put(
            @PathVariable String ws,
            @PathVariable String store,
            @PathVariable String extension,
            HttpServletRequest request)
            throws IOException {
        WorkspaceInfo workspace = check(ws, store, extension);
        try (InputStream body = request.getInputStream()) {
            return ingest(workspace, store, body);
        }
    }

    @PostMapping(path = "/file.{extension}", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    public ResponseEntity<Map<String, Object>> post(
            @PathVariable String ws,
            @PathVariable String store,
            @PathVariable String extension,
            HttpServletRequest request)
            throws Exception {
        WorkspaceInfo workspace = check(ws, store, extension);
        Part part = request.getPart("file");
        if (part == null) {
            throw ApiProblem.badRequest("file", "the multipart form needs a part named 'file' with the GeoTIFF");
        }
        try (InputStream body = part.getInputStream()) {
            return ingest(workspace, store, body);
        } finally {
            part.delete();
        }
    }

    private WorkspaceInfo check(String ws, String store, String extension) {
        Subject subject = CurrentSubject.get();
        WorkspaceInfo workspace =
                secured.workspace(subject, ws).orElseThrow(() -> ApiProblem.notFound("no workspace '" + ws + "'"));
        if (!secured.canAdminister(subject, workspace)) {
            throw ApiProblem.forbidden("only administrators of workspace '" + ws + "' may upload coverages");
        }
        if (!EXTENSIONS.contains(extension)) {
            throw ApiProblem.badRequest("extension", "only GeoTIFF uploads are accepted: file.geotiff");
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

    private ResponseEntity<Map<String, Object>> ingest(WorkspaceInfo ws, String store, InputStream body)
            throws IOException {
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
        Job job = jobs.submit(
                CoverageIngestJob.TYPE,
                CurrentSubject.get().username(),
                CoverageIngestJob.parameters(ws.name(), store, relative));
        URI location = ServletUriComponentsBuilder.fromCurrentContextPath()
                .path("/rest/jobs/{id}")
                .buildAndExpand(job.id())
                .toUri();
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("coverageStore", Map.of("name", store, "workspace", ws.name()));
        answer.put("layer", ws.name() + ":" + store);
        answer.put(
                "job",
                Map.of(
                        "id",
                        job.id(),
                        "href",
                        location.toString(),
                        "state",
                        job.state().name()));
        return ResponseEntity.status(HttpStatus.ACCEPTED).location(location).body(answer);
    }
}
