package org.imagelabeler.platform.catalog.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.imagelabeler.platform.catalog.Catalog;
import org.imagelabeler.platform.catalog.WorkspaceInfo;
import org.imagelabeler.platform.rest.ApiProblem;
import org.imagelabeler.platform.security.CurrentSubject;
import org.imagelabeler.platform.security.SecuredCatalog;
import org.imagelabeler.platform.security.Subject;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /rest/workspaces}: GeoServer's JSON shapes ({@code {"workspace": {...}}}). */
@RestController
@RequestMapping(path = "/rest/workspaces", produces = MediaType.APPLICATION_JSON_VALUE)
public class WorkspaceController {

    private final SecuredCatalog secured;
    private final Catalog catalog;

    public WorkspaceController(SecuredCatalog secured) {
        this.secured = secured;
        this.catalog = secured.unsecured();
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record WorkspaceJson(
            String name,
            String title,
            String id,
            Instant created,
            Instant modified,
            String coverageStores,
            String wmtsStores,
            String dataStores,
            String layers) {}

    public record WorkspaceBody(WorkspaceJson workspace) {}

    @GetMapping
    public Map<String, Map<String, List<NamedLink>>> list() {
        List<NamedLink> links = secured.workspaces(CurrentSubject.get()).stream()
                .map(ws -> new NamedLink(ws.name(), Links.href("/rest/workspaces/" + ws.name())))
                .toList();
        return Map.of("workspaces", Map.of("workspace", links));
    }

    @GetMapping("/{ws}")
    public WorkspaceBody get(@PathVariable String ws) {
        return new WorkspaceBody(json(readable(ws)));
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<WorkspaceBody> create(@RequestBody WorkspaceBody body) {
        requireCatalogAdmin();
        WorkspaceJson in = require(body);
        Instant now = Instant.now();
        WorkspaceInfo ws =
                catalog.add(new WorkspaceInfo(UUID.randomUUID().toString(), in.name(), in.title(), now, now));
        return ResponseEntity.created(Links.uri("/rest/workspaces/" + ws.name()))
                .body(new WorkspaceBody(json(ws)));
    }

    @PutMapping(path = "/{ws}", consumes = MediaType.APPLICATION_JSON_VALUE)
    public WorkspaceBody update(@PathVariable String ws, @RequestBody WorkspaceBody body) {
        WorkspaceInfo existing = administered(ws);
        WorkspaceJson in = require(body);
        if (in.name() != null && !in.name().equals(existing.name())) {
            throw ApiProblem.badRequest("workspace.name", "renaming a workspace is not supported");
        }
        return new WorkspaceBody(json(catalog.save(existing.withTitle(in.title(), Instant.now()))));
    }

    @DeleteMapping("/{ws}")
    public void delete(@PathVariable String ws, @RequestParam(defaultValue = "false") boolean recurse) {
        WorkspaceInfo existing = readable(ws);
        requireCatalogAdmin();
        catalog.remove(existing, recurse);
    }

    private WorkspaceInfo readable(String name) {
        return secured.workspace(CurrentSubject.get(), name)
                .orElseThrow(() -> ApiProblem.notFound("no workspace '" + name + "'"));
    }

    private WorkspaceInfo administered(String name) {
        WorkspaceInfo ws = readable(name);
        if (!secured.canAdminister(CurrentSubject.get(), ws)) {
            throw ApiProblem.forbidden("you may not change workspace '" + name + "'");
        }
        return ws;
    }

    private void requireCatalogAdmin() {
        Subject s = CurrentSubject.get();
        if (!secured.canAdministerCatalog(s)) {
            throw ApiProblem.forbidden("only administrators may create or delete workspaces");
        }
    }

    private static WorkspaceJson require(WorkspaceBody body) {
        if (body == null || body.workspace() == null) {
            throw ApiProblem.badRequest("workspace", "expected a body of the form {\"workspace\": {\"name\": ...}}");
        }
        return body.workspace();
    }

    private static WorkspaceJson json(WorkspaceInfo ws) {
        String base = "/rest/workspaces/" + ws.name();
        return new WorkspaceJson(
                ws.name(),
                ws.title(),
                ws.id(),
                ws.created(),
                ws.modified(),
                Links.href(base + "/coveragestores"),
                Links.href(base + "/wmtsstores"),
                Links.href(base + "/datastores"),
                Links.href(base + "/layers"));
    }
}
