package org.imagelabeler.platform.tiles.cache;

/**
 * One cached tile: a layer (by catalog id, so the cache survives nothing but the layer itself),
 * a tile matrix set, style, TIME value and format, and the tile's position.
 *
 * @param style the style name, {@code default} for the layer's default
 * @param time the TIME value asked for, {@code default} when none
 * @param zoom the index of the tile matrix in its set
 */
public record TileKey(
        String layerId,
        String tileMatrixSet,
        String style,
        String time,
        TileFormat format,
        int zoom,
        long row,
        long column) {

    public static final String DEFAULT = "default";

    public TileKey {
        style = style == null || style.isBlank() ? DEFAULT : style;
        time = time == null || time.isBlank() ? DEFAULT : time;
    }

    /** The same tile at another position of the same level. */
    public TileKey at(long row, long column) {
        return new TileKey(layerId, tileMatrixSet, style, time, format, zoom, row, column);
    }
}
