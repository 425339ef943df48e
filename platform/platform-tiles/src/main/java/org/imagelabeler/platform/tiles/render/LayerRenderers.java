package org.imagelabeler.platform.tiles.render;

import java.util.Optional;
import org.imagelabeler.platform.catalog.LayerInfo;
import org.imagelabeler.platform.extension.ExtensionRegistry;
import org.imagelabeler.platform.render.LayerRenderer;

/** Finds the renderer of a layer among the {@link LayerRenderer} extensions, as WMS does. */
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
