package org.imagelabeler.labeler.export;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.apache.sis.coverage.grid.GridExtent;
import org.apache.sis.coverage.grid.GridGeometry;
import org.apache.sis.coverage.grid.PixelInCell;
import org.apache.sis.referencing.operation.matrix.Matrices;
import org.apache.sis.referencing.operation.transform.MathTransforms;
import org.apache.sis.setup.OptionKey;
import org.apache.sis.storage.DataStoreException;
import org.apache.sis.storage.StorageConnector;
import org.apache.sis.storage.geotiff.Compression;
import org.apache.sis.storage.geotiff.GeoTiffStore;
import org.apache.sis.storage.geotiff.GeoTiffStoreProvider;
import org.imagelabeler.platform.raster.CrsRegistry;
import org.opengis.referencing.crs.CoordinateReferenceSystem;
import org.opengis.referencing.operation.MathTransform;
import org.opengis.util.FactoryException;

/**
 * A mask as a single-band, 8-bit, DEFLATE-compressed GeoTIFF on the image's own grid: its CRS and
 * its affine transform as is, rotation terms included. The platform's {@code GeoTiffWriter} only
 * writes RGB pictures north up over a bounding box, so a mask needs this one.
 */
final class MaskGeoTiff {

    private MaskGeoTiff() {}

    /** @param transform GDAL's order, from pixel corners to the CRS's x/y (easting or longitude first) */
    static void write(BufferedImage mask, String crs, double[] transform, Path target) throws IOException {
        double[] t = transform;
        var gridToCrs = MathTransforms.linear(
                Matrices.create(3, 3, new double[] {t[1], t[2], t[0], t[4], t[5], t[3], 0, 0, 1}));
        // in the authority's own axis order SIS writes the EPSG code (GDAL then reads EPSG:4326 as
        // such); the easting-first variant would go in as an unnamed CRS
        CoordinateReferenceSystem xy = CrsRegistry.xy(crs);
        CoordinateReferenceSystem authority =
                CrsRegistry.find(CrsRegistry.canonical(crs).orElseThrow()).orElseThrow();
        MathTransform toAuthority;
        try {
            toAuthority = CrsRegistry.transform(xy, authority);
        } catch (FactoryException e) {
            throw new IOException(e);
        }
        GridGeometry grid = new GridGeometry(
                new GridExtent(mask.getWidth(), mask.getHeight()),
                PixelInCell.CELL_CORNER,
                MathTransforms.concatenate(gridToCrs, toAuthority),
                authority);
        StorageConnector out = new StorageConnector(target);
        out.setOption(
                OptionKey.OPEN_OPTIONS, new OpenOption[] {StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE});
        out.setOption(Compression.OPTION_KEY, Compression.DEFLATE);
        try (GeoTiffStore writer = (GeoTiffStore) new GeoTiffStoreProvider().open(out)) {
            writer.append(mask, grid, null);
        } catch (DataStoreException e) {
            throw new IOException("cannot write the mask " + target + ": " + e.getMessage(), e);
        }
    }
}
