package org.imagelabeler.platform.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.imagelabeler.platform.app.InMemoryVectorLayers.FILL_ALPHA;
import static org.imagelabeler.platform.app.InMemoryVectorLayers.FOREST;
import static org.imagelabeler.platform.app.InMemoryVectorLayers.OTHER;
import static org.imagelabeler.platform.app.InMemoryVectorLayers.SHAPES;
import static org.imagelabeler.platform.app.InMemoryVectorLayers.URBAN;
import static org.imagelabeler.platform.app.InMemoryVectorLayers.WATER;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import javax.xml.xpath.XPathFactory;
import org.imagelabeler.platform.raster.Gdal;
import org.imagelabeler.platform.testing.OgcSchemas;
import org.imagelabeler.platform.testing.RestClient;
import org.imagelabeler.platform.testing.RestClient.Auth;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Import;
import org.w3c.dom.Document;

/**
 * Vector layers over WMS, as a user checks them: the colours of a map's pixels against the
 * layer's style, points where they belong in EPSG:3857 and EPSG:4326 (latitude first in 1.3.0),
 * the feature under a click, a legend whose swatches are the classes' colours, capabilities that
 * link each style to its legend and still validate, and GDAL and OWSLib as clients. The features
 * are held in memory ({@link InMemoryVectorLayers}); the layers are made through the REST API.
 */
@Import(InMemoryVectorLayers.class)
class VectorWmsTest extends ServerTestBase {

    private static final String MAP = "SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=vectortest:shapes&STYLES="
            + "&CRS=CRS:84&BBOX=0,0,25.6,25.6&WIDTH=256&HEIGHT=256&FORMAT=image/png";
    private static final String INFO = "SERVICE=WMS&VERSION=1.3.0&REQUEST=GetFeatureInfo&LAYERS=vectortest:shapes"
            + "&QUERY_LAYERS=vectortest:shapes&STYLES=&CRS=CRS:84&BBOX=0,0,25.6,25.6&WIDTH=256&HEIGHT=256"
            + "&INFO_FORMAT=application/json";
    private static final String LEGEND = "SERVICE=WMS&REQUEST=GetLegendGraphic&FORMAT=image/png&LAYER=";
    private static final Color WHITE = Color.WHITE;

    private static boolean published;

    @BeforeEach
    void publish() throws IOException {
        if (published) {
            return;
        }
        client.post("/rest/workspaces", "{\"workspace\":{\"name\":\"vectortest\"}}", admin);
        created(client.post(
                "/rest/workspaces/vectortest/datastores",
                "{\"dataStore\":{\"name\":\"memory\",\"type\":\"" + InMemoryVectorLayers.STORE_TYPE + "\"}}",
                admin));
        created(client.post(
                "/rest/workspaces/vectortest/layers",
                "{\"layer\":{\"name\":\"shapes\",\"store\":\"memory\",\"kind\":\"VECTOR\",\"title\":\"Land cover\","
                        + "\"nativeCrs\":\"EPSG:4326\",\"latLonBoundingBox\":{\"minX\":-180,\"minY\":-90,\"maxX\":180,"
                        + "\"maxY\":90,\"crs\":\"EPSG:4326\"}}}",
                admin));

        Path dir = Files.createDirectories(dataDir.resolve("coverages/vectortest"));
        Gdal.geotiff(dir, "imagery.tif");
        created(client.post(
                "/rest/workspaces/vectortest/coveragestores",
                "{\"coverageStore\":{\"name\":\"imagery\",\"url\":\"file:coverages/vectortest/imagery.tif\"}}",
                admin));
        created(client.post(
                "/rest/workspaces/vectortest/layers",
                "{\"layer\":{\"name\":\"imagery\",\"store\":\"imagery\",\"kind\":\"RASTER\",\"title\":\"Scene\"}}",
                admin));

        client.post("/rest/workspaces", "{\"workspace\":{\"name\":\"vectorsecret\"}}", admin);
        created(client.post(
                "/rest/workspaces/vectorsecret/datastores",
                "{\"dataStore\":{\"name\":\"memory\",\"type\":\"" + InMemoryVectorLayers.STORE_TYPE + "\"}}",
                admin));
        created(client.post(
                "/rest/workspaces/vectorsecret/layers",
                "{\"layer\":{\"name\":\"hidden\",\"store\":\"memory\",\"kind\":\"VECTOR\"}}",
                admin));
        client.post("/rest/security/acl/layers", "{\"vectorsecret.*.r\":\"ANALYST\"}", admin);
        createUser("vectoranalyst", "analyst-password", "ANALYST");
        published = true;
    }

    private static void created(RestClient.Response r) {
        assertThat(r.status()).as(r.body()).isEqualTo(201);
    }

    // ---- maps ----------------------------------------------------------------------------------

    @Test
    void polygonsAreFilledWithTheirClassColourAtTheFillOpacityAndOutlinedInFull() throws Exception {
        BufferedImage map = image(wms(MAP));
        assertColour(map, 70, 130, blend(WATER, WHITE), "inside the lake");
        assertColour(map, 50, 150, WATER, "the lake's western outline, lon 5");
        assertColour(map, 180, 186, blend(FOREST, WHITE), "inside the wood");
        assertColour(map, 190, 56, blend(URBAN, blend(OTHER, WHITE)), "the village, drawn over the field");
        assertColour(map, 170, 40, blend(OTHER, WHITE), "the field, of no listed class");
        assertColour(map, 50, 16, URBAN, "the road, lat 24");
        assertColour(map, 100, 156, WHITE, "the lake's hole");
        assertColour(map, 240, 240, WHITE, "no feature");
        assertThat(SHAPES.openCursors()).as("cursors left open").isZero();
    }

    @Test
    void holeOfATransparentMapStaysTransparent() throws Exception {
        BufferedImage map = image(wms(MAP + "&TRANSPARENT=TRUE"));
        assertThat(map.getRGB(100, 156) >>> 24).as("the hole").isZero();
        assertThat(map.getRGB(70, 130) >>> 24).as("the lake").isEqualTo(FILL_ALPHA);
        assertThat(map.getRGB(50, 150) >>> 24).as("its outline").isEqualTo(255);
    }

    @Test
    void pointIsDrawnAtItsPlaceInWebMercatorAndInEpsg4326LatitudeFirst() throws Exception {
        // the buoy, lon 30.5 lat 40.25, is put at pixel (192, 96) of each 256-pixel map
        double x = Math.toRadians(30.5) * 6378137;
        double y = Math.log(Math.tan(Math.PI / 4 + Math.toRadians(40.25) / 2)) * 6378137;
        String mercator =
                String.format(Locale.ROOT, "%f,%f,%f,%f", x - 19200, y - 16000, x + 6400, y + 9600); // 100 m a pixel
        List<String> maps = List.of(
                "VERSION=1.3.0&CRS=EPSG:3857&BBOX=" + mercator,
                "VERSION=1.3.0&CRS=EPSG:4326&BBOX=39,29,41,31",
                "VERSION=1.1.1&SRS=EPSG:4326&BBOX=29,39,31,41",
                "VERSION=1.3.0&CRS=CRS:84&BBOX=29,39,31,41");
        for (String m : maps) {
            BufferedImage map = image(wms("SERVICE=WMS&REQUEST=GetMap&LAYERS=vectortest:shapes&STYLES=&" + m
                    + "&WIDTH=256&HEIGHT=256&FORMAT=image/png"));
            assertColour(map, 192, 96, blend(WATER, WHITE), m + ": the buoy");
            assertColour(map, 199, 96, WHITE, m + ": 7 pixels east of it");
            assertColour(map, 64, 160, WHITE, m + ": elsewhere");
        }
    }

    @Test
    void featureBeyondTheAntimeridianIsDrawnWhereTheMapShowsIt() throws Exception {
        // EPSG:3857 x 19037508..21037508 (lon 171..189), 10 km a pixel: the point at lon -175 is at 185
        double x = Math.toRadians(185) * 6378137;
        double y = Math.log(Math.tan(Math.PI / 4 + Math.toRadians(10) / 2)) * 6378137;
        int column = (int) ((x - 19037508.34) / 10000);
        int row = (int) ((2e6 - y) / 10000);
        BufferedImage map = image(wms("SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=vectortest:shapes&STYLES="
                + "&CRS=EPSG:3857&BBOX=19037508.34,0,21037508.34,2000000&WIDTH=200&HEIGHT=200&FORMAT=image/png"));
        assertColour(map, column, row, blend(FOREST, WHITE), "the dateline point at (" + column + "," + row + ")");
        assertColour(map, 200 - column, row, WHITE, "its mirror west of the antimeridian");
    }

    @Test
    void styleTheLayerDoesNotHaveIsStyleNotDefined() {
        var r = wms(MAP.replace("STYLES=", "STYLES=polygon"));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body()).contains("code=\"StyleNotDefined\"").contains("locator=\"STYLES\"");
        assertThat(wms(MAP.replace("STYLES=", "STYLES=default")).contentType()).isEqualTo("image/png");
    }

    // ---- feature info --------------------------------------------------------------------------

    @Test
    void getFeatureInfoGivesTheAttributesOfTheFeatureUnderTheClickAndNotOfTheOneBesideIt() {
        JsonNode lake = wms(INFO + "&I=70&J=130").json().path("features");
        assertThat(lake).hasSize(1);
        assertThat(lake.at("/0/id").asText()).isEqualTo("lake");
        JsonNode properties = lake.at("/0/properties");
        assertThat(properties.path("name").asText()).isEqualTo("lake");
        assertThat(properties.path("class").asText()).isEqualTo("water");
        assertThat(properties.path("area_km2").asDouble()).isEqualTo(12.5);
        assertThat(properties.path("observed").asText()).isEqualTo("2024-06-01T10:00:00Z");
        assertThat(properties.has("geom")).as("no geometry").isFalse();

        // 2 pixels west of the wood's edge (lon 16), 8 east of the lake's (lon 15)
        assertThat(ids(wms(INFO + "&I=158&J=190&FEATURE_COUNT=5").json())).containsExactly("wood");
        assertThat(ids(wms(INFO + "&I=100&J=156&FEATURE_COUNT=5").json()))
                .as("the lake's hole")
                .isEmpty();
        var text = wms(INFO.replace("VERSION=1.3.0", "VERSION=1.1.1")
                        .replace("CRS=CRS:84", "SRS=EPSG:4326")
                        .replace("application/json", "text/plain")
                + "&X=70&Y=130");
        assertThat(text.body())
                .contains("name = lake")
                .contains("area_km2 = 12.5")
                .doesNotContain("POLYGON");
        assertThat(SHAPES.openCursors()).isZero();
    }

    @Test
    void getFeatureInfoListsOverlappingFeaturesTopmostFirstUpToFeatureCount() {
        assertThat(ids(wms(INFO + "&I=190&J=56&FEATURE_COUNT=2").json())).containsExactly("village", "field");
        assertThat(ids(wms(INFO + "&I=190&J=56").json())).containsExactly("village");
    }

    // ---- legends -------------------------------------------------------------------------------

    @Test
    void legendShowsEachClassInItsColourInTheStyleOrder() throws Exception {
        var r = wms(LEGEND + "vectortest:shapes");
        assertThat(r.status()).isEqualTo(200);
        BufferedImage legend = image(r);
        int swatch = 20;
        int previous = -1;
        for (Color c : List.of(WATER, FOREST, URBAN, OTHER)) {
            int fill = firstRowWith(legend, blend(c, WHITE), swatch);
            int outline = firstRowWith(legend, c, swatch);
            assertThat(fill).as("fill of " + c).isGreaterThan(previous);
            assertThat(outline).as("outline of " + c).isGreaterThan(previous).isLessThan(fill);
            previous = fill;
        }
        assertThat(legend.getHeight()).isGreaterThanOrEqualTo(4 * swatch);
        assertThat(darkPixelsRightOf(legend, swatch))
                .as("the titles are written")
                .isGreaterThan(50);

        BufferedImage larger = image(wms(LEGEND + "vectortest:shapes&WIDTH=40&HEIGHT=30"));
        assertThat(larger.getHeight()).isGreaterThanOrEqualTo(4 * 30);
        assertThat(firstRowWith(larger, blend(WATER, WHITE), 40)).isGreaterThanOrEqualTo(0);
        assertThat(wms(LEGEND.replace("image/png", "image/jpeg") + "vectortest:shapes")
                        .contentType())
                .isEqualTo("image/jpeg");
    }

    @Test
    void rasterLayerLegendIsOneRowWithTheLayerTitle() throws Exception {
        BufferedImage legend = image(wms(LEGEND + "vectortest:imagery"));
        assertThat(legend.getHeight()).isLessThan(30);
        assertThat(legend.getRGB(10, legend.getHeight() / 2) & 0xFFFFFF)
                .as("the swatch")
                .isNotEqualTo(0xFFFFFF);
        assertThat(darkPixelsRightOf(legend, 20)).as("the title").isGreaterThan(20);
    }

    @Test
    void legendOfAnUnknownOrHiddenLayerIsLayerNotDefined() throws Exception {
        var unknown = wms("VERSION=1.3.0&" + LEGEND + "vectortest:nope");
        assertThat(unknown.status()).isEqualTo(400);
        OgcSchemas.validate(unknown.body().getBytes(StandardCharsets.UTF_8), "ogc/wms/1.3.0/exceptions_1_3_0.xsd");
        assertThat(unknown.body()).contains("code=\"LayerNotDefined\"").contains("locator=\"LAYER\"");

        var hidden = wms("VERSION=1.3.0&" + LEGEND + "vectorsecret:hidden");
        assertThat(hidden.body()).isEqualTo(unknown.body().replace("vectortest:nope", "vectorsecret:hidden"));
        var seen = client.send(client.request(
                "/wms?" + LEGEND + "vectorsecret:hidden", Auth.basic("vectoranalyst", "analyst-password")));
        assertThat(seen.contentType()).isEqualTo("image/png");

        assertThat(wms("VERSION=1.3.0&" + LEGEND + "vectortest:shapes&STYLE=nope")
                        .body())
                .contains("code=\"StyleNotDefined\"")
                .contains("locator=\"STYLE\"");
        assertThat(wms("VERSION=1.3.0&SERVICE=WMS&REQUEST=GetLegendGraphic").body())
                .contains("code=\"MissingParameterValue\"")
                .contains("locator=\"LAYER\"");
        assertThat(wms("VERSION=1.3.0&" + LEGEND.replace("image/png", "image/gif") + "vectortest:shapes")
                        .body())
                .contains("code=\"InvalidFormat\"");
    }

    // ---- capabilities --------------------------------------------------------------------------

    @Test
    void capabilitiesLinkEachStyleToItsLegendAndStayValid() throws Exception {
        byte[] v130 = wms("SERVICE=WMS&REQUEST=GetCapabilities&VERSION=1.3.0").bytes();
        OgcSchemas.validate(v130, WmsTest.WMS_130_CAPABILITIES);
        Document doc = parse(v130);
        assertThat(xpath(doc, "namespace-uri(//*[local-name()='Request']/*[local-name()='GetLegendGraphic'])"))
                .isEqualTo("http://www.opengis.net/sld");
        String style = "//*[local-name()='Layer'][*[local-name()='Name']='vectortest:shapes']/*[local-name()='Style']";
        assertThat(xpath(doc, style + "/*[local-name()='Name']")).isEqualTo("default");
        String legendUrl = style + "/*[local-name()='LegendURL']";
        String href = xpath(doc, legendUrl + "/*[local-name()='OnlineResource']/@*[local-name()='href']");
        assertThat(href)
                .isEqualTo(client.base() + "/wms?service=WMS&request=GetLegendGraphic&format=image/png"
                        + "&width=20&height=20&layer=vectortest:shapes");
        assertThat(xpath(doc, legendUrl + "/*[local-name()='Format']")).isEqualTo("image/png");
        BufferedImage legend =
                image(client.send(client.request(href.substring(client.base().length()), Auth.none())));
        assertThat(legend.getWidth()).isEqualTo(Integer.parseInt(xpath(doc, legendUrl + "/@width")));
        assertThat(legend.getHeight()).isEqualTo(Integer.parseInt(xpath(doc, legendUrl + "/@height")));
        assertThat(xpath(
                        doc,
                        "//*[local-name()='Layer'][*[local-name()='Name']='vectortest:imagery']"
                                + "/*[local-name()='Style']/*[local-name()='LegendURL']/*[local-name()='OnlineResource']"
                                + "/@*[local-name()='href']"))
                .endsWith("&layer=vectortest:imagery");

        Document v111 = OgcSchemas.validateWithDtd(
                wms("SERVICE=WMS&REQUEST=GetCapabilities&VERSION=1.1.1").bytes(),
                "ogc/wms/1.1.1/WMS_MS_Capabilities.dtd");
        assertThat(xpath(v111, "//Request/GetLegendGraphic/Format")).isEqualTo("image/png");
        assertThat(xpath(
                        v111,
                        "//Layer[Name='vectortest:shapes']/Style/LegendURL/OnlineResource/@*[local-name()='href']"))
                .isEqualTo(href);
    }

    // ---- real clients --------------------------------------------------------------------------

    @Test
    void gdalReadsTheVectorLayerAsAWmsClient() throws Exception {
        assertThat(Gdal.run(
                        "gdalinfo", "WMS:" + client.base() + "/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetCapabilities"))
                .contains("LAYERS=vectortest%3Ashapes")
                .contains("Land cover");
        // one 256-pixel block, in EPSG:4326 by WMS 1.3.0: GDAL writes the BBOX latitude first
        Path service = Files.writeString(
                dataDir.resolve("vector.wms.xml"),
                "<GDAL_WMS><Service name=\"WMS\"><Version>1.3.0</Version><ServerUrl>" + client.base()
                        + "/wms?</ServerUrl><Layers>vectortest:shapes</Layers><CRS>EPSG:4326</CRS>"
                        + "<ImageFormat>image/png</ImageFormat></Service><DataWindow><UpperLeftX>0</UpperLeftX>"
                        + "<UpperLeftY>25.6</UpperLeftY><LowerRightX>25.6</LowerRightX><LowerRightY>0</LowerRightY>"
                        + "<SizeX>256</SizeX><SizeY>256</SizeY></DataWindow><BlockSizeX>256</BlockSizeX>"
                        + "<BlockSizeY>256</BlockSizeY><BandsCount>3</BandsCount></GDAL_WMS>");
        Path fetched = dataDir.resolve("vector-via-gdal.png");
        Gdal.run("gdal_translate", "-q", "-of", "PNG", service.toString(), fetched.toString());
        BufferedImage viaGdal = ImageIO.read(fetched.toFile());
        assertColour(viaGdal, 70, 130, blend(WATER, WHITE), "inside the lake, through GDAL");
        assertColour(viaGdal, 50, 150, WATER, "the lake's outline, through GDAL");
        assertThat(WmsTestSupport.meanAbsoluteDifference(
                        viaGdal, image(wms(MAP)).getRaster()))
                .isLessThan(0.5);
    }

    @Test
    void owslibFindsTheLegendOfEachStyle() throws Exception {
        String script = String.join(
                "\n",
                "import sys",
                "from owslib.wms import WebMapService",
                "for version in ('1.3.0', '1.1.1'):",
                "    wms = WebMapService(sys.argv[1], version=version)",
                "    print(version, wms['vectortest:shapes'].styles['default']['legend'])");
        Path py = Files.writeString(dataDir.resolve("owslib_legend.py"), script);
        String out = Gdal.run("/usr/bin/python3", py.toString(), client.base() + "/wms");
        String legend = client.base() + "/wms?service=WMS&request=GetLegendGraphic&format=image/png&width=20"
                + "&height=20&layer=vectortest:shapes";
        assertThat(out).contains("1.3.0 " + legend).contains("1.1.1 " + legend);
    }

    // ---- helpers -------------------------------------------------------------------------------

    private RestClient.Response wms(String query) {
        return client.send(client.request("/wms?" + query, Auth.none()));
    }

    private static BufferedImage image(RestClient.Response r) throws IOException {
        assertThat(r.contentType()).as(r.body()).startsWith("image/");
        return ImageIO.read(new ByteArrayInputStream(r.bytes()));
    }

    private static List<String> ids(JsonNode collection) {
        return collection.path("features").findValuesAsText("id");
    }

    /** {@code colour} at the style's fill opacity over {@code under}. */
    private static Color blend(Color colour, Color under) {
        double a = FILL_ALPHA / 255.0;
        return new Color(
                (int) Math.round(colour.getRed() * a + under.getRed() * (1 - a)),
                (int) Math.round(colour.getGreen() * a + under.getGreen() * (1 - a)),
                (int) Math.round(colour.getBlue() * a + under.getBlue() * (1 - a)));
    }

    private static void assertColour(BufferedImage image, int x, int y, Color expected, String what) {
        Color actual = new Color(image.getRGB(x, y));
        assertThat(actual.getRed()).as(what + " " + actual).isCloseTo(expected.getRed(), within(2));
        assertThat(actual.getGreen()).as(what + " " + actual).isCloseTo(expected.getGreen(), within(2));
        assertThat(actual.getBlue()).as(what + " " + actual).isCloseTo(expected.getBlue(), within(2));
    }

    private static boolean near(int rgb, Color c) {
        return Math.abs(((rgb >> 16) & 255) - c.getRed()) <= 2
                && Math.abs(((rgb >> 8) & 255) - c.getGreen()) <= 2
                && Math.abs((rgb & 255) - c.getBlue()) <= 2;
    }

    /** The first row with a pixel of colour {@code c} among the swatches' columns, or -1. */
    private static int firstRowWith(BufferedImage image, Color c, int swatchWidth) {
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < Math.min(image.getWidth(), swatchWidth + 2); x++) {
                if (near(image.getRGB(x, y), c)) {
                    return y;
                }
            }
        }
        return -1;
    }

    private static int darkPixelsRightOf(BufferedImage image, int swatchWidth) {
        int dark = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = swatchWidth + 4; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) & 255) < 100) {
                    dark++;
                }
            }
        }
        return dark;
    }

    private static Document parse(byte[] xml) throws Exception {
        var f = javax.xml.parsers.DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    }

    private static String xpath(Document doc, String expression) throws Exception {
        return XPathFactory.newInstance().newXPath().evaluate(expression, doc);
    }
}
