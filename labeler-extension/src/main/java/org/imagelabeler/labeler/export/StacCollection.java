package org.imagelabeler.labeler.export;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.imagelabeler.labeler.events.Event;
import org.locationtech.jts.geom.Envelope;

/**
 * The event as a STAC Collection. It grows with each image (extent, times, class counts, tasks)
 * and is written last; the item stems wait in a work file rather than in memory.
 */
final class StacCollection implements Closeable {

    private final ExportContext context;
    private final Path stems;
    private final BufferedWriter stemWriter;
    private final Envelope footprints = new Envelope();
    private final Map<String, Long> counts = new LinkedHashMap<>();
    private final Set<String> tasks = new LinkedHashSet<>();
    private Instant firstAcquired;
    private Instant lastAcquired;
    private Instant firstItem;
    private Instant lastItem;

    StacCollection(ExportContext context) throws IOException {
        this.context = context;
        this.stems = Files.createTempFile(context.workDirectory(), "stac-items", ".txt");
        this.stemWriter = Files.newBufferedWriter(stems, StandardCharsets.UTF_8);
        context.classes().forEach(c -> counts.put(c.name(), 0L));
    }

    void add(ExportImage image, LabelTally tally) throws IOException {
        stemWriter.write(image.stem());
        stemWriter.write('\n');
        if (image.image().georeference() != null) {
            footprints.expandToInclude(image.image().georeference().footprint().getEnvelopeInternal());
        }
        Instant acquired = image.image().acquired();
        if (acquired != null) {
            firstAcquired = min(firstAcquired, acquired);
            lastAcquired = max(lastAcquired, acquired);
        }
        Instant datetime = StacItems.datetime(image);
        if (datetime != null) {
            firstItem = min(firstItem, datetime);
            lastItem = max(lastItem, datetime);
        }
        tally.counts().forEach((name, count) -> counts.merge(name, (long) count, Long::sum));
        tasks.addAll(tally.tasks());
    }

    void write(ExportArchive archive, String name) throws IOException {
        stemWriter.close();
        ObjectNode head = head();
        try (OutputStream out = archive.entry(name);
                JsonGenerator json = ArchiveJson.generator(out);
                BufferedReader lines = Files.newBufferedReader(stems, StandardCharsets.UTF_8)) {
            json.writeStartObject();
            for (Map.Entry<String, JsonNode> field : head.properties()) {
                json.writeFieldName(field.getKey());
                json.writeTree(field.getValue());
            }
            json.writeArrayFieldStart("links");
            json.writeTree(link(
                    "root", "./collection.json", StacItems.JSON, context.event().title()));
            for (String stem = lines.readLine(); stem != null; stem = lines.readLine()) {
                json.writeTree(link("item", "./items/" + stem + ".json", StacItems.JSON, null));
                json.writeTree(link("item", "./items/" + stem + "-labels.json", StacItems.JSON, null));
            }
            json.writeEndArray();
            json.writeEndObject();
            json.flush();
            out.write('\n');
        }
    }

    /**
     * Everything but the links. No {@code self} link: STAC wants it absolute, and a catalog that
     * can be moved has none (STAC's "self-contained" catalog); {@code root} locates it.
     */
    private ObjectNode head() {
        Event event = context.event();
        ObjectNode c = ArchiveJson.object().put("type", "Collection").put("stac_version", StacItems.STAC_VERSION);
        c.putArray("stac_extensions").add(StacItems.LABEL_EXTENSION);
        c.put("id", event.slug());
        c.put("title", event.title());
        c.put("description", description(event));
        if (!event.keywords().isEmpty()) {
            ArrayNode keywords = c.putArray("keywords");
            event.keywords().forEach(keywords::add);
        }
        // the event carries no licence; STAC's word for "ask the owner" is proprietary
        c.put("license", "proprietary");
        ObjectNode extent = c.putObject("extent");
        extent.putObject("spatial").putArray("bbox").add(ArchiveJson.bbox(spatialExtent(event)));
        extent.putObject("temporal").putArray("interval").add(interval(event));
        c.set("summaries", summaries());
        return c;
    }

    /** The union of the footprints, else the event's area of interest, else the world. */
    private Envelope spatialExtent(Event event) {
        if (!footprints.isNull()) {
            return footprints;
        }
        if (event.areaOfInterest() != null && !event.areaOfInterest().isEmpty()) {
            return event.areaOfInterest().getEnvelopeInternal();
        }
        return new Envelope(-180, 180, -90, 90);
    }

    /**
     * When the pictures were taken, else the event's time range, else when the items' pictures were
     * added; an open end is null.
     */
    private ArrayNode interval(Event event) {
        Instant start = firstAcquired;
        Instant end = lastAcquired;
        if (start == null && (event.start() != null || event.end() != null)) {
            start = event.start();
            end = event.end();
        } else if (start == null) {
            start = firstItem != null ? firstItem : event.created();
            end = lastItem;
        }
        ArrayNode interval = ArchiveJson.array();
        interval.add(start == null ? null : start.toString());
        interval.add(end == null ? null : end.toString());
        return interval;
    }

    private ObjectNode summaries() {
        ObjectNode s = ArchiveJson.object();
        ArrayNode names = ArchiveJson.array();
        counts.keySet().forEach(names::add);
        s.putArray("label:classes").addObject().put("name", "class").set("classes", names);
        s.putArray("label:type").add("vector");
        ArrayNode t = s.putArray("label:tasks");
        tasks.forEach(t::add);
        s.putArray("label:methods").add("manual");
        ArrayNode totals = ArchiveJson.array();
        counts.forEach((name, count) -> totals.addObject().put("name", name).put("count", count));
        s.putArray("label:overviews").addObject().put("property_key", "class").set("counts", totals);
        return s;
    }

    private static String description(Event event) {
        if (event.description() != null && !event.description().isBlank()) {
            return event.description();
        }
        return "Images and labels of the event '" + event.title() + "', exported from ImageLabeler.";
    }

    private static ObjectNode link(String rel, String href, String type, String title) {
        ObjectNode link = ArchiveJson.object().put("rel", rel).put("href", href).put("type", type);
        if (title != null) {
            link.put("title", title);
        }
        return link;
    }

    private static Instant min(Instant a, Instant b) {
        return a == null || b.isBefore(a) ? b : a;
    }

    private static Instant max(Instant a, Instant b) {
        return a == null || b.isAfter(a) ? b : a;
    }

    @Override
    public void close() throws IOException {
        stemWriter.close();
        Files.deleteIfExists(stems);
    }
}
