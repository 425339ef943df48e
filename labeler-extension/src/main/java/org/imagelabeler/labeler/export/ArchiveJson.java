package org.imagelabeler.labeler.export;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.geojson.GeoJsonWriter;

/**
 * JSON files of an export: indented with {@code \n} line ends whatever the platform, map keys
 * sorted (provenance maps have no stable order of their own) and instants in ISO-8601, so that the
 * same dataset gives the same bytes.
 */
final class ArchiveJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
            .build();

    private static final ObjectWriter INDENTED = MAPPER.writer(new DefaultPrettyPrinter(
                    Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER))
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(new DefaultIndenter("  ", "\n")));

    private static final ObjectWriter COMPACT = MAPPER.writer();

    private ArchiveJson() {}

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    static ArrayNode array() {
        return MAPPER.createArrayNode();
    }

    /** Compact JSON text of a value (a database column's tags, attributes, provenance), keys sorted. */
    static String text(Object value) {
        try {
            return COMPACT.writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A map (provenance, attributes) as JSON, keys sorted at every level. */
    static JsonNode tree(Map<String, Object> value) {
        return MAPPER.valueToTree(value);
    }

    /** A geometry as GeoJSON: rings counter-clockwise as RFC 7946 asks, 8 decimals (about 1 mm in degrees). */
    static JsonNode geometry(Geometry geometry) {
        GeoJsonWriter writer = new GeoJsonWriter(8);
        writer.setEncodeCRS(false);
        writer.setForceCCW(true);
        try {
            return MAPPER.readTree(writer.write(geometry));
        } catch (IOException e) {
            throw new IllegalStateException("cannot encode a geometry as GeoJSON", e);
        }
    }

    /** A GeoJSON bbox: west, south, east, north. */
    static ArrayNode bbox(Envelope e) {
        return array().add(e.getMinX()).add(e.getMinY()).add(e.getMaxX()).add(e.getMaxY());
    }

    /** An entry holding a document, indented for people who open it. */
    static void write(ExportArchive archive, String name, JsonNode document) throws IOException {
        try (OutputStream out = archive.entry(name)) {
            INDENTED.writeValue(out, document);
            out.write('\n');
        }
    }

    /** An entry holding a document on one line: data files (GeoJSON labels) rather than metadata. */
    static void writeCompact(ExportArchive archive, String name, JsonNode document) throws IOException {
        try (OutputStream out = archive.entry(name)) {
            COMPACT.writeValue(out, document);
        }
    }

    /** A streaming writer for documents too long to hold (a collection's item links). */
    /** A generator for a JSON Lines file: compact values, keys sorted; the caller ends each line. */
    static JsonGenerator lines(java.nio.file.Path file) throws IOException {
        JsonGenerator g =
                MAPPER.getFactory().createGenerator(file.toFile(), com.fasterxml.jackson.core.JsonEncoding.UTF8);
        g.setRootValueSeparator(null);
        return g;
    }

    static JsonGenerator generator(OutputStream out) throws IOException {
        return INDENTED.createGenerator(out);
    }
}
