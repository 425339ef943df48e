package org.imagelabeler.platform.catalog.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.imagelabeler.platform.catalog.Catalog;
import org.imagelabeler.platform.catalog.StoreInfo;
import org.imagelabeler.platform.catalog.StoreKind;
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

/**
 * {@code /rest/workspaces/{ws}/coveragestores}, {@code .../wmtsstores} and {@code .../datastores}:
 * one controller, since the three differ only in their JSON name and in the connection
 * properties they require. Stores are visible to workspace administrators only.
 */
@RestController
@RequestMapping(
        path = "/rest/workspaces/{ws}/{collection:coveragestores|wmtsstores|datastores}",
        produces = MediaType.APPLICATION_JSON_VALUE)
public class StoreController {

    static final String MAX_CONNECTIONS = "maxConnections";
    static final String CONNECT_TIMEOUT = "connectTimeout";
    static final String READ_TIMEOUT = "readTimeout";
    private static final String MASK = "******";
    private static final Set<String> REMOTE_SCHEMES = Set.of("http", "https");

    private final SecuredCatalog secured;
    private final Catalog catalog;

    public StoreController(SecuredCatalog secured) {
        this.secured = secured;
        this.catalog = secured.unsecured();
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record StoreJson(
            String name,
            String type,
            String description,
            Boolean enabled,
            NamedLink workspace,
            String url,
            String capabilitiesURL,
            Integer maxConnections,
            Integer connectTimeout,
            Integer readTimeout,
            Map<String, String> connectionParameters,
            String id,
            Instant created,
            Instant modified) {}

    @GetMapping
    public Map<String, Map<String, List<NamedLink>>> list(@PathVariable String ws, @PathVariable String collection) {
        StoreKind kind = kind(collection);
        WorkspaceInfo workspace = administered(ws);
        List<NamedLink> links = catalog.stores(workspace).stream()
                .filter(s -> s.kind() == kind)
                .map(s -> new NamedLink(s.name(), Links.href(path(workspace, s))))
                .toList();
        return Map.of(kind.restCollection(), Map.of(kind.jsonName(), links));
    }

    @GetMapping("/{store}")
    public Map<String, StoreJson> get(
            @PathVariable String ws, @PathVariable String collection, @PathVariable String store) {
        StoreKind kind = kind(collection);
        WorkspaceInfo workspace = administered(ws);
        return Map.of(kind.jsonName(), json(workspace, existing(workspace, kind, store)));
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<Map<String, StoreJson>> create(
            @PathVariable String ws, @PathVariable String collection, @RequestBody Map<String, StoreJson> body) {
        StoreKind kind = kind(collection);
        WorkspaceInfo workspace = administered(ws);
        StoreJson in = unwrap(kind, body);
        Instant now = Instant.now();
        StoreInfo store = catalog.add(new StoreInfo(
                UUID.randomUUID().toString(),
                workspace.id(),
                in.name(),
                kind,
                in.type() != null ? in.type() : defaultType(kind),
                in.description(),
                in.enabled() == null || in.enabled(),
                parameters(kind, in, Map.of()),
                now,
                now));
        return ResponseEntity.created(Links.uri(path(workspace, store)))
                .body(Map.of(kind.jsonName(), json(workspace, store)));
    }

    @PutMapping(path = "/{store}", consumes = MediaType.APPLICATION_JSON_VALUE)
    public Map<String, StoreJson> update(
            @PathVariable String ws,
            @PathVariable String collection,
            @PathVariable String store,
            @RequestBody Map<String, StoreJson> body) {
        StoreKind kind = kind(collection);
        WorkspaceInfo workspace = administered(ws);
        StoreInfo old = existing(workspace, kind, store);
        StoreJson in = unwrap(kind, body);
        if (in.name() != null && !in.name().equals(old.name())) {
            throw ApiProblem.badRequest(kind.jsonName() + ".name", "renaming a store is not supported");
        }
        StoreInfo changed = catalog.save(new StoreInfo(
                old.id(),
                old.workspaceId(),
                old.name(),
                kind,
                in.type() != null ? in.type() : old.type(),
                in.description() != null ? in.description() : old.description(),
                in.enabled() != null ? in.enabled() : old.enabled(),
                parameters(kind, in, old.parameters()),
                old.created(),
                Instant.now()));
        return Map.of(kind.jsonName(), json(workspace, changed));
    }

    @DeleteMapping("/{store}")
    public void delete(
            @PathVariable String ws,
            @PathVariable String collection,
            @PathVariable String store,
            @RequestParam(defaultValue = "false") boolean recurse) {
        StoreKind kind = kind(collection);
        WorkspaceInfo workspace = administered(ws);
        catalog.remove(existing(workspace, kind, store), recurse);
    }

    private WorkspaceInfo administered(String name) {
        Subject s = CurrentSubject.get();
        WorkspaceInfo ws =
                secured.workspace(s, name).orElseThrow(() -> ApiProblem.notFound("no workspace '" + name + "'"));
        if (!secured.canAdminister(s, ws)) {
            throw ApiProblem.forbidden("only administrators of workspace '" + name + "' may see or change its stores");
        }
        return ws;
    }

    private StoreInfo existing(WorkspaceInfo ws, StoreKind kind, String name) {
        return catalog.storeByName(ws.name(), name)
                .filter(s -> s.kind() == kind)
                .orElseThrow(() -> ApiProblem.notFound(
                        "no " + kind.jsonName() + " '" + name + "' in workspace '" + ws.name() + "'"));
    }

    private static StoreKind kind(String collection) {
        return Arrays.stream(StoreKind.values())
                .filter(k -> k.restCollection().equals(collection))
                .findFirst()
                .orElseThrow();
    }

    private static StoreJson unwrap(StoreKind kind, Map<String, StoreJson> body) {
        StoreJson in = body == null ? null : body.get(kind.jsonName());
        if (in == null) {
            throw ApiProblem.badRequest(
                    kind.jsonName(), "expected a body of the form {\"" + kind.jsonName() + "\": {\"name\": ...}}");
        }
        return in;
    }

    private static String defaultType(StoreKind kind) {
        return switch (kind) {
            case COVERAGE -> "GeoTIFF";
            case WMTS -> "WMTS";
            case FEATURE -> "PostGIS";
        };
    }

    /** Validates the connection properties of a store kind, over the {@code old} ones on update. */
    static Map<String, String> parameters(StoreKind kind, StoreJson in, Map<String, String> old) {
        Map<String, String> p = new LinkedHashMap<>(old);
        String field = kind.jsonName() + ".";
        switch (kind) {
            case COVERAGE -> {
                if (in.url() != null) {
                    p.put(StoreInfo.URL, in.url());
                }
                if (p.get(StoreInfo.URL) == null || p.get(StoreInfo.URL).isBlank()) {
                    throw ApiProblem.badRequest(field + "url", "a coverage store needs the url of its data");
                }
            }
            case WMTS -> {
                if (in.capabilitiesURL() != null) {
                    p.put(StoreInfo.CAPABILITIES_URL, checkRemoteUrl(in.capabilitiesURL(), field + "capabilitiesURL"));
                }
                if (p.get(StoreInfo.CAPABILITIES_URL) == null) {
                    throw ApiProblem.badRequest(
                            field + "capabilitiesURL", "a WMTS store needs the URL of the remote capabilities");
                }
                putBounded(p, MAX_CONNECTIONS, in.maxConnections(), 1, 64, 4, field);
                putBounded(p, CONNECT_TIMEOUT, in.connectTimeout(), 1, 300, 10, field);
                putBounded(p, READ_TIMEOUT, in.readTimeout(), 1, 600, 30, field);
            }
            case FEATURE -> {
                if (in.connectionParameters() != null) {
                    // a masked secret sent back unchanged keeps the stored one
                    in.connectionParameters().forEach((k, v) -> {
                        if (!MASK.equals(v)) {
                            p.put(k, v);
                        }
                    });
                }
            }
        }
        return p;
    }

    private static String checkRemoteUrl(String url, String field) {
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!REMOTE_SCHEMES.contains(scheme) || uri.getHost() == null) {
                throw ApiProblem.badRequest(field, "only http and https URLs are accepted, got '" + url + "'");
            }
            return url;
        } catch (URISyntaxException e) {
            throw ApiProblem.badRequest(field, "not a valid URL: " + e.getMessage());
        }
    }

    private static void putBounded(
            Map<String, String> p, String key, Integer value, int min, int max, int defaultValue, String field) {
        if (value != null) {
            if (value < min || value > max) {
                throw ApiProblem.badRequest(field + key, key + " must be between " + min + " and " + max);
            }
            p.put(key, value.toString());
        } else {
            p.putIfAbsent(key, Integer.toString(defaultValue));
        }
    }

    private static String path(WorkspaceInfo ws, StoreInfo s) {
        return "/rest/workspaces/" + ws.name() + "/" + s.kind().restCollection() + "/" + s.name();
    }

    private static StoreJson json(WorkspaceInfo ws, StoreInfo s) {
        Map<String, String> p = s.parameters();
        return new StoreJson(
                s.name(),
                s.type(),
                s.description(),
                s.enabled(),
                new NamedLink(ws.name(), Links.href("/rest/workspaces/" + ws.name())),
                p.get(StoreInfo.URL),
                p.get(StoreInfo.CAPABILITIES_URL),
                integer(p.get(MAX_CONNECTIONS)),
                integer(p.get(CONNECT_TIMEOUT)),
                integer(p.get(READ_TIMEOUT)),
                s.kind() == StoreKind.FEATURE ? withoutSecrets(p) : null,
                s.id(),
                s.created(),
                s.modified());
    }

    private static Map<String, String> withoutSecrets(Map<String, String> p) {
        Map<String, String> out = new LinkedHashMap<>(p);
        out.replaceAll((k, v) -> k.toLowerCase(Locale.ROOT).contains("passw") ? MASK : v);
        return out;
    }

    private static Integer integer(String s) {
        return s == null ? null : Integer.valueOf(s);
    }
}
