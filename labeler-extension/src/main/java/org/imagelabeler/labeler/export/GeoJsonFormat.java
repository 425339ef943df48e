package org.imagelabeler.labeler.export;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import org.imagelabeler.labeler.annotations.Annotation;
import org.imagelabeler.platform.feature.GeoJsonGeometry;

/**
 * GeoJSON (RFC 7946, longitude and latitude in WGS 84): {@code geojson/labels.geojson}, one
 * feature per map shape and per label of a georeferenced image (its geographic geometry), with
 * class, event, author, created, image id, image status, split and the image's provenance. Labels
 * of plain pictures have no place on Earth and are left out. Features are spooled as they come.
 */
public final class GeoJsonFormat implements DatasetFormat {

    @Override
    public String id() {
        return "geojson";
    }

    @Override
    public FormatWriter open(ExportContext context) throws IOException {
        Path spool = context.workDirectory().resolve("labels.geojson");
        ObjectMapper json = new ObjectMapper();
        JsonGenerator g = new JsonFactory().createGenerator(spool.toFile(), JsonEncoding.UTF8);
        g.setCodec(json);
        g.writeStartObject();
        g.writeStringField("type", "FeatureCollection");
        g.writeStringField("name", context.event().slug());
        g.writeArrayFieldStart("features");
        return new FormatWriter() {
            @Override
            public void shape(Annotation shape) throws IOException {
                feature(shape, null);
            }

            @Override
            public void image(ExportImage image) throws IOException {
                if (image.image().georeference() == null) {
                    return;
                }
                for (Annotation a : image.annotations()) {
                    if (a.geographic() != null) {
                        feature(a, image);
                    }
                }
            }

            private void feature(Annotation a, ExportImage image) throws IOException {
                g.writeStartObject();
                g.writeStringField("type", "Feature");
                g.writeStringField("id", a.id());
                g.writeFieldName("geometry");
                GeoJsonGeometry.write(g, a.geographic());
                g.writeObjectFieldStart("properties");
                g.writeStringField("class", a.className());
                g.writeStringField("shape", a.shape().name().toLowerCase(Locale.ROOT));
                g.writeStringField("event", context.event().slug());
                g.writeStringField("author", a.author());
                g.writeStringField("created", a.created().toString());
                g.writeStringField("source", image == null ? "map" : "image");
                if (image != null) {
                    g.writeStringField("image_id", image.image().id());
                    g.writeStringField("image_file", image.path());
                    g.writeStringField("status", image.image().status().json());
                    g.writeStringField("split", image.split());
                    g.writeObjectField("provenance", image.provenance());
                } else if (a.imageId() != null) {
                    g.writeStringField("image_id", a.imageId());
                }
                if (!a.attributes().isEmpty()) {
                    g.writeObjectField("attributes", a.attributes());
                }
                g.writeEndObject();
                g.writeEndObject();
            }

            @Override
            public void finish() throws IOException {
                g.writeEndArray();
                g.writeEndObject();
                g.close();
                context.archive().file("geojson/labels.geojson", spool);
            }

            @Override
            public void close() throws IOException {
                g.close();
            }
        };
    }
}
