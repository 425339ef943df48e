package org.imagelabeler.labeler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.stream.Stream;
import org.imagelabeler.labeler.events.EventRepository;
import org.imagelabeler.labeler.export.Export;
import org.imagelabeler.labeler.export.ExportJob;
import org.imagelabeler.labeler.export.ExportRepository;
import org.imagelabeler.platform.jobs.JobContext;
import org.imagelabeler.platform.raster.Gdal;
import org.imagelabeler.platform.testing.RestClient.Auth;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

/** A cancelled export leaves nothing: no archive, no partial file, no work files. */
class ExportCancellationTest extends LabelerServerTestBase {

    @Autowired
    ExportJob job;

    @Autowired
    ExportRepository exports;

    @Autowired
    EventRepository events;

    @TempDir
    Path files;

    @Test
    void aCancelledExportLeavesNoFileBehind() throws Exception {
        Auth owner = user("cancel-owner");
        String slug = "cancel-" + UUID.randomUUID().toString().substring(0, 8);
        client.post("/rest/labeler/events", "{\"slug\":\"" + slug + "\",\"title\":\"Cancelled\"}", owner);
        Path png = Gdal.picture(files);
        for (int i = 0; i < 3; i++) {
            var r = client.send(client.request("/rest/labeler/events/" + slug + "/images?name=p" + i + ".png", owner)
                    .POST(HttpRequest.BodyPublishers.ofFile(png)));
            assertThat(r.status()).isEqualTo(201);
        }
        String eventId = events.findBySlug(slug).orElseThrow().id();
        String id = UUID.randomUUID().toString();
        String jobId = UUID.randomUUID().toString();
        Instant now = Instant.now();
        exports.insert(new Export(
                id,
                eventId,
                jobId,
                "{\"formats\":[\"coco\",\"yolo\",\"geojson\"],\"include\":\"all\"}",
                null,
                null,
                null,
                null,
                "cancel-owner",
                now,
                now.plusSeconds(3600)));
        // cancelled once the second image is written: the archive is half done
        int[] images = new int[1];
        JobContext context = new JobContext() {
            @Override
            public String jobId() {
                return jobId;
            }

            @Override
            public String owner() {
                return "cancel-owner";
            }

            @Override
            public String parameters() {
                return "{\"exportId\":\"" + id + "\"}";
            }

            @Override
            public void progress(int percent, String message) {
                if (message.endsWith("images written")) {
                    images[0]++;
                }
            }

            @Override
            public boolean isCancelled() {
                return images[0] >= 2;
            }
        };
        assertThatThrownBy(() -> job.run(context)).isInstanceOf(CancellationException.class);
        assertThat(images[0]).isEqualTo(2);
        Path dir = dataDir.resolve("exports").resolve(eventId);
        try (Stream<Path> left = Files.exists(dir) ? Files.list(dir) : Stream.empty()) {
            assertThat(left.toList()).isEmpty();
        }
        assertThat(exports.find(id).orElseThrow().filePath()).isNull();
    }
}
