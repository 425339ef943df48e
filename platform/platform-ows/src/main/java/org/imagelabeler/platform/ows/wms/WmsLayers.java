package org.imagelabeler.platform.ows.wms;

import java.util.List;
import org.imagelabeler.platform.catalog.Catalog;
import org.imagelabeler.platform.catalog.LayerInfo;
import org.imagelabeler.platform.catalog.WorkspaceInfo;
import org.imagelabeler.platform.ows.OwsException;
import org.imagelabeler.platform.ows.OwsRequest;
import org.imagelabeler.platform.security.SecuredCatalog;

/**
 * The layers a WMS request may name: enabled, readable by the caller, within the workspace of
 * a virtual service ({@code /topp/wms}, where names may drop their {@code topp:} prefix). A layer
 * the caller may not read is reported exactly as one that does not exist.
 */
final class WmsLayers {

    private final SecuredCatalog secured;

    WmsLayers(SecuredCatalog secured) {
        this.secured = secured;
    }

    Catalog catalog() {
        return secured.unsecured();
    }

    /** The layers to advertise in capabilities. */
    List<LayerInfo> advertised(OwsRequest request) {
        List<LayerInfo> layers = request.workspace() == null
                ? secured.layers(request.subject())
                : secured.workspace(request.subject(), request.workspace())
                        .map(ws -> secured.layers(request.subject(), ws))
                        .orElse(List.of());
        return layers.stream().filter(l -> l.enabled() && l.advertised()).toList();
    }

    /** The name of a layer as this service shows it. */
    String name(LayerInfo layer, OwsRequest request) {
        return request.workspace() == null ? catalog().qualifiedName(layer) : layer.name();
    }

    LayerInfo find(String name, OwsRequest request, String parameter) {
        String trimmed = name.trim();
        int colon = trimmed.indexOf(':');
        String workspace = colon > 0 ? trimmed.substring(0, colon) : request.workspace();
        String layer = colon > 0 ? trimmed.substring(colon + 1) : trimmed;
        if (workspace == null
                || (request.workspace() != null && !request.workspace().equals(workspace))) {
            throw notDefined(trimmed, parameter);
        }
        return secured.layer(request.subject(), workspace, layer)
                .filter(LayerInfo::enabled)
                .orElseThrow(() -> notDefined(trimmed, parameter));
    }

    WorkspaceInfo workspaceOf(LayerInfo layer) {
        return catalog().workspace(layer.workspaceId()).orElseThrow();
    }

    private static OwsException notDefined(String name, String parameter) {
        return new OwsException(OwsException.LAYER_NOT_DEFINED, parameter, "layer '" + name + "' is not defined");
    }
}
