package org.imagelabeler.platform.ows;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.imagelabeler.platform.security.Subject;

/**
 * A request to an OGC service: service, negotiated version, operation, the key-value parameters
 * (keys upper-cased: OGC keys are case-insensitive), the workspace of a virtual service
 * ({@code /topp/wms}) or null, who asks, the base URL that links in responses start with, and
 * the XML document of a POST request (WFS GetFeature, Transaction), or null for KVP.
 */
public record OwsRequest(
        String service,
        String version,
        String operation,
        Map<String, String> parameters,
        String workspace,
        Subject subject,
        String baseUrl,
        org.w3c.dom.Element body) {

    public OwsRequest {
        parameters = Map.copyOf(parameters);
    }

    public Optional<String> parameter(String name) {
        String v = parameters.get(name.toUpperCase(Locale.ROOT));
        return v == null || v.isEmpty() ? Optional.empty() : Optional.of(v);
    }

    public String require(String name) {
        return parameter(name).orElseThrow(() -> OwsException.missing(name.toUpperCase(Locale.ROOT)));
    }

    public int requireInt(String name, int min, int max) {
        String v = require(name);
        try {
            int i = Integer.parseInt(v.trim());
            if (i < min || i > max) {
                throw OwsException.invalid(
                        name.toUpperCase(Locale.ROOT), name + " must be between " + min + " and " + max + ", got " + v);
            }
            return i;
        } catch (NumberFormatException e) {
            throw OwsException.invalid(name.toUpperCase(Locale.ROOT), name + " must be an integer, got '" + v + "'");
        }
    }
}
