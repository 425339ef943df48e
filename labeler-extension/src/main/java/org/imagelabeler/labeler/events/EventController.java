package org.imagelabeler.labeler.events;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.imagelabeler.labeler.access.EventAccess;
import org.imagelabeler.labeler.access.EventAction;
import org.imagelabeler.labeler.rest.BboxParameter;
import org.imagelabeler.labeler.rest.IfMatch;
import org.imagelabeler.labeler.rest.Page;
import org.imagelabeler.labeler.teams.MembershipRepository;
import org.imagelabeler.labeler.teams.TeamRole;
import org.imagelabeler.platform.security.CurrentSubject;
import org.imagelabeler.platform.security.Subject;
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
 * {@code /rest/labeler/events}: Earth Science Events. Lists show what the caller may read
 * (their teams' events, those open to the organisation or the public), paged and filtered.
 * An event's version is its {@code ETag}; {@code If-Match} on update guards against overwriting
 * a change made meanwhile (412).
 */
@RestController
@io.swagger.v3.oas.annotations.tags.Tag(name = "Events", description = "Earth Science Events and their label schemas")
@RequestMapping(path = "/rest/labeler/events", produces = MediaType.APPLICATION_JSON_VALUE)
public class EventController {

    private final EventRepository events;
    private final EventService service;
    private final EventAccess access;
    private final MembershipRepository members;

    public EventController(
            EventRepository events, EventService service, EventAccess access, MembershipRepository members) {
        this.events = events;
        this.service = service;
        this.access = access;
        this.members = members;
    }

    @GetMapping
    public Page<EventJson> list(
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size,
            @RequestParam(required = false) String phenomenon,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String bbox,
            @RequestParam(required = false) Instant time) {
        Page.check(page, size);
        Subject subject = CurrentSubject.get();
        EventRepository.Query query = new EventRepository.Query(
                subject.isAdmin() ? null : subject.isAnonymous() ? List.of() : members.eventsOf(subject.username()),
                true,
                !subject.isAnonymous(),
                blankToNull(phenomenon),
                blankToNull(q),
                BboxParameter.parse(bbox),
                time);
        long total = events.count(query);
        List<EventJson> items = events.list(query, page * size, size).stream()
                .map(e -> withHref(service.view(e, role(subject, e))))
                .toList();
        return Page.of(items, page, size, total);
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    public ResponseEntity<EventJson> create(@RequestBody EventJson body) {
        Event event = service.create(CurrentSubject.get(), body);
        URI location = ServletUriComponentsBuilder.fromCurrentContextPath()
                .path("/rest/labeler/events/{slug}")
                .buildAndExpand(event.slug())
                .toUri();
        return ResponseEntity.created(location)
                .eTag(etag(event))
                .body(withHref(service.view(event, TeamRole.OWNER.json())));
    }

    @GetMapping("/{slug}")
    public ResponseEntity<EventJson> get(@PathVariable String slug) {
        Subject subject = CurrentSubject.get();
        Event event = access.require(subject, slug, EventAction.READ);
        return ResponseEntity.ok().eTag(etag(event)).body(withHref(service.view(event, role(subject, event))));
    }

    @PutMapping(path = "/{slug}", consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<EventJson> update(
            @PathVariable String slug,
            @RequestBody EventJson body,
            @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        Subject subject = CurrentSubject.get();
        Event event = service.update(subject, slug, body, IfMatch.version(ifMatch));
        return ResponseEntity.ok().eTag(etag(event)).body(withHref(service.view(event, role(subject, event))));
    }

    @DeleteMapping("/{slug}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void delete(@PathVariable String slug) {
        service.delete(CurrentSubject.get(), slug);
    }

    private String role(Subject subject, Event event) {
        return access.role(subject, event).map(TeamRole::json).orElse(null);
    }

    private static EventJson withHref(EventJson e) {
        return e.withHref(ServletUriComponentsBuilder.fromCurrentContextPath()
                .path("/rest/labeler/events/{slug}")
                .buildAndExpand(e.slug())
                .toUriString());
    }

    static String etag(Event e) {
        return "\"" + e.version() + "\"";
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
