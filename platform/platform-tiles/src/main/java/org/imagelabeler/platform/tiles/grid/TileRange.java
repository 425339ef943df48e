package org.imagelabeler.platform.tiles.grid;

import org.imagelabeler.platform.catalog.BoundingBox;

/** The tiles of one level that an area touches, rows and columns inclusive, clipped to the matrix. */
public record TileRange(long minRow, long maxRow, long minColumn, long maxColumn) {

    /** A tiny inset, so that an area ending exactly on a tile edge does not take the next tile. */
    private static final double EDGE = 1e-9;

    public static TileRange of(TileMatrix m, BoundingBox area) {
        if (area == null) {
            return new TileRange(0, m.matrixHeight() - 1, 0, m.matrixWidth() - 1);
        }
        long c0 = (long) Math.floor((area.minX() - m.topLeftX()) / m.tileSpanX());
        long c1 = (long) Math.floor((area.maxX() - m.topLeftX()) / m.tileSpanX() - EDGE);
        long r0 = (long) Math.floor((m.topLeftY() - area.maxY()) / m.tileSpanY());
        long r1 = (long) Math.floor((m.topLeftY() - area.minY()) / m.tileSpanY() - EDGE);
        return new TileRange(
                Math.max(0, r0),
                Math.min(m.matrixHeight() - 1, r1),
                Math.max(0, c0),
                Math.min(m.matrixWidth() - 1, c1));
    }

    public boolean isEmpty() {
        return minRow > maxRow || minColumn > maxColumn;
    }

    public boolean contains(long row, long column) {
        return row >= minRow && row <= maxRow && column >= minColumn && column <= maxColumn;
    }

    /** How many meta-tiles of {@code meta} x {@code meta} tiles (aligned on multiples of meta) it touches. */
    public long metaTiles(int meta) {
        if (isEmpty()) {
            return 0;
        }
        return (Math.floorDiv(maxRow, meta) - Math.floorDiv(minRow, meta) + 1)
                * (Math.floorDiv(maxColumn, meta) - Math.floorDiv(minColumn, meta) + 1);
    }
}
