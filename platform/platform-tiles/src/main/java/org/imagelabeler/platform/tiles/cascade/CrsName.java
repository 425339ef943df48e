package org.imagelabeler.platform.tiles.cascade;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.imagelabeler.platform.tiles.grid.WellKnownTileMatrixSets;

/**
 * A CRS as a capabilities document names it ({@code urn:ogc:def:crs:EPSG::4326},
 * {@code urn:ogc:def:crs:EPSG:6.18:3:3857}, {@code http://www.opengis.net/def/crs/EPSG/0/3857},
 * {@code EPSG:4326}, {@code urn:ogc:def:crs:OGC:1.3:CRS84}, {@code CRS:84}), with the facts a
 * tile matrix set needs: its {@code AUTHORITY:code} form, its unit and its axis order.
 *
 * @param written the name as the document writes it, trimmed
 * @param code {@code EPSG:<code>}; CRS84 becomes {@code EPSG:4326} (same datum and unit, but
 *     longitude first); other authorities keep theirs ({@code ESRI:102100}); a name that cannot be
 *     read is kept as written
 */
record CrsName(String written, String code) {

    private static final Pattern URN = Pattern.compile("(?i)urn:(?:x-)?ogc:def:crs:([^:]+)(?::[^:]*){0,2}:([^:]+)");
    private static final Pattern URI =
            Pattern.compile("(?i)https?://www\\.opengis\\.net/def/crs/([^/]+)/[^/]+/([^/]+)");
    private static final Pattern SHORT = Pattern.compile("(?i)([a-z]+):+([0-9a-z]+)");
    private static final Set<String> CRS84 = Set.of("OGC:CRS84", "CRS:84", "OGC:84", "CRS:CRS84");

    /** Codes from EPSG's geographic range 4000-4999 that are projected, in metres. */
    private static final Set<Integer> PROJECTED_IN_GEOGRAPHIC_RANGE = Set.of(4087, 4088);

    static CrsName of(String written) {
        String name = written.trim();
        String authorityAndCode = authorityAndCode(name);
        if (authorityAndCode == null) {
            return new CrsName(name, name);
        }
        return new CrsName(name, CRS84.contains(authorityAndCode) ? "EPSG:4326" : authorityAndCode);
    }

    private static String authorityAndCode(String name) {
        for (Pattern pattern : new Pattern[] {URN, URI, SHORT}) {
            Matcher m = pattern.matcher(name);
            if (m.matches()) {
                return m.group(1).toUpperCase(Locale.ROOT) + ":" + m.group(2).toUpperCase(Locale.ROOT);
            }
        }
        return null;
    }

    /** Whether this is CRS84 or another geographic EPSG code, in degrees. */
    boolean isGeographic() {
        Integer epsg = epsgCode();
        return isCrs84()
                || (epsg != null && epsg >= 4000 && epsg <= 4999 && !PROJECTED_IN_GEOGRAPHIC_RANGE.contains(epsg));
    }

    /**
     * Whether the CRS's official axis order is latitude first: geographic EPSG codes are, CRS84 is
     * not (that is its reason to exist).
     */
    boolean isLatitudeFirst() {
        return isGeographic() && !isCrs84();
    }

    /** Metres in one CRS unit: WMTS's degree for geographic CRSs, else 1 (projected in metres). */
    double metresPerUnit() {
        return isGeographic() ? WellKnownTileMatrixSets.METRES_PER_DEGREE : 1;
    }

    private boolean isCrs84() {
        String authorityAndCode = authorityAndCode(written);
        return authorityAndCode != null && CRS84.contains(authorityAndCode);
    }

    private Integer epsgCode() {
        if (!code.startsWith("EPSG:")) {
            return null;
        }
        try {
            return Integer.valueOf(code.substring("EPSG:".length()));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
