package org.imagelabeler.platform.security;

/**
 * What a subject wants to access: the whole catalog (both names null), a workspace (layer null),
 * or one layer. Plugins map their own objects to these (an event's workspace and layers).
 */
public record AccessTarget(String workspace, String layer) {

    private static final AccessTarget CATALOG = new AccessTarget(null, null);

    public AccessTarget {
        if (workspace == null && layer != null) {
            throw new IllegalArgumentException("a layer target needs its workspace");
        }
    }

    public static AccessTarget catalog() {
        return CATALOG;
    }

    public static AccessTarget workspace(String workspace) {
        return new AccessTarget(workspace, null);
    }

    public static AccessTarget layer(String workspace, String layer) {
        return new AccessTarget(workspace, layer);
    }
}
