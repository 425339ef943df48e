package org.imagelabeler.platform.ows.wms;

import java.awt.AlphaComposite;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.time.Instant;
import java.util.List;
import org.imagelabeler.platform.catalog.LayerInfo;
import org.imagelabeler.platform.extension.ExtensionRegistry;
import org.imagelabeler.platform.ows.OwsException;
import org.imagelabeler.platform.render.LayerRenderer;
import org.imagelabeler.platform.render.LayerRenderers;
import org.imagelabeler.platform.render.RenderException;

/** Composites the layers of a GetMap, bottom first, each drawn by the renderer that takes it. */
final class WmsMapRenderer {

    private final LayerRenderers renderers;

    WmsMapRenderer(ExtensionRegistry extensions) {
        this.renderers = new LayerRenderers(extensions);
    }

    BufferedImage render(GetMapRequest request, WmsLimits limits) {
        var view = request.view();
        boolean opaque = !request.transparent();
        BufferedImage map = new BufferedImage(
                view.width(), view.height(), opaque ? BufferedImage.TYPE_INT_RGB : BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = map.createGraphics();
        try {
            if (opaque) {
                g.setColor(request.background());
                g.fillRect(0, 0, view.width(), view.height());
            }
            g.setComposite(AlphaComposite.SrcOver);
            Instant deadline = Instant.now().plus(limits.maxRenderingTime());
            List<LayerInfo> layers = request.layers();
            for (int i = 0; i < layers.size(); i++) {
                LayerInfo layer = layers.get(i);
                renderer(layer).render(layer, blankToNull(request.styles().get(i)), view, g);
                if (Instant.now().isAfter(deadline)) {
                    throw new OwsException(
                            OwsException.NO_APPLICABLE_CODE,
                            null,
                            "rendering took longer than the limit of "
                                    + limits.maxRenderingTime().toSeconds()
                                    + " s; ask for a smaller map or fewer layers",
                            503,
                            null);
                }
            }
        } catch (RenderException e) {
            throw new OwsException(e.code(), e.status() == 400 ? "STYLES" : null, e.getMessage(), e.status(), e);
        } finally {
            g.dispose();
        }
        return map;
    }

    LayerRenderer renderer(LayerInfo layer) {
        return renderers
                .of(layer)
                .orElseThrow(() -> new OwsException(
                        OwsException.LAYER_NOT_DEFINED, "LAYERS", "layer '" + layer.name() + "' cannot be drawn"));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
