package org.imagelabeler.labeler.images;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.imagelabeler.labeler.access.EventAccess;
import org.imagelabeler.labeler.access.EventAction;
import org.imagelabeler.labeler.events.Event;
import org.imagelabeler.labeler.rest.BboxParameter;
import org.imagelabeler.labeler.rest.IfMatch;
import org.imagelabeler.labeler.rest.Page;
import org.imagelabeler.labeler.rest.TimeParameter;
import org.imagelabeler.platform.rest.ApiProblem;
import org.imagelabeler.platform.security.CurrentSubject;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * {@code /rest/labeler/events/{slug}/images}: upload (the file as the body with {@code ?name=},
 * or a multipart form with a {@code file} part), list (paged; filters {@code status},
 * {@code assignee}, {@code assigned}, {@code tag}, {@code class} of its annotations, {@code bbox} of its footprint), count per status ({@code .../counts}), read, change status, assignee and tags ({@code PATCH}, with
 * {@code If-Match}), delete; {@code .../file}, {@code .../thumbnail} and {@code .../display}
 * serve the files under the same access rules as the event.
 */
@RestController
@io.swagger.v3.oas.annotations.tags.Tag(
        name = "Images",
        description = "Uploaded and extracted images, their files, status, assignment, tags and review")
@RequestMapping(path = "/rest/labeler/events/{slug}/images")
public class ImageController {

    private final ImageService service;
    private final ImageRepository images;
    private final EventAccess access;
    private final org.imagelabeler.labeler.audit.AuditLog audit;
    private final org.imagelabeler.labeler.features.ImageLayers layers;

    public ImageController(
            ImageService service,
            ImageRepository images,
            EventAccess access,
            org.imagelabeler.labeler.audit.AuditLog audit,
            org.imagelabeler.labeler.features.ImageLayers layers) {
        this.service = service;
        this.images = images;
        this.access = access;
        this.audit = audit;
        this.layers = layers;
    }

    /** A reviewer accepts or rejects the image's labels: {@code {"decision": "reject", "comment": ...}}. */
    @PostMapping(
            path = "/{id}/review",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<ImageJson> review(
            @PathVariable String slug, @PathVariable String id, @RequestBody ImageService.Review review) {
        EventImage image = service.review(CurrentSubject.get(), slug, id, review);
        return ResponseEntity.ok().eTag("\"" + image.version() + "\"").body(json(slug, image));
    }

    /** Who did what to the image, oldest first: uploads, labeling, assignments, reviews and their comments. */
    @GetMapping(path = "/{id}/history", produces = MediaType.APPLICATION_JSON_VALUE)
    public List<org.imagelabeler.labeler.audit.AuditEntry> history(@PathVariable String slug, @PathVariable String id) {
        EventImage image = readable(slug, id);
        return audit.ofTarget(image.eventId(), "image", id);
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    public ResponseEntity<ImageJson> uploadForm(
            @PathVariable String slug, @RequestParam(required = false) String acquired, HttpServletRequest request)
            throws Exception {
        Part part = request.getPart("file");
        if (part == null) {
            throw ApiProblem.badRequest("file", "the form needs a part named 'file' with the image");
        }
        try (InputStream in = part.getInputStream()) {
            return created(
                    slug,
                    service.upload(
                            CurrentSubject.get(),
                            slug,
                            in,
                            part.getSubmittedFileName(),
                            TimeParameter.instant("acquired", acquired)));
        } finally {
            part.delete();
        }
    }

    @PostMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary = "Uploads a PNG, JPEG or GeoTIFF image, as the request body or as the 'file' part of a"
                    + " multipart form; a GeoTIFF keeps its georeference",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            required = true,
                            content = {
                                @Content(mediaType = "image/png", schema = @Schema(type = "string", format = "binary")),
                                @Content(
                                        mediaType = "image/jpeg",
                                        schema = @Schema(type = "string", format = "binary")),
                                @Content(mediaType = "image/tiff", schema = @Schema(type = "string", format = "binary"))
                            }))
    @Parameter(name = "acquired", description = "when the picture was taken: a date or an instant (UTC)")
    public ResponseEntity<ImageJson> upload(
            @PathVariable String slug,
            @RequestParam(required = false) String name,
            @RequestParam(required = false) String acquired,
            HttpServletRequest request)
            throws IOException {
        try (InputStream in = request.getInputStream()) {
            return created(
                    slug,
                    service.upload(CurrentSubject.get(), slug, in, name, TimeParameter.instant("acquired", acquired)));
        }
    }

    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    public Page<ImageJson> list(
            @PathVariable String slug,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String assignee,
            @Parameter(description = "true: images someone is assigned to; false: images nobody is")
                    @RequestParam(required = false)
                    Boolean assigned,
            @RequestParam(required = false) String tag,
            @RequestParam(name = "class", required = false) String className,
            @RequestParam(required = false) String bbox,
            @Parameter(description = "acquired at a date or instant, or in an interval start/end (.. is open)")
                    @RequestParam(required = false)
                    String time) {
        Page.check(page, size);
        Event event = access.require(CurrentSubject.get(), slug, EventAction.READ);
        ImageStatus wanted;
        try {
            wanted = status == null || status.isBlank() ? null : ImageStatus.of(status.trim());
        } catch (IllegalArgumentException e) {
            throw ApiProblem.badRequest("status", e.getMessage());
        }
        var query = new ImageRepository.Query(
                event.id(),
                wanted,
                blank(assignee),
                blank(tag),
                blank(className),
                BboxParameter.parse(bbox),
                TimeParameter.interval("time", time),
                assigned);
        List<ImageJson> items = images.list(query, page * size, size).stream()
                .map(i -> json(slug, i))
                .toList();
        return Page.of(items, page, size, images.count(query));
    }

    /** How many images the event has, in all and per status: {@code {"total": 3, "status": {"unlabeled": 2, ...}}}. */
    public record CountsJson(long total, Map<String, Long> status) {}

    @GetMapping(path = "/counts", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Counts the event's images per status (progress of the labeling)")
    public CountsJson counts(@PathVariable String slug) {
        Event event = access.require(CurrentSubject.get(), slug, EventAction.READ);
        Map<String, Long> byStatus = new java.util.LinkedHashMap<>();
        images.countByStatus(event.id()).forEach((status, n) -> byStatus.put(status.json(), n));
        return new CountsJson(
                byStatus.values().stream().mapToLong(Long::longValue).sum(), byStatus);
    }

    @GetMapping(path = "/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<ImageJson> get(@PathVariable String slug, @PathVariable String id) {
        EventImage image = readable(slug, id);
        return ResponseEntity.ok().eTag("\"" + image.version() + "\"").body(json(slug, image));
    }

    @PatchMapping(
            path = "/{id}",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<ImageJson> change(
            @PathVariable String slug,
            @PathVariable String id,
            @RequestBody ImageService.Change change,
            @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        EventImage image = service.change(CurrentSubject.get(), slug, id, change, IfMatch.version(ifMatch));
        return ResponseEntity.ok().eTag("\"" + image.version() + "\"").body(json(slug, image));
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void delete(@PathVariable String slug, @PathVariable String id) throws IOException {
        service.delete(CurrentSubject.get(), slug, id);
    }

    @GetMapping("/{id}/{which:file|thumbnail|display}")
    public ResponseEntity<Resource> file(@PathVariable String slug, @PathVariable String id, @PathVariable String which)
            throws IOException {
        EventImage image = readable(slug, id);
        Path path = service.file(image, which);
        if (!Files.exists(path)) {
            throw ApiProblem.notFound("the " + which + " of image " + id + " is missing");
        }
        String type = which.equals("file") || (which.equals("display") && image.georeference() == null)
                ? image.mediaType()
                : MediaType.IMAGE_PNG_VALUE;
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(type))
                .contentLength(Files.size(path))
                .eTag("\"" + image.sha256().substring(0, 16) + "-" + which + "\"")
                .body(new FileSystemResource(path));
    }

    private EventImage readable(String slug, String id) {
        Event event = access.require(CurrentSubject.get(), slug, EventAction.READ);
        return images.find(event.id(), id).orElseThrow(() -> ApiProblem.notFound("no image " + id + " in " + slug));
    }

    private ResponseEntity<ImageJson> created(String slug, EventImage image) {
        ImageJson body = json(slug, image);
        return ResponseEntity.created(URI.create(body.links().get("self")))
                .eTag("\"" + image.version() + "\"")
                .body(body);
    }

    private ImageJson json(String slug, EventImage i) {
        String self = ServletUriComponentsBuilder.fromCurrentContextPath()
                .path("/rest/labeler/events/{slug}/images/{id}")
                .buildAndExpand(slug, i.id())
                .toUriString();
        Georeference g = i.georeference();
        return new ImageJson(
                i.id(),
                i.name(),
                i.mediaType(),
                i.width(),
                i.height(),
                i.bytes(),
                i.sha256(),
                g == null ? null : g.crs(),
                g == null ? null : g.transform(),
                g == null ? null : g.footprint().toText(),
                layers.layerOf(i).orElse(null),
                i.status(),
                i.assignee(),
                i.labeledBy(),
                i.tags(),
                i.source(),
                i.acquired(),
                i.createdBy(),
                i.created(),
                i.updated(),
                i.version(),
                Map.of(
                        "self", self,
                        "file", self + "/file",
                        "thumbnail", self + "/thumbnail",
                        "display", self + "/display"));
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
