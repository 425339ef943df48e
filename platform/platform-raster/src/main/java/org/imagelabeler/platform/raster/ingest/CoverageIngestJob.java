package org.imagelabeler.platform.raster.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.imagelabeler.platform.catalog.Catalog;
import org.imagelabeler.platform.catalog.LayerInfo;
import org.imagelabeler.platform.catalog.LayerKind;
import org.imagelabeler.platform.catalog.StoreInfo;
import org.imagelabeler.platform.catalog.WorkspaceInfo;
import org.imagelabeler.platform.datadir.DataDirectory;
import org.imagelabeler.platform.jobs.JobContext;
import org.imagelabeler.platform.jobs.JobHandler;
import org.imagelabeler.platform.raster.BandStatistics;
import org.imagelabeler.platform.raster.CoverageDescription;
import org.imagelabeler.platform.raster.CoverageSource;
import org.imagelabeler.platform.raster.GeoTiffInspector;
import org.imagelabeler.platform.raster.RasterProblem;

/**
 * Ingests an uploaded GeoTIFF: writes the served copy when the original lacks tiles or
 * overviews (or is JPEG), computes per-band statistics, then points the coverage store at the
 * file to serve and publishes (or updates) the layer named after the store, in one catalog
 * change each, so that maps switch from the previous file to the new one at once. The original
 * is kept. Interrupted by a restart, the job starts over from the original.
 */
public final class CoverageIngestJob implements JobHandler {

    public static final String TYPE = "raster.ingest";
    /** Store parameter: the uploaded file, kept as it came. */
    public static final String ORIGINAL = "original";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Catalog catalog;
    private final DataDirectory dataDir;

    public CoverageIngestJob(Catalog catalog, DataDirectory dataDir) {
        this.catalog = catalog;
        this.dataDir = dataDir;
    }

    /** What the job is given: the workspace and store, and the original relative to the data dir. */
    public static String parameters(String workspace, String store, String original) {
        ObjectNode p = JSON.createObjectNode();
        p.put("workspace", workspace);
        p.put("store", store);
        p.put("original", original);
        return p.toString();
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public boolean resumable() {
        return true;
    }

    @Override
    public String run(JobContext context) throws Exception {
        JsonNode p = JSON.readTree(context.parameters());
        String wsName = p.path("workspace").asText();
        String storeName = p.path("store").asText();
        String originalPath = p.path("original").asText();
        Path original = dataDir.root().resolve(originalPath).normalize();

        context.progress(1, "inspecting " + original.getFileName());
        CoverageDescription d = GeoTiffInspector.inspect(original);
        String served = originalPath;
        if (ServedCopyWriter.isNeeded(d)) {
            String name = original.getFileName().toString().replaceFirst("\\.tiff?$", "") + "-served.tif";
            Path copy = original.resolveSibling(name);
            context.progress(2, "writing the served copy (tiled, with overviews)");
            ServedCopyWriter.write(original, d, copy, percent -> {
                context.checkCancelled();
                context.progress(2 + percent * 88 / 100, "writing the served copy: " + percent + " %");
            });
            served = dataDir.root().relativize(copy).toString();
        }
        context.checkCancelled();

        context.progress(92, "computing statistics");
        BandStatistics[] stats;
        CoverageDescription servedDescription;
        try (CoverageSource source = CoverageSource.open(dataDir.root().resolve(served))) {
            stats = source.statistics();
            servedDescription = source.description();
        }
        context.checkCancelled();

        context.progress(97, "publishing");
        WorkspaceInfo ws = catalog.workspaceByName(wsName)
                .orElseThrow(
                        () -> new RasterProblem(RasterProblem.Kind.UNREADABLE, "workspace " + wsName + " is gone"));
        StoreInfo store = publishStore(ws, storeName, originalPath, served);
        LayerInfo layer = publishLayer(ws, store, d, stats);

        ObjectNode result = JSON.createObjectNode();
        result.put("layer", ws.name() + ":" + layer.name());
        result.put("servedCopy", !served.equals(originalPath));
        result.put("width", d.width());
        result.put("height", d.height());
        result.put("bands", d.bands());
        result.put("sampleType", d.sampleType().name());
        result.put("crs", d.crs());
        result.put("overviews", servedDescription.overviews());
        return result.toString();
    }

    private StoreInfo publishStore(WorkspaceInfo ws, String name, String original, String served) {
        Map<String, String> parameters = new HashMap<>();
        parameters.put(StoreInfo.URL, "file:" + served);
        parameters.put(ORIGINAL, "file:" + original);
        Instant now = Instant.now();
        return catalog.storeByName(ws.name(), name)
                .map(old -> {
                    Map<String, String> merged = new HashMap<>(old.parameters());
                    merged.putAll(parameters);
                    StoreInfo updated = catalog.save(new StoreInfo(
                            old.id(),
                            old.workspaceId(),
                            old.name(),
                            old.kind(),
                            "GeoTIFF",
                            old.description(),
                            old.enabled(),
                            merged,
                            old.created(),
                            now));
                    removeReplacedFiles(old, updated);
                    return updated;
                })
                .orElseGet(() -> catalog.add(new StoreInfo(
                        UUID.randomUUID().toString(),
                        ws.id(),
                        name,
                        org.imagelabeler.platform.catalog.StoreKind.COVERAGE,
                        "GeoTIFF",
                        null,
                        true,
                        parameters,
                        now,
                        now)));
    }

    private LayerInfo publishLayer(WorkspaceInfo ws, StoreInfo store, CoverageDescription d, BandStatistics[] stats) {
        Map<String, String> metadata = CoverageLayers.metadata(d);
        metadata.put("resolution", d.resolutionX() + "," + d.resolutionY());
        if (d.noData() != null) {
            metadata.put("noData", d.noData().toString());
        }
        for (int b = 0; b < stats.length; b++) {
            String prefix = "stats.band_" + (b + 1) + ".";
            metadata.put(prefix + "min", Double.toString(stats[b].min()));
            metadata.put(prefix + "max", Double.toString(stats[b].max()));
            metadata.put(prefix + "mean", Double.toString(stats[b].mean()));
            metadata.put(prefix + "p2", Double.toString(stats[b].p2()));
            metadata.put(prefix + "p98", Double.toString(stats[b].p98()));
        }
        Instant now = Instant.now();
        return catalog.layerByName(ws.name(), store.name())
                .map(old -> catalog.save(new LayerInfo(
                        old.id(),
                        old.workspaceId(),
                        old.storeId(),
                        old.name(),
                        LayerKind.RASTER,
                        old.nativeName(),
                        old.title(),
                        old.abstractText(),
                        old.keywords(),
                        old.enabled(),
                        old.advertised(),
                        old.defaultStyle(),
                        old.styles(),
                        d.crs(),
                        d.nativeBounds(),
                        d.geographicBounds(),
                        metadata,
                        old.created(),
                        now)))
                .orElseGet(() -> catalog.add(CoverageLayers.newLayer(
                        UUID.randomUUID().toString(), ws, store, store.name(), store.name(), d, metadata, now)));
    }

    /** Deletes the files of a previous upload once the store points at the new ones. */
    private void removeReplacedFiles(StoreInfo before, StoreInfo after) {
        for (String key : List.of(StoreInfo.URL, ORIGINAL)) {
            String old = before.parameter(key);
            if (old != null
                    && old.startsWith("file:coverages/")
                    && !after.parameters().containsValue(old)) {
                try {
                    Files.deleteIfExists(dataDir.root().resolve(old.substring("file:".length())));
                } catch (IOException e) {
                    // left behind: harmless, and reported by nobody; a clean-up job may come later
                }
            }
        }
    }
}
