package org.imagelabeler.platform.raster;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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
import org.imagelabeler.platform.catalog.BoundingBox;
import org.opengis.referencing.crs.CoordinateReferenceSystem;
import org.opengis.util.FactoryException;

/**
 * Writes a picture held in memory (a map rendered for an extracted image chip, a label mask) as a
 * DEFLATE-compressed GeoTIFF. The file appears whole or not at all (temporary file, then rename).
 * The CRS goes in with its authority's axis order, so that the file names it by its EPSG code:
 * given the longitude-first variant, SIS writes an unnamed CRS that GDAL cannot match to EPSG:4326.
 */
public final class GeoTiffWriter {

    private GeoTiffWriter() {}

    /** An RGB picture, north up, over {@code area} in the CRS's x/y order (easting or longitude first). */
    public static void write(BufferedImage picture, String crs, BoundingBox area, Path target) {
        BufferedImage rgb = new BufferedImage(picture.getWidth(), picture.getHeight(), BufferedImage.TYPE_3BYTE_BGR);
        var g = rgb.createGraphics();
        g.drawImage(picture, 0, 0, null);
        g.dispose();
        double[] transform = {
            area.minX(),
            (area.maxX() - area.minX()) / rgb.getWidth(),
            0,
            area.maxY(),
            0,
            -(area.maxY() - area.minY()) / rgb.getHeight()
        };
        write(rgb, crs, transform, target);
    }

    /**
     * A picture of any bands (RGB, 8-bit grey) on a grid given by GDAL's geotransform: from pixel
     * corners to the CRS's x/y, rotation allowed.
     */
    public static void write(BufferedImage picture, String crs, double[] transform, Path target) {
        double[] t = transform;
        Path temp = target.resolveSibling(".tmp-" + target.getFileName());
        try {
            Files.deleteIfExists(temp);
            CoordinateReferenceSystem authority = CrsRegistry.find(CrsRegistry.canonical(crs)
                            .orElseThrow(() -> new IllegalArgumentException("unknown CRS " + crs)))
                    .orElseThrow();
            var gridToXy = MathTransforms.linear(
                    Matrices.create(3, 3, new double[] {t[1], t[2], t[0], t[4], t[5], t[3], 0, 0, 1}));
            GridGeometry grid = new GridGeometry(
                    new GridExtent(picture.getWidth(), picture.getHeight()),
                    PixelInCell.CELL_CORNER,
                    MathTransforms.concatenate(gridToXy, CrsRegistry.transform(CrsRegistry.xy(crs), authority)),
                    authority);
            StorageConnector out = new StorageConnector(temp);
            out.setOption(
                    OptionKey.OPEN_OPTIONS, new OpenOption[] {StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE});
            out.setOption(Compression.OPTION_KEY, Compression.DEFLATE);
            try (GeoTiffStore writer = (GeoTiffStore) new GeoTiffStoreProvider().open(out)) {
                writer.append(picture, grid, null);
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | DataStoreException | FactoryException e) {
            throw new RasterProblem(RasterProblem.Kind.UNREADABLE, "cannot write " + target + ": " + e.getMessage(), e);
        } finally {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException ignored) {
                // start-up removes leftovers
            }
        }
    }
}
