package org.imagelabeler.platform.web.menu;

import org.apache.wicket.Page;
import org.imagelabeler.platform.extension.ExtensionPriority;

/**
 * An entry of the admin menu, contributed as a bean by any module (GeoServer's
 * {@code MenuPageInfo}): entries are grouped by category and sorted by order.
 */
public record MenuEntry(String id, String title, Class<? extends Page> page, String category, int order)
        implements ExtensionPriority, java.io.Serializable {

    public static final String SERVER = "Server";
    public static final String DATA = "Data";
    public static final String SECURITY = "Security";

    @Override
    public int getPriority() {
        return ExtensionPriority.NORMAL;
    }
}
