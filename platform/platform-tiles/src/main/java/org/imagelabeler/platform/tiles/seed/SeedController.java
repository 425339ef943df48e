package org.imagelabeler.platform.tiles.seed;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.imagelabeler.platform.jobs.Job;
import org.imagelabeler.platform.security.CurrentSubject;
import org.imagelabeler.platform.security.Subject;
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

    private final LayerSeeding seeding;

    public SeedController(LayerSeeding seeding) {
        this.seeding = seeding;
    }

    @PostMapping(path = "/rest/seed/{layer}", consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<Map<String, Object>> seed(@PathVariable String layer, @RequestBody SeedRequest request) {
        Subject subject = CurrentSubject.get();
        TiledLayer tiled = seeding.administered(subject, layer);
        Job job = seeding.submit(subject, tiled, request);
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
}
