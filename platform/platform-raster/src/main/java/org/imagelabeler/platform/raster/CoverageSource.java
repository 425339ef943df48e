package org.imagelabeler.platform.raster;

import java.nio.file.Path;
import org.apache.sis.coverage.grid.GridCoverage;
import org.apache.sis.coverage.grid.GridGeometry;
import org.apache.sis.storage.DataStoreException;
import org.apache.sis.storage.GridCoverageResource;
import org.apache.sis.storage.StorageConnector;
import org.apache.sis.storage.geotiff.GeoTiffStore;
import org.apache.sis.storage.geotiff.GeoTiffStoreProvider;
import org.opengis.referencing.crs.CoordinateReferenceSystem;

/** An open GeoTIFF: its description and its (multi-resolution) coverage, read by window. */
public final class CoverageSource implements AutoCloseable {

    private final Path file;
    private final CoverageDescription description;
    private final GridGeometry grid;
    private final int maxReaders = Math.max(2, Runtime.getRuntime().availableProcessors());
    private final java.util.concurrent.BlockingQueue<Reader> idle = new java.util.concurrent.LinkedBlockingQueue<>();
    private final java.util.List<Reader> all = new java.util.concurrent.CopyOnWriteArrayList<>();
    private volatile BandStatistics[] statistics;

    /**
     * One open store of the file. Apache SIS serialises reads and tile decoding per store, so a
     * file has up to one store per processor, each used by one request at a time.
     */
    private record Reader(GeoTiffStore store, GridCoverageResource resource) {
        static Reader open(Path file) throws DataStoreException {
            GeoTiffStore store = (GeoTiffStore) new GeoTiffStoreProvider().open(new StorageConnector(file));
            GridCoverageResource resource = store.components().get(0);
            // decode the tiles a map needs when it needs them, not whole windows at read time
            resource.setLoadingStrategy(org.apache.sis.storage.RasterLoadingStrategy.AT_GET_TILE_TIME);
            return new Reader(store, resource);
        }
    }

    /** What is done with a coverage while its reader is held (decoding happens then). */
    @FunctionalInterface
    public interface CoverageAction<T> {
        T apply(GridCoverage coverage) throws DataStoreException;
    }

    private CoverageSource(Path file, CoverageDescription description) throws DataStoreException {
        this.file = file;
        this.description = description;
        Reader first = Reader.open(file);
        all.add(first);
        idle.add(first);
        this.grid = first.resource().getGridGeometry();
    }

    public static CoverageSource open(Path file) {
        CoverageDescription description = GeoTiffInspector.inspect(file);
        if (description.compression().equals("JPEG")) {
            throw new RasterProblem(
                    RasterProblem.Kind.UNSUPPORTED_COMPRESSION,
                    "JPEG-compressed GeoTIFFs are served from a converted copy, made at ingest");
        }
        try {
            return new CoverageSource(file, description);
        } catch (DataStoreException e) {
            throw new RasterProblem(RasterProblem.Kind.UNREADABLE, "cannot open " + file + ": " + e.getMessage(), e);
        }
    }

    public Path file() {
        return file;
    }

    public CoverageDescription description() {
        return description;
    }

    public CoordinateReferenceSystem crs() {
        return grid.getCoordinateReferenceSystem();
    }

    public GridGeometry grid() {
        return grid;
    }

    /**
     * The coverage over {@code domain} at the resolution level that suits it (the finest overview
     * not coarser than the domain's resolution), restricted to {@code bands} (0-based), read
     * lazily: pixels are decoded when the image is asked for them.
     */
    public <T> T read(GridGeometry domain, int[] bands, CoverageAction<T> action) throws DataStoreException {
        Reader reader = borrow();
        try {
            return action.apply(reader.resource().read(domain, bands));
        } finally {
            idle.add(reader);
        }
    }

    private Reader borrow() throws DataStoreException {
        Reader reader = idle.poll();
        if (reader != null) {
            return reader;
        }
        synchronized (all) {
            if (all.size() < maxReaders) {
                Reader opened = Reader.open(file);
                all.add(opened);
                return opened;
            }
        }
        try {
            return idle.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DataStoreException("interrupted while waiting for a reader of " + file, e);
        }
    }

    /** Approximate statistics per band, computed once from a reduced-resolution read. */
    public BandStatistics[] statistics() {
        BandStatistics[] s = statistics;
        if (s == null) {
            s = BandStatistics.approximate(this);
            statistics = s;
        }
        return s;
    }

    @Override
    public void close() throws DataStoreException {
        for (Reader r : all) {
            r.store().close();
        }
    }
}
