package org.imagelabeler.platform.tiles.wmts;

import org.imagelabeler.platform.ows.OwsOperation;
import org.imagelabeler.platform.ows.OwsRequest;
import org.imagelabeler.platform.ows.XmlDocument;
import org.imagelabeler.platform.security.Subject;

/** WMTS GetCapabilities: the layers the caller may read. */
final class WmtsGetCapabilities implements OwsOperation {

    private final TiledLayers layers;

    WmtsGetCapabilities(TiledLayers layers) {
        this.layers = layers;
    }

    @Override
    public String service() {
        return WmtsService.ID;
    }

    @Override
    public String name() {
        return "GetCapabilities";
    }

    @Override
    public Object execute(OwsRequest request) throws Exception {
        return document(request.subject(), request.workspace(), request.baseUrl());
    }

    XmlDocument document(Subject subject, String workspace, String baseUrl) throws Exception {
        var settings = layers.catalog().serviceSettings("wmts");
        String title = settings.title() != null && !settings.title().isBlank()
                ? settings.title()
                : "ImageLabeler Web Map Tile Service";
        return WmtsCapabilities.write(
                layers.readable(subject, workspace),
                title,
                baseUrl,
                workspace == null ? "/wmts" : "/" + workspace + "/wmts",
                t -> layers.catalog().qualifiedName(t.layer()));
    }
}
