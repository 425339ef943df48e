package org.imagelabeler.platform.tiles.cascade;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.net.URI;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Builds the URLs of remote WMTS tiles, and checks that a URL is one this server may fetch. */
public final class TileUrls {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]+)}");
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private TileUrls() {}

    /**
     * Fills a WMTS RESTful ResourceURL template, e.g. {@code .../{Time}/{TileMatrixSet}/{TileMatrix}/
     * {TileRow}/{TileCol}.png}. Placeholder names match {@code values}' keys whatever their case;
     * values are percent-encoded as path segments; keys the template does not use are ignored.
     *
     * @throws IllegalArgumentException if a placeholder has no value, or the result is not a URI
     */
    public static URI fromTemplate(String template, Map<String, String> values) {
        Map<String, String> byName = new HashMap<>();
        values.forEach((name, value) -> {
            String previous = byName.put(name.toLowerCase(Locale.ROOT), value);
            if (previous != null && !previous.equals(value)) {
                throw new IllegalArgumentException("two values for template placeholder {" + name + "}");
            }
        });
        Matcher placeholder = PLACEHOLDER.matcher(template);
        StringBuilder url = new StringBuilder();
        while (placeholder.find()) {
            String value = byName.get(placeholder.group(1).toLowerCase(Locale.ROOT));
            if (value == null) {
                throw new IllegalArgumentException("template placeholder {" + placeholder.group(1) + "} has no value");
            }
            placeholder.appendReplacement(url, Matcher.quoteReplacement(encode(value)));
        }
        placeholder.appendTail(url);
        return URI.create(url.toString());
    }

    /**
     * A WMTS 1.0.0 KVP GetTile URL on {@code endpoint}, which may end with {@code ?} or {@code &} and
     * may carry parameters of its own; those named like a GetTile parameter are replaced. Dimension
     * names become upper-case parameter names, e.g. {@code TIME}.
     */
    public static URI kvp(
            String endpoint,
            String layer,
            String style,
            String tileMatrixSet,
            String tileMatrix,
            long row,
            long col,
            String format,
            Map<String, String> dimensions) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("SERVICE", "WMTS");
        parameters.put("REQUEST", "GetTile");
        parameters.put("VERSION", "1.0.0");
        parameters.put("LAYER", layer);
        parameters.put("STYLE", style);
        parameters.put("TILEMATRIXSET", tileMatrixSet);
        parameters.put("TILEMATRIX", tileMatrix);
        parameters.put("TILEROW", Long.toString(row));
        parameters.put("TILECOL", Long.toString(col));
        parameters.put("FORMAT", format);
        dimensions.forEach((name, value) -> {
            if (parameters.putIfAbsent(name.toUpperCase(Locale.ROOT), value) != null) {
                throw new IllegalArgumentException("dimension " + name + " clashes with a GetTile parameter");
            }
        });
        parameters.forEach((name, value) -> {
            if (value == null) {
                throw new IllegalArgumentException("GetTile parameter " + name + " has no value");
            }
        });

        int fragment = endpoint.indexOf('#');
        String base = fragment < 0 ? endpoint : endpoint.substring(0, fragment);
        int queryStart = base.indexOf('?');
        StringJoiner query = new StringJoiner("&");
        if (queryStart >= 0) {
            for (String pair : base.substring(queryStart + 1).split("&")) {
                String name = pair.split("=", 2)[0].toUpperCase(Locale.ROOT);
                if (!pair.isEmpty() && !parameters.containsKey(name)) {
                    query.add(pair);
                }
            }
            base = base.substring(0, queryStart);
        }
        parameters.forEach((name, value) -> query.add(encode(name) + "=" + encode(value)));
        return URI.create(base + "?" + query);
    }

    /**
     * Returns {@code uri} if it is an http or https URL with a host.
     *
     * @throws IllegalArgumentException for any other scheme ({@code file:}, {@code jar:}...) or no host
     */
    public static URI requireHttp(URI uri) {
        String scheme = uri.getScheme();
        if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))) {
            throw new IllegalArgumentException("only http and https URLs can be fetched, not "
                    + (scheme == null ? "a relative URL" : scheme + ": URLs"));
        }
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("the URL has no host");
        }
        return uri;
    }

    /** Percent-encodes all but RFC 3986 unreserved characters, ':' and '@': safe in a path segment and a query. */
    private static String encode(String value) {
        StringBuilder encoded = new StringBuilder(value.length());
        for (byte b : value.getBytes(UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9')
                    || "-._~:@".indexOf(c) >= 0) {
                encoded.append((char) c);
            } else {
                encoded.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
            }
        }
        return encoded.toString();
    }
}
