package org.imagelabeler.platform.tiles.grid;

/**
 * One zoom level of a tile matrix set, as WMTS 1.0.0 defines it. The top left corner is in the
 * CRS's x/y order (easting or longitude first), whatever order the CRS's axes have: WMTS
 * documents write EPSG:4326 corners latitude first, and readers and writers flip them.
 *
 * @param scaleDenominator the OGC scale, with its standard pixel of 0.28 mm
 * @param cellSize the size of a pixel in CRS units, derived from the scale
 */
public record TileMatrix(
        String identifier,
        double scaleDenominator,
        double cellSize,
        double topLeftX,
        double topLeftY,
        int tileWidth,
        int tileHeight,
        long matrixWidth,
        long matrixHeight) {

    /** The OGC standardised rendering pixel size, in metres. */
    public static final double PIXEL_SIZE = 0.00028;

    public TileMatrix {
        if (tileWidth <= 0 || tileHeight <= 0 || matrixWidth <= 0 || matrixHeight <= 0) {
            throw new IllegalArgumentException("tile matrix " + identifier + " has an empty size");
        }
    }

    /** A level whose pixel size is given in CRS units; the scale follows from the CRS's unit. */
    public static TileMatrix ofCellSize(
            String identifier,
            double cellSize,
            double metresPerUnit,
            double topLeftX,
            double topLeftY,
            int tileWidth,
            int tileHeight,
            long matrixWidth,
            long matrixHeight) {
        return new TileMatrix(
                identifier,
                cellSize * metresPerUnit / PIXEL_SIZE,
                cellSize,
                topLeftX,
                topLeftY,
                tileWidth,
                tileHeight,
                matrixWidth,
                matrixHeight);
    }

    /** Width of a tile in CRS units. */
    public double tileSpanX() {
        return tileWidth * cellSize;
    }

    /** Height of a tile in CRS units. */
    public double tileSpanY() {
        return tileHeight * cellSize;
    }

    public boolean contains(long row, long column) {
        return row >= 0 && column >= 0 && row < matrixHeight && column < matrixWidth;
    }

    /** The area a tile covers: minX, minY, maxX, maxY in CRS units. */
    public double[] tileBounds(long row, long column) {
        double minX = topLeftX + column * tileSpanX();
        double maxY = topLeftY - row * tileSpanY();
        return new double[] {minX, maxY - tileSpanY(), minX + tileSpanX(), maxY};
    }
}
