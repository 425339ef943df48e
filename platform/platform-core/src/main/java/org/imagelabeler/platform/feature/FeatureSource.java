package org.imagelabeler.platform.feature;

import java.util.Optional;
import org.locationtech.jts.geom.Envelope;

/**
 * Features of one published layer, for WFS and for WMS vector rendering. The caller has already
 * asked the access policy whether the subject may read the layer. A source that can also be
 * changed implements {@link FeatureStore}.
 */
public interface FeatureSource {

    FeatureType type();

    /** How many features match the query's filter, ignoring its paging. */
    long count(FeatureQuery query);

    /** The matching features, streamed; the caller closes the cursor. */
    FeatureCursor features(FeatureQuery query);

    /** The extent of the features in longitude and latitude, if there are any. */
    Optional<Envelope> bounds();

    /** How WMS draws the layer and what its legend shows. */
    default VectorStyle style() {
        return VectorStyle.plain(type().title(), new java.awt.Color(0x33, 0x66, 0xcc));
    }
}
