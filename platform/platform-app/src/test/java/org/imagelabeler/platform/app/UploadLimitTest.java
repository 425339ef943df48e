package org.imagelabeler.platform.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.imagelabeler.platform.raster.Gdal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.test.context.TestPropertySource;

/** An upload over the configured size limit is refused with 413 and leaves no file. */
@TestPropertySource(properties = "labeler.upload.max-bytes=100000")
class UploadLimitTest extends ServerTestBase {

    @TempDir
    Path files;

    @Test
    void uploadOverTheLimitIsRefusedAndRemoved() throws Exception {
        client.post("/rest/workspaces", "{\"workspace\":{\"name\":\"limited\"}}", admin);
        Path tif = Gdal.geotiff(files, "big.tif", "-co", "COMPRESS=NONE"); // 786 kB
        var r = client.send(client.request("/rest/workspaces/limited/coveragestores/big/file.geotiff", admin)
                .header("Content-Type", "image/tiff")
                .PUT(HttpRequest.BodyPublishers.ofFile(tif)));
        assertThat(r.status()).isEqualTo(413);
        assertThat(r.json().path("detail").asText()).contains("100000 bytes");
        try (Stream<Path> left = Files.list(dataDir.resolve("coverages/limited/big"))) {
            assertThat(left).isEmpty();
        }
        assertThat(client.get("/rest/workspaces/limited/coveragestores/big", admin)
                        .status())
                .isEqualTo(404);
    }
}
