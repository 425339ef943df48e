package org.imagelabeler.platform.catalog;

import java.time.Instant;

/**
 * What every catalog object has: a stable id (references use it), a name, and timestamps.
 * Serializable because Wicket pages that hold them are serialised between requests.
 */
public sealed interface CatalogInfo extends java.io.Serializable
        permits WorkspaceInfo, StoreInfo, LayerInfo, StyleInfo {

    String id();

    String name();

    Instant created();

    Instant modified();
}
