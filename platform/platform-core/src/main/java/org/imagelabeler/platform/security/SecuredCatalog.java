package org.imagelabeler.platform.security;

import java.util.List;
import java.util.Optional;
import org.imagelabeler.platform.catalog.Catalog;
import org.imagelabeler.platform.catalog.LayerInfo;
import org.imagelabeler.platform.catalog.StoreInfo;
import org.imagelabeler.platform.catalog.WorkspaceInfo;

/**
 * The catalog as one subject may see it: GeoServer's secure catalog decorator. What the subject
 * may not read is simply absent, so services answer 404 rather than revealing that it exists.
 * Stores hold connection details and are visible to workspace administrators only.
 */
public class SecuredCatalog {

    private final Catalog catalog;
    private final AccessPolicy policy;

    public SecuredCatalog(Catalog catalog, AccessPolicy policy) {
        this.catalog = catalog;
        this.policy = policy;
    }

    public Catalog unsecured() {
        return catalog;
    }

    public AccessPolicy policy() {
        return policy;
    }

    public List<WorkspaceInfo> workspaces(Subject s) {
        return catalog.workspaces().stream().filter(ws -> canRead(s, ws)).toList();
    }

    public Optional<WorkspaceInfo> workspace(Subject s, String name) {
        return catalog.workspaceByName(name).filter(ws -> canRead(s, ws));
    }

    public List<StoreInfo> stores(Subject s, WorkspaceInfo ws) {
        return canAdminister(s, ws) ? catalog.stores(ws) : List.of();
    }

    public Optional<StoreInfo> store(Subject s, String workspace, String name) {
        return catalog.workspaceByName(workspace)
                .filter(ws -> canAdminister(s, ws))
                .flatMap(ws -> catalog.storeByName(workspace, name));
    }

    public List<LayerInfo> layers(Subject s) {
        return catalog.layers().stream().filter(l -> canRead(s, l)).toList();
    }

    public List<LayerInfo> layers(Subject s, WorkspaceInfo ws) {
        return catalog.layers(ws).stream().filter(l -> canRead(s, l)).toList();
    }

    public Optional<LayerInfo> layer(Subject s, String workspace, String name) {
        return catalog.layerByName(workspace, name).filter(l -> canRead(s, l));
    }

    public boolean canRead(Subject s, WorkspaceInfo ws) {
        return policy.allows(s, AccessTarget.workspace(ws.name()), AccessMode.READ);
    }

    public boolean canRead(Subject s, LayerInfo layer) {
        return policy.allows(s, target(layer), AccessMode.READ);
    }

    public boolean canWrite(Subject s, LayerInfo layer) {
        return policy.allows(s, target(layer), AccessMode.WRITE);
    }

    /** May change the workspace's stores and layers. */
    public boolean canAdminister(Subject s, WorkspaceInfo ws) {
        return policy.allows(s, AccessTarget.workspace(ws.name()), AccessMode.ADMIN);
    }

    /** May create and delete workspaces, and change global settings. */
    public boolean canAdministerCatalog(Subject s) {
        return policy.allows(s, AccessTarget.catalog(), AccessMode.ADMIN);
    }

    private AccessTarget target(LayerInfo layer) {
        String ws = catalog.workspace(layer.workspaceId()).orElseThrow().name();
        return AccessTarget.layer(ws, layer.name());
    }
}
