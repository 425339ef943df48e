package org.imagelabeler.labeler.export;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.imagelabeler.labeler.annotations.Annotation;
import org.imagelabeler.labeler.events.LabelClass;
import org.locationtech.jts.geom.Envelope;

/**
 * COCO detection and segmentation: {@code annotations/instances_<split>.json} per split, with
 * {@code file_name} relative to the archive's root ({@code images/train/x.png}). Category ids are
 * the schema's classes from 1; image and annotation ids count from 1 in export order. Boxes are
 * {@code [x, y, width, height]} from the top-left corner; polygons give their outer ring as
 * segmentation (COCO polygons have no holes; {@code area} is the true area, holes removed). Each
 * image carries its provenance in {@code labeler_source}. The images and annotations of a split
 * are spooled to work files as they come, and joined at the end.
 */
public final class CocoFormat implements DatasetFormat {

    private static final List<String> SPLITS = List.of("train", "val", "test");

    @Override
    public String id() {
        return "coco";
    }

    @Override
    public FormatWriter open(ExportContext context) throws IOException {
        return new Writer(context);
    }

    private static final class Writer implements FormatWriter {

        private final ExportContext context;
        private final ObjectMapper json = new ObjectMapper();
        private final JsonFactory factory = new JsonFactory();
        private final Map<String, JsonGenerator> images = new LinkedHashMap<>();
        private final Map<String, JsonGenerator> annotations = new LinkedHashMap<>();
        private int imageId;
        private int annotationId;

        Writer(ExportContext context) throws IOException {
            this.context = context;
            for (String split : SPLITS) {
                images.put(split, spool(split + "-images.json"));
                annotations.put(split, spool(split + "-annotations.json"));
            }
        }

        private JsonGenerator spool(String name) throws IOException {
            JsonGenerator g = factory.createGenerator(
                    context.workDirectory().resolve(name).toFile(), JsonEncoding.UTF8);
            g.setCodec(json);
            g.writeStartArray();
            return g;
        }

        @Override
        public void image(ExportImage image) throws IOException {
            int id = ++imageId;
            JsonGenerator g = images.get(image.split());
            g.writeStartObject();
            g.writeNumberField("id", id);
            g.writeStringField("file_name", image.path());
            g.writeNumberField("width", image.width());
            g.writeNumberField("height", image.height());
            if (image.image().acquired() != null) {
                g.writeStringField("date_captured", image.image().acquired().toString());
            }
            g.writeObjectField("labeler_source", image.provenance());
            g.writeObjectField("tags", image.image().tags());
            g.writeEndObject();
            JsonGenerator a = annotations.get(image.split());
            for (Annotation label : image.annotations()) {
                Envelope box = PixelGeometry.box(label.pixels());
                a.writeStartObject();
                a.writeNumberField("id", ++annotationId);
                a.writeNumberField("image_id", id);
                a.writeNumberField("category_id", context.classIndex(label.className()) + 1);
                a.writeArrayFieldStart("bbox");
                a.writeNumber(box.getMinX());
                a.writeNumber(box.getMinY());
                a.writeNumber(box.getWidth());
                a.writeNumber(box.getHeight());
                a.writeEndArray();
                double[] ring = PixelGeometry.ring(label.pixels());
                a.writeArrayFieldStart("segmentation");
                a.writeArray(ring, 0, ring.length);
                a.writeEndArray();
                a.writeNumberField("area", label.pixels().getArea());
                a.writeNumberField("iscrowd", 0);
                a.writeStringField("labeler_id", label.id());
                a.writeStringField("labeler_shape", label.shape().name().toLowerCase(java.util.Locale.ROOT));
                if (!label.attributes().isEmpty()) {
                    a.writeObjectField("attributes", label.attributes());
                }
                a.writeEndObject();
            }
        }

        @Override
        public void finish() throws IOException {
            for (String split : SPLITS) {
                JsonGenerator i = images.remove(split);
                i.writeEndArray();
                i.close();
                JsonGenerator a = annotations.remove(split);
                a.writeEndArray();
                a.close();
                try (OutputStream out = context.archive().entry("annotations/instances_" + split + ".json")) {
                    JsonGenerator head = factory.createGenerator(out);
                    head.setCodec(json);
                    head.writeStartObject();
                    head.writeObjectFieldStart("info");
                    head.writeStringField("description", context.event().title());
                    head.writeStringField("url", "");
                    head.writeStringField(
                            "version", String.valueOf(context.event().version()));
                    head.writeNumberField(
                            "year",
                            context.event()
                                    .updated()
                                    .atZone(java.time.ZoneOffset.UTC)
                                    .getYear());
                    head.writeStringField(
                            "contributor",
                            "ImageLabeler event " + context.event().slug());
                    head.writeStringField(
                            "date_created", context.event().updated().toString());
                    head.writeEndObject();
                    head.writeArrayFieldStart("licenses");
                    head.writeEndArray();
                    head.writeArrayFieldStart("categories");
                    List<LabelClass> classes = context.classes();
                    for (int c = 0; c < classes.size(); c++) {
                        head.writeStartObject();
                        head.writeNumberField("id", c + 1);
                        head.writeStringField("name", classes.get(c).name());
                        head.writeStringField("supercategory", context.event().slug());
                        head.writeEndObject();
                    }
                    head.writeEndArray();
                    head.writeFieldName("images");
                    head.writeRaw(':');
                    head.flush();
                    Files.copy(work(split + "-images.json"), out);
                    head.writeRaw(",\"annotations\":");
                    head.flush();
                    Files.copy(work(split + "-annotations.json"), out);
                    head.writeRaw('}');
                    head.flush();
                }
            }
        }

        private Path work(String name) {
            return context.workDirectory().resolve(name);
        }

        @Override
        public void close() throws IOException {
            for (JsonGenerator g : images.values()) {
                g.close();
            }
            for (JsonGenerator g : annotations.values()) {
                g.close();
            }
        }
    }
}
