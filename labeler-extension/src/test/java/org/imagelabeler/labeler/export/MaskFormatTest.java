package org.imagelabeler.labeler.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.imageio.ImageIO;
import org.imagelabeler.labeler.annotations.Annotation;
import org.imagelabeler.labeler.events.LabelClass;
import org.imagelabeler.labeler.images.EventImage;
import org.imagelabeler.labeler.images.Georeference;
import org.imagelabeler.platform.raster.Gdal;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Envelope;

class MaskFormatTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private ExportFixture fixture;
    private Path masks;

    @BeforeEach
    void export() throws IOException {
        fixture = new ExportFixture(dir);
        masks = ExportFixture.unzip(fixture.export(new MaskFormat(), "export.zip"), dir.resolve("unzipped"))
                .resolve("masks");
    }

    @Test
    void pixelsUnderALabelTakeItsClassValueOutsideAndInHolesStayBackground() throws IOException {
        BufferedImage mask = png("train/flood-2024-scene.png");
        assertThat(mask.getWidth()).isEqualTo(512);
        assertThat(mask.getHeight()).isEqualTo(512);

        // water box x 64..192, y 64..128: pixel centres inside, columns 64 to 191 and rows 64 to 127
        assertThat(value(mask, 64, 64)).isEqualTo(1);
        assertThat(value(mask, 100, 127)).isEqualTo(1);
        assertThat(value(mask, 63, 100)).isZero();
        assertThat(value(mask, 100, 63)).isZero();
        assertThat(value(mask, 100, 128)).isZero();
        // debris, a square 256..448 with a hole 320..384
        assertThat(value(mask, 256, 256)).isEqualTo(2);
        assertThat(value(mask, 447, 447)).isEqualTo(2);
        assertThat(value(mask, 448, 448)).isZero();
        assertThat(value(mask, 319, 350)).isEqualTo(2);
        assertThat(value(mask, 320, 350)).isZero();
        assertThat(value(mask, 350, 350)).isZero();
        assertThat(value(mask, 383, 383)).isZero();
        assertThat(value(mask, 384, 383)).isEqualTo(2);
        // the water box in the bottom-left corner reaches the image's edges
        assertThat(value(mask, 0, 511)).isEqualTo(1);
        assertThat(value(mask, 32, 480)).isZero();

        // whole pixels only, no blended edges: the areas to the pixel
        assertThat(histogram(mask))
                .containsExactlyEntriesOf(new TreeMap<>(Map.of(
                        0,
                        512 * 512 - 8192 - 32768 - 4096,
                        1,
                        128 * 64 - 32 * 32 + 32 * 32,
                        2,
                        192 * 192 - 64 * 64,
                        3,
                        64 * 64)));
    }

    @Test
    void laterLabelsPaintOverEarlierOnes() throws IOException {
        BufferedImage mask = png("train/flood-2024-scene.png");

        // the cloud (160..224 x 96..160) comes after the water box (64..192 x 64..128)
        assertThat(value(mask, 170, 100)).isEqualTo(3);
        assertThat(value(mask, 191, 127)).isEqualTo(3);
        assertThat(value(mask, 159, 100)).isEqualTo(1);
        assertThat(value(mask, 170, 95)).isEqualTo(1);
    }

    @Test
    void plainPictureGetsAGrayscalePngOfItsSizeAndNoGeoTiff() throws IOException {
        BufferedImage mask = png("val/flood-2024-photo.png");

        assertThat(mask.getType()).isEqualTo(BufferedImage.TYPE_BYTE_GRAY);
        assertThat(mask.getColorModel().getPixelSize()).isEqualTo(8);
        assertThat(mask.getWidth()).isEqualTo(300);
        assertThat(mask.getHeight()).isEqualTo(200);
        assertThat(value(mask, 175, 120)).isEqualTo(1);
        assertThat(value(mask, 30, 50)).isEqualTo(2);
        assertThat(histogram(mask).get(2)).isEqualTo(50 * 60);
        assertThat(histogram(mask).keySet()).containsExactly(0, 1, 2);
        assertThat(masks.resolve("val/flood-2024-photo.tif")).doesNotExist();
    }

    @Test
    void everyClassValueIsWrittenExactly() throws IOException {
        List<LabelClass> classes = new ArrayList<>();
        for (int i = 0; i < MaskFormat.MAX_CLASSES; i++) {
            classes.add(new LabelClass("c" + i, "#000000", null));
        }
        EventImage strip = ExportFixture.image("img-strip", "strip.png", "image/png", 255, 1, null, null);
        List<Annotation> labels = new ArrayList<>();
        for (int i = 0; i < classes.size(); i++) {
            labels.add(ExportFixture.label(
                    "s" + i, strip, Annotation.Shape.BOX, "c" + i, ExportFixture.box(i, 0, i + 1, 1), Map.of()));
        }
        ExportImage image =
                new ExportImage(strip, labels, "train", "images/train/strip.png", "strip", 255, 1, Map.of());
        Path zip = fixture.export(ExportFixture.event(classes), new MaskFormat(), "strip.zip", image);

        BufferedImage mask = ImageIO.read(ExportFixture.unzip(zip, dir.resolve("strip"))
                .resolve("masks/train/strip.png")
                .toFile());
        for (int x = 0; x < 255; x++) {
            assertThat(value(mask, x, 0)).as("class %d", x).isEqualTo(x + 1);
        }
    }

    @Test
    void moreClassesThanAByteHoldsAreRefused() {
        List<LabelClass> classes = new ArrayList<>();
        for (int i = 0; i <= MaskFormat.MAX_CLASSES; i++) {
            classes.add(new LabelClass("c" + i, "#000000", null));
        }

        assertThatThrownBy(() -> fixture.export(ExportFixture.event(classes), new MaskFormat(), "many.zip"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at most 255 classes");
    }

    @Test
    void geoTiffMaskLiesOnTheImageForGdal() throws IOException {
        String tif = masks.resolve("train/flood-2024-scene.tif").toString();
        JsonNode mask = JSON.readTree(Gdal.run("gdalinfo", "-json", tif));
        JsonNode image = JSON.readTree(Gdal.run("gdalinfo", "-json", fixture.sceneFile.toString()));

        assertThat(mask.get("size")).isEqualTo(image.get("size"));
        assertThat(mask.get("geoTransform")).isEqualTo(image.get("geoTransform"));
        assertThat(mask.at("/coordinateSystem/wkt")).isEqualTo(image.at("/coordinateSystem/wkt"));
        assertThat(mask.at("/coordinateSystem/wkt").asText()).endsWith("ID[\"EPSG\",4326]]");
        assertThat(mask.get("bands")).hasSize(1);
        assertThat(mask.at("/bands/0/type").asText()).isEqualTo("Byte");

        assertThat(Gdal.run("gdallocationinfo", "-valonly", tif, "100", "100").trim())
                .isEqualTo("1");
        // on Earth: the debris polygon, and the middle of its hole
        assertThat(Gdal.run("gdallocationinfo", "-valonly", "-wgs84", tif, "10.5", "44.5")
                        .trim())
                .isEqualTo("2");
        assertThat(Gdal.run("gdallocationinfo", "-valonly", "-wgs84", tif, "11.875", "43.125")
                        .trim())
                .isEqualTo("0");
    }

    @Test
    void rotatedProjectedGeoreferenceIsKeptAsIs() throws IOException {
        double[] transform = {500000, 8, 6, 4500000, 6, -8};
        EventImage utm = ExportFixture.image(
                "img-utm",
                "utm.tif",
                "image/tiff",
                64,
                48,
                new Georeference(
                        "EPSG:32633", transform, ExportFixture.GEOMETRY.toGeometry(new Envelope(15, 15.01, 40, 40.01))),
                null);
        ExportImage image = new ExportImage(
                utm,
                List.of(ExportFixture.label(
                        "u1", utm, Annotation.Shape.BOX, "debris", ExportFixture.box(10, 10, 20, 20), Map.of())),
                "test",
                "images/test/utm.tif",
                "utm",
                64,
                48,
                Map.of());
        Path zip = fixture.export(new MaskFormat(), "utm.zip", image);
        String tif = ExportFixture.unzip(zip, dir.resolve("utm"))
                .resolve("masks/test/utm.tif")
                .toString();

        JsonNode info = JSON.readTree(Gdal.run("gdalinfo", "-json", tif));
        assertThat(info.get("geoTransform")).hasToString("[500000.0,8.0,6.0,4500000.0,6.0,-8.0]");
        assertThat(info.at("/coordinateSystem/wkt").asText()).endsWith("ID[\"EPSG\",32633]]");
        // the centre of pixel (10, 10) in the CRS: 500000 + 10.5 * 8 + 10.5 * 6, 4500000 + 10.5 * 6 - 10.5 * 8
        assertThat(Gdal.run("gdallocationinfo", "-valonly", "-geoloc", tif, "500147", "4499979")
                        .trim())
                .isEqualTo("2");
    }

    @Test
    void maskOfAResizedImageFileCoversTheSameGround() throws IOException {
        ExportImage scene = fixture.scene();
        ExportImage half = new ExportImage(
                scene.image(), List.of(), scene.split(), scene.path(), scene.stem(), 256, 256, scene.provenance());
        Path zip = fixture.export(new MaskFormat(), "half.zip", half);
        String tif = ExportFixture.unzip(zip, dir.resolve("half"))
                .resolve("masks/train/flood-2024-scene.tif")
                .toString();

        JsonNode info = JSON.readTree(Gdal.run("gdalinfo", "-json", tif));
        assertThat(info.get("size")).hasToString("[256,256]");
        assertThat(info.at("/geoTransform/1").asDouble()).isCloseTo(10.0 / 256, within(1e-12));
        assertThat(info.at("/cornerCoordinates/lowerRight")).hasToString("[15.0,40.0]");
    }

    @Test
    void classesFileNamesEveryValue() throws IOException {
        JsonNode classes = JSON.readTree(masks.resolve("classes.json").toFile());

        List<String> values = new ArrayList<>();
        classes.get("values")
                .forEach(v -> values.add(v.get("value").asInt() + " "
                        + v.get("name").asText() + " " + v.get("colour").asText()));
        assertThat(values)
                .containsExactly("0 background #000000", "1 water #1e90ff", "2 debris #8b4513", "3 cloud #ffffff");
    }

    @Test
    void sameInputGivesTheSameZip() throws IOException {
        Path first = fixture.export(new MaskFormat(), "first.zip");
        Path second = fixture.export(new MaskFormat(), "second.zip");

        assertThat(first).hasSameBinaryContentAs(second);
        assertThat(ExportFixture.entries(first))
                .containsExactly(
                        "images/train/flood-2024-scene.tif",
                        "images/val/flood-2024-photo.png",
                        "masks/train/flood-2024-scene.png",
                        "masks/train/flood-2024-scene.tif",
                        "masks/val/flood-2024-photo.png",
                        "masks/classes.json");
    }

    private BufferedImage png(String path) throws IOException {
        return ImageIO.read(masks.resolve(path).toFile());
    }

    private static int value(BufferedImage mask, int x, int y) {
        return mask.getRaster().getSample(x, y, 0);
    }

    private static Map<Integer, Integer> histogram(BufferedImage mask) {
        Map<Integer, Integer> counts = new TreeMap<>();
        for (int y = 0; y < mask.getHeight(); y++) {
            for (int x = 0; x < mask.getWidth(); x++) {
                counts.merge(value(mask, x, y), 1, Integer::sum);
            }
        }
        return counts;
    }
}
