package org.imagelabeler.labeler.annotations;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.imagelabeler.labeler.access.EventAccess;
import org.imagelabeler.labeler.access.EventAction;
import org.imagelabeler.labeler.events.Event;
import org.imagelabeler.labeler.rest.BboxParameter;
import org.imagelabeler.labeler.rest.IfMatch;
import org.imagelabeler.labeler.rest.Page;
import org.imagelabeler.platform.rest.ApiProblem;
import org.imagelabeler.platform.security.CurrentSubject;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * {@code /rest/labeler/events/{slug}/annotations}: create one, or many at once with
 * {@code POST .../bulk}, change many with {@code PUT .../bulk} (all or none, each item with its
 * {@code id} and {@code version}), list (paged; {@code imageId}, {@code class}, {@code space},
 * {@code bbox} in EPSG:4326), read, replace with {@code If-Match} (412 and the current version
 * when someone else changed it first), delete.
 */
@RestController
@io.swagger.v3.oas.annotations.tags.Tag(
        name = "Annotations",
        description = "Boxes and polygons in image pixels, and map shapes in EPSG:4326; versions and If-Match")
@RequestMapping(path = "/rest/labeler/events/{slug}/annotations", produces = MediaType.APPLICATION_JSON_VALUE)
public class AnnotationController {

    private final AnnotationService service;
    private final AnnotationRepository annotations;
    private final EventAccess access;

    public AnnotationController(AnnotationService service, AnnotationRepository annotations, EventAccess access) {
        this.service = service;
        this.annotations = annotations;
        this.access = access;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    public ResponseEntity<AnnotationJson> create(@PathVariable String slug, @RequestBody AnnotationJson body) {
        Annotation a =
                service.create(CurrentSubject.get(), slug, List.of(body), false).get(0);
        URI location = ServletUriComponentsBuilder.fromCurrentRequest()
                .path("/{id}")
                .buildAndExpand(a.id())
                .toUri();
        return ResponseEntity.created(location).eTag("\"" + a.version() + "\"").body(service.view(a));
    }

    @PostMapping(path = "/bulk", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    public Map<String, List<AnnotationJson>> createAll(
            @PathVariable String slug, @RequestBody List<AnnotationJson> body) {
        if (body == null || body.isEmpty()) {
            throw ApiProblem.badRequest("annotations", "send a JSON array of annotations");
        }
        return Map.of(
                "items",
                service.create(CurrentSubject.get(), slug, body, true).stream()
                        .map(service::view)
                        .toList());
    }

    /** Changes many annotations, all or none: each item carries its {@code id} and {@code version}. */
    @PutMapping(path = "/bulk", consumes = MediaType.APPLICATION_JSON_VALUE)
    public Map<String, List<AnnotationJson>> updateAll(
            @PathVariable String slug, @RequestBody List<AnnotationJson> body) {
        if (body == null || body.isEmpty()) {
            throw ApiProblem.badRequest("annotations", "send a JSON array of annotations");
        }
        return Map.of(
                "items",
                service.updateAll(CurrentSubject.get(), slug, body).stream()
                        .map(service::view)
                        .toList());
    }

    @GetMapping
    public Page<AnnotationJson> list(
            @PathVariable String slug,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "100") int size,
            @RequestParam(required = false) String imageId,
            @RequestParam(name = "class", required = false) String className,
            @RequestParam(required = false) String space,
            @RequestParam(required = false) String bbox) {
        Page.check(page, size);
        Event event = access.require(CurrentSubject.get(), slug, EventAction.READ);
        Annotation.Space s = null;
        if (space != null && !space.isBlank()) {
            try {
                s = Annotation.Space.valueOf(space.trim().toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw ApiProblem.badRequest("space", "space must be pixel or map");
            }
        }
        var q = new AnnotationRepository.Query(
                event.id(), blank(imageId), blank(className), s, BboxParameter.parse(bbox));
        return Page.of(
                annotations.list(q, page * size, size).stream()
                        .map(service::view)
                        .toList(),
                page,
                size,
                annotations.count(q));
    }

    @GetMapping("/{id}")
    public ResponseEntity<AnnotationJson> get(@PathVariable String slug, @PathVariable String id) {
        Event event = access.require(CurrentSubject.get(), slug, EventAction.READ);
        Annotation a = annotations.find(event.id(), id).orElseThrow(() -> ApiProblem.notFound("no annotation " + id));
        return ResponseEntity.ok().eTag("\"" + a.version() + "\"").body(service.view(a));
    }

    @PutMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<AnnotationJson> update(
            @PathVariable String slug,
            @PathVariable String id,
            @RequestBody AnnotationJson body,
            @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        Annotation a = service.update(CurrentSubject.get(), slug, id, body, IfMatch.version(ifMatch));
        return ResponseEntity.ok().eTag("\"" + a.version() + "\"").body(service.view(a));
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void delete(
            @PathVariable String slug,
            @PathVariable String id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        service.delete(CurrentSubject.get(), slug, id, IfMatch.version(ifMatch));
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
