package org.imagelabeler.platform.render;

import java.util.Optional;
import org.imagelabeler.platform.catalog.LayerInfo;
import org.imagelabeler.platform.extension.ExtensionRegistry;

/**
 * Finds the renderer of a layer among the {@link LayerRenderer} extensions: the first, in priority
 * order, that accepts it. WMS, tiles and image extraction all draw layers through it.
 */
public final class LayerRenderers {

    private final ExtensionRegistry extensions;

    public LayerRenderers(ExtensionRegistry extensions) {
        this.extensions = extensions;
    }

    public Optional<LayerRenderer> of(LayerInfo layer) {
        return extensions.extensions(LayerRenderer.class).stream()
                .filter(r -> r.canRender(layer))
                .findFirst();
    }
}
