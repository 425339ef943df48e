package org.imagelabeler.labeler.export;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The image-level tags as CSV (RFC 4180, UTF-8): {@code tags.csv}, one row per image with its
 * file, split, status, acquisition time, source and tags ({@code ;}-separated), and one 0/1
 * column per tag of the event's schema, for classification training.
 */
public final class TagsCsvFormat implements DatasetFormat {

    @Override
    public String id() {
        return "csv";
    }

    @Override
    public FormatWriter open(ExportContext context) throws IOException {
        Path spool = context.workDirectory().resolve("tags.csv");
        List<String> schemaTags = context.event().labelSchema().tags();
        Writer out = Files.newBufferedWriter(spool, StandardCharsets.UTF_8);
        StringBuilder header = new StringBuilder("image_id,file,split,status,acquired,source,tags");
        for (String t : schemaTags) {
            header.append(',').append(cell(t));
        }
        out.write(header.append("\r\n").toString());
        return new FormatWriter() {
            @Override
            public void image(ExportImage image) throws IOException {
                StringBuilder row = new StringBuilder();
                row.append(cell(image.image().id())).append(',');
                row.append(cell(image.path())).append(',');
                row.append(image.split()).append(',');
                row.append(image.image().status().json()).append(',');
                row.append(
                                image.image().acquired() == null
                                        ? ""
                                        : image.image().acquired().toString())
                        .append(',');
                row.append(cell(String.valueOf(image.provenance().getOrDefault("kind", ""))))
                        .append(',');
                row.append(cell(String.join(";", image.image().tags())));
                for (String t : schemaTags) {
                    row.append(',').append(image.image().tags().contains(t) ? '1' : '0');
                }
                out.write(row.append("\r\n").toString());
            }

            @Override
            public void finish() throws IOException {
                out.close();
                context.archive().file("tags.csv", spool);
            }

            @Override
            public void close() throws IOException {
                out.close();
            }
        };
    }

    /** A CSV field, quoted when it holds a comma, a quote or a line break. */
    private static String cell(String value) {
        if (value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")) {
            return "\"" + value.replace("\"", "\"\"") + "\"";
        }
        return value;
    }
}
