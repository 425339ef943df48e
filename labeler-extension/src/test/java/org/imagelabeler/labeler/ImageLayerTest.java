package org.imagelabeler.labeler;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.imagelabeler.platform.raster.Gdal;
import org.imagelabeler.platform.testing.RestClient;
import org.imagelabeler.platform.testing.RestClient.Auth;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Georeferenced images as WMS layers: a GeoTIFF upload is published for the event's readers
 * only, GetMap draws its pixels at full resolution, and the layer goes with the image.
 */
class ImageLayerTest extends LabelerServerTestBase {

    private static final String EVENTS = "/rest/labeler/events";
    // the upload: Gdal.picture in UTM 32N, 512 x 512 pixels of 19.53 m
    private static final String UTM = "EPSG:32632";

    @TempDir
    Path files;

    @Test
    void aGeoTiffIsAWmsLayerForItsReadersOnlyAndGoesWithTheImage() throws Exception {
        Auth owner = user("layer-owner");
        Auth reviewer = user("layer-reviewer");
        Auth outsider = user("layer-outsider");
        String slug = "layer-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(client.post(EVENTS, "{\"slug\":\"" + slug + "\",\"title\":\"Layers\"}", owner)
                        .status())
                .isEqualTo(201);
        client.put(EVENTS + "/" + slug + "/members/layer-reviewer", "{\"role\":\"reviewer\"}", owner);
        Path tif = Gdal.geotiff(files, "utm.tif", "-a_srs", UTM, "-a_ullr", "500000", "5000000", "510000", "4990000");
        var uploaded = upload(slug, tif, owner);
        assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(201);
        String id = uploaded.json().path("id").asText();
        String layer = uploaded.json().path("layer").asText();
        assertThat(layer).isEqualTo("labeler:" + slug + "_image_" + id.replace("-", ""));
        var png = upload(slug, Gdal.picture(files), owner);
        assertThat(png.json().has("layer")).as("a plain picture has no layer").isFalse();
        assertThat(client.get(EVENTS + "/" + slug + "/images/" + id, reviewer)
                        .json()
                        .path("layer")
                        .asText())
                .isEqualTo(layer);

        assertThat(capabilities(owner)).contains("<Name>" + layer + "</Name>");
        assertThat(capabilities(reviewer)).contains("<Name>" + layer + "</Name>");
        assertThat(capabilities(outsider)).doesNotContain(layer.substring("labeler:".length()));
        String wmts = "/wmts?service=WMTS&version=1.0.0&request=GetCapabilities";
        assertThat(client.get(wmts, reviewer).body()).contains(layer);
        assertThat(client.get(wmts, outsider).body()).doesNotContain(layer.substring("labeler:".length()));

        // the whole image at its own resolution: the uploaded pixels, as GDAL reads them
        var whole = client.get(getMap(layer, 500000, 4990000, 510000, 5000000, 512), reviewer);
        assertThat(whole.contentType()).as(whole.body()).startsWith("image/png");
        Path reference = files.resolve("reference.png");
        Gdal.run("gdal_translate", "-q", "-of", "PNG", tif.toString(), reference.toString());
        assertThat(meanDifference(png(whole), ImageIO.read(reference.toFile()), 0, 0))
                .isLessThan(1.0);
        // zoomed in on the top-left quarter: full-resolution detail, not an upscaled preview
        var quarter = client.get(getMap(layer, 500000, 4995000, 505000, 5000000, 256), reviewer);
        assertThat(meanDifference(png(quarter), ImageIO.read(reference.toFile()), 0, 0))
                .isLessThan(1.0);

        // an outsider learns nothing: the answer of a layer that does not exist
        String unknown = "labeler:" + slug + "_image_" + "0".repeat(32);
        var hidden = client.get(getMap(layer, 500000, 4990000, 510000, 5000000, 64), outsider);
        var missing = client.get(getMap(unknown, 500000, 4990000, 510000, 5000000, 64), outsider);
        assertThat(hidden.status()).isEqualTo(missing.status());
        assertThat(hidden.body().replace(layer, "?")).isEqualTo(missing.body().replace(unknown, "?"));
        String tile = "/wmts?service=WMTS&version=1.0.0&request=GetTile&style=default&tilematrixset=WebMercatorQuad"
                + "&tilematrix=6&tilerow=22&tilecol=33&format=image/png&layer=";
        assertThat(client.get(tile + layer, reviewer).contentType()).startsWith("image/png");
        var hiddenTile = client.get(tile + layer, outsider);
        var missingTile = client.get(tile + unknown, outsider);
        assertThat(hiddenTile.status()).isEqualTo(missingTile.status());
        assertThat(hiddenTile.body().replace(layer, "?"))
                .isEqualTo(missingTile.body().replace(unknown, "?"));
        String rest = "/rest/workspaces/labeler/layers/" + layer.substring("labeler:".length());
        assertThat(client.get(rest, outsider).status())
                .isEqualTo(client.get("/rest/workspaces/labeler/layers/" + unknown.substring(8), outsider)
                        .status());

        assertThat(client.delete(EVENTS + "/" + slug + "/images/" + id, owner).status())
                .isEqualTo(204);
        assertThat(capabilities(owner)).doesNotContain(layer.substring("labeler:".length()));
        var gone = client.get(getMap(layer, 500000, 4990000, 510000, 5000000, 64), owner);
        assertThat(gone.body()).contains("LayerNotDefined");
    }

    @Test
    void deletingTheEventRemovesItsImageLayers() throws Exception {
        Auth owner = user("layer-owner");
        String slug = "layer-" + UUID.randomUUID().toString().substring(0, 8);
        client.post(EVENTS, "{\"slug\":\"" + slug + "\",\"title\":\"Layers\"}", owner);
        Path tif = Gdal.geotiff(files, "geo.tif");
        String layer = upload(slug, tif, owner).json().path("layer").asText();
        assertThat(capabilities(owner)).contains("<Name>" + layer + "</Name>");

        assertThat(client.delete(EVENTS + "/" + slug, owner).status()).isEqualTo(204);
        assertThat(capabilities(admin)).doesNotContain(layer.substring("labeler:".length()));
    }

    private String capabilities(Auth who) {
        return client.get("/wms?service=WMS&version=1.3.0&request=GetCapabilities", who)
                .body();
    }

    private static String getMap(String layer, double minX, double minY, double maxX, double maxY, int size) {
        return "/wms?service=WMS&version=1.3.0&request=GetMap&layers=" + layer + "&styles=&crs=" + UTM + "&bbox="
                + minX + "," + minY + "," + maxX + "," + maxY + "&width=" + size + "&height=" + size
                + "&format=image/png";
    }

    private RestClient.Response upload(String slug, Path file, Auth who) throws IOException {
        return client.send(client.request(EVENTS + "/" + slug + "/images?name=" + file.getFileName(), who)
                .header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofFile(file)));
    }

    private static BufferedImage png(RestClient.Response r) throws IOException {
        return ImageIO.read(new ByteArrayInputStream(r.bytes()));
    }

    /** Mean absolute difference per channel between {@code map} and the same-sized window of {@code reference}. */
    private static double meanDifference(BufferedImage map, BufferedImage reference, int x0, int y0) {
        long sum = 0;
        for (int y = 0; y < map.getHeight(); y++) {
            for (int x = 0; x < map.getWidth(); x++) {
                int a = map.getRGB(x, y);
                int b = reference.getRGB(x0 + x, y0 + y);
                for (int shift = 0; shift <= 16; shift += 8) {
                    sum += Math.abs(((a >> shift) & 0xff) - ((b >> shift) & 0xff));
                }
            }
        }
        return sum / (3.0 * map.getWidth() * map.getHeight());
    }
}
