package org.imagelabeler.platform.tiles.seed;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.imagelabeler.platform.catalog.LayerInfo;
import org.imagelabeler.platform.jobs.Job;
import org.imagelabeler.platform.jobs.JobService;
import org.imagelabeler.platform.ows.OwsException;
import org.imagelabeler.platform.rest.ApiProblem;
import org.imagelabeler.platform.security.CurrentSubject;
import org.imagelabeler.platform.security.SecuredCatalog;
import org.imagelabeler.platform.security.Subject;
import org.imagelabeler.platform.tiles.cache.TileFormat;
import org.imagelabeler.platform.tiles.grid.TileMatrixSet;
import org.imagelabeler.platform.tiles.wmts.TileService;
import org.imagelabeler.platform.tiles.wmts.TiledLayer;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * {@code POST /rest/seed/{workspace:layer}}: seeds, reseeds or truncates a layer's tiles as a
 * job (GeoWebCache's seed endpoint). Administrators of the layer's workspace only; a layer the
 * caller may not read is not found.
 */
@RestController
public class SeedController {

    private static final List<String> TYPES = List.of(SeedRequest.SEED, SeedRequest.RESEED, SeedRequest.TRUNCATE);

    private final SecuredCatalog secured;
    private final TileService tiles;
    private final TileSeedJob seeding;
    private final JobService jobs;

    public SeedController(SecuredCatalog secured, TileService tiles, TileSeedJob seeding, JobService jobs) {
        this.secured = secured;
        this.tiles = tiles;
        this.seeding = seeding;
        this.jobs = jobs;
    }

    @PostMapping(path = "/rest/seed/{layer}", consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<Map<String, Object>> seed(@PathVariable String layer, @RequestBody SeedRequest request) {
        Subject subject = CurrentSubject.get();
        TiledLayer tiled = tiles.layers()
                .find(subject, layer, null)
                .orElseThrow(() -> ApiProblem.notFound("no layer '" + layer + "'"));
        LayerInfo info = tiled.layer();
        var ws = secured.unsecured().workspace(info.workspaceId()).orElseThrow();
        if (!secured.canAdminister(subject, ws)) {
            throw ApiProblem.forbidden("only administrators of workspace '" + ws.name() + "' may seed its layers");
        }
        check(tiled, request);
        Job job = jobs.submit(TileSeedJob.TYPE, subject.username(), seeding.parameters(info, request));
        URI location = ServletUriComponentsBuilder.fromCurrentContextPath()
                .path("/rest/jobs/{id}")
                .buildAndExpand(job.id())
                .toUri();
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("layer", tiled.name());
        answer.put(
                "job",
                Map.of(
                        "id",
                        job.id(),
                        "href",
                        location.toString(),
                        "state",
                        job.state().name()));
        return ResponseEntity.status(HttpStatus.ACCEPTED).location(location).body(answer);
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
