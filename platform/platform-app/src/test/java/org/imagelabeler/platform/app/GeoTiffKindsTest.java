package org.imagelabeler.platform.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.imagelabeler.platform.raster.Gdal;
import org.imagelabeler.platform.testing.RestClient.Auth;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every kind of GeoTIFF the server takes (compressions, layouts, BigTIFF, sample types, band
 * counts, nodata, a UTM CRS) uploads, and its map, fetched by GDAL's own WMS client, matches
 * {@code gdalwarp -r bilinear} of the file: a mean absolute difference of at most 2 per 8-bit
 * channel. Data of more than 8 bits is compared after the layer's own 2-98 % stretch.
 */
class GeoTiffKindsTest extends ServerTestBase {

    private static final String WS = "kinds";
    private static final String BBOX = "1000000,5500000,1200000,5700000";

    enum Kind {
        DEFLATE_TILED_WITH_OVERVIEWS("-co", "COMPRESS=DEFLATE", "-co", "TILED=YES"),
        LZW_STRIPS("-co", "COMPRESS=LZW"),
        PACKBITS("-co", "COMPRESS=PACKBITS"),
        UNCOMPRESSED("-co", "COMPRESS=NONE"),
        JPEG_TILES("-co", "COMPRESS=JPEG", "-co", "TILED=YES"),
        BIGTIFF("-co", "BIGTIFF=YES", "-co", "COMPRESS=DEFLATE", "-co", "TILED=YES"),
        UTM_ZONE_32N("-co", "COMPRESS=DEFLATE"),
        ONE_BAND("-b", "1", "-co", "COMPRESS=DEFLATE"),
        FOUR_BANDS_RGBA("-b", "1", "-b", "2", "-b", "3", "-b", "2", "-co", "ALPHA=YES"),
        UINT16_WITH_NODATA("-b", "1", "-ot", "UInt16", "-scale", "0", "255", "1", "50000", "-a_nodata", "0"),
        FLOAT32_DEM("-b", "2", "-ot", "Float32", "-scale", "0", "255", "-100.5", "2500.25", "-a_nodata", "-9999");

        final String[] options;

        Kind(String... options) {
            this.options = options;
        }

        boolean stretched() {
            return this == UINT16_WITH_NODATA || this == FLOAT32_DEM;
        }
    }

    @TempDir
    Path files;

    @BeforeEach
    void workspace() {
        client.post("/rest/workspaces", "{\"workspace\":{\"name\":\"" + WS + "\"}}", admin);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void uploadsAndMatchesGdalwarpThroughGdalsWmsClient(Kind kind) throws Exception {
        List<String> options = new ArrayList<>(List.of("-outsize", "1024", "1024", "-r", "bilinear"));
        options.addAll(List.of(kind.options));
        Path file = Gdal.geotiff(files, "source.tif", options.toArray(String[]::new));
        if (kind == Kind.DEFLATE_TILED_WITH_OVERVIEWS) {
            Gdal.run("gdaladdo", "-q", "-r", "average", file.toString(), "2", "4");
        }
        if (kind == Kind.UTM_ZONE_32N) {
            Path utm = files.resolve("utm.tif");
            Gdal.run(
                    "gdalwarp",
                    "-q",
                    "-t_srs",
                    "EPSG:32632",
                    "-co",
                    "COMPRESS=DEFLATE",
                    file.toString(),
                    utm.toString());
            file = utm;
        }
        String store = kind.name().toLowerCase();
        awaitIngest(uploadGeoTiff(WS, store, file, admin));
        String layer = WS + ":" + store;

        Path reference = files.resolve("reference.tif");
        Gdal.warpBilinear(
                file.toString(),
                reference.toString(),
                "EPSG:3857",
                1000000,
                5500000,
                1200000,
                5700000,
                128,
                "-dstalpha");
        Raster expected = ImageIO.read(reference.toFile()).getRaster();

        if (kind.stretched()) {
            compareStretched(layer, expected);
        } else {
            BufferedImage viaGdal = fetchWithGdal(layer);
            compareColours(kind, viaGdal, expected);
        }
    }

    /** GDAL's WMS client fetching the map, as QGIS users' GDAL does. */
    private BufferedImage fetchWithGdal(String layer) throws IOException {
        Path out = files.resolve("via-gdal-wms.tif");
        Gdal.run(
                "gdal_translate",
                "-q",
                "-outsize",
                "128",
                "128",
                "WMS:" + client.base()
                        + "/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=" + layer.replace(":", "%3A")
                        + "&CRS=EPSG:3857&BBOX=" + BBOX + "&FORMAT=image/png",
                out.toString());
        return ImageIO.read(out.toFile());
    }

    private static void compareColours(Kind kind, BufferedImage ours, Raster expected) {
        int bands = expected.getNumBands(); // data bands, then gdalwarp's alpha
        long sum = 0;
        long n = 0;
        for (int y = 0; y < 128; y++) {
            for (int x = 0; x < 128; x++) {
                if (expected.getSample(x, y, bands - 1) == 0) {
                    continue; // outside the data for gdalwarp
                }
                int rgb = ours.getRGB(x, y);
                int[] ourColour = {(rgb >> 16) & 255, (rgb >> 8) & 255, rgb & 255};
                for (int c = 0; c < 3; c++) {
                    int theirs = expected.getSample(x, y, bands == 2 ? 0 : c);
                    if (kind == Kind.FOUR_BANDS_RGBA) {
                        // ours is composited on white by GDAL's client, at the file's alpha (band 4)
                        double alpha = expected.getSample(x, y, 3) / 255.0;
                        theirs = (int) Math.round(theirs * alpha + 255 * (1 - alpha));
                    }
                    sum += Math.abs(ourColour[c] - theirs);
                    n++;
                }
            }
        }
        assertThat(n).as("pixels with data").isGreaterThan(1000);
        double mad = (double) sum / n;
        System.out.printf("%s: MAD %.3f%n", kind, mad);
        assertThat(mad).as(kind + " against gdalwarp").isLessThanOrEqualTo(2);
    }

    private void compareStretched(String layer, Raster expected) throws IOException {
        JsonNode metadata = client.get("/rest/layers/" + layer, admin).json().at("/layer/metadata");
        double low = metadata.path("stats.band_1.p2").asDouble();
        double high = metadata.path("stats.band_1.p98").asDouble();
        var r = client.get(
                "/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=" + layer + "&STYLES=&CRS=EPSG:3857&BBOX=" + BBOX
                        + "&WIDTH=128&HEIGHT=128&FORMAT=image/png&TRANSPARENT=TRUE",
                Auth.none());
        BufferedImage ours = ImageIO.read(new java.io.ByteArrayInputStream(r.bytes()));
        long sum = 0;
        long n = 0;
        int transparentAgree = 0;
        for (int y = 0; y < 128; y++) {
            for (int x = 0; x < 128; x++) {
                boolean theirData = expected.getSample(x, y, 1) > 0; // gdalwarp's alpha: not nodata
                boolean ourData = (ours.getRGB(x, y) >>> 24) > 0;
                if (!theirData) {
                    transparentAgree += ourData ? 0 : 1;
                    continue;
                }
                double v = expected.getSampleDouble(x, y, 0);
                long stretched = Math.max(0, Math.min(255, Math.round((v - low) * 255 / (high - low))));
                sum += Math.abs((ours.getRGB(x, y) & 255) - stretched);
                n++;
            }
        }
        double mad = (double) sum / n;
        System.out.printf(
                "%s: stretched MAD %.3f, %d nodata pixels transparent for both%n", layer, mad, transparentAgree);
        assertThat(mad).isLessThanOrEqualTo(2);
    }
}
