package org.imagelabeler.platform.raster.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.Raster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.imagelabeler.platform.raster.CoverageDescription;
import org.imagelabeler.platform.raster.Gdal;
import org.imagelabeler.platform.raster.GeoTiffInspector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Served copies, checked with GDAL: tiled, with internal overviews, full-resolution pixels equal
 * to the original's, overviews equal to {@code gdaladdo -r average}.
 */
class ServedCopyWriterTest {

    @TempDir
    Path dir;

    @Test
    void stripedFileGetsATiledCopyWithOverviewsAndTheSamePixels() throws IOException {
        Path original =
                Gdal.geotiff(dir, "striped.tif", "-outsize", "1500", "1100", "-r", "bilinear", "-co", "COMPRESS=LZW");
        CoverageDescription d = GeoTiffInspector.inspect(original);
        assertThat(ServedCopyWriter.isNeeded(d)).isTrue();
        Path served = dir.resolve("served.tif");
        List<Integer> progress = new CopyOnWriteArrayList<>();

        ServedCopyWriter.write(original, d, served, progress::add);

        String info = Gdal.run("gdalinfo", "-checksum", served.toString());
        assertThat(info).contains("Block=256x256").contains("COMPRESSION=DEFLATE");
        assertThat(info).contains("Overviews: 750x550, 375x275, 188x138");
        assertThat(checksums(info)).isEqualTo(checksums(Gdal.run("gdalinfo", "-checksum", original.toString())));
        assertThat(Gdal.run("gdalsrsinfo", "-o", "epsg", served.toString())).contains("EPSG:4326");
        assertThat(progress).isNotEmpty().isSorted();
        assertThat(progress.get(progress.size() - 1)).isEqualTo(100);
        assertThat(dir.resolve(".tmp-served.tif")).doesNotExist();

        // the first overview is gdaladdo's average
        Path reference = dir.resolve("reference.tif");
        Files.copy(original, reference);
        Gdal.run("gdaladdo", "-q", "-r", "average", reference.toString(), "2");
        assertThat(meanAbsoluteDifference(overview(served, "ours"), overview(reference, "gdal")))
                .isLessThanOrEqualTo(0.5);
    }

    @Test
    void jpegFileIsDecodedByTheJdkAndCopiedLosslessly() throws IOException {
        Path original = Gdal.geotiff(dir, "jpeg.tif", "-co", "COMPRESS=JPEG", "-co", "TILED=YES");
        CoverageDescription d = GeoTiffInspector.inspect(original);
        assertThat(ServedCopyWriter.isNeeded(d)).isTrue();
        Path served = dir.resolve("served-jpeg.tif");

        ServedCopyWriter.write(original, d, served, p -> {});

        Path gdalDecoded = dir.resolve("jpeg-decoded.tif");
        Gdal.run("gdal_translate", "-q", original.toString(), gdalDecoded.toString());
        Path ours = dir.resolve("ours-decoded.tif");
        Gdal.run("gdal_translate", "-q", "-co", "COMPRESS=NONE", served.toString(), ours.toString());
        // the JDK's and libjpeg's decoders may round differently: within one level on average
        assertThat(meanAbsoluteDifference(
                        ImageIO.read(ours.toFile()).getRaster(),
                        ImageIO.read(gdalDecoded.toFile()).getRaster()))
                .isLessThanOrEqualTo(1.0);
        assertThat(GeoTiffInspector.inspect(served).compression()).isEqualTo("DEFLATE");
    }

    @Test
    void imageSmallerThanOneTileIsServedAsItIsOrCopiedAsOneStrip() throws IOException {
        Path striped = Gdal.geotiff(dir, "small.tif", "-outsize", "64", "48", "-co", "COMPRESS=LZW");
        assertThat(ServedCopyWriter.isNeeded(GeoTiffInspector.inspect(striped))).isFalse();

        // a JPEG one still needs a copy (SIS has no JPEG decoder); SIS writes it as one strip
        Path jpeg = Gdal.geotiff(dir, "small-jpeg.tif", "-outsize", "64", "48", "-co", "COMPRESS=JPEG");
        CoverageDescription d = GeoTiffInspector.inspect(jpeg);
        assertThat(ServedCopyWriter.isNeeded(d)).isTrue();
        Path served = dir.resolve("served-small.tif");

        ServedCopyWriter.write(jpeg, d, served, p -> {});

        String info = Gdal.run("gdalinfo", served.toString());
        assertThat(info)
                .contains("Size is 64, 48")
                .contains("COMPRESSION=DEFLATE")
                .doesNotContain("Overviews");
        Path gdalDecoded = dir.resolve("small-jpeg-decoded.tif");
        Gdal.run("gdal_translate", "-q", jpeg.toString(), gdalDecoded.toString());
        Path ours = dir.resolve("small-ours-decoded.tif");
        Gdal.run("gdal_translate", "-q", "-co", "COMPRESS=NONE", served.toString(), ours.toString());
        assertThat(meanAbsoluteDifference(
                        ImageIO.read(ours.toFile()).getRaster(),
                        ImageIO.read(gdalDecoded.toFile()).getRaster()))
                .isLessThanOrEqualTo(1.0);
    }

    @Test
    void nodataStaysNodataInOverviews() throws IOException {
        Path original = Gdal.geotiff(
                dir,
                "dem.tif",
                "-b",
                "1",
                "-ot",
                "UInt16",
                "-outsize",
                "1024",
                "1024",
                "-scale",
                "0",
                "255",
                "0",
                "1000",
                "-a_nodata",
                "0");
        CoverageDescription d = GeoTiffInspector.inspect(original);
        Path served = dir.resolve("served-dem.tif");
        ServedCopyWriter.write(original, d, served, p -> {});
        String info = Gdal.run("gdalinfo", served.toString());
        assertThat(info).contains("NoData Value=0").contains("Overviews: 512x512, 256x256");
        assertThat(GeoTiffInspector.inspect(served).noData()).isEqualTo(0.0);
    }

    /**
     * A 10000 x 10000 RGB file (300 MB of pixels) copied in a JVM of 160 MB heap: the copy must
     * work window by window, never holding the image.
     */
    @Test
    void largeFileIsCopiedWithinASmallHeap() throws Exception {
        Path original = Gdal.geotiff(dir, "large.tif", "-outsize", "10000", "10000", "-co", "COMPRESS=LZW");
        Path served = dir.resolve("large-served.tif");
        Process p = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx160m",
                        "-cp",
                        System.getProperty("java.class.path"),
                        CopyMain.class.getName(),
                        original.toString(),
                        served.toString())
                .redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes());
        System.out.print(out);
        assertThat(p.waitFor(10, TimeUnit.MINUTES)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        String info = Gdal.run("gdalinfo", served.toString());
        assertThat(info)
                .contains("Size is 10000, 10000")
                .contains("Block=256x256")
                .contains("Overviews: 5000x5000");
    }

    /** Entry point of the small-heap copy. */
    public static final class CopyMain {
        public static void main(String[] args) {
            Path original = Path.of(args[0]);
            long start = System.nanoTime();
            ServedCopyWriter.write(original, GeoTiffInspector.inspect(original), Path.of(args[1]), p -> {});
            System.out.printf("copied in %.1f s%n", (System.nanoTime() - start) / 1e9);
        }
    }

    private static List<String> checksums(String gdalinfo) {
        return gdalinfo.lines()
                .filter(l -> l.trim().startsWith("Checksum="))
                .limit(3)
                .map(String::trim)
                .toList();
    }

    private Raster overview(Path file, String name) throws IOException {
        Path out = dir.resolve("ovr-" + name + ".tif");
        Gdal.run("gdal_translate", "-q", "-oo", "OVERVIEW_LEVEL=0", file.toString(), out.toString());
        return ImageIO.read(out.toFile()).getRaster();
    }

    private static double meanAbsoluteDifference(Raster a, Raster b) {
        assertThat(a.getWidth()).isEqualTo(b.getWidth());
        long sum = 0;
        long n = 0;
        for (int band = 0; band < Math.min(3, a.getNumBands()); band++) {
            for (int y = 0; y < a.getHeight(); y++) {
                for (int x = 0; x < a.getWidth(); x++) {
                    sum += Math.abs(a.getSample(x, y, band) - b.getSample(x, y, band));
                    n++;
                }
            }
        }
        double mad = (double) sum / n;
        System.out.printf("MAD %.3f%n", mad);
        return mad;
    }
}
