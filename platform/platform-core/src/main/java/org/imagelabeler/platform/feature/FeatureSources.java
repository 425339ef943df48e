package org.imagelabeler.platform.feature;

import java.util.Optional;
import org.imagelabeler.platform.catalog.LayerInfo;
import org.imagelabeler.platform.extension.ExtensionRegistry;

/** Finds the feature source of a vector layer among the {@link FeatureSourceProvider}s. */
public final class FeatureSources {

    private final ExtensionRegistry extensions;

    public FeatureSources(ExtensionRegistry extensions) {
        this.extensions = extensions;
    }

    public Optional<FeatureSource> of(LayerInfo layer) {
        for (FeatureSourceProvider p : extensions.extensions(FeatureSourceProvider.class)) {
            Optional<FeatureSource> source = p.source(layer);
            if (source.isPresent()) {
                return source;
            }
        }
        return Optional.empty();
    }
}
