package org.imagelabeler.platform.raster;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import javax.imageio.ImageIO;
import org.imagelabeler.platform.catalog.BoundingBox;
import org.imagelabeler.platform.render.MapView;
import org.imagelabeler.platform.render.RenderException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Maps drawn here equal GDAL's {@code gdalwarp -r bilinear} of the same file and area, within a
 * mean absolute difference of 2 per 8-bit channel, over pixels both consider inside the data.
 */
class CoverageResamplerTest {

    private static final double WORLD = 20037508.342789244;

    @TempDir
    static Path dir;

    static Path deflate;
    static Path utm;

    @BeforeAll
    static void files() throws IOException {
        deflate = Gdal.geotiff(
                dir,
                "deflate.tif",
                "-outsize",
                "2048",
                "2048",
                "-r",
                "bilinear",
                "-co",
                "COMPRESS=DEFLATE",
                "-co",
                "TILED=YES");
        Gdal.run("gdaladdo", "-q", "-r", "average", deflate.toString(), "2", "4", "8");
        utm = dir.resolve("utm.tif");
        Gdal.run(
                "gdalwarp",
                "-q",
                "-t_srs",
                "EPSG:32632",
                "-r",
                "bilinear",
                "-co",
                "COMPRESS=DEFLATE",
                "-co",
                "TILED=YES",
                deflate.toString(),
                utm.toString());
    }

    /** The Web Mercator tile z/x/y that contains lon 10, lat 45. */
    static BoundingBox tile(int z) {
        double size = 2 * WORLD / (1 << z);
        double cx = 10 * WORLD / 180;
        double cy = Math.log(Math.tan(Math.PI / 4 + Math.toRadians(45) / 2)) * WORLD / Math.PI;
        long tx = (long) Math.floor((cx + WORLD) / size);
        long ty = (long) Math.floor((WORLD - cy) / size);
        double minX = -WORLD + tx * size;
        double maxY = WORLD - ty * size;
        return new BoundingBox(minX, maxY - size, minX + size, maxY, "EPSG:3857");
    }

    @ParameterizedTest(name = "zoom {0}")
    @ValueSource(ints = {6, 8, 10, 12})
    void webMercatorTilesMatchGdalwarp(int zoom) throws Exception {
        compare(deflate, tile(zoom), "EPSG:3857", zoom);
    }

    @ParameterizedTest(name = "UTM file, zoom {0}")
    @ValueSource(ints = {7, 10})
    void utmFileReprojectedToWebMercatorMatchesGdalwarp(int zoom) throws Exception {
        compare(utm, tile(zoom), "EPSG:3857", zoom);
    }

    @Test
    void geographicViewOfAUtmFileMatchesGdalwarp() throws Exception {
        compare(utm, new BoundingBox(9, 44, 11, 46, "EPSG:4326"), "EPSG:4326", 0);
    }

    @Test
    void nodataPixelsAreTransparentAndLeftOutOfTheInterpolation() throws Exception {
        Path source = Gdal.geotiff(dir, "inner.tif", "-co", "COMPRESS=DEFLATE");
        Path withNodata = dir.resolve("framed.tif");
        // the picture inside a larger frame of nodata (0)
        Gdal.run(
                "gdalwarp",
                "-q",
                "-overwrite",
                "-te",
                "4",
                "39",
                "16",
                "51",
                "-ts",
                "600",
                "600",
                "-dstnodata",
                "0",
                source.toString(),
                withNodata.toString());
        BoundingBox area = new BoundingBox(3.5, 38.5, 6.5, 41.5, "EPSG:4326");
        compare(withNodata, area, "EPSG:4326", 0);
        try (CoverageSource s = CoverageSource.open(withNodata)) {
            assertThat(s.description().noData()).isEqualTo(0.0);
            BufferedImage map = CoverageResampler.render(
                    s, RasterStyle.resolve(null, s), new MapView("EPSG:4326", area, 256, 256, Map.of()));
            assertThat(map.getRGB(40, 40) >>> 24).as("in the nodata frame").isZero();
            assertThat(map.getRGB(200, 60) >>> 24).as("in the data").isEqualTo(255);
        }
    }

    @Test
    void viewOutsideTheCoverageIsTransparent() throws Exception {
        try (CoverageSource source = CoverageSource.open(deflate)) {
            MapView view = new MapView("EPSG:4326", new BoundingBox(-60, -30, -50, -20, "EPSG:4326"), 64, 64, Map.of());
            assertThat(CoverageResampler.render(source, RasterStyle.resolve(null, source), view))
                    .isNull();
        }
    }

    private void compare(Path file, BoundingBox area, String crs, int zoom) throws Exception {
        Path reference =
                dir.resolve("reference-" + file.getFileName() + "-" + crs.replace(':', '_') + "-" + zoom + ".tif");
        Gdal.warpBilinear(
                file.toString(),
                reference.toString(),
                crs,
                area.minX(),
                area.minY(),
                area.maxX(),
                area.maxY(),
                256,
                "-dstalpha");
        Raster expected = ImageIO.read(reference.toFile()).getRaster();

        BufferedImage actual;
        try (CoverageSource source = CoverageSource.open(file)) {
            MapView view = new MapView(crs, area, 256, 256, Map.of());
            actual = CoverageResampler.render(source, RasterStyle.resolve(null, source), view);
        } catch (RenderException e) {
            throw new AssertionError(e);
        }
        assertThat(actual).as("something drawn").isNotNull();

        long sum = 0;
        long count = 0;
        int disagreeOnCoverage = 0;
        for (int y = 0; y < 256; y++) {
            for (int x = 0; x < 256; x++) {
                int argb = actual.getRGB(x, y);
                boolean ours = (argb >>> 24) > 0;
                boolean theirs = expected.getSample(x, y, 3) > 0;
                if (ours != theirs) {
                    disagreeOnCoverage++;
                    continue;
                }
                if (!ours) {
                    continue;
                }
                sum += Math.abs(((argb >> 16) & 255) - expected.getSample(x, y, 0));
                sum += Math.abs(((argb >> 8) & 255) - expected.getSample(x, y, 1));
                sum += Math.abs((argb & 255) - expected.getSample(x, y, 2));
                count += 3;
            }
        }
        double mad = (double) sum / count;
        System.out.printf(
                "%s %s zoom %d: MAD %.3f over %d samples, %d pixels differ in coverage%n",
                file.getFileName(), crs, zoom, mad, count, disagreeOnCoverage);
        assertThat(count).isGreaterThan(0);
        assertThat(mad).isLessThanOrEqualTo(2.0);
        assertThat(disagreeOnCoverage).as("pixels covered by one only").isLessThanOrEqualTo(2 * 256);
    }
}
