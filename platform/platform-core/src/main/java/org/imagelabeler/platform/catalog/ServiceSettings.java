package org.imagelabeler.platform.catalog;

import java.util.List;
import java.util.Map;

/**
 * Settings of one OGC service (WMS, WMTS, WFS): whether it is on and what its capabilities
 * document says about it. Service-specific options (limits, formats) live in {@link #options()}.
 */
public record ServiceSettings(
        String service,
        boolean enabled,
        String title,
        String abstractText,
        List<String> keywords,
        String fees,
        String accessConstraints,
        Map<String, String> options) {

    public ServiceSettings {
        keywords = keywords == null ? List.of() : List.copyOf(keywords);
        options = options == null ? Map.of() : Map.copyOf(options);
    }

    public static ServiceSettings defaults(String service) {
        return new ServiceSettings(
                service,
                true,
                "ImageLabeler " + service.toUpperCase(java.util.Locale.ROOT),
                null,
                List.of(),
                "NONE",
                "NONE",
                Map.of());
    }
}
