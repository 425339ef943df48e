package org.imagelabeler.labeler.export;

import io.swagger.v3.oas.annotations.Operation;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.imagelabeler.platform.jobs.Job;
import org.imagelabeler.platform.security.CurrentSubject;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * {@code /rest/labeler/events/{slug}/exports}: ML-ready datasets of an event, written in the
 * background ({@code /rest/jobs/{id}} follows the job), downloaded as a zip with HTTP Range
 * support, kept for a while, deletable.
 */
@RestController
@io.swagger.v3.oas.annotations.tags.Tag(
        name = "Exports",
        description = "Datasets in COCO, Pascal VOC, YOLO, GeoJSON, Shapefile, GeoPackage, STAC, masks, CSV")
@RequestMapping(path = "/rest/labeler/events/{slug}/exports", produces = MediaType.APPLICATION_JSON_VALUE)
public class ExportController {

    private final ExportService service;

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON =
            new com.fasterxml.jackson.databind.ObjectMapper();

    public ExportController(ExportService service) {
        this.service = service;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Starts an export: formats, which images and labels, splits; answers its job")
    public ResponseEntity<Map<String, Object>> create(@PathVariable String slug, @RequestBody ExportRequest request) {
        ExportService.Status s = service.request(CurrentSubject.get(), slug, request);
        Map<String, Object> body = view(slug, s);
        return ResponseEntity.accepted()
                .location(URI.create((String) ((Map<?, ?>) body.get("job")).get("href")))
                .body(body);
    }

    @GetMapping
    public Map<String, Object> list(@PathVariable String slug) {
        List<Map<String, Object>> items = service.list(CurrentSubject.get(), slug).stream()
                .map(s -> view(slug, s))
                .toList();
        return Map.of("items", items, "total", items.size());
    }

    @GetMapping("/{id}")
    public Map<String, Object> get(@PathVariable String slug, @PathVariable String id) {
        return view(slug, service.get(CurrentSubject.get(), slug, id));
    }

    /** The zip; a {@code Range} header gets 206 and the bytes asked for (resuming a download). */
    @GetMapping(path = "/{id}/download", produces = "application/zip")
    public ResponseEntity<Resource> download(@PathVariable String slug, @PathVariable String id) {
        Path file = service.file(CurrentSubject.get(), slug, id);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/zip"))
                .header(HttpHeaders.ACCEPT_RANGES, "bytes")
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(slug + "-" + id.substring(0, 8) + ".zip")
                                .build()
                                .toString())
                .body(new FileSystemResource(file));
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void delete(@PathVariable String slug, @PathVariable String id) throws IOException {
        service.delete(CurrentSubject.get(), slug, id);
    }

    private static Map<String, Object> view(String slug, ExportService.Status s) {
        Export e = s.export();
        String base = ServletUriComponentsBuilder.fromCurrentContextPath().toUriString();
        String self = base + "/rest/labeler/events/" + slug + "/exports/" + e.id();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", e.id());
        try {
            m.put("request", JSON.readTree(e.options()));
        } catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
            m.put("request", e.options());
        }
        Job job = s.job();
        Map<String, Object> j = new LinkedHashMap<>();
        j.put("id", e.jobId());
        j.put("href", base + "/rest/jobs/" + e.jobId());
        if (job != null) {
            j.put("state", job.state().name());
            j.put("progress", job.progress());
            if (job.message() != null) {
                j.put("message", job.message());
            }
        }
        m.put("job", j);
        if (e.filePath() != null) {
            m.put("bytes", e.bytes());
            m.put("images", e.images());
            m.put("annotations", e.annotations());
        }
        m.put("createdBy", e.createdBy());
        m.put("created", e.created().toString());
        m.put("expires", e.expires().toString());
        Map<String, String> links = new LinkedHashMap<>();
        links.put("self", self);
        if (e.filePath() != null) {
            links.put("download", self + "/download");
        }
        m.put("links", links);
        return m;
    }
}
