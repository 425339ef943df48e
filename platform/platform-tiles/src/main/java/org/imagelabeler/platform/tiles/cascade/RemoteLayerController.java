package org.imagelabeler.platform.tiles.cascade;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.imagelabeler.platform.catalog.CatalogException;
import org.imagelabeler.platform.catalog.CatalogNames;
import org.imagelabeler.platform.catalog.LayerInfo;
import org.imagelabeler.platform.catalog.StoreInfo;
import org.imagelabeler.platform.catalog.StoreKind;
import org.imagelabeler.platform.catalog.WorkspaceInfo;
import org.imagelabeler.platform.rest.ApiProblem;
import org.imagelabeler.platform.security.CurrentSubject;
import org.imagelabeler.platform.security.SecuredCatalog;
import org.imagelabeler.platform.security.Subject;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * {@code /rest/workspaces/{ws}/wmtsstores/{store}/layers}: the layers a WMTS store publishes
 * ({@code ?list=available}: those the remote offers, read from its capabilities now), and
 * publishing one (GeoServer's {@code wmtsLayer} resource). Workspace administrators only.
 */
@RestController
public class RemoteLayerController {

    private final SecuredCatalog secured;
    private final RemoteLayerPublisher publisher;

    public RemoteLayerController(SecuredCatalog secured, RemoteLayerPublisher publisher) {
        this.secured = secured;
        this.publisher = publisher;
    }

    public record RemoteLayerJson(String name, String nativeName, String title) {}

    @GetMapping(path = "/rest/workspaces/{ws}/wmtsstores/{store}/layers", produces = MediaType.APPLICATION_JSON_VALUE)
    public Map<String, Object> list(
            @PathVariable String ws, @PathVariable String store, @RequestParam(required = false) String list) {
        StoreInfo s = store(ws, store);
        if ("available".equals(list)) {
            RemoteCapabilities caps = capabilities(s);
            return Map.of(
                    "list",
                    caps.layers().stream()
                            .filter(l -> !l.tileMatrixSets().isEmpty())
                            .map(l -> Map.of(
                                    "nativeName",
                                    l.identifier(),
                                    "title",
                                    l.title() == null ? l.identifier() : l.title(),
                                    "tileMatrixSets",
                                    l.tileMatrixSets()))
                            .toList());
        }
        List<String> names =
                secured.unsecured().layers(s).stream().map(LayerInfo::name).toList();
        return Map.of("wmtsLayers", Map.of("wmtsLayer", names));
    }

    @PostMapping(
            path = "/rest/workspaces/{ws}/wmtsstores/{store}/layers",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<Map<String, Object>> publish(
            @PathVariable String ws, @PathVariable String store, @RequestBody Map<String, RemoteLayerJson> body) {
        StoreInfo s = store(ws, store);
        RemoteLayerJson in = body == null ? null : body.get("wmtsLayer");
        if (in == null || (in.nativeName() == null && in.name() == null)) {
            throw ApiProblem.badRequest(
                    "wmtsLayer", "expected {\"wmtsLayer\": {\"name\": ..., \"nativeName\": <remote identifier>}}");
        }
        String nativeName = in.nativeName() != null ? in.nativeName() : in.name();
        String name = in.name() != null ? in.name() : nativeName;
        try {
            CatalogNames.checkName(name);
        } catch (CatalogException e) {
            throw ApiProblem.badRequest("wmtsLayer.name", e.getMessage());
        }
        if (secured.unsecured().layerByName(ws, name).isPresent()) {
            throw ApiProblem.conflict("layer '" + name + "' already exists in workspace '" + ws + "'");
        }
        RemoteCapabilities caps = capabilities(s);
        RemoteLayer remote = caps.layer(nativeName)
                .orElseThrow(() ->
                        ApiProblem.badRequest("wmtsLayer.nativeName", "the remote has no layer '" + nativeName + "'"));
        LayerInfo layer;
        try {
            layer = publisher.publish(s, caps, remote, name, in.title());
        } catch (IllegalArgumentException e) {
            throw ApiProblem.badRequest("wmtsLayer.nativeName", e.getMessage());
        }
        URI location = ServletUriComponentsBuilder.fromCurrentContextPath()
                .path("/rest/workspaces/{ws}/layers/{layer}")
                .buildAndExpand(ws, layer.name())
                .toUri();
        return ResponseEntity.created(location)
                .body(Map.of(
                        "wmtsLayer",
                        Map.of(
                                "name", layer.name(),
                                "nativeName", remote.identifier(),
                                "title", layer.title() == null ? "" : layer.title())));
    }

    private StoreInfo store(String ws, String name) {
        Subject subject = CurrentSubject.get();
        WorkspaceInfo workspace =
                secured.workspace(subject, ws).orElseThrow(() -> ApiProblem.notFound("no workspace '" + ws + "'"));
        if (!secured.canAdminister(subject, workspace)) {
            throw ApiProblem.forbidden("only administrators of workspace '" + ws + "' may see or change its stores");
        }
        return secured.unsecured()
                .storeByName(ws, name)
                .filter(s -> s.kind() == StoreKind.WMTS)
                .orElseThrow(() -> ApiProblem.notFound("no wmtsStore '" + name + "' in workspace '" + ws + "'"));
    }

    private static RemoteCapabilities capabilities(StoreInfo store) {
        try {
            return CapabilitiesFetcher.fetch(
                    URI.create(store.parameter(StoreInfo.CAPABILITIES_URL)), RemoteTileClients.settings(store));
        } catch (CapabilitiesException e) {
            throw new ApiProblem(HttpStatus.BAD_GATEWAY, "capabilitiesURL", e.getMessage());
        }
    }
}
