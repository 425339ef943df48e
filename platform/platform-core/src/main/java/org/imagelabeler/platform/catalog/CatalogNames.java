package org.imagelabeler.platform.catalog;

import java.util.regex.Pattern;

/**
 * Name rules. Names become directory names in the data dir and XML qualified names in OGC
 * documents ({@code ws:layer}), so they are restricted to XML NCName characters. Workspace names
 * take no dots, because access rules ({@code ws.layer.r}) split on them.
 */
public final class CatalogNames {

    private static final Pattern WORKSPACE = Pattern.compile("[A-Za-z_][A-Za-z0-9_-]{0,63}");
    private static final Pattern OBJECT = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]{0,127}");

    private CatalogNames() {}

    public static void checkWorkspaceName(String name) {
        check(name, WORKSPACE, "a letter or '_' followed by up to 63 letters, digits, '_' or '-'");
    }

    public static void checkName(String name) {
        check(name, OBJECT, "a letter or '_' followed by up to 127 letters, digits, '_', '-' or '.'");
        if (name.endsWith(".json")) { // would collide with the data dir's own files
            throw new CatalogException.Invalid("name", "invalid name '" + name + "': names may not end in .json");
        }
    }

    private static void check(String name, Pattern pattern, String rule) {
        if (name == null || name.isBlank()) {
            throw new CatalogException.Invalid("name", "name is required");
        }
        if (!pattern.matcher(name).matches()) {
            throw new CatalogException.Invalid("name", "invalid name '" + name + "': expected " + rule);
        }
    }
}
