package org.imagelabeler.platform.ows.wfs;

import java.util.List;
import java.util.Optional;
import org.imagelabeler.platform.catalog.Catalog;
import org.imagelabeler.platform.catalog.LayerInfo;
import org.imagelabeler.platform.catalog.LayerKind;
import org.imagelabeler.platform.feature.FeatureSource;
import org.imagelabeler.platform.feature.FeatureSources;
import org.imagelabeler.platform.ows.OwsException;
import org.imagelabeler.platform.ows.OwsRequest;
import org.imagelabeler.platform.security.SecuredCatalog;

/**
 * The feature types a WFS request may name: enabled vector layers with a feature source,
 * readable by the caller, within the workspace of a virtual service ({@code /topp/wfs}, where
 * names may drop their prefix). A layer the caller may not read is reported exactly as one that
 * does not exist.
 */
final class WfsLayers {

    /** A feature type as WFS serves it: the catalog layer, its source and its names. */
    record FeatureLayer(LayerInfo layer, String workspace, FeatureSource source) {

        String typeName() {
            return layer.name();
        }

        String qualifiedName() {
            return workspace + ":" + layer.name();
        }

        String namespace() {
            return WfsLayers.namespace(workspace);
        }
    }

    private final SecuredCatalog secured;
    private final FeatureSources sources;

    WfsLayers(SecuredCatalog secured, FeatureSources sources) {
        this.secured = secured;
        this.sources = sources;
    }

    Catalog catalog() {
        return secured.unsecured();
    }

    /** Whether the caller may change the features of a layer it can read. */
    boolean canWrite(OwsRequest request, FeatureLayer type) {
        return secured.canWrite(request.subject(), type.layer());
    }

    /** The workspace whose namespace is {@code uri}, or null. */
    String workspaceOf(String uri) {
        String prefix = namespace("");
        return uri != null && uri.startsWith(prefix) ? uri.substring(prefix.length()) : null;
    }

    /** The XML namespace of a workspace's feature types. */
    static String namespace(String workspace) {
        return "urn:x-imagelabeler:" + workspace;
    }

    /** The feature types to advertise in capabilities. */
    List<FeatureLayer> advertised(OwsRequest request) {
        List<LayerInfo> layers = request.workspace() == null
                ? secured.layers(request.subject())
                : secured.workspace(request.subject(), request.workspace())
                        .map(ws -> secured.layers(request.subject(), ws))
                        .orElse(List.of());
        return layers.stream()
                .filter(l -> l.enabled() && l.advertised() && l.kind() == LayerKind.VECTOR)
                .map(this::featureLayer)
                .flatMap(Optional::stream)
                .toList();
    }

    /**
     * The feature type of a name from a request: {@code ws:layer}, or {@code layer} in a virtual
     * service. The prefix is taken as the workspace name, as GeoServer does.
     */
    FeatureLayer find(String name, OwsRequest request, String parameter) {
        String trimmed = name.trim();
        int colon = trimmed.indexOf(':');
        String workspace = colon > 0 ? trimmed.substring(0, colon) : request.workspace();
        String layer = colon > 0 ? trimmed.substring(colon + 1) : trimmed;
        if (workspace == null
                || (request.workspace() != null && !request.workspace().equals(workspace))) {
            throw unknown(trimmed, parameter);
        }
        return secured.layer(request.subject(), workspace, layer)
                .filter(l -> l.enabled() && l.kind() == LayerKind.VECTOR)
                .flatMap(this::featureLayer)
                .orElseThrow(() -> unknown(trimmed, parameter));
    }

    private Optional<FeatureLayer> featureLayer(LayerInfo layer) {
        String workspace =
                catalog().workspace(layer.workspaceId()).orElseThrow().name();
        return sources.of(layer).map(s -> new FeatureLayer(layer, workspace, s));
    }

    private static OwsException unknown(String name, String parameter) {
        return new OwsException(
                OwsException.INVALID_PARAMETER, parameter, "feature type '" + name + "' is not defined");
    }
}
