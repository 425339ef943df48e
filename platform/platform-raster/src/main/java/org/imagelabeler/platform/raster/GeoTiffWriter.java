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
import org.apache.sis.coverage.grid.GridOrientation;
import org.apache.sis.geometry.GeneralEnvelope;
import org.apache.sis.setup.OptionKey;
import org.apache.sis.storage.DataStoreException;
import org.apache.sis.storage.StorageConnector;
import org.apache.sis.storage.geotiff.Compression;
import org.apache.sis.storage.geotiff.GeoTiffStore;
import org.apache.sis.storage.geotiff.GeoTiffStoreProvider;
import org.imagelabeler.platform.catalog.BoundingBox;

/**
 * Writes a picture held in memory (a map rendered for an extracted image chip) as an RGB,
 * DEFLATE-compressed GeoTIFF over an area of a CRS, north up. The file appears whole or not at
 * all (temporary file, then rename).
 */
public final class GeoTiffWriter {

    private GeoTiffWriter() {}

    /** @param area in the CRS's x/y order (easting or longitude first) */
    public static void write(BufferedImage picture, String crs, BoundingBox area, Path target) {
        BufferedImage rgb = new BufferedImage(picture.getWidth(), picture.getHeight(), BufferedImage.TYPE_3BYTE_BGR);
        var g = rgb.createGraphics();
        g.drawImage(picture, 0, 0, null);
        g.dispose();
        Path temp = target.resolveSibling(".tmp-" + target.getFileName());
        try {
            Files.deleteIfExists(temp);
            GeneralEnvelope envelope = new GeneralEnvelope(CrsRegistry.xy(crs));
            envelope.setRange(0, area.minX(), area.maxX());
            envelope.setRange(1, area.minY(), area.maxY());
            GridGeometry grid = new GridGeometry(
                    new GridExtent(rgb.getWidth(), rgb.getHeight()), envelope, GridOrientation.REFLECTION_Y);
            StorageConnector out = new StorageConnector(temp);
            out.setOption(
                    OptionKey.OPEN_OPTIONS, new OpenOption[] {StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE});
            out.setOption(Compression.OPTION_KEY, Compression.DEFLATE);
            try (GeoTiffStore writer = (GeoTiffStore) new GeoTiffStoreProvider().open(out)) {
                writer.append(rgb, grid, null);
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | DataStoreException e) {
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
