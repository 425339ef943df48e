package org.imagelabeler.platform.ows.wms;

import java.time.Duration;
import org.imagelabeler.platform.catalog.ServiceSettings;

/**
 * The WMS service settings that bound one request (options of {@code settings/services/wms.json}):
 * {@code maxWidth}, {@code maxHeight} in pixels, {@code maxRenderingTime} in seconds.
 */
record WmsLimits(int maxWidth, int maxHeight, Duration maxRenderingTime) {

    static WmsLimits of(ServiceSettings settings) {
        return new WmsLimits(
                option(settings, "maxWidth", 8192),
                option(settings, "maxHeight", 8192),
                Duration.ofSeconds(option(settings, "maxRenderingTime", 60)));
    }

    private static int option(ServiceSettings s, String key, int otherwise) {
        String v = s.options().get(key);
        try {
            return v == null ? otherwise : Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            return otherwise;
        }
    }
}
