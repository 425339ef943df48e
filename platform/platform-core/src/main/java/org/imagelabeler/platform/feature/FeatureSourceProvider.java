package org.imagelabeler.platform.feature;

import java.util.Optional;
import org.imagelabeler.platform.catalog.LayerInfo;
import org.imagelabeler.platform.extension.ExtensionPriority;

/**
 * An extension that serves the features of some vector layers (the labeling plugin: its
 * events' shapes, footprints and labels). WFS and WMS find a layer's source through
 * {@link FeatureSources}.
 */
public interface FeatureSourceProvider extends ExtensionPriority {

    /** The source of {@code layer}, or empty when this provider does not serve it. */
    Optional<FeatureSource> source(LayerInfo layer);

    @Override
    default int getPriority() {
        return NORMAL;
    }
}
