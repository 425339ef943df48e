package org.imagelabeler.labeler.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.imagelabeler.labeler.access.EventAccess;
import org.imagelabeler.labeler.access.EventAction;
import org.imagelabeler.labeler.audit.AuditLog;
import org.imagelabeler.labeler.teams.Membership;
import org.imagelabeler.labeler.teams.MembershipRepository;
import org.imagelabeler.labeler.teams.TeamRole;
import org.imagelabeler.platform.rest.ApiProblem;
import org.imagelabeler.platform.security.Subject;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.geojson.GeoJsonReader;
import org.locationtech.jts.io.geojson.GeoJsonWriter;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The rules of events: who may create, change and delete them, what a valid event is, and the
 * audit record of each change, written in the same transaction. The creator becomes the owner.
 */
public class EventService {

    private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]{1,62}");
    private static final Pattern COLOUR = Pattern.compile("#[0-9a-fA-F]{6}");

    private final EventRepository events;
    private final MembershipRepository members;
    private final EventAccess access;
    private final AuditLog audit;
    private final TransactionTemplate tx;
    private final org.springframework.context.ApplicationEventPublisher publisher;
    private final LabelUsage usage;
    private final ObjectMapper json = new ObjectMapper();

    public EventService(
            EventRepository events,
            MembershipRepository members,
            EventAccess access,
            AuditLog audit,
            TransactionTemplate tx,
            LabelUsage usage,
            org.springframework.context.ApplicationEventPublisher publisher) {
        this.events = events;
        this.members = members;
        this.access = access;
        this.audit = audit;
        this.tx = tx;
        this.usage = usage;
        this.publisher = publisher;
    }

    public Event create(Subject subject, EventJson in) {
        if (subject.isAnonymous()) {
            throw new ApiProblem(HttpStatus.UNAUTHORIZED, null, "sign in to create events");
        }
        String slug = in.slug();
        if (slug == null || !SLUG.matcher(slug).matches()) {
            throw ApiProblem.badRequest(
                    "slug", "slug must be 2 to 63 lower-case letters, digits or '-', starting with a letter or digit");
        }
        if (events.findBySlug(slug).isPresent()) {
            throw ApiProblem.conflict("an event named '" + slug + "' exists");
        }
        Instant now = Instant.now();
        Event event = validate(new Event(
                UUID.randomUUID().toString(),
                slug,
                in.title(),
                in.description(),
                in.phenomenon(),
                in.timeRange() == null ? null : in.timeRange().start(),
                in.timeRange() == null ? null : in.timeRange().end(),
                geometry(in.areaOfInterest()),
                in.keywords(),
                in.visibility() == null ? Visibility.PRIVATE : in.visibility(),
                in.labelSchema(),
                subject.username(),
                now,
                now,
                1));
        tx.executeWithoutResult(status -> {
            events.insert(event);
            Membership owner = new Membership(event.id(), subject.username(), TeamRole.OWNER, now);
            members.insert(owner);
            audit.record(event.id(), subject.username(), "create", "event", event.slug(), null, view(event));
            audit.record(event.id(), subject.username(), "add", "member", owner.username(), null, owner);
        });
        publisher.publishEvent(new EventChange(event, false));
        return event;
    }

    /**
     * Changes the fields {@code in} carries. With {@code ifMatch} (a version), a concurrent
     * change since that version is refused with 412 and the current version.
     */
    public Event update(Subject subject, String slug, EventJson in, Integer ifMatch) {
        Event old = access.require(subject, slug, EventAction.UPDATE);
        if (ifMatch != null && ifMatch != old.version()) {
            throw preconditionFailed(old);
        }
        if (in.slug() != null && !in.slug().equals(old.slug())) {
            throw ApiProblem.badRequest("slug", "renaming an event is not supported");
        }
        Event changed = validate(new Event(
                old.id(),
                old.slug(),
                in.title() != null ? in.title() : old.title(),
                in.description() != null ? in.description() : old.description(),
                in.phenomenon() != null ? in.phenomenon() : old.phenomenon(),
                in.timeRange() != null ? in.timeRange().start() : old.start(),
                in.timeRange() != null ? in.timeRange().end() : old.end(),
                in.areaOfInterest() != null ? geometry(in.areaOfInterest()) : old.areaOfInterest(),
                in.keywords() != null ? in.keywords() : old.keywords(),
                in.visibility() != null ? in.visibility() : old.visibility(),
                in.labelSchema() != null ? in.labelSchema() : old.labelSchema(),
                old.createdBy(),
                old.created(),
                Instant.now(),
                old.version() + 1));
        for (LabelClass c : old.labelSchema().classes()) {
            long used = changed.labelSchema().hasClass(c.name()) ? 0 : usage.annotationsWithClass(old.id(), c.name());
            if (used > 0) {
                throw ApiProblem.conflict("class '" + c.name() + "' is used by " + used + " annotation"
                                + (used == 1 ? "" : "s") + ": keep it, or give those annotations another class first")
                        .with("class", c.name());
            }
        }
        tx.executeWithoutResult(status -> {
            if (!events.update(changed, old.version())) {
                status.setRollbackOnly();
                throw preconditionFailed(events.findBySlug(slug).orElse(old));
            }
            audit.record(old.id(), subject.username(), "update", "event", slug, view(old), view(changed));
        });
        publisher.publishEvent(new EventChange(changed, false));
        return changed;
    }

    public void delete(Subject subject, String slug) {
        Event event = access.require(subject, slug, EventAction.DELETE);
        tx.executeWithoutResult(status -> {
            events.delete(event.id());
            audit.record(event.id(), subject.username(), "delete", "event", slug, view(event), null);
        });
        publisher.publishEvent(new EventChange(event, true));
    }

    private static ApiProblem preconditionFailed(Event current) {
        return new ApiProblem(
                        HttpStatus.PRECONDITION_FAILED,
                        null,
                        "event '" + current.slug() + "' was changed meanwhile: it is at version " + current.version())
                .with("currentVersion", current.version());
    }

    private Event validate(Event e) {
        if (e.title() == null || e.title().isBlank()) {
            throw ApiProblem.badRequest("title", "an event needs a title");
        }
        if (e.title().length() > 200) {
            throw ApiProblem.badRequest("title", "the title is longer than 200 characters");
        }
        if (e.start() != null && e.end() != null && e.end().isBefore(e.start())) {
            throw ApiProblem.badRequest("timeRange.end", "the time range ends before it starts");
        }
        Geometry aoi = e.areaOfInterest();
        if (aoi != null) {
            if (!aoi.isValid()) {
                throw ApiProblem.badRequest(
                        "areaOfInterest", "the area of interest is not a valid geometry (self-intersecting?)");
            }
            Envelope env = aoi.getEnvelopeInternal();
            if (env.getMinX() < -180 || env.getMaxX() > 180 || env.getMinY() < -90 || env.getMaxY() > 90) {
                throw ApiProblem.badRequest(
                        "areaOfInterest", "the area of interest must be in longitude, latitude (EPSG:4326) degrees");
            }
        }
        Set<String> names = new HashSet<>();
        List<LabelClass> classes = e.labelSchema().classes();
        for (int i = 0; i < classes.size(); i++) {
            LabelClass c = classes.get(i);
            String field = "labelSchema.classes[" + i + "]";
            if (c.name() == null || c.name().isBlank()) {
                throw ApiProblem.badRequest(field + ".name", "a class needs a name");
            }
            if (!names.add(c.name().toLowerCase(Locale.ROOT))) {
                throw ApiProblem.badRequest(field + ".name", "class '" + c.name() + "' is listed twice");
            }
            if (c.colour() == null || !COLOUR.matcher(c.colour()).matches()) {
                throw ApiProblem.badRequest(field + ".colour", "colour must be #rrggbb, got '" + c.colour() + "'");
            }
        }
        Set<String> tags = new HashSet<>();
        for (int i = 0; i < e.labelSchema().tags().size(); i++) {
            String t = e.labelSchema().tags().get(i);
            if (t == null || t.isBlank() || !tags.add(t)) {
                throw ApiProblem.badRequest("labelSchema.tags[" + i + "]", "tags must be distinct and not blank");
            }
        }
        return e;
    }

    private Geometry geometry(JsonNode geoJson) {
        if (geoJson == null || geoJson.isNull()) {
            return null;
        }
        try {
            Geometry g = new GeoJsonReader().read(json.writeValueAsString(geoJson));
            g.setSRID(4326);
            return g;
        } catch (ParseException | RuntimeException | com.fasterxml.jackson.core.JsonProcessingException e) {
            throw ApiProblem.badRequest("areaOfInterest", "not a GeoJSON geometry: " + e.getMessage());
        }
    }

    /** The event as the API shows it, for responses and the audit log. */
    public EventJson view(Event e) {
        return view(e, null);
    }

    public EventJson view(Event e, String role) {
        JsonNode aoi = null;
        if (e.areaOfInterest() != null) {
            try {
                GeoJsonWriter writer = new GeoJsonWriter();
                writer.setEncodeCRS(false);
                aoi = json.readTree(writer.write(e.areaOfInterest()));
            } catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
                throw new IllegalStateException(ex);
            }
        }
        return new EventJson(
                e.slug(),
                e.title(),
                e.description(),
                e.phenomenon(),
                e.start() == null && e.end() == null ? null : new EventJson.TimeRangeJson(e.start(), e.end()),
                aoi,
                e.keywords(),
                e.visibility(),
                e.labelSchema(),
                e.createdBy(),
                e.created(),
                e.updated(),
                e.version(),
                role,
                null);
    }
}
