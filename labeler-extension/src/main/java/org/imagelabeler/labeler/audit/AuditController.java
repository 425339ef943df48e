package org.imagelabeler.labeler.audit;

import org.imagelabeler.labeler.access.EventAccess;
import org.imagelabeler.labeler.access.EventAction;
import org.imagelabeler.labeler.rest.Page;
import org.imagelabeler.platform.security.CurrentSubject;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /rest/labeler/events/{slug}/audit}: who changed what in an event, newest first. */
@RestController
@io.swagger.v3.oas.annotations.tags.Tag(
        name = "Audit",
        description = "Who changed what in an event, with before and after")
public class AuditController {

    private final AuditLog audit;
    private final EventAccess access;

    public AuditController(AuditLog audit, EventAccess access) {
        this.audit = audit;
        this.access = access;
    }

    @GetMapping(path = "/rest/labeler/events/{slug}/audit", produces = MediaType.APPLICATION_JSON_VALUE)
    public Page<AuditEntry> list(
            @PathVariable String slug,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        Page.check(page, size);
        var event = access.require(CurrentSubject.get(), slug, EventAction.READ_AUDIT);
        return Page.of(audit.ofEvent(event.id(), page * size, size), page, size, audit.count(event.id()));
    }
}
