package org.imagelabeler.platform.raster;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.sis.storage.DataStoreException;
import org.imagelabeler.platform.catalog.CatalogEvent;
import org.imagelabeler.platform.catalog.CatalogListener;
import org.imagelabeler.platform.catalog.StoreInfo;
import org.imagelabeler.platform.datadir.DataDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The open coverage files, one per path, opened on first use and closed when their store
 * changes or goes (a catalog listener), or at shutdown.
 */
public final class CoverageSources implements CatalogListener, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CoverageSources.class);

    private final DataDirectory dataDir;
    private final Map<Path, CoverageSource> open = new ConcurrentHashMap<>();

    public CoverageSources(DataDirectory dataDir) {
        this.dataDir = dataDir;
    }

    public CoverageSource get(StoreInfo store) {
        return open.computeIfAbsent(file(store), CoverageSource::open);
    }

    /**
     * The file of a coverage store: its {@code url} as a {@code file:} URI, absolute or relative
     * to the data directory ({@code file:coverages/dem.tif}), or a plain path.
     */
    public Path file(StoreInfo store) {
        String url = store.parameter(StoreInfo.URL);
        if (url == null || url.isBlank()) {
            throw new RasterProblem(RasterProblem.Kind.UNREADABLE, "store '" + store.name() + "' has no url");
        }
        Path path;
        if (url.startsWith("file://")) {
            path = Path.of(URI.create(url));
        } else {
            path = Path.of(url.startsWith("file:") ? url.substring("file:".length()) : url);
        }
        return (path.isAbsolute() ? path : dataDir.root().resolve(path)).normalize();
    }

    @Override
    public void onChange(CatalogEvent event) {
        if (event.type() != CatalogEvent.Type.ADDED && event.before() instanceof StoreInfo store) {
            evict(store);
        }
    }

    private void evict(StoreInfo store) {
        try {
            CoverageSource source = open.remove(file(store));
            if (source != null) {
                source.close();
            }
        } catch (RuntimeException | DataStoreException e) {
            LOG.warn("Cannot close the coverage of store {}", store.name(), e);
        }
    }

    @Override
    public void close() {
        for (CoverageSource s : open.values()) {
            try {
                s.close();
            } catch (DataStoreException e) {
                LOG.warn("Cannot close {}", s.file(), e);
            }
        }
        open.clear();
    }
}
