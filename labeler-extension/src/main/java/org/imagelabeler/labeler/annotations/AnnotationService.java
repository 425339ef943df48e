package org.imagelabeler.labeler.annotations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.imagelabeler.labeler.access.EventAccess;
import org.imagelabeler.labeler.access.EventAction;
import org.imagelabeler.labeler.audit.AuditLog;
import org.imagelabeler.labeler.events.Event;
import org.imagelabeler.labeler.images.EventImage;
import org.imagelabeler.labeler.images.Georeference;
import org.imagelabeler.labeler.images.ImageRepository;
import org.imagelabeler.platform.raster.CrsRegistry;
import org.imagelabeler.platform.raster.GeometryTransformer;
import org.imagelabeler.platform.rest.ApiProblem;
import org.imagelabeler.platform.security.Subject;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.io.geojson.GeoJsonReader;
import org.locationtech.jts.io.geojson.GeoJsonWriter;
import org.opengis.referencing.operation.MathTransform;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The rules of annotations: who may draw (owners, managers, labelers), what a valid one is
 * (a known class; a valid geometry of its shape; inside its image; on Earth for map shapes),
 * optimistic versions, and the audit record of each change. Several annotations are created in
 * one transaction: all or none. Pixel annotations of a georeferenced image also get their
 * geographic geometry through the image's transform.
 */
public class AnnotationService {

    private final AnnotationRepository annotations;
    private final ImageRepository images;
    private final EventAccess access;
    private final AuditLog audit;
    private final org.springframework.context.ApplicationEventPublisher publisher;
    private final TransactionTemplate tx;
    private final ObjectMapper json = new ObjectMapper();

    public AnnotationService(
            AnnotationRepository annotations,
            ImageRepository images,
            EventAccess access,
            AuditLog audit,
            TransactionTemplate tx,
            org.springframework.context.ApplicationEventPublisher publisher) {
        this.annotations = annotations;
        this.images = images;
        this.access = access;
        this.audit = audit;
        this.tx = tx;
        this.publisher = publisher;
    }

    /** Creates all of {@code in} or none: a refusal names the item at fault ({@code annotations[2].class}). */
    public List<Annotation> create(Subject subject, String slug, List<AnnotationJson> in, boolean bulk) {
        Event event = access.require(subject, slug, EventAction.ANNOTATE);
        Instant now = Instant.now();
        List<Annotation> made = new ArrayList<>();
        for (int i = 0; i < in.size(); i++) {
            String prefix = bulk ? "annotations[" + i + "]." : "";
            AnnotationJson a = in.get(i);
            made.add(validate(
                    event,
                    a,
                    new Annotation(
                            UUID.randomUUID().toString(),
                            event.id(),
                            a.imageId(),
                            space(a.space(), prefix),
                            shape(a.shape(), prefix),
                            a.className(),
                            null,
                            null,
                            a.attributes(),
                            subject.username(),
                            now,
                            now,
                            1),
                    prefix));
        }
        tx.executeWithoutResult(status -> {
            publisher.publishEvent(new AnnotationsChanged(event.id()));
            for (Annotation a : made) {
                annotations.insert(a);
                audit.record(event.id(), subject.username(), "add", "annotation", a.id(), null, view(a));
            }
        });
        return made;
    }

    public Annotation update(Subject subject, String slug, String id, AnnotationJson in, Integer ifMatch) {
        Event event = access.require(subject, slug, EventAction.ANNOTATE);
        Annotation old = annotations.find(event.id(), id).orElseThrow(() -> ApiProblem.notFound("no annotation " + id));
        if (ifMatch != null && ifMatch != old.version()) {
            throw preconditionFailed(old);
        }
        Annotation changed = changed(event, old, in, "");
        save(subject, event, List.of(old), List.of(changed));
        return changed;
    }

    /**
     * Changes several annotations at once, all or none. Each item names its {@code id} and the
     * {@code version} it was read at: one changed meanwhile fails the whole request with 412.
     */
    public List<Annotation> updateAll(Subject subject, String slug, List<AnnotationJson> in) {
        Event event = access.require(subject, slug, EventAction.ANNOTATE);
        List<Annotation> olds = new ArrayList<>();
        List<Annotation> changes = new ArrayList<>();
        for (int i = 0; i < in.size(); i++) {
            String prefix = "annotations[" + i + "].";
            AnnotationJson a = in.get(i);
            if (a.id() == null) {
                throw ApiProblem.badRequest(prefix + "id", "name the annotation to change");
            }
            if (a.version() == null) {
                throw ApiProblem.badRequest(prefix + "version", "give the version the annotation was read at");
            }
            Annotation old = annotations
                    .find(event.id(), a.id())
                    .orElseThrow(
                            () -> ApiProblem.badRequest(prefix + "id", "no annotation " + a.id() + " in this event"));
            if (!a.version().equals(old.version())) {
                throw preconditionFailed(old);
            }
            olds.add(old);
            changes.add(changed(event, old, a, prefix));
        }
        save(subject, event, olds, changes);
        return changes;
    }

    /** {@code old} with what {@code in} changes, checked as a new annotation would be. */
    private Annotation changed(Event event, Annotation old, AnnotationJson in, String prefix) {
        if (in.imageId() != null && !in.imageId().equals(old.imageId())) {
            throw ApiProblem.badRequest(prefix + "imageId", "an annotation cannot move to another image");
        }
        AnnotationJson merged = new AnnotationJson(
                null,
                old.imageId(),
                old.space().name(),
                in.shape() != null ? in.shape() : old.shape().name(),
                in.className() != null ? in.className() : old.className(),
                in.geometry() != null
                        ? in.geometry()
                        : write(old.space() == Annotation.Space.PIXEL ? old.pixels() : old.geographic()),
                null,
                in.attributes() != null ? in.attributes() : old.attributes(),
                null,
                null,
                null,
                null);
        return validate(
                event,
                merged,
                new Annotation(
                        old.id(),
                        old.eventId(),
                        old.imageId(),
                        old.space(),
                        shape(merged.shape(), prefix),
                        merged.className(),
                        null,
                        null,
                        merged.attributes(),
                        old.author(),
                        old.created(),
                        Instant.now(),
                        old.version() + 1),
                prefix);
    }

    /** Writes the changes in one transaction; a concurrent change to any of them undoes all. */
    private void save(Subject subject, Event event, List<Annotation> olds, List<Annotation> changes) {
        tx.executeWithoutResult(status -> {
            publisher.publishEvent(new AnnotationsChanged(event.id()));
            for (int i = 0; i < changes.size(); i++) {
                Annotation old = olds.get(i);
                Annotation changed = changes.get(i);
                if (!annotations.update(changed, old.version())) {
                    status.setRollbackOnly();
                    throw preconditionFailed(
                            annotations.find(event.id(), old.id()).orElse(old));
                }
                audit.record(
                        event.id(), subject.username(), "update", "annotation", old.id(), view(old), view(changed));
            }
        });
    }

    public void delete(Subject subject, String slug, String id, Integer ifMatch) {
        Event event = access.require(subject, slug, EventAction.ANNOTATE);
        Annotation old = annotations.find(event.id(), id).orElseThrow(() -> ApiProblem.notFound("no annotation " + id));
        if (ifMatch != null && ifMatch != old.version()) {
            throw preconditionFailed(old);
        }
        tx.executeWithoutResult(status -> {
            publisher.publishEvent(new AnnotationsChanged(event.id()));
            annotations.delete(id);
            audit.record(event.id(), subject.username(), "delete", "annotation", id, view(old), null);
        });
    }

    /** Checks {@code in} and returns {@code a} with its geometries. */
    private Annotation validate(Event event, AnnotationJson in, Annotation a, String prefix) {
        if (a.className() == null || !event.labelSchema().hasClass(a.className())) {
            throw ApiProblem.badRequest(
                    prefix + "class",
                    "'" + a.className() + "' is not a class of this event: "
                            + event.labelSchema().classes().stream()
                                    .map(c -> c.name())
                                    .toList());
        }
        Geometry g = geometry(in.geometry(), prefix);
        checkShape(g, a.shape(), prefix);
        if (!g.isValid()) {
            throw ApiProblem.badRequest(prefix + "geometry", "the geometry is not valid (self-intersecting?)");
        }
        if (a.space() == Annotation.Space.PIXEL) {
            if (a.shape() == Annotation.Shape.LINE || a.shape() == Annotation.Shape.POINT) {
                throw ApiProblem.badRequest(prefix + "shape", "on an image, draw a box or a polygon");
            }
            if (a.imageId() == null) {
                throw ApiProblem.badRequest(prefix + "imageId", "a pixel annotation belongs to an image");
            }
            EventImage image = images.find(event.id(), a.imageId())
                    .orElseThrow(() ->
                            ApiProblem.badRequest(prefix + "imageId", "no image " + a.imageId() + " in this event"));
            Envelope env = g.getEnvelopeInternal();
            if (env.getMinX() < 0
                    || env.getMinY() < 0
                    || env.getMaxX() > image.width()
                    || env.getMaxY() > image.height()) {
                throw ApiProblem.badRequest(
                        prefix + "geometry",
                        "the geometry goes outside the image (0,0 to " + image.width() + "," + image.height() + ")");
            }
            Geometry geographic = image.georeference() == null ? null : geographic(g, image.georeference());
            return withGeometries(a, g, geographic);
        }
        if (a.imageId() != null && images.find(event.id(), a.imageId()).isEmpty()) {
            throw ApiProblem.badRequest(prefix + "imageId", "no image " + a.imageId() + " in this event");
        }
        Envelope env = g.getEnvelopeInternal();
        if (env.getMinX() < -180 || env.getMaxX() > 180 || env.getMinY() < -90 || env.getMaxY() > 90) {
            throw ApiProblem.badRequest(prefix + "geometry", "map shapes are in longitude, latitude (EPSG:4326)");
        }
        g.setSRID(4326);
        return withGeometries(a, null, g);
    }

    private static Annotation withGeometries(Annotation a, Geometry pixels, Geometry geographic) {
        return new Annotation(
                a.id(),
                a.eventId(),
                a.imageId(),
                a.space(),
                a.shape(),
                a.className(),
                pixels,
                geographic,
                a.attributes(),
                a.author(),
                a.created(),
                a.updated(),
                a.version());
    }

    private static void checkShape(Geometry g, Annotation.Shape shape, String prefix) {
        boolean ok =
                switch (shape) {
                    case POINT -> g instanceof Point;
                    case LINE -> g instanceof LineString;
                    case POLYGON -> g instanceof Polygon;
                    // an axis-aligned rectangle: its area is its envelope's
                    case BOX ->
                        g instanceof Polygon p
                                && p.getNumInteriorRing() == 0
                                && p.getExteriorRing().getNumPoints() == 5
                                && Math.abs(p.getArea()
                                                - p.getEnvelopeInternal().getArea())
                                        < 1e-9
                                && p.getArea() > 0;
                };
        if (!ok) {
            throw ApiProblem.badRequest(
                    prefix + "geometry",
                    "a " + shape.name().toLowerCase(Locale.ROOT) + " needs a "
                            + switch (shape) {
                                case POINT -> "Point";
                                case LINE -> "LineString";
                                case POLYGON -> "Polygon";
                                case BOX -> "Polygon that is an axis-aligned rectangle";
                            });
        }
    }

    /** Pixel corners through the image's affine transform, then from its CRS to EPSG:4326. */
    static Geometry geographic(Geometry pixels, Georeference geo) {
        double[] t = geo.transform();
        try {
            MathTransform pixelToCrs = org.apache.sis.referencing.operation.transform.MathTransforms.linear(
                    org.apache.sis.referencing.operation.matrix.Matrices.create(
                            3, 3, new double[] {t[1], t[2], t[0], t[4], t[5], t[3], 0, 0, 1}));
            MathTransform toWgs84 = CrsRegistry.transform(CrsRegistry.xy(geo.crs()), CrsRegistry.xy("EPSG:4326"));
            Geometry g = GeometryTransformer.transform(
                    pixels,
                    org.apache.sis.referencing.operation.transform.MathTransforms.concatenate(pixelToCrs, toWgs84));
            g.setSRID(4326);
            return g;
        } catch (Exception e) {
            throw new IllegalStateException("cannot place the annotation on Earth: " + e.getMessage(), e);
        }
    }

    private Geometry geometry(JsonNode geoJson, String prefix) {
        if (geoJson == null || geoJson.isNull()) {
            throw ApiProblem.badRequest(prefix + "geometry", "give the geometry as GeoJSON");
        }
        try {
            return new GeoJsonReader().read(json.writeValueAsString(geoJson));
        } catch (Exception e) {
            throw ApiProblem.badRequest(prefix + "geometry", "not a GeoJSON geometry: " + e.getMessage());
        }
    }

    private static Annotation.Space space(String s, String prefix) {
        if (s == null) {
            throw ApiProblem.badRequest(prefix + "space", "space must be pixel or map");
        }
        try {
            return Annotation.Space.valueOf(s.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiProblem.badRequest(prefix + "space", "space must be pixel or map, got '" + s + "'");
        }
    }

    private static Annotation.Shape shape(String s, String prefix) {
        if (s == null) {
            throw ApiProblem.badRequest(prefix + "shape", "shape must be box, polygon, line or point");
        }
        try {
            return Annotation.Shape.valueOf(s.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiProblem.badRequest(prefix + "shape", "shape must be box, polygon, line or point, got '" + s + "'");
        }
    }

    private static ApiProblem preconditionFailed(Annotation current) {
        return new ApiProblem(
                        HttpStatus.PRECONDITION_FAILED,
                        null,
                        "annotation " + current.id() + " was changed meanwhile: it is at version " + current.version())
                .with("currentVersion", current.version());
    }

    JsonNode write(Geometry g) {
        if (g == null) {
            return null;
        }
        try {
            GeoJsonWriter w = new GeoJsonWriter();
            w.setEncodeCRS(false);
            return json.readTree(w.write(g));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The annotation as the API shows it, for responses and the audit log. */
    public AnnotationJson view(Annotation a) {
        return new AnnotationJson(
                a.id(),
                a.imageId(),
                a.space().name().toLowerCase(Locale.ROOT),
                a.shape().name().toLowerCase(Locale.ROOT),
                a.className(),
                write(a.space() == Annotation.Space.PIXEL ? a.pixels() : a.geographic()),
                a.space() == Annotation.Space.PIXEL ? write(a.geographic()) : null,
                a.attributes(),
                a.author(),
                a.created(),
                a.updated(),
                a.version());
    }
}
