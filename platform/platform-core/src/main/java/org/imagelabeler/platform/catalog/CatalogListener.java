package org.imagelabeler.platform.catalog;

/**
 * Told of every persisted catalog change, after the change, outside the catalog's write lock
 * (the tile cache truncates a layer's tiles when its data changes). Beans of this type are
 * registered with the catalog at start-up.
 */
@FunctionalInterface
public interface CatalogListener {

    void onChange(CatalogEvent event);
}
