package org.imagelabeler.platform.raster.rest;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.imagelabeler.platform.catalog.WorkspaceInfo;
import org.imagelabeler.platform.jobs.Job;
import org.imagelabeler.platform.raster.ingest.CoverageUploads;
import org.imagelabeler.platform.rest.ApiProblem;
import org.imagelabeler.platform.security.CurrentSubject;
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

    private final CoverageUploads uploads;

    public CoverageUploadController(CoverageUploads uploads) {
        this.uploads = uploads;
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
        WorkspaceInfo workspace = uploads.check(CurrentSubject.get(), ws, store);
        if (!EXTENSIONS.contains(extension)) {
            throw ApiProblem.badRequest("extension", "only GeoTIFF uploads are accepted: file.geotiff");
        }
        return workspace;
    }

    private ResponseEntity<Map<String, Object>> ingest(WorkspaceInfo ws, String store, InputStream body)
            throws IOException {
        Job job = uploads.ingest(CurrentSubject.get(), ws, store, body);
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
