package org.imagelabeler.platform.raster;

import org.imagelabeler.platform.catalog.Catalog;
import org.imagelabeler.platform.config.PlatformCoreAutoConfiguration;
import org.imagelabeler.platform.datadir.DataDirectory;
import org.imagelabeler.platform.jobs.JobService;
import org.imagelabeler.platform.raster.ingest.CoverageIngestJob;
import org.imagelabeler.platform.raster.ingest.CoverageUploads;
import org.imagelabeler.platform.raster.rest.CoverageUploadController;
import org.imagelabeler.platform.security.SecuredCatalog;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/** GeoTIFF coverages: open files, the raster layer renderer. */
@AutoConfiguration(after = PlatformCoreAutoConfiguration.class)
@Import(CoverageUploadController.class)
public class RasterAutoConfiguration {

    @Bean(destroyMethod = "close")
    CoverageSources coverageSources(DataDirectory dataDir) {
        return new CoverageSources(dataDir);
    }

    @Bean
    CoverageLayerRenderer coverageLayerRenderer(Catalog catalog, CoverageSources sources) {
        return new CoverageLayerRenderer(catalog, sources);
    }

    @Bean
    CoverageIngestJob coverageIngestJob(Catalog catalog, DataDirectory dataDir) {
        return new CoverageIngestJob(catalog, dataDir);
    }

    @Bean
    CoverageUploads coverageUploads(
            SecuredCatalog secured,
            DataDirectory dataDir,
            JobService jobs,
            @Value("${labeler.upload.max-bytes:21474836480}") long maxBytes) {
        return new CoverageUploads(secured, dataDir, jobs, maxBytes);
    }

    /** Opens the EPSG database in the background once the server is up, not on the first map. */
    @Bean
    ApplicationListener<ApplicationReadyEvent> epsgWarmUp() {
        return event -> {
            Thread t = new Thread(CrsRegistry::warmUp, "epsg-warm-up");
            t.setDaemon(true);
            t.start();
        };
    }
}
