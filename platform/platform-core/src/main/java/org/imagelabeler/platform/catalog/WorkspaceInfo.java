package org.imagelabeler.platform.catalog;

import java.time.Instant;

/**
 * A workspace groups stores and layers; its name is also the XML namespace prefix of its layers
 * in OGC documents ({@code ws:layer}), so it must be an XML NCName without dots.
 */
public record WorkspaceInfo(String id, String name, String title, Instant created, Instant modified)
        implements CatalogInfo {

    public WorkspaceInfo withTitle(String newTitle, Instant when) {
        return new WorkspaceInfo(id, name, newTitle, created, when);
    }
}
