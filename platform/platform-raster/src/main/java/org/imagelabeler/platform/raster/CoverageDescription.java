package org.imagelabeler.platform.raster;

import org.imagelabeler.platform.catalog.BoundingBox;

/**
 * What an inspected GeoTIFF holds: size, bands, sample type, encoding, layout, CRS and extent.
 *
 * @param crs the CRS as an authority code ({@code EPSG:32633}); {@code EPSG:4326} for
 *     geographic WGS 84, whatever axis order the file declares
 * @param nativeBounds the extent in {@code crs}, easting (or longitude) first
 * @param geographicBounds the extent in longitude/latitude, WGS 84
 * @param resolutionX size of a pixel along x, in units of {@code crs}
 * @param noData the value of pixels without data, or null
 */
public record CoverageDescription(
        int width,
        int height,
        int bands,
        SampleType sampleType,
        String compression,
        boolean bigTiff,
        int tileWidth,
        int tileHeight,
        int overviews,
        String crs,
        BoundingBox nativeBounds,
        BoundingBox geographicBounds,
        double resolutionX,
        double resolutionY,
        Double noData) {

    public boolean isTiled() {
        return tileWidth > 0;
    }
}
