package org.imagelabeler.labeler.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.imagelabeler.labeler.annotations.Annotation;
import org.imagelabeler.labeler.events.Event;
import org.imagelabeler.labeler.events.EventRepository;
import org.imagelabeler.labeler.images.ImageService;
import org.imagelabeler.platform.datadir.DataDirectory;
import org.imagelabeler.platform.jobs.JobContext;
import org.imagelabeler.platform.jobs.JobHandler;

/**
 * Writes an export's archive ({@code labeler.export} jobs): the selection is read once, each
 * image file and each format's per-image files go into a zip on disk as they come, and the zip
 * takes its final name only when complete. A failed or cancelled export leaves no file behind.
 */
public final class ExportJob implements JobHandler {

    public static final String TYPE = "labeler.export";

    private final ExportRepository exports;
    private final EventRepository events;
    private final ExportSelection selection;
    private final DatasetFormats formats;
    private final ImageService images;
    private final DataDirectory dataDir;
    private final ObjectMapper json = new ObjectMapper();

    public ExportJob(
            ExportRepository exports,
            EventRepository events,
            org.imagelabeler.labeler.images.ImageRepository imageRepository,
            org.imagelabeler.labeler.annotations.AnnotationRepository annotations,
            DatasetFormats formats,
            ImageService images,
            DataDirectory dataDir) {
        this.exports = exports;
        this.events = events;
        this.selection = new ExportSelection(imageRepository, annotations);
        this.formats = formats;
        this.images = images;
        this.dataDir = dataDir;
    }

    /** The job's parameters: which export to write. */
    public record Parameters(String exportId) {}

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String run(JobContext context) throws Exception {
        String id = json.readValue(context.parameters(), Parameters.class).exportId();
        Export export = exports.find(id).orElseThrow(() -> new IllegalStateException("no export " + id));
        Event event = events.findById(export.eventId())
                .orElseThrow(() -> new IllegalStateException("the event of export " + id + " is gone"));
        ExportOptions options =
                json.readValue(export.options(), ExportRequest.class).options(event, formats.ids());
        Path dir = directory(event.id());
        Files.createDirectories(dir);
        Path temp = dir.resolve(".tmp-" + id + ".zip");
        Path work = Files.createDirectories(dir.resolve(".work-" + id));
        Path target = dir.resolve(id + ".zip");
        List<FormatWriter> writers = new ArrayList<>();
        // every image's provenance in one file too, for formats with no room for it (YOLO)
        Path provenanceFile = work.resolve("provenance.jsonl");
        com.fasterxml.jackson.core.JsonGenerator provenance = ArchiveJson.lines(provenanceFile);
        int[] counts = new int[2];
        try {
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(temp), 1 << 16);
                    ExportArchive archive = new ExportArchive(out)) {
                for (String format : options.formats()) {
                    Path own = Files.createDirectories(work.resolve(format));
                    writers.add(formats.get(format).open(new ExportContext(event, options, archive, own)));
                }
                long total = Math.max(1, selection.candidates(event, options));
                String extension =
                        switch (options.imageFormat()) {
                            case "png" -> "png";
                            case "jpeg" -> "jpg";
                            default -> null;
                        };
                selection.read(event, options, extension, new ExportSelection.Visitor() {
                    @Override
                    public void shape(Annotation shape) throws IOException {
                        for (FormatWriter w : writers) {
                            w.shape(shape);
                        }
                    }

                    @Override
                    public boolean image(ExportImage image) throws IOException {
                        context.checkCancelled();
                        copy(image, options, archive);
                        provenance.writeObject(Map.of(
                                "file", image.path(),
                                "split", image.split(),
                                "imageId", image.image().id(),
                                "source", image.provenance()));
                        provenance.writeRaw('\n');
                        for (FormatWriter w : writers) {
                            w.image(image);
                        }
                        counts[0]++;
                        counts[1] += image.annotations().size();
                        context.progress((int) Math.min(95, 95L * counts[0] / total), counts[0] + " images written");
                        return true;
                    }
                });
                context.checkCancelled();
                context.progress(96, "finishing " + String.join(", ", options.formats()));
                for (FormatWriter w : writers) {
                    w.finish();
                }
                provenance.close();
                archive.file("provenance.jsonl", provenanceFile);
                archive.text("export.json", manifest(event, export, options, counts));
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            Export written = export.written(
                    dataDir.root().relativize(target).toString(), Files.size(target), counts[0], counts[1]);
            exports.written(written);
            return json.writeValueAsString(
                    Map.of("export", id, "images", counts[0], "annotations", counts[1], "bytes", written.bytes()));
        } finally {
            provenance.close();
            for (FormatWriter w : writers) {
                try {
                    w.close();
                } catch (IOException | RuntimeException ignored) {
                    // the work directory goes below in any case
                }
            }
            Files.deleteIfExists(temp);
            delete(work);
        }
    }

    /** The image file: as stored, or re-encoded as PNG or JPEG (same size: labels stay valid). */
    private void copy(ExportImage image, ExportOptions options, ExportArchive archive) throws IOException {
        Path source = images.file(image.image(), "file");
        if (options.imageFormat().equals("original")) {
            archive.stored(image.path(), source);
            return;
        }
        BufferedImage picture = ImageIO.read(source.toFile());
        if (picture == null) {
            throw new IOException("image " + image.image().id() + " cannot be re-encoded as " + options.imageFormat());
        }
        if (options.imageFormat().equals("jpeg") && picture.getColorModel().hasAlpha()) {
            BufferedImage rgb = new BufferedImage(picture.getWidth(), picture.getHeight(), BufferedImage.TYPE_INT_RGB);
            rgb.createGraphics().drawImage(picture, 0, 0, java.awt.Color.WHITE, null);
            picture = rgb;
        }
        try (OutputStream out = archive.entry(image.path())) {
            ImageIO.write(picture, options.imageFormat().equals("png") ? "png" : "jpeg", out);
        }
    }

    /** What the archive holds; no timestamp of the export itself, so that it is reproducible. */
    private String manifest(Event event, Export export, ExportOptions options, int[] counts) throws IOException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("event", Map.of("slug", event.slug(), "title", event.title(), "version", event.version()));
        m.put("request", json.readTree(export.options()));
        m.put("formats", options.formats());
        m.put("images", counts[0]);
        m.put("annotations", counts[1]);
        m.put(
                "classes",
                event.labelSchema().classes().stream().map(c -> c.name()).toList());
        return json.writerWithDefaultPrettyPrinter().writeValueAsString(m);
    }

    Path directory(String eventId) {
        return dataDir.root().resolve("exports").resolve(eventId);
    }

    private static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
