package org.imagelabeler.platform.feature.gml;

import java.util.Objects;

/**
 * A coordinate reference system as a client names it: its code, and whether coordinates written
 * in it come northing (latitude) first, which depends on the form of the name, not only the CRS.
 *
 * @param code {@code "EPSG:4326"}
 * @param northingFirst true when the first value of a position is the northing or latitude
 */
public record Srs(String code, boolean northingFirst) {

    /** Storage CRS as written by the traditional {@code EPSG:4326}: longitude first. */
    public static final Srs LONGITUDE_FIRST_4326 = new Srs("EPSG:4326", false);

    public Srs {
        Objects.requireNonNull(code, "code");
    }

    /** The EPSG number, used as a JTS and database SRID; 0 when the code is not an EPSG code. */
    public int srid() {
        if (code.regionMatches(true, 0, "EPSG:", 0, 5)) {
            try {
                return Integer.parseInt(code.substring(5));
            } catch (NumberFormatException e) {
                return 0;
            }
        }
        return 0;
    }
}
