package org.imagelabeler.labeler.extraction;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.util.Map;
import org.imagelabeler.labeler.access.EventAccess;
import org.imagelabeler.labeler.access.EventAction;
import org.imagelabeler.labeler.events.Event;
import org.imagelabeler.platform.catalog.LayerInfo;
import org.imagelabeler.platform.jobs.Job;
import org.imagelabeler.platform.jobs.JobService;
import org.imagelabeler.platform.rest.ApiProblem;
import org.imagelabeler.platform.security.CurrentSubject;
import org.imagelabeler.platform.security.SecuredCatalog;
import org.imagelabeler.platform.security.Subject;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * {@code POST /rest/labeler/events/{slug}/extractions}: extracts an image from a map layer the
 * caller may read, as a job (202, {@code Location} of the job; its result names the image).
 * Everything the job would refuse is refused here first, with the field at fault.
 */
@RestController
@io.swagger.v3.oas.annotations.tags.Tag(
        name = "Extraction",
        description = "Image chips extracted from map layers as background jobs")
public class ExtractionController {

    /** Pixels along each side at most: a chip, not a mosaic of a continent. */
    static final int MAX_SIDE = 8192;

    private static final double METRES_PER_DEGREE = 111_320;

    private final EventAccess access;
    private final SecuredCatalog secured;
    private final JobService jobs;
    private final ObjectMapper json = new ObjectMapper();

    public ExtractionController(EventAccess access, SecuredCatalog secured, JobService jobs) {
        this.access = access;
        this.secured = secured;
        this.jobs = jobs;
    }

    @PostMapping(
            path = "/rest/labeler/events/{slug}/extractions",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.ACCEPTED)
    public ResponseEntity<Map<String, Object>> extract(@PathVariable String slug, @RequestBody ExtractionRequest r)
            throws Exception {
        Subject subject = CurrentSubject.get();
        Event event = access.require(subject, slug, EventAction.ADD_IMAGES);
        LayerInfo layer = layer(subject, r.layer());
        double[] b = bbox(r);
        int[] size = size(r, b);
        if (r.time() != null && !r.time().matches("\\d{4}-\\d{2}-\\d{2}(T\\d{2}:\\d{2}(:\\d{2})?Z)?")) {
            throw ApiProblem.badRequest(
                    "time", "time must be a date (2024-06-01) or an instant (2024-06-01T10:30:00Z)");
        }
        var p = new ExtractionJob.Parameters(
                event.slug(),
                layer.id(),
                r.layer(),
                r.time(),
                b,
                size[0],
                size[1],
                r.resolution(),
                r.unit(),
                subject.username());
        Job job = jobs.submit(ExtractionJob.TYPE, subject.username(), json.writeValueAsString(p));
        URI location = ServletUriComponentsBuilder.fromCurrentContextPath()
                .path("/rest/jobs/{id}")
                .buildAndExpand(job.id())
                .toUri();
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .location(location)
                .body(Map.of(
                        "job", Map.of("id", job.id(), "href", location.toString()),
                        "width", size[0],
                        "height", size[1]));
    }

    private LayerInfo layer(Subject subject, String name) {
        if (name == null || !name.contains(":")) {
            throw ApiProblem.badRequest("layer", "name the layer as workspace:name");
        }
        String[] p = name.split(":", 2);
        return secured.layer(subject, p[0], p[1])
                .filter(LayerInfo::enabled)
                .orElseThrow(() -> ApiProblem.badRequest("layer", "no layer '" + name + "' you may read"));
    }

    private static double[] bbox(ExtractionRequest r) {
        if (r.bbox() == null || r.bbox().size() != 4) {
            throw ApiProblem.badRequest("bbox", "bbox must be [minLon, minLat, maxLon, maxLat]");
        }
        double[] b = r.bbox().stream().mapToDouble(Double::doubleValue).toArray();
        if (!(b[0] < b[2] && b[1] < b[3]) || b[0] < -180 || b[2] > 180 || b[1] < -90 || b[3] > 90) {
            throw ApiProblem.badRequest("bbox", "bbox must be [minLon, minLat, maxLon, maxLat] in degrees, min < max");
        }
        return b;
    }

    /** The size in pixels: as given, or from the resolution at the area's middle latitude. */
    private static int[] size(ExtractionRequest r, double[] b) {
        int w;
        int h;
        if (r.resolution() != null) {
            double metres = r.resolution()
                    * switch (r.unit() == null ? "m" : r.unit()) {
                        case "m" -> 1;
                        case "km" -> 1000;
                        default -> throw ApiProblem.badRequest("unit", "unit must be m or km");
                    };
            if (!(metres > 0)) {
                throw ApiProblem.badRequest("resolution", "resolution must be positive");
            }
            double midLat = Math.toRadians((b[1] + b[3]) / 2);
            w = (int) Math.round((b[2] - b[0]) * METRES_PER_DEGREE * Math.cos(midLat) / metres);
            h = (int) Math.round((b[3] - b[1]) * METRES_PER_DEGREE / metres);
        } else if (r.width() != null && r.height() != null) {
            w = r.width();
            h = r.height();
        } else {
            throw ApiProblem.badRequest("resolution", "give a resolution (with unit m or km) or a width and height");
        }
        if (w < 1 || h < 1 || w > MAX_SIDE || h > MAX_SIDE) {
            throw ApiProblem.badRequest(
                    r.resolution() != null ? "resolution" : "width",
                    "the image would be " + w + " x " + h + " pixels; each side must be 1 to " + MAX_SIDE);
        }
        return new int[] {w, h};
    }
}
