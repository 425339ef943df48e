package org.imagelabeler.platform.feature.gml;

import java.util.Objects;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code srsName} forms of WFS clients, with the axis order each implies as GeoServer reads
 * them. The traditional {@code EPSG:n} and {@code http://www.opengis.net/gml/srs/epsg.xml#n}
 * forms are always easting (longitude) first. The URN and URI forms follow the EPSG definition
 * of the CRS: latitude first for geographic CRSs such as EPSG:4326. {@code CRS:84} and its
 * OGC forms are EPSG:4326 with longitude first.
 */
public final class OgcSrsNames implements SrsResolver {

    private static final Pattern TRADITIONAL =
            Pattern.compile("(?:EPSG:|http://www\\.opengis\\.net/gml/srs/epsg\\.xml#)(\\d+)", Pattern.CASE_INSENSITIVE);
    // urn:ogc:def:crs:EPSG::4326, urn:ogc:def:crs:EPSG:6.6:4326, urn:x-ogc:def:crs:EPSG:4326
    private static final Pattern URN =
            Pattern.compile("urn:(?:x-)?ogc:def:crs:EPSG:(?:[^:]*:)?(\\d+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern URI =
            Pattern.compile("https?://www\\.opengis\\.net/def/crs/EPSG/[^/]+/(\\d+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern CRS84 = Pattern.compile(
            "CRS:84|OGC:CRS84|urn:(?:x-)?ogc:def:crs:OGC:(?:[^:]*:)?CRS84|https?://www\\.opengis\\.net/def/crs/OGC/[^/]+/CRS84",
            Pattern.CASE_INSENSITIVE);

    private final Predicate<String> northingFirstByCode;

    /**
     * @param northingFirstByCode whether the EPSG definition of a code ({@code "EPSG:32632"}) puts
     *     the northing first; asked for URN and URI names other than EPSG:4326 and EPSG:3857. It
     *     may throw for a code it does not know; the resolver reports that as an unknown srsName.
     */
    public OgcSrsNames(Predicate<String> northingFirstByCode) {
        this.northingFirstByCode = Objects.requireNonNull(northingFirstByCode);
    }

    @Override
    public Srs resolve(String srsName) {
        if (srsName == null || srsName.isBlank()) {
            throw new GmlException("srsName is empty");
        }
        String name = srsName.trim();
        if (CRS84.matcher(name).matches()) {
            return new Srs("EPSG:4326", false);
        }
        Matcher m = TRADITIONAL.matcher(name);
        if (m.matches()) {
            return new Srs(code(m.group(1)), false);
        }
        m = URN.matcher(name);
        if (!m.matches()) {
            m = URI.matcher(name);
        }
        if (m.matches()) {
            String code = code(m.group(1));
            return new Srs(code, northingFirst(code, name));
        }
        throw new GmlException("unknown srsName '" + srsName + "': expected EPSG:n, urn:ogc:def:crs:EPSG::n,"
                + " http://www.opengis.net/def/crs/EPSG/0/n, http://www.opengis.net/gml/srs/epsg.xml#n or CRS:84");
    }

    private boolean northingFirst(String code, String name) {
        switch (code) {
            case "EPSG:4326":
                return true;
            case "EPSG:3857":
                return false;
            default:
                try {
                    return northingFirstByCode.test(code);
                } catch (GmlException e) {
                    throw e;
                } catch (RuntimeException e) {
                    throw new GmlException("unknown srsName '" + name + "': " + e.getMessage(), e);
                }
        }
    }

    /** Google's unofficial 900913 is EPSG:3857. */
    private static String code(String number) {
        String n = number.replaceFirst("^0+(?=\\d)", "");
        return "EPSG:" + (n.equals("900913") ? "3857" : n);
    }
}
