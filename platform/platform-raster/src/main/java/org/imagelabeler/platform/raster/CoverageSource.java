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
    private final GeoTiffStore store;
    private final GridCoverageResource resource;
    private final GridGeometry grid;
    private volatile BandStatistics[] statistics;

    private CoverageSource(Path file, CoverageDescription description, GeoTiffStore store) throws DataStoreException {
        this.file = file;
        this.description = description;
        this.store = store;
        this.resource = store.components().get(0);
        // decode the tiles a map needs when it needs them, not whole windows at read time
        resource.setLoadingStrategy(org.apache.sis.storage.RasterLoadingStrategy.AT_GET_TILE_TIME);
        this.grid = resource.getGridGeometry();
    }

    public static CoverageSource open(Path file) {
        CoverageDescription description = GeoTiffInspector.inspect(file);
        if (description.compression().equals("JPEG")) {
            throw new RasterProblem(
                    RasterProblem.Kind.UNSUPPORTED_COMPRESSION,
                    "JPEG-compressed GeoTIFFs are served from a converted copy, made at ingest");
        }
        try {
            return new CoverageSource(
                    file, description, (GeoTiffStore) new GeoTiffStoreProvider().open(new StorageConnector(file)));
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
    public GridCoverage read(GridGeometry domain, int... bands) throws DataStoreException {
        return resource.read(domain, bands);
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
        store.close();
    }
}
