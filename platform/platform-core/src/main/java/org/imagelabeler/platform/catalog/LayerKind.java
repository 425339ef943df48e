package org.imagelabeler.platform.catalog;

/** What a layer publishes, as announced in WMS capabilities and used to pick a renderer. */
public enum LayerKind {
    RASTER,
    VECTOR,
    /** A layer of a remote WMTS, served through the tile cache. */
    REMOTE
}
