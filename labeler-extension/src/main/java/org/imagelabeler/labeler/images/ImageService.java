package org.imagelabeler.labeler.images;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.imagelabeler.labeler.access.EventAccess;
import org.imagelabeler.labeler.access.EventAction;
import org.imagelabeler.labeler.audit.AuditLog;
import org.imagelabeler.labeler.events.Event;
import org.imagelabeler.labeler.teams.MembershipRepository;
import org.imagelabeler.platform.datadir.DataDirectory;
import org.imagelabeler.platform.rest.ApiProblem;
import org.imagelabeler.platform.rest.UploadStream;
import org.imagelabeler.platform.security.Subject;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An event's images: uploads stream to a temporary file, are checked, get their thumbnail (and,
 * for a GeoTIFF, a display copy), and only then are moved into place and recorded; a refused or
 * failed upload leaves neither file nor record. Files live under
 * {@code <data-dir>/blobs/labeler/images/<event id>/}.
 */
public class ImageService {

    static final int THUMBNAIL = 256;
    static final int DISPLAY = 2048;

    private final ImageRepository images;
    private final MembershipRepository members;
    private final EventAccess access;
    private final AuditLog audit;
    private final org.springframework.context.ApplicationEventPublisher publisher;
    private final TransactionTemplate tx;
    private final DataDirectory dataDir;
    private final long maxBytes;

    public ImageService(
            ImageRepository images,
            MembershipRepository members,
            EventAccess access,
            AuditLog audit,
            TransactionTemplate tx,
            DataDirectory dataDir,
            long maxBytes,
            org.springframework.context.ApplicationEventPublisher publisher) {
        this.images = images;
        this.members = members;
        this.access = access;
        this.audit = audit;
        this.tx = tx;
        this.dataDir = dataDir;
        this.maxBytes = maxBytes;
        this.publisher = publisher;
    }

    /** What an image's tags, status and assignee become; null fields stay as they are. */
    public record Change(ImageStatus status, String assignee, List<String> tags) {}

    public EventImage upload(Subject subject, String slug, InputStream body, String name, Instant acquired)
            throws IOException {
        Event event = access.require(subject, slug, EventAction.ADD_IMAGES);
        Path temp = temporary(event.id());
        try {
            UploadStream.copy(body, temp, maxBytes, null);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
        Map<String, Object> source = new LinkedHashMap<>();
        source.put("kind", "upload");
        source.put("filename", cleanName(name));
        return store(event, temp, name, source, acquired, subject.username());
    }

    /** A new temporary file in the event's image directory, for a file on its way in. */
    public Path temporary(String eventId) throws IOException {
        Path dir = directory(eventId);
        Files.createDirectories(dir);
        return dir.resolve(".tmp-" + UUID.randomUUID());
    }

    /**
     * Makes {@code temp} (in the event's directory, see {@link #temporary}) an image of the event:
     * checks it, writes its previews, moves it into place and records it with its provenance;
     * removes everything when any step fails.
     */
    public EventImage store(
            Event event, Path temp, String name, Map<String, Object> source, Instant acquired, String user)
            throws IOException {
        Path dir = directory(event.id());
        String id = UUID.randomUUID().toString();
        Path thumb = dir.resolve(id + ".thumb.png");
        Path display = dir.resolve(id + ".display.png");
        Path file = null;
        try {
            long size = Files.size(temp);
            ImageInspector.Inspection found = ImageInspector.inspect(temp, DISPLAY);
            writePng(scale(found.picture(), THUMBNAIL), thumb);
            if (found.georeference() != null) {
                writePng(found.picture(), display);
            }
            String sha256 = sha256(temp);
            file = dir.resolve(id + extension(found.mediaType()));
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
            Instant now = Instant.now();
            EventImage image = new EventImage(
                    id,
                    event.id(),
                    cleanName(name),
                    found.mediaType(),
                    found.width(),
                    found.height(),
                    size,
                    sha256,
                    dataDir.root().relativize(file).toString(),
                    found.georeference(),
                    ImageStatus.UNLABELED,
                    null,
                    null,
                    List.of(),
                    source,
                    acquired,
                    user,
                    now,
                    now,
                    1);
            tx.executeWithoutResult(status -> {
                publisher.publishEvent(new ImagesChanged(event.id()));
                images.insert(image);
                audit.record(event.id(), user, "add", "image", id, null, summary(image));
            });
            return image;
        } catch (IOException | RuntimeException e) {
            for (Path p : new Path[] {temp, thumb, display, file}) {
                if (p != null) {
                    Files.deleteIfExists(p);
                }
            }
            throw e;
        }
    }

    /**
     * Changes status, assignee or tags. Labelers set the labeling states and tags; accepting
     * and rejecting is for reviewers; assigning is for owners and managers, to team members.
     */
    public EventImage change(Subject subject, String slug, String id, Change c, Integer ifMatch) {
        Event event = access.require(subject, slug, EventAction.READ);
        EventImage old = images.find(event.id(), id).orElseThrow(() -> ApiProblem.notFound("no image " + id));
        if (c.status() != null && c.status() != old.status()) {
            require(subject, event, c.status().isReview() ? EventAction.REVIEW : EventAction.ANNOTATE);
        }
        if (c.tags() != null) {
            require(subject, event, EventAction.ANNOTATE);
            for (int i = 0; i < c.tags().size(); i++) {
                if (!event.labelSchema().tags().contains(c.tags().get(i))) {
                    throw ApiProblem.badRequest(
                            "tags[" + i + "]",
                            "'" + c.tags().get(i) + "' is not a tag of this event: "
                                    + event.labelSchema().tags());
                }
            }
        }
        if (c.assignee() != null) {
            require(subject, event, EventAction.MANAGE_TEAM);
            if (!c.assignee().isEmpty()
                    && members.find(event.id(), c.assignee()).isEmpty()) {
                throw ApiProblem.badRequest("assignee", "'" + c.assignee() + "' is not in the event's team");
            }
        }
        if (ifMatch != null && ifMatch != old.version()) {
            throw preconditionFailed(old);
        }
        EventImage changed = old.withWorkflow(
                c.status() != null ? c.status() : old.status(),
                c.assignee() == null ? old.assignee() : c.assignee().isEmpty() ? null : c.assignee(),
                c.status() == ImageStatus.LABELED && old.status() != ImageStatus.LABELED
                        ? subject.username()
                        : old.labeledBy(),
                c.tags() != null ? List.copyOf(new java.util.LinkedHashSet<>(c.tags())) : old.tags(),
                Instant.now());
        tx.executeWithoutResult(status -> {
            publisher.publishEvent(new ImagesChanged(event.id()));
            if (!images.update(changed, old.version())) {
                status.setRollbackOnly();
                throw preconditionFailed(images.find(event.id(), id).orElse(old));
            }
            audit.record(event.id(), subject.username(), "update", "image", id, summary(old), summary(changed));
        });
        return changed;
    }

    /** A reviewer's decision on a labeled image. */
    public record Review(String decision, String comment) {}

    /**
     * Accepts or rejects the labels of a labeled image, with a comment kept in its history. A
     * rejected image goes back to the labeler who labeled it.
     */
    public EventImage review(Subject subject, String slug, String id, Review r) {
        Event event = access.require(subject, slug, EventAction.REVIEW);
        EventImage old = images.find(event.id(), id).orElseThrow(() -> ApiProblem.notFound("no image " + id));
        String decision = r == null || r.decision() == null ? "" : r.decision().toLowerCase(java.util.Locale.ROOT);
        if (!decision.equals("accept") && !decision.equals("reject")) {
            throw ApiProblem.badRequest("decision", "decision must be accept or reject");
        }
        if (old.status() != ImageStatus.LABELED) {
            throw ApiProblem.conflict(
                    "image " + id + " is " + old.status().json() + ": only labeled images are reviewed");
        }
        boolean accept = decision.equals("accept");
        EventImage reviewed = old.withWorkflow(
                accept ? ImageStatus.ACCEPTED : ImageStatus.REJECTED,
                accept || old.labeledBy() == null ? old.assignee() : old.labeledBy(),
                old.labeledBy(),
                old.tags(),
                Instant.now());
        Map<String, Object> after = summary(reviewed);
        after.put("comment", r.comment());
        tx.executeWithoutResult(status -> {
            publisher.publishEvent(new ImagesChanged(event.id()));
            if (!images.update(reviewed, old.version())) {
                status.setRollbackOnly();
                throw preconditionFailed(images.find(event.id(), id).orElse(old));
            }
            audit.record(event.id(), subject.username(), decision, "image", id, summary(old), after);
        });
        return reviewed;
    }

    public void delete(Subject subject, String slug, String id) throws IOException {
        Event event = access.require(subject, slug, EventAction.UPDATE);
        EventImage image = images.find(event.id(), id).orElseThrow(() -> ApiProblem.notFound("no image " + id));
        tx.executeWithoutResult(status -> {
            publisher.publishEvent(new ImagesChanged(event.id()));
            images.delete(id);
            audit.record(event.id(), subject.username(), "delete", "image", id, summary(image), null);
        });
        Path dir = directory(event.id());
        Files.deleteIfExists(dataDir.root().resolve(image.filePath()));
        Files.deleteIfExists(dir.resolve(id + ".thumb.png"));
        Files.deleteIfExists(dir.resolve(id + ".display.png"));
    }

    /** The files of an image a caller may read: original, thumbnail or display copy. */
    public Path file(EventImage image, String which) {
        Path dir = directory(image.eventId());
        return switch (which) {
            case "thumbnail" -> dir.resolve(image.id() + ".thumb.png");
            case "display" ->
                image.georeference() != null
                        ? dir.resolve(image.id() + ".display.png")
                        : dataDir.root().resolve(image.filePath());
            default -> dataDir.root().resolve(image.filePath());
        };
    }

    private void require(Subject subject, Event event, EventAction action) {
        if (!access.can(subject, event, action)) {
            throw ApiProblem.forbidden("your role in event '" + event.slug() + "' does not allow "
                    + action.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '));
        }
    }

    private Path directory(String eventId) {
        return dataDir.blobs().resolve("labeler").resolve("images").resolve(eventId);
    }

    private static ApiProblem preconditionFailed(EventImage current) {
        return new ApiProblem(
                        HttpStatus.PRECONDITION_FAILED,
                        null,
                        "image " + current.id() + " was changed meanwhile: it is at version " + current.version())
                .with("currentVersion", current.version());
    }

    /** What the audit log keeps of an image: the labeling facts, not the pixels. */
    static Map<String, Object> summary(EventImage i) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", i.id());
        m.put("name", i.name());
        m.put("status", i.status().json());
        m.put("assignee", i.assignee());
        m.put("labeledBy", i.labeledBy());
        m.put("tags", i.tags());
        m.put("version", i.version());
        return m;
    }

    private static String extension(String mediaType) {
        return switch (mediaType) {
            case ImageInspector.PNG -> ".png";
            case ImageInspector.JPEG -> ".jpg";
            default -> ".tif";
        };
    }

    private static String cleanName(String name) {
        if (name == null || name.isBlank()) {
            return "image";
        }
        String base = name.replace('\\', '/');
        base = base.substring(base.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}]", "");
        return base.length() > 255 ? base.substring(0, 255) : base;
    }

    private static BufferedImage scale(BufferedImage image, int maxSide) {
        double s = Math.min(1, maxSide / (double) Math.max(image.getWidth(), image.getHeight()));
        int w = Math.max(1, (int) Math.round(image.getWidth() * s));
        int h = Math.max(1, (int) Math.round(image.getHeight() * s));
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        var g = out.createGraphics();
        g.setRenderingHint(
                java.awt.RenderingHints.KEY_INTERPOLATION, java.awt.RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(image, 0, 0, w, h, null);
        g.dispose();
        return out;
    }

    private static void writePng(BufferedImage image, Path target) throws IOException {
        Path temp = target.resolveSibling(".tmp-" + target.getFileName());
        try {
            if (!ImageIO.write(image, "png", temp.toFile())) {
                throw new UncheckedIOException(new IOException("no PNG writer"));
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            int n;
            while ((n = in.read(buffer)) > 0) {
                sha.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
