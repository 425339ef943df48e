package org.imagelabeler.labeler.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.imagelabeler.labeler.images.EventImage;
import org.imagelabeler.labeler.images.Georeference;
import org.imagelabeler.labeler.images.ImageStatus;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;

/** Train/val/test assignment: ratios kept, stable by seed, spatial neighbours kept together. */
class SplitsTest {

    private static final GeometryFactory GEOMETRY = new GeometryFactory();

    private static EventImage image(double lon, double lat) {
        var footprint = GEOMETRY.toGeometry(new Envelope(lon, lon + 0.01, lat, lat + 0.01));
        footprint.setSRID(4326);
        Georeference geo =
                new Georeference("EPSG:4326", new double[] {lon, 0.0001, 0, lat + 0.01, 0, -0.0001}, footprint);
        return new EventImage(
                UUID.randomUUID().toString(),
                "e",
                "i.tif",
                "image/tiff",
                100,
                100,
                1,
                "x",
                "f",
                geo,
                ImageStatus.ACCEPTED,
                null,
                null,
                List.of(),
                Map.of(),
                null,
                "u",
                Instant.EPOCH,
                Instant.EPOCH,
                1);
    }

    @Test
    void randomSplitsFollowTheRatiosAndTheSeed() {
        Splits splits = new Splits(new ExportOptions.Split(0.7, 0.2, 0.1, 1, "random", 0.5));
        Splits again = new Splits(new ExportOptions.Split(0.7, 0.2, 0.1, 1, "random", 0.5));
        Splits other = new Splits(new ExportOptions.Split(0.7, 0.2, 0.1, 2, "random", 0.5));
        Map<String, Integer> counts = new HashMap<>();
        int moved = 0;
        for (int i = 0; i < 10_000; i++) {
            EventImage image = image(i % 100, i / 100 % 80);
            String split = splits.of(image);
            assertThat(again.of(image)).isEqualTo(split);
            if (!other.of(image).equals(split)) {
                moved++;
            }
            counts.merge(split, 1, Integer::sum);
        }
        assertThat(counts.get("train")).isBetween(6_800, 7_200);
        assertThat(counts.get("val")).isBetween(1_850, 2_150);
        assertThat(counts.get("test")).isBetween(900, 1_100);
        assertThat(moved).isGreaterThan(3_000); // another seed, another split
    }

    @Test
    void spatialSplitsKeepImagesOfOneCellTogether() {
        Splits splits = new Splits(new ExportOptions.Split(0.5, 0.25, 0.25, 42, "spatial", 1.0));
        Map<String, String> byCell = new HashMap<>();
        Map<String, Integer> counts = new HashMap<>();
        for (int i = 0; i < 5_000; i++) {
            double lon = (i * 0.37) % 40;
            double lat = (i * 0.53) % 30;
            EventImage image = image(lon, lat);
            String split = splits.of(image);
            var centre = image.georeference().footprint().getCentroid();
            String cell = (int) Math.floor(centre.getX()) + ":" + (int) Math.floor(centre.getY());
            assertThat(byCell.computeIfAbsent(cell, k -> split)).as(cell).isEqualTo(split);
            counts.merge(split, 1, Integer::sum);
        }
        assertThat(byCell).hasSizeGreaterThan(500);
        assertThat(counts).containsKeys("train", "val", "test");
    }
}
