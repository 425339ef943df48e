package org.imagelabeler.platform.raster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** GeoTIFFs of each supported kind are described correctly; the others are refused with the reason. */
class GeoTiffInspectorTest {

    @TempDir
    Path dir;

    @Test
    void tiledDeflateFileWithOverviewsIsDescribed() throws IOException {
        Path tif = Gdal.geotiff(dir, "rgb.tif", "-co", "COMPRESS=DEFLATE", "-co", "TILED=YES");
        Gdal.run("gdaladdo", "-q", "-r", "average", tif.toString(), "2", "4");

        CoverageDescription d = GeoTiffInspector.inspect(tif);

        assertThat(d.width()).isEqualTo(512);
        assertThat(d.height()).isEqualTo(512);
        assertThat(d.bands()).isEqualTo(3);
        assertThat(d.sampleType()).isEqualTo(SampleType.UINT8);
        assertThat(d.compression()).isEqualTo("DEFLATE");
        assertThat(d.isTiled()).isTrue();
        assertThat(d.tileWidth()).isEqualTo(256);
        assertThat(d.overviews()).isEqualTo(2);
        assertThat(d.bigTiff()).isFalse();
        assertThat(d.crs()).isEqualTo("EPSG:4326");
        assertThat(d.nativeBounds().minX()).isCloseTo(5, within(1e-9));
        assertThat(d.nativeBounds().maxY()).isCloseTo(50, within(1e-9));
        assertThat(d.geographicBounds().minY()).isCloseTo(40, within(1e-9));
        assertThat(d.geographicBounds().maxX()).isCloseTo(15, within(1e-9));
        assertThat(d.resolutionX()).isCloseTo(10.0 / 512, within(1e-12));
        assertThat(d.noData()).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "LZW strips, COMPRESS=LZW, LZW",
        "PackBits, COMPRESS=PACKBITS, PACKBITS",
        "uncompressed, COMPRESS=NONE, NONE",
        "JPEG tiles, COMPRESS=JPEG, JPEG"
    })
    void supportedCompressionsAreAccepted(String label, String option, String expected) throws IOException {
        Path tif = Gdal.geotiff(dir, "c.tif", "-co", option, "-co", expected.equals("JPEG") ? "TILED=YES" : "TILED=NO");
        CoverageDescription d = GeoTiffInspector.inspect(tif);
        assertThat(d.compression()).isEqualTo(expected);
        assertThat(d.isTiled()).isEqualTo(expected.equals("JPEG"));
        assertThat(d.crs()).isEqualTo("EPSG:4326");
    }

    @Test
    void bigTiffIsAccepted() throws IOException {
        Path tif = Gdal.geotiff(dir, "big.tif", "-co", "BIGTIFF=YES", "-co", "COMPRESS=DEFLATE");
        CoverageDescription d = GeoTiffInspector.inspect(tif);
        assertThat(d.bigTiff()).isTrue();
        assertThat(d.width()).isEqualTo(512);
    }

    @Test
    void sixteenBitAndFloatFilesAreDescribedWithTheirNoData() throws IOException {
        Path u16 = Gdal.geotiff(
                dir,
                "u16.tif",
                "-ot",
                "UInt16",
                "-scale",
                "0",
                "255",
                "0",
                "65535",
                "-a_nodata",
                "0",
                "-co",
                "COMPRESS=DEFLATE",
                "-co",
                "PREDICTOR=2");
        CoverageDescription d16 = GeoTiffInspector.inspect(u16);
        assertThat(d16.sampleType()).isEqualTo(SampleType.UINT16);
        assertThat(d16.noData()).isEqualTo(0.0);

        Path f32 = Gdal.geotiff(dir, "dem.tif", "-b", "1", "-ot", "Float32", "-a_nodata", "-9999");
        CoverageDescription df = GeoTiffInspector.inspect(f32);
        assertThat(df.sampleType()).isEqualTo(SampleType.FLOAT32);
        assertThat(df.bands()).isEqualTo(1);
        assertThat(df.noData()).isEqualTo(-9999.0);
    }

    @Test
    void fourBandFileIsDescribed() throws IOException {
        Path tif = Gdal.geotiff(dir, "rgba.tif", "-b", "1", "-b", "2", "-b", "3", "-b", "1", "-co", "ALPHA=YES");
        assertThat(GeoTiffInspector.inspect(tif).bands()).isEqualTo(4);
    }

    @Test
    void utmFileKeepsItsEpsgCodeAndGetsGeographicBounds() throws IOException {
        Path tif = Gdal.geotiff(dir, "src.tif");
        Path utm = dir.resolve("utm.tif");
        Gdal.run("gdalwarp", "-q", "-t_srs", "EPSG:32632", "-co", "COMPRESS=DEFLATE", tif.toString(), utm.toString());

        CoverageDescription d = GeoTiffInspector.inspect(utm);

        assertThat(d.crs()).isEqualTo("EPSG:32632");
        assertThat(d.nativeBounds().crs()).isEqualTo("EPSG:32632");
        assertThat(d.nativeBounds().minX()).isBetween(100_000.0, 300_000.0); // easting first
        assertThat(d.nativeBounds().minY()).isBetween(4_000_000.0, 5_000_000.0);
        // GDAL's answer: gdalwarp samples the edges of the UTM rectangle to find its extent in
        // longitude/latitude (the top edge bulges north between the corners)
        Path geographic = dir.resolve("geographic.tif");
        Gdal.run("gdalwarp", "-q", "-t_srs", "EPSG:4326", utm.toString(), geographic.toString());
        var corners = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(Gdal.run("gdalinfo", "-json", geographic.toString()))
                .path("cornerCoordinates");
        double pixel = d.resolutionX() / 111_000 * 2; // about two source pixels, in degrees
        assertThat(d.geographicBounds().minX())
                .isCloseTo(corners.at("/upperLeft/0").asDouble(), within(pixel));
        assertThat(d.geographicBounds().maxY())
                .isCloseTo(corners.at("/upperLeft/1").asDouble(), within(pixel));
        assertThat(d.geographicBounds().maxX())
                .isCloseTo(corners.at("/lowerRight/0").asDouble(), within(pixel));
        assertThat(d.geographicBounds().minY())
                .isCloseTo(corners.at("/lowerRight/1").asDouble(), within(pixel));
    }

    @Test
    void zstdAndWebpAreRefusedWithTheCommandThatConverts() throws IOException {
        for (String compression : new String[] {"ZSTD", "WEBP"}) {
            Path tif = Gdal.geotiff(dir, compression + ".tif", "-co", "COMPRESS=" + compression);
            assertThatThrownBy(() -> GeoTiffInspector.inspect(tif))
                    .isInstanceOfSatisfying(
                            RasterProblem.class,
                            p -> assertThat(p.kind()).isEqualTo(RasterProblem.Kind.UNSUPPORTED_COMPRESSION))
                    .hasMessageContaining(compression + " compression is not supported")
                    .hasMessageContaining("gdal_translate -co COMPRESS=DEFLATE");
        }
    }

    @Test
    void fileWithoutGeoreferencingIsRefused() throws IOException {
        Path tif = Gdal.geotiff(dir, "plain.tif", "-co", "PROFILE=BASELINE");
        Files.deleteIfExists(dir.resolve("plain.tif.aux.xml"));
        assertThatThrownBy(() -> GeoTiffInspector.inspect(tif))
                .isInstanceOfSatisfying(
                        RasterProblem.class, p -> assertThat(p.kind()).isEqualTo(RasterProblem.Kind.NO_GEOREFERENCING))
                .hasMessageContaining("no georeferencing");
    }

    @Test
    void crsWithoutEpsgCodeIsRefused() throws IOException {
        Path tif = Gdal.geotiff(dir, "src.tif");
        Path custom = dir.resolve("custom.tif");
        Gdal.run(
                "gdal_translate",
                "-q",
                "-a_srs",
                "+proj=ortho +lat_0=40 +lon_0=10 +datum=WGS84 +units=m",
                "-a_ullr",
                "-500000",
                "1000000",
                "500000",
                "0",
                tif.toString(),
                custom.toString());
        assertThatThrownBy(() -> GeoTiffInspector.inspect(custom))
                .isInstanceOfSatisfying(
                        RasterProblem.class, p -> assertThat(p.kind()).isEqualTo(RasterProblem.Kind.UNKNOWN_CRS))
                .hasMessageContaining("no EPSG code")
                .hasMessageContaining("gdalwarp -t_srs EPSG:4326");
    }

    @Test
    void filesThatAreNotTiffsAreRefused() throws IOException {
        Path png = Gdal.picture(dir);
        Path text = Files.writeString(dir.resolve("notes.tif"), "not an image");
        Path empty = Files.createFile(dir.resolve("empty.tif"));
        for (Path p : new Path[] {png, text, empty}) {
            assertThatThrownBy(() -> GeoTiffInspector.inspect(p))
                    .isInstanceOfSatisfying(
                            RasterProblem.class, e -> assertThat(e.kind()).isEqualTo(RasterProblem.Kind.NOT_TIFF))
                    .hasMessageContaining("not a TIFF");
        }
    }

    @Test
    void truncatedTiffIsUnreadable() throws IOException {
        Path tif = Gdal.geotiff(dir, "whole.tif", "-co", "COMPRESS=DEFLATE");
        byte[] bytes = Files.readAllBytes(tif);
        Path cut = Files.write(dir.resolve("cut.tif"), java.util.Arrays.copyOf(bytes, 16));
        assertThatThrownBy(() -> GeoTiffInspector.inspect(cut))
                .isInstanceOfSatisfying(
                        RasterProblem.class, e -> assertThat(e.kind()).isEqualTo(RasterProblem.Kind.UNREADABLE));
    }
}
