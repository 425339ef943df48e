package org.imagelabeler.labeler;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.imagelabeler.platform.testing.RestClient;
import org.imagelabeler.platform.testing.RestClient.Auth;
import org.junit.jupiter.api.Test;

/**
 * An event's shapes as maps: WMS GetMap draws them in their class colours, GetFeatureInfo finds
 * them, GetLegendGraphic lists the classes, and WMTS tiles follow edits (a new shape drops the
 * cached tiles). A private event's layers do not exist for strangers.
 */
class EventLayerMapTest extends LabelerServerTestBase {

    private static final String EVENTS = "/rest/labeler/events";
    private static final Color WATER = new Color(0x00, 0x00, 0xff);
    private static final Color SMOKE = new Color(0xff, 0x00, 0x00);

    private record Event(String slug, Auth owner, String layer) {}

    private Event event() {
        Auth owner = user("map-owner");
        String slug = "map-" + UUID.randomUUID().toString().substring(0, 8);
        var e = client.post(
                EVENTS,
                "{\"slug\":\"" + slug + "\",\"title\":\"Lake\",\"labelSchema\":{\"classes\":["
                        + "{\"name\":\"water\",\"colour\":\"#0000ff\"},{\"name\":\"smoke\",\"colour\":\"#ff0000\"}]}}",
                owner);
        assertThat(e.status()).as(e.body()).isEqualTo(201);
        shape(slug, owner, "water", 10, 45, 11, 46);
        return new Event(slug, owner, "labeler:" + slug + "_shapes");
    }

    private void shape(String slug, Auth owner, String cls, double x0, double y0, double x1, double y1) {
        var r = client.post(
                EVENTS + "/" + slug + "/annotations",
                "{\"space\":\"map\",\"shape\":\"box\",\"class\":\"" + cls + "\",\"geometry\":{\"type\":\"Polygon\","
                        + "\"coordinates\":[[[" + x0 + "," + y0 + "],[" + x1 + "," + y0 + "],[" + x1 + "," + y1 + "],["
                        + x0 + "," + y1 + "],[" + x0 + "," + y0 + "]]]}}",
                owner);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
    }

    @Test
    void getMapDrawsShapesInTheirClassColoursAndFeatureInfoFindsThem() throws Exception {
        Event e = event();
        // WMS 1.3.0 in EPSG:4326: the BBOX is latitude first; 300 px over 3 degrees
        String map = "/wms?service=WMS&version=1.3.0&request=GetMap&layers=" + e.layer()
                + "&styles=&crs=EPSG:4326&bbox=44,9,47,12&width=300&height=300&format=image/png&transparent=true";
        var r = client.get(map, e.owner());
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(r.bytes()));
        Color inside = new Color(image.getRGB(150, 150), true); // lon 10.5, lat 45.5
        assertThat(inside.getBlue()).isEqualTo(255);
        assertThat(inside.getRed()).isZero();
        assertThat(inside.getAlpha()).isBetween(60, 120); // the fill's opacity
        Color edge = new Color(image.getRGB(100, 150), true); // lon 10.0: the outline
        assertThat(edge.getBlue()).isEqualTo(255);
        assertThat(edge.getAlpha()).isGreaterThan(200);
        assertThat(new Color(image.getRGB(50, 150), true).getAlpha()).isZero(); // lon 9.5: nothing

        var info = client.get(
                map.replace("GetMap", "GetFeatureInfo") + "&query_layers=" + e.layer()
                        + "&info_format=application/json&i=150&j=150",
                e.owner());
        assertThat(info.status()).as(info.body()).isEqualTo(200);
        assertThat(info.json().path("features")).hasSize(1);
        assertThat(info.json()
                        .path("features")
                        .get(0)
                        .path("properties")
                        .path("class")
                        .asText())
                .isEqualTo("water");
        var nothing = client.get(
                map.replace("GetMap", "GetFeatureInfo") + "&query_layers=" + e.layer()
                        + "&info_format=application/json&i=50&j=150",
                e.owner());
        assertThat(nothing.json().path("features")).isEmpty();

        // a private event's layers answer strangers as unknown layers do
        var hidden = client.get(map, user("map-outsider"));
        var unknown = client.get(map.replace(e.layer(), "labeler:nothing_shapes"), user("map-outsider"));
        assertThat(hidden.body().replace(e.layer(), "X"))
                .contains("LayerNotDefined")
                .isEqualTo(unknown.body().replace("labeler:nothing_shapes", "X"));
    }

    @Test
    void legendListsTheEventsClassesInTheirColours() throws Exception {
        Event e = event();
        var legend = client.get(
                "/wms?service=WMS&version=1.3.0&request=GetLegendGraphic&format=image/png&layer=" + e.layer(),
                e.owner());
        assertThat(legend.status()).as(legend.body()).isEqualTo(200);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(legend.bytes()));
        assertThat(holds(image, WATER)).isTrue();
        assertThat(holds(image, SMOKE)).isTrue();
    }

    @Test
    void cachedTilesFollowEdits() throws Exception {
        Event e = event();
        int z = 6;
        double[] pixel = tilePixel(10.5, 45.5, z);
        String tile = "/wmts?service=WMTS&version=1.0.0&request=GetTile&layer=" + e.layer()
                + "&style=default&tilematrixset=WebMercatorQuad&tilematrix=" + z + "&tilerow=" + (int) pixel[1]
                + "&tilecol=" + (int) pixel[0] + "&format=image/png";
        int x = (int) ((pixel[0] % 1) * 256);
        int y = (int) ((pixel[1] % 1) * 256);
        RestClient.Response first = client.get(tile, e.owner());
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(first.header("X-Cache")).isEqualTo("MISS");
        assertThat(new Color(
                                ImageIO.read(new ByteArrayInputStream(first.bytes()))
                                        .getRGB(x, y),
                                true)
                        .getBlue())
                .isEqualTo(255);
        assertThat(client.get(tile, e.owner()).header("X-Cache")).isEqualTo("HIT");

        shape(e.slug(), e.owner(), "smoke", 10.3, 45.3, 10.7, 45.7);
        RestClient.Response after = client.get(tile, e.owner());
        assertThat(after.header("X-Cache")).isEqualTo("MISS");
        Color now =
                new Color(ImageIO.read(new ByteArrayInputStream(after.bytes())).getRGB(x, y), true);
        assertThat(now.getRed()).isGreaterThan(now.getBlue());
    }

    /** Column and row of a point in WebMercatorQuad at zoom z, with their fractions (the pixel in the tile). */
    private static double[] tilePixel(double lon, double lat, int z) {
        double n = 1 << z;
        double col = (lon + 180) / 360 * n;
        double r = Math.toRadians(lat);
        double row = (1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2 * n;
        return new double[] {col, row};
    }

    private static boolean holds(BufferedImage image, Color colour) {
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                Color c = new Color(image.getRGB(x, y), true);
                if (c.getAlpha() == 255 && c.getRGB() == colour.getRGB()) {
                    return true;
                }
            }
        }
        return false;
    }
}
