package org.imagelabeler.labeler;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.Color;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.awaitility.Awaitility;
import org.imagelabeler.platform.raster.Gdal;
import org.imagelabeler.platform.testing.RestClient.Auth;
import org.imagelabeler.platform.tiles.cascade.StandInGibs;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Extraction from a NASA GIBS layer, cascaded from a local stand-in for GIBS: the chip holds
 * the remote tile of the date asked for, at the right place, and records where it came from.
 */
class GibsExtractionTest extends LabelerServerTestBase {

    private static final String EVENTS = "/rest/labeler/events";
    private static StandInGibs gibs;

    @TempDir
    Path files;

    @BeforeAll
    static void start() throws Exception {
        gibs = new StandInGibs();
    }

    @AfterAll
    static void stop() {
        gibs.close();
    }

    @Test
    void aChipFromACascadedGibsLayerHoldsTheTileOfItsDate() throws Exception {
        client.post("/rest/workspaces", "{\"workspace\":{\"name\":\"gibsx\"}}", admin);
        var store = client.post(
                "/rest/workspaces/gibsx/wmtsstores",
                "{\"wmtsStore\":{\"name\":\"best\",\"capabilitiesURL\":\"" + gibs.bestCapabilities() + "\"}}",
                admin);
        assertThat(store.status()).as(store.body()).isEqualTo(201);
        var layer = client.post(
                "/rest/workspaces/gibsx/wmtsstores/best/layers",
                "{\"wmtsLayer\":{\"name\":\"terra\",\"nativeName\":\"MODIS_Terra_CorrectedReflectance_TrueColor\"}}",
                admin);
        assertThat(layer.status()).as(layer.body()).isEqualTo(201);

        Auth owner = user("gibs-owner");
        String slug = "gibs-" + UUID.randomUUID().toString().substring(0, 8);
        client.post(EVENTS, "{\"slug\":\"" + slug + "\",\"title\":\"Dust over the Sahara\"}", owner);
        // lon -46..-26, lat 8..28 at 0.1 degree per pixel: level 3 tiles (row 1-2, column 3-4) meet mid-chip
        var accepted = client.post(
                EVENTS + "/" + slug + "/extractions",
                "{\"layer\":\"gibsx:terra\",\"time\":\"2021-01-01\",\"bbox\":[-46,8,-26,28],\"width\":200,\"height\":200}",
                owner);
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        String job = accepted.header("Location")
                .substring(accepted.header("Location").indexOf("/rest/"));
        Awaitility.await()
                .atMost(Duration.ofMinutes(1))
                .until(
                        () -> client.get(job, admin).json().path("state").asText(),
                        s -> !s.equals("QUEUED") && !s.equals("RUNNING"));
        JsonNode done = client.get(job, admin).json();
        assertThat(done.path("state").asText()).as(done.toString()).isEqualTo("SUCCEEDED");
        String imageId = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(done.path("result").asText())
                .path("image")
                .asText();
        JsonNode image =
                client.get(EVENTS + "/" + slug + "/images/" + imageId, owner).json();
        assertThat(image.path("source").path("time").asText()).isEqualTo("2021-01-01");
        assertThat(image.path("acquired").asText()).isEqualTo("2021-01-01T00:00:00Z");
        assertThat(client.get(EVENTS + "/" + slug + "/images?time=2021-01-01", owner)
                        .json()
                        .path("total")
                        .asLong())
                .isEqualTo(1);
        assertThat(image.path("source").path("layer").asText()).isEqualTo("gibsx:terra");
        assertThat(image.path("source").path("nativeName").asText())
                .isEqualTo("MODIS_Terra_CorrectedReflectance_TrueColor");
        assertThat(gibs.hits()).extracting(StandInGibs.TileHit::time).containsOnly("2021-01-01");

        Path chip = files.resolve("chip.tif");
        Files.write(
                chip,
                client.get(EVENTS + "/" + slug + "/images/" + imageId + "/file", owner)
                        .bytes());
        Path png = files.resolve("chip.png");
        Gdal.run("gdal_translate", "-q", "-of", "PNG", chip.toString(), png.toString());
        var picture = ImageIO.read(png.toFile());
        near(new Color(picture.getRGB(50, 50)), StandInGibs.colour("2021-01-01", 1, 3));
        near(new Color(picture.getRGB(150, 150)), StandInGibs.colour("2021-01-01", 2, 4));
    }

    private static void near(Color actual, Color expected) {
        assertThat(Math.abs(actual.getRed() - expected.getRed()))
                .as(actual + " vs " + expected)
                .isLessThanOrEqualTo(6);
        assertThat(Math.abs(actual.getGreen() - expected.getGreen()))
                .as(actual + " vs " + expected)
                .isLessThanOrEqualTo(6);
        assertThat(Math.abs(actual.getBlue() - expected.getBlue()))
                .as(actual + " vs " + expected)
                .isLessThanOrEqualTo(6);
    }
}
