package org.imagelabeler.platform.raster.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import org.apache.sis.coverage.grid.GridExtent;
import org.apache.sis.coverage.grid.GridGeometry;
import org.apache.sis.coverage.grid.PixelInCell;
import org.apache.sis.referencing.operation.transform.MathTransforms;
import org.apache.sis.setup.OptionKey;
import org.apache.sis.storage.DataStoreException;
import org.apache.sis.storage.GridCoverageResource;
import org.apache.sis.storage.RasterLoadingStrategy;
import org.apache.sis.storage.StorageConnector;
import org.apache.sis.storage.geotiff.Compression;
import org.apache.sis.storage.geotiff.FormatModifier;
import org.apache.sis.storage.geotiff.GeoTiffStore;
import org.apache.sis.storage.geotiff.GeoTiffStoreProvider;
import org.imagelabeler.platform.raster.CoverageDescription;
import org.imagelabeler.platform.raster.GeoTiffInspector;
import org.imagelabeler.platform.raster.RasterProblem;

/**
 * Writes the copy of an uploaded GeoTIFF that the server reads to draw maps: tiled 256 x 256,
 * DEFLATE, with internal overviews (2x2 means) down to 256 pixels. The original is read window
 * by window, and every level is computed tile by tile as the writer asks for it, so memory stays
 * flat whatever the size of the file. The copy is written to a temporary file, checked, and only
 * then renamed into place.
 */
public final class ServedCopyWriter {

    private ServedCopyWriter() {}

    /**
     * Whether a file must be copied to be served quickly: JPEG (no SIS decoder), strips, no
     * overviews. An image that fits in one tile is read whole anyway, strips or not.
     */
    public static boolean isNeeded(CoverageDescription d) {
        return d.compression().equals("JPEG")
                || (!d.isTiled() && !fitsOneTile(d))
                || (d.overviews() == 0 && Math.max(d.width(), d.height()) > 2 * TiledView.TILE);
    }

    private static boolean fitsOneTile(CoverageDescription d) {
        return Math.max(d.width(), d.height()) <= TiledView.TILE;
    }

    /**
     * Writes the served copy of {@code original} to {@code target}.
     *
     * @param progress told the share of tiles written, 0 to 100
     */
    public static void write(Path original, CoverageDescription d, Path target, IntConsumer progress) {
        Path temp = target.resolveSibling(".tmp-" + target.getFileName());
        try (GeoTiffStore source = (GeoTiffStore) new GeoTiffStoreProvider().open(new StorageConnector(original))) {
            GridCoverageResource coverage = source.components().get(0);
            // decode tile by tile as the writer asks, not the whole image at read time
            coverage.setLoadingStrategy(RasterLoadingStrategy.AT_GET_TILE_TIME);
            GridGeometry grid = coverage.getGridGeometry();
            JdkTiffView jpeg = d.compression().equals("JPEG") ? JdkTiffView.open(original) : null;
            try {
                TiledView full = jpeg != null ? jpeg : copied(coverage);
                List<TiledView> levels = new ArrayList<>(List.of(full));
                while (Math.max(last(levels).getWidth(), last(levels).getHeight()) > TiledView.TILE) {
                    levels.add(new HalvedView(last(levels), d.noData()));
                }
                int total = levels.stream().mapToInt(TiledView::tileCount).sum();
                AtomicInteger done = new AtomicInteger();
                Files.deleteIfExists(temp);
                StorageConnector out = new StorageConnector(temp);
                out.setOption(
                        OptionKey.OPEN_OPTIONS,
                        new OpenOption[] {StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE});
                out.setOption(Compression.OPTION_KEY, Compression.DEFLATE);
                long bytes = (long) d.width()
                        * d.height()
                        * d.bands()
                        * d.sampleType().bits()
                        / 8;
                if (d.bigTiff() || bytes > 2_000_000_000L) {
                    out.setOption(FormatModifier.OPTION_KEY, new FormatModifier[] {FormatModifier.BIG_TIFF});
                }
                try (GeoTiffStore writer = (GeoTiffStore) new GeoTiffStoreProvider().open(out)) {
                    for (int level = 0; level < levels.size(); level++) {
                        TiledView image = levels.get(level);
                        image.onTile(() -> progress.accept(done.incrementAndGet() * 100 / total));
                        writer.append(image, level(grid, image, 1 << level), null);
                        image.onTile(null);
                    }
                }
            } finally {
                if (jpeg != null) {
                    jpeg.close();
                }
            }
            TiffTagPatcher.markOverviews(temp);
            if (d.noData() != null) {
                TiffTagPatcher.addNoData(temp, d.noData());
            }
            CoverageDescription copy = GeoTiffInspector.inspect(temp);
            // SIS writes an image smaller than one tile as a single strip
            if ((!copy.isTiled() && !fitsOneTile(d))
                    || copy.width() != d.width()
                    || copy.overviews() != countLevels(d) - 1) {
                throw new RasterProblem(
                        RasterProblem.Kind.UNREADABLE, "the served copy did not come out as written: " + copy);
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | DataStoreException e) {
            throw new RasterProblem(
                    RasterProblem.Kind.UNREADABLE, "cannot write the served copy: " + e.getMessage(), e);
        } finally {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException ignored) {
                // start-up removes leftovers
            }
        }
    }

    /** The coverage at full resolution, decoded as the copy proceeds. */
    private static CopiedView copied(GridCoverageResource resource) throws DataStoreException {
        var coverage = resource.read(null);
        var pixel = coverage.render(new GridExtent(null, new long[] {0, 0}, new long[] {0, 0}, true));
        var extent = coverage.getGridGeometry().getExtent();
        return new CopiedView(coverage, (int) extent.getSize(0), (int) extent.getSize(1), pixel);
    }

    static int countLevels(CoverageDescription d) {
        int levels = 1;
        int w = d.width();
        int h = d.height();
        while (Math.max(w, h) > TiledView.TILE) {
            w = (w + 1) / 2;
            h = (h + 1) / 2;
            levels++;
        }
        return levels;
    }

    /** The grid of a level: the full grid, its pixels {@code factor} times larger. */
    private static GridGeometry level(GridGeometry full, TiledView image, int factor) {
        var scale = MathTransforms.scale(factor, factor);
        var gridToCrs = MathTransforms.concatenate(scale, full.getGridToCRS(PixelInCell.CELL_CORNER));
        return new GridGeometry(
                new GridExtent(image.getWidth(), image.getHeight()),
                PixelInCell.CELL_CORNER,
                gridToCrs,
                full.getCoordinateReferenceSystem());
    }

    private static TiledView last(List<TiledView> levels) {
        return levels.get(levels.size() - 1);
    }
}
