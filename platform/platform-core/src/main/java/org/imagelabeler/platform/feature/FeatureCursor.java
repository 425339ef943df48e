package org.imagelabeler.platform.feature;

import java.util.Iterator;

/**
 * Features read one at a time from their store, holding its resources (a database connection,
 * a result set) until closed: WFS writes each feature as it is read, so memory stays flat.
 */
public interface FeatureCursor extends Iterator<Feature>, AutoCloseable {

    @Override
    void close();
}
