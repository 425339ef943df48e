package org.imagelabeler.labeler.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.imagelabeler.labeler.annotations.Annotation;
import org.imagelabeler.platform.raster.Gdal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 100,000 label rows (50,000 map shapes, 500 images of 100 labels) go into the GeoPackage in
 * seconds, not minutes, with a flat heap: rows are committed in batches as they come.
 */
class GeoPackageVolumeTest {

    private static final int SHAPES = 50_000;
    private static final int IMAGES = 500;
    private static final int LABELS = 100;

    @TempDir
    Path dir;

    @Test
    void hundredThousandRowsGoInWithinSecondsAndAFlatHeap() throws Exception {
        long[] heap = new long[2];
        long start = System.nanoTime();
        Path zip = SampleDataset.export(new GeoPackageFormat(), dir, writer -> {
            for (int i = 0; i < SHAPES; i++) {
                writer.shape(ShapefileVolumeTest.shape(i));
                if (i == 10_000) {
                    heap[0] = ShapefileVolumeTest.usedHeapAfterGc();
                }
            }
            for (int i = 0; i < IMAGES; i++) {
                writer.image(image(i));
            }
            heap[1] = ShapefileVolumeTest.usedHeapAfterGc();
        });
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.printf(
                "GeoPackage: %,d map shapes, %,d images, %,d labels in %,d ms; heap after 10,000: %,d KB, at the end: %,d KB;"
                        + " zip %,d KB%n",
                SHAPES,
                IMAGES,
                IMAGES * LABELS,
                millis,
                heap[0] / 1024,
                heap[1] / 1024,
                zip.toFile().length() / 1024);

        String gpkg = "/vsizip/" + zip + "/geopackage/labels.gpkg";
        assertThat(Gdal.run("ogrinfo", "-ro", "-so", gpkg, "map_shapes")).contains("Feature Count: " + SHAPES);
        assertThat(Gdal.run("ogrinfo", "-ro", "-so", gpkg, "image_labels"))
                .contains("Feature Count: " + IMAGES * LABELS);
        assertThat(Gdal.run("ogrinfo", "-ro", "-so", gpkg, "images")).contains("Feature Count: " + IMAGES);
        assertThat(millis).isLessThan(60_000);
        assertThat(heap[1] - heap[0]).isLessThan(16L << 20);
    }

    /** An image on Earth with labels that are the volume test's octagons, 100 a piece. */
    private static ExportImage image(int i) {
        ExportImage sample = SampleDataset.GEOREFERENCED;
        String id = "img-" + i;
        List<Annotation> labels = new ArrayList<>();
        for (int k = 0; k < LABELS; k++) {
            Annotation octagon = ShapefileVolumeTest.shape(i * LABELS + k);
            labels.add(new Annotation(
                    id + "-" + k,
                    octagon.eventId(),
                    id,
                    Annotation.Space.PIXEL,
                    Annotation.Shape.POLYGON,
                    octagon.className(),
                    octagon.geographic(),
                    octagon.geographic(),
                    Map.of("score", k / 100.0),
                    octagon.author(),
                    octagon.created(),
                    octagon.updated(),
                    1));
        }
        return new ExportImage(
                sample.image(), labels, "train", "images/train/" + id + ".tif", id, 512, 512, sample.provenance());
    }
}
