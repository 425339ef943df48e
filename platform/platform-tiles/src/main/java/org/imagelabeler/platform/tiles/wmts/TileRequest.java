package org.imagelabeler.platform.tiles.wmts;

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
        String time) {}
