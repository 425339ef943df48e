package org.imagelabeler.platform.tiles.seed;

import java.util.List;
import org.imagelabeler.platform.catalog.WorkspaceInfo;
import org.imagelabeler.platform.jobs.Job;
import org.imagelabeler.platform.jobs.JobService;
import org.imagelabeler.platform.ows.OwsException;
import org.imagelabeler.platform.rest.ApiProblem;
import org.imagelabeler.platform.security.SecuredCatalog;
import org.imagelabeler.platform.security.Subject;
import org.imagelabeler.platform.tiles.cache.TileFormat;
import org.imagelabeler.platform.tiles.grid.TileMatrixSet;
import org.imagelabeler.platform.tiles.wmts.TileService;
import org.imagelabeler.platform.tiles.wmts.TiledLayer;

/**
 * Submits {@code tiles.seed} jobs for the administrators of a layer's workspace, refusing first,
 * with an {@link ApiProblem}, what the job would refuse. The REST endpoint and the tile cache page
 * both submit through here, so that they refuse alike.
 */
public class LayerSeeding {

    static final List<String> TYPES = List.of(SeedRequest.SEED, SeedRequest.RESEED, SeedRequest.TRUNCATE);

    private final SecuredCatalog secured;
    private final TileService tiles;
    private final TileSeedJob seeding;
    private final JobService jobs;

    public LayerSeeding(SecuredCatalog secured, TileService tiles, TileSeedJob seeding, JobService jobs) {
        this.secured = secured;
        this.tiles = tiles;
        this.seeding = seeding;
        this.jobs = jobs;
    }

    /** The layer named {@code layer} ({@code ws:name}) if {@code subject} administers its workspace. */
    public TiledLayer administered(Subject subject, String layer) {
        TiledLayer tiled = tiles.layers()
                .find(subject, layer, null)
                .orElseThrow(() -> ApiProblem.notFound("no layer '" + layer + "'"));
        WorkspaceInfo ws =
                secured.unsecured().workspace(tiled.layer().workspaceId()).orElseThrow();
        if (!secured.canAdminister(subject, ws)) {
            throw ApiProblem.forbidden("only administrators of workspace '" + ws.name() + "' may seed its layers");
        }
        return tiled;
    }

    /** The layers whose tiles {@code subject} may seed and truncate. */
    public List<TiledLayer> administered(Subject subject) {
        return tiles.layers().readable(subject, null).stream()
                .filter(t -> secured.unsecured()
                        .workspace(t.layer().workspaceId())
                        .map(ws -> secured.canAdminister(subject, ws))
                        .orElse(false))
                .toList();
    }

    public Job submit(Subject subject, TiledLayer tiled, SeedRequest request) {
        check(tiled, request);
        return jobs.submit(TileSeedJob.TYPE, subject.username(), seeding.parameters(tiled.layer(), request));
    }

    /** Refuses, before any job starts, what the job would refuse. */
    private void check(TiledLayer tiled, SeedRequest r) {
        if (r.type() == null || !TYPES.contains(r.type())) {
            throw ApiProblem.badRequest("type", "type must be one of " + TYPES);
        }
        if (r.tileMatrixSet() == null) {
            if (r.truncate()) {
                return; // the whole layer
            }
            throw ApiProblem.badRequest("tileMatrixSet", "name the tile matrix set to seed");
        }
        TileMatrixSet set = tiled.set(r.tileMatrixSet())
                .orElseThrow(() -> ApiProblem.badRequest(
                        "tileMatrixSet",
                        "the layer has no tile matrix set '" + r.tileMatrixSet() + "'; it has "
                                + tiled.sets().stream()
                                        .map(TileMatrixSet::identifier)
                                        .toList()));
        int last = set.matrices().size() - 1;
        int z0 = r.zoomStart() == null ? 0 : r.zoomStart();
        int z1 = r.zoomStop() == null ? (r.truncate() ? last : z0) : r.zoomStop();
        if (z0 < 0 || z0 > last) {
            throw ApiProblem.badRequest("zoomStart", "zoomStart must be between 0 and " + last);
        }
        if (z1 < z0 || z1 > last) {
            throw ApiProblem.badRequest("zoomStop", "zoomStop must be between zoomStart and " + last);
        }
        if (r.bounds() != null
                && (r.bounds().minX() >= r.bounds().maxX()
                        || r.bounds().minY() >= r.bounds().maxY())) {
            throw ApiProblem.badRequest("bounds", "bounds must have minX < maxX and minY < maxY");
        }
        if (r.truncate()) {
            if (r.format() != null && TileFormat.of(r.format()).isEmpty()) {
                throw ApiProblem.badRequest("format", "unknown format '" + r.format() + "'");
            }
            return;
        }
        if (r.format() == null) {
            throw ApiProblem.badRequest("format", "name the format to seed: image/png or image/jpeg");
        }
        try {
            tiles.resolve(tiled, r.firstTile(tiled, set));
        } catch (OwsException e) {
            String field = e.locator() == null ? "request" : e.locator().toLowerCase(java.util.Locale.ROOT);
            throw ApiProblem.badRequest(field, e.getMessage());
        }
    }
}
