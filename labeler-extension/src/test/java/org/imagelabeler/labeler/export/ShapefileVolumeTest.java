package org.imagelabeler.labeler.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.Map;
import org.imagelabeler.labeler.annotations.Annotation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;

/**
 * 100,000 map shapes go through the Shapefile writer with a flat heap: the writer streams records
 * to its work files, so the heap after 100,000 is what it was after 10,000.
 */
class ShapefileVolumeTest {

    static final int SHAPES = 100_000;
    private static final GeometryFactory GEOMETRIES = new GeometryFactory();

    @TempDir
    Path dir;

    @Test
    void hundredThousandShapesGoThroughWithAFlatHeap() throws Exception {
        long[] heap = new long[2];
        long start = System.nanoTime();
        Path zip = SampleDataset.export(new ShapefileFormat(), dir, writer -> {
            for (int i = 0; i < SHAPES; i++) {
                writer.shape(shape(i));
                if (i == 10_000) {
                    heap[0] = usedHeapAfterGc();
                }
            }
            heap[1] = usedHeapAfterGc();
        });
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.printf(
                "Shapefile: %,d shapes in %,d ms; heap after 10,000: %,d KB, after %,d: %,d KB; zip %,d KB%n",
                SHAPES,
                millis,
                heap[0] / 1024,
                SHAPES,
                heap[1] / 1024,
                zip.toFile().length() / 1024);

        assertThat(ShapefileFormatTest.summary(zip, "polygons")).contains("Feature Count: " + SHAPES);
        assertThat(ShapefileFormatTest.sql(
                        zip,
                        "polygons",
                        "SELECT 'all' AS ann_id, COUNT(DISTINCT ann_id) || ' ' || SUM(ST_NumPoints(ST_ExteriorRing(geometry)))"
                                + " AS v FROM labels_polygons"))
                .containsEntry("all", SHAPES + " " + 9 * SHAPES);
        // 100,000 shapes held in memory would take well over 100 MB
        assertThat(heap[1] - heap[0]).isLessThan(16L << 20);
    }

    /** An octagon of about 1 km somewhere over Europe. */
    static Annotation shape(int i) {
        double x = 5 + (i % 400) * 0.025;
        double y = 40 + (i / 400) * 0.04;
        Coordinate[] ring = new Coordinate[9];
        for (int k = 0; k < 8; k++) {
            double a = Math.PI * k / 4;
            ring[k] = new Coordinate(x + 0.005 * Math.cos(a), y + 0.005 * Math.sin(a));
        }
        ring[8] = ring[0];
        Polygon octagon = GEOMETRIES.createPolygon(ring);
        return new Annotation(
                "shape-" + i,
                SampleDataset.EVENT.id(),
                null,
                Annotation.Space.MAP,
                Annotation.Shape.POLYGON,
                SampleDataset.EVENT.labelSchema().classes().get(i % 3).name(),
                null,
                octagon,
                Map.of(),
                "labeler-" + (i % 17),
                SampleDataset.CREATED,
                SampleDataset.UPDATED,
                1);
    }

    static long usedHeapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
