package org.imagelabeler.platform.catalog.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.imagelabeler.platform.catalog.BoundingBox;
import org.imagelabeler.platform.catalog.Catalog;
import org.imagelabeler.platform.catalog.LayerInfo;
import org.imagelabeler.platform.catalog.LayerKind;
import org.imagelabeler.platform.catalog.StoreInfo;
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
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /rest/layers} (qualified names, {@code ws:layer}) and {@code /rest/workspaces/{ws}/layers}.
 * Everybody sees the layers they may read; workspace administrators publish and change them.
 */
@RestController
public class LayerController {

    private final SecuredCatalog secured;
    private final Catalog catalog;

    public LayerController(SecuredCatalog secured) {
        this.secured = secured;
        this.catalog = secured.unsecured();
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record LayerJson(
            String name,
            NamedLink workspace,
            String store,
            LayerKind kind,
            String nativeName,
            String title,
            @JsonProperty("abstract") String abstractText,
            List<String> keywords,
            Boolean enabled,
            Boolean advertised,
            String defaultStyle,
            List<String> styles,
            String nativeCrs,
            BoundingBox nativeBoundingBox,
            BoundingBox latLonBoundingBox,
            Map<String, String> metadata,
            String id,
            Instant created,
            Instant modified) {}

    public record LayerBody(LayerJson layer) {}

    @GetMapping(path = "/rest/layers", produces = MediaType.APPLICATION_JSON_VALUE)
    public Map<String, Map<String, List<NamedLink>>> list() {
        return listing(secured.layers(CurrentSubject.get()));
    }

    @GetMapping(path = "/rest/workspaces/{ws}/layers", produces = MediaType.APPLICATION_JSON_VALUE)
    public Map<String, Map<String, List<NamedLink>>> list(@PathVariable String ws) {
        return listing(secured.layers(CurrentSubject.get(), readableWorkspace(ws)));
    }

    @GetMapping(path = "/rest/layers/{qualifiedName}", produces = MediaType.APPLICATION_JSON_VALUE)
    public LayerBody get(@PathVariable String qualifiedName) {
        String[] ws = split(qualifiedName);
        return get(ws[0], ws[1]);
    }

    @GetMapping(path = "/rest/workspaces/{ws}/layers/{layer}", produces = MediaType.APPLICATION_JSON_VALUE)
    public LayerBody get(@PathVariable String ws, @PathVariable String layer) {
        return new LayerBody(json(readable(ws, layer)));
    }

    /** Publishes a layer named {@code ws:name} in the body. */
    @PostMapping(
            path = "/rest/layers",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<LayerBody> create(@RequestBody LayerBody body) {
        LayerJson in = require(body);
        if (in.name() == null || !in.name().contains(":")) {
            throw ApiProblem.badRequest("layer.name", "expected a qualified layer name, workspace:name");
        }
        String[] names = split(in.name());
        return create(names[0], names[1], in);
    }

    @PostMapping(
            path = "/rest/workspaces/{ws}/layers",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<LayerBody> create(@PathVariable String ws, @RequestBody LayerBody body) {
        LayerJson in = require(body);
        return create(ws, in.name(), in);
    }

    private ResponseEntity<LayerBody> create(String wsName, String name, LayerJson in) {
        WorkspaceInfo ws = administered(wsName);
        if (in.store() == null) {
            throw ApiProblem.badRequest("layer.store", "the name of the store that holds the data is required");
        }
        StoreInfo store = catalog.storeByName(ws.name(), in.store())
                .orElseThrow(() -> ApiProblem.badRequest(
                        "layer.store", "no store '" + in.store() + "' in workspace '" + ws.name() + "'"));
        Instant now = Instant.now();
        LayerInfo layer = catalog.add(new LayerInfo(
                UUID.randomUUID().toString(),
                ws.id(),
                store.id(),
                name,
                in.kind(),
                in.nativeName() != null ? in.nativeName() : name,
                in.title(),
                in.abstractText(),
                in.keywords(),
                in.enabled() == null || in.enabled(),
                in.advertised() == null || in.advertised(),
                in.defaultStyle(),
                in.styles(),
                in.nativeCrs(),
                in.nativeBoundingBox(),
                in.latLonBoundingBox(),
                in.metadata(),
                now,
                now));
        return ResponseEntity.created(Links.uri("/rest/layers/" + ws.name() + ":" + layer.name()))
                .body(new LayerBody(json(layer)));
    }

    @PutMapping(
            path = "/rest/layers/{qualifiedName}",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    public LayerBody update(@PathVariable String qualifiedName, @RequestBody LayerBody body) {
        String[] names = split(qualifiedName);
        return update(names[0], names[1], body);
    }

    @PutMapping(
            path = "/rest/workspaces/{ws}/layers/{layer}",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    public LayerBody update(@PathVariable String ws, @PathVariable String layer, @RequestBody LayerBody body) {
        LayerInfo old = readable(ws, layer);
        administered(ws);
        LayerJson in = require(body);
        if (in.name() != null && !in.name().equals(old.name()) && !in.name().equals(ws + ":" + old.name())) {
            throw ApiProblem.badRequest("layer.name", "renaming a layer is not supported");
        }
        if (in.store() != null
                && !catalog.store(old.storeId()).map(StoreInfo::name).orElse("").equals(in.store())) {
            throw ApiProblem.badRequest("layer.store", "a layer cannot move to another store");
        }
        LayerInfo changed = catalog.save(new LayerInfo(
                old.id(),
                old.workspaceId(),
                old.storeId(),
                old.name(),
                in.kind() != null ? in.kind() : old.kind(),
                in.nativeName() != null ? in.nativeName() : old.nativeName(),
                in.title() != null ? in.title() : old.title(),
                in.abstractText() != null ? in.abstractText() : old.abstractText(),
                in.keywords() != null ? in.keywords() : old.keywords(),
                in.enabled() != null ? in.enabled() : old.enabled(),
                in.advertised() != null ? in.advertised() : old.advertised(),
                in.defaultStyle() != null ? in.defaultStyle() : old.defaultStyle(),
                in.styles() != null ? in.styles() : old.styles(),
                in.nativeCrs() != null ? in.nativeCrs() : old.nativeCrs(),
                in.nativeBoundingBox() != null ? in.nativeBoundingBox() : old.nativeBounds(),
                in.latLonBoundingBox() != null ? in.latLonBoundingBox() : old.geographicBounds(),
                in.metadata() != null ? in.metadata() : old.metadata(),
                old.created(),
                Instant.now()));
        return new LayerBody(json(changed));
    }

    @DeleteMapping("/rest/layers/{qualifiedName}")
    public void delete(@PathVariable String qualifiedName) {
        String[] names = split(qualifiedName);
        delete(names[0], names[1]);
    }

    @DeleteMapping("/rest/workspaces/{ws}/layers/{layer}")
    public void delete(@PathVariable String ws, @PathVariable String layer) {
        LayerInfo old = readable(ws, layer);
        administered(ws);
        catalog.remove(old);
    }

    private Map<String, Map<String, List<NamedLink>>> listing(List<LayerInfo> layers) {
        List<NamedLink> links = layers.stream()
                .map(l -> {
                    String q = catalog.qualifiedName(l);
                    return new NamedLink(q, Links.href("/rest/layers/" + q));
                })
                .toList();
        return Map.of("layers", Map.of("layer", links));
    }

    private WorkspaceInfo readableWorkspace(String name) {
        return secured.workspace(CurrentSubject.get(), name)
                .orElseThrow(() -> ApiProblem.notFound("no workspace '" + name + "'"));
    }

    private LayerInfo readable(String ws, String name) {
        return secured.layer(CurrentSubject.get(), ws, name)
                .orElseThrow(() -> ApiProblem.notFound("no layer '" + ws + ":" + name + "'"));
    }

    private WorkspaceInfo administered(String name) {
        Subject s = CurrentSubject.get();
        WorkspaceInfo ws = readableWorkspace(name);
        if (!secured.canAdminister(s, ws)) {
            throw ApiProblem.forbidden("only administrators of workspace '" + name + "' may change its layers");
        }
        return ws;
    }

    private static String[] split(String qualifiedName) {
        int colon = qualifiedName.indexOf(':');
        if (colon <= 0 || colon == qualifiedName.length() - 1) {
            throw ApiProblem.notFound("no layer '" + qualifiedName + "': expected workspace:name");
        }
        return new String[] {qualifiedName.substring(0, colon), qualifiedName.substring(colon + 1)};
    }

    private static LayerJson require(LayerBody body) {
        if (body == null || body.layer() == null) {
            throw ApiProblem.badRequest("layer", "expected a body of the form {\"layer\": {\"name\": ...}}");
        }
        return body.layer();
    }

    private LayerJson json(LayerInfo l) {
        String ws = catalog.workspace(l.workspaceId()).map(WorkspaceInfo::name).orElseThrow();
        return new LayerJson(
                l.name(),
                new NamedLink(ws, Links.href("/rest/workspaces/" + ws)),
                catalog.store(l.storeId()).map(StoreInfo::name).orElse(null),
                l.kind(),
                l.nativeName(),
                l.title(),
                l.abstractText(),
                l.keywords(),
                l.enabled(),
                l.advertised(),
                l.defaultStyle(),
                l.styles(),
                l.nativeCrs(),
                l.nativeBounds(),
                l.geographicBounds(),
                l.metadata(),
                l.id(),
                l.created(),
                l.modified());
    }
}
