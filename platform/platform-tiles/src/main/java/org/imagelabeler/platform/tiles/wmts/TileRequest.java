package org.imagelabeler.platform.tiles.wmts;

import org.imagelabeler.platform.ows.OwsRequest;
import org.imagelabeler.platform.security.Subject;

/**
 * A GetTile request, from KVP or from a RESTful URL.
 *
 * @param workspace the workspace of a virtual service, or null
 * @param time the TIME asked for, or null
 */
public record TileRequest(
        Subject subject,
        String workspace,
        String layer,
        String style,
        String tileMatrixSet,
        String tileMatrix,
        String row,
        String column,
        String format,
        String time) {

    /** The request of a KVP GetTile or GetFeatureInfo; {@code format} when FORMAT is absent. */
    static TileRequest of(OwsRequest r, String format) {
        return new TileRequest(
                r.subject(),
                r.workspace(),
                r.parameter("LAYER").orElse(null),
                r.parameter("STYLE").orElse(null),
                r.parameter("TILEMATRIXSET").orElse(null),
                r.parameter("TILEMATRIX").orElse(null),
                r.parameter("TILEROW").orElse(null),
                r.parameter("TILECOL").orElse(null),
                r.parameter("FORMAT").orElse(format),
                r.parameter("TIME").orElse(null));
    }
}
