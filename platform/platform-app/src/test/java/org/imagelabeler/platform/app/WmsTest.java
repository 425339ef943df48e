package org.imagelabeler.platform.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import javax.imageio.ImageIO;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.imagelabeler.platform.catalog.BoundingBox;
import org.imagelabeler.platform.raster.CoverageDescription;
import org.imagelabeler.platform.raster.Gdal;
import org.imagelabeler.platform.raster.GeoTiffInspector;
import org.imagelabeler.platform.testing.OgcSchemas;
import org.imagelabeler.platform.testing.RestClient;
import org.imagelabeler.platform.testing.RestClient.Auth;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/**
 * WMS 1.3.0 and 1.1.1 over HTTP, checked the way users check: documents validated against the
 * official OGC schemas, maps compared with gdalwarp, values with gdallocationinfo, and GDAL's and
 * OWSLib's WMS clients reading the service.
 */
class WmsTest extends ServerTestBase {

    private static final String WS = "wmstest";
    /**
     * The WMS 1.3.0 capabilities schema with SLD 1.1.0's extension, which imports it and declares
     * the {@code sld:GetLegendGraphic} operation the capabilities list, as GeoServer's do.
     */
    static final String WMS_130_CAPABILITIES = "ogc/sld/1.1.0/sld_capabilities.xsd";

    private static boolean published;

    @BeforeEach
    void publish() throws IOException {
        if (published) {
            return;
        }
        Path dir = Files.createDirectories(dataDir.resolve("coverages/wmstest"));
        Path rgb = Gdal.geotiff(
                dir,
                "rgb.tif",
                "-outsize",
                "2048",
                "2048",
                "-r",
                "bilinear",
                "-co",
                "COMPRESS=DEFLATE",
                "-co",
                "TILED=YES");
        Gdal.run("gdaladdo", "-q", "-r", "average", rgb.toString(), "2", "4", "8");
        Path u16 = Gdal.geotiff(
                dir,
                "u16.tif",
                "-b",
                "1",
                "-ot",
                "UInt16",
                "-scale",
                "0",
                "255",
                "1000",
                "3000",
                "-a_nodata",
                "0",
                "-co",
                "COMPRESS=DEFLATE");
        client.post("/rest/workspaces", "{\"workspace\":{\"name\":\"" + WS + "\"}}", admin);
        publishCoverage("rgb", "file:coverages/wmstest/rgb.tif", rgb);
        publishCoverage("elevation", "file:coverages/wmstest/u16.tif", u16);
        published = true;
    }

    private void publishCoverage(String name, String url, Path file) {
        CoverageDescription d = GeoTiffInspector.inspect(file);
        var store = client.post(
                "/rest/workspaces/" + WS + "/coveragestores",
                "{\"coverageStore\":{\"name\":\"" + name + "\",\"url\":\"" + url + "\"}}",
                admin);
        assertThat(store.status()).as(store.body()).isEqualTo(201);
        var layer = client.post(
                "/rest/workspaces/" + WS + "/layers",
                "{\"layer\":{\"name\":\"" + name
                        + "\",\"store\":\"" + name + "\",\"kind\":\"RASTER\",\"title\":\"" + name
                        + " layer\",\"nativeCrs\":\""
                        + d.crs() + "\",\"nativeBoundingBox\":" + box(d.nativeBounds()) + ",\"latLonBoundingBox\":"
                        + box(d.geographicBounds()) + "}}",
                admin);
        assertThat(layer.status()).as(layer.body()).isEqualTo(201);
    }

    private static String box(BoundingBox b) {
        return String.format(
                Locale.ROOT,
                "{\"minX\":%s,\"minY\":%s,\"maxX\":%s,\"maxY\":%s,\"crs\":\"%s\"}",
                b.minX(),
                b.minY(),
                b.maxX(),
                b.maxY(),
                b.crs());
    }

    private RestClient.Response wms(String query) {
        return client.get("/wms?" + query, Auth.none());
    }

    private static BufferedImage image(RestClient.Response r) throws IOException {
        assertThat(r.contentType()).as(r.body()).startsWith("image/");
        return ImageIO.read(new ByteArrayInputStream(r.bytes()));
    }

    private RestClient.Response wmsBytes(String query, Auth auth) {
        return client.send(client.request("/wms?" + query, auth));
    }

    // ---- capabilities ------------------------------------------------------------------------

    @Test
    void capabilities130AreValidAndListTheLayerWithBoundingBoxesInEachCrs() throws Exception {
        var r = wms("SERVICE=WMS&REQUEST=GetCapabilities&VERSION=1.3.0");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.contentType()).startsWith("text/xml");
        byte[] xml = r.body().getBytes(StandardCharsets.UTF_8);
        OgcSchemas.validate(xml, WMS_130_CAPABILITIES);

        Document doc = parse(xml);
        String layer = "//*[local-name()='Layer'][*[local-name()='Name']='wmstest:rgb']";
        assertThat(xpath(doc, layer + "/*[local-name()='Title']")).isEqualTo("rgb layer");
        assertThat(Double.parseDouble(xpath(doc, layer + "//*[local-name()='westBoundLongitude']")))
                .isEqualTo(5.0);
        // EPSG:4326 in WMS 1.3.0: latitude first
        assertThat(xpath(doc, layer + "/*[local-name()='BoundingBox'][@CRS='EPSG:4326']/@minx"))
                .isEqualTo("40");
        assertThat(xpath(doc, layer + "/*[local-name()='BoundingBox'][@CRS='EPSG:4326']/@miny"))
                .isEqualTo("5");
        assertThat(xpath(doc, layer + "/*[local-name()='BoundingBox'][@CRS='CRS:84']/@minx"))
                .isEqualTo("5");
        assertThat(Double.parseDouble(xpath(doc, layer + "/*[local-name()='BoundingBox'][@CRS='EPSG:3857']/@minx")))
                .isCloseTo(556597.45, org.assertj.core.api.Assertions.within(0.1));
        assertThat(xpath(doc, layer + "/*[local-name()='Style']/*[local-name()='Name']"))
                .isEqualTo("default");
    }

    @Test
    void capabilities111AreValidAgainstTheDtd() throws Exception {
        var r = wms("SERVICE=WMS&REQUEST=GetCapabilities&VERSION=1.1.1");
        assertThat(r.contentType()).startsWith("application/vnd.ogc.wms_xml");
        Document doc = OgcSchemas.validateWithDtd(
                r.body().getBytes(StandardCharsets.UTF_8), "ogc/wms/1.1.1/WMS_MS_Capabilities.dtd");
        String layer = "//Layer[Name='wmstest:rgb']";
        assertThat(xpath(doc, layer + "/LatLonBoundingBox/@minx")).isEqualTo("5");
        assertThat(xpath(doc, layer + "/BoundingBox[@SRS='EPSG:4326']/@minx")).isEqualTo("5"); // x first in 1.1.1
    }

    @Test
    void layerWithTimeValuesAdvertisesATimeDimension() throws Exception {
        client.post(
                "/rest/workspaces/" + WS + "/coveragestores",
                "{\"coverageStore\":{\"name\":\"daily\",\"url\":\"file:coverages/wmstest/rgb.tif\"}}",
                admin);
        client.post(
                "/rest/workspaces/" + WS + "/layers",
                "{\"layer\":{\"name\":\"daily\",\"store\":\"daily\","
                        + "\"kind\":\"RASTER\",\"metadata\":{\"time.values\":\"2024-01-01/2024-12-31/P1D\","
                        + "\"time.default\":\"2024-12-31\"}}}",
                admin);
        try {
            byte[] v130 =
                    wms("SERVICE=WMS&REQUEST=GetCapabilities&VERSION=1.3.0").bytes();
            OgcSchemas.validate(v130, WMS_130_CAPABILITIES);
            Document doc = parse(v130);
            String dim =
                    "//*[local-name()='Layer'][*[local-name()='Name']='wmstest:daily']/*[local-name()='Dimension']";
            assertThat(xpath(doc, dim + "/@name")).isEqualTo("time");
            assertThat(xpath(doc, dim + "/@units")).isEqualTo("ISO8601");
            assertThat(xpath(doc, dim + "/@default")).isEqualTo("2024-12-31");
            assertThat(xpath(doc, dim)).isEqualTo("2024-01-01/2024-12-31/P1D");
            Document v111 = OgcSchemas.validateWithDtd(
                    wms("SERVICE=WMS&REQUEST=GetCapabilities&VERSION=1.1.1").bytes(),
                    "ogc/wms/1.1.1/WMS_MS_Capabilities.dtd");
            assertThat(xpath(v111, "//Layer[Name='wmstest:daily']/Extent[@name='time']"))
                    .isEqualTo("2024-01-01/2024-12-31/P1D");
        } finally {
            client.delete("/rest/workspaces/" + WS + "/coveragestores/daily?recurse=true", admin);
        }
    }

    @Test
    void renderingTimeLimitIsEnforced() throws Exception {
        client.put("/rest/services/wms/settings", "{\"settings\":{\"options\":{\"maxRenderingTime\":\"0\"}}}", admin);
        try {
            var r = wms("SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=wmstest:rgb&STYLES=&CRS=CRS:84"
                    + "&BBOX=9,44,11,46&WIDTH=64&HEIGHT=64&FORMAT=image/png");
            assertThat(r.contentType()).startsWith("text/xml");
            assertThat(r.body()).contains("longer than the limit of 0 s");
        } finally {
            client.put("/rest/services/wms/settings", "{\"settings\":{\"options\":{}}}", admin);
        }
        assertThat(wmsBytes(
                                "SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=wmstest:rgb&STYLES=&CRS=CRS:84"
                                        + "&BBOX=9,44,11,46&WIDTH=64&HEIGHT=64&FORMAT=image/png",
                                Auth.none())
                        .contentType())
                .isEqualTo("image/png");
    }

    @Test
    void pngCompressionSettingTradesSizeForTimeWithoutChangingPixels() throws Exception {
        String map = "SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=wmstest:rgb&STYLES=&CRS=CRS:84"
                + "&BBOX=9,44,11,46&WIDTH=256&HEIGHT=256&FORMAT=image/png";
        byte[] byDefault = wmsBytes(map, Auth.none()).bytes();
        client.put("/rest/services/wms/settings", "{\"settings\":{\"options\":{\"pngCompression\":\"0\"}}}", admin);
        byte[] stored;
        try {
            stored = wmsBytes(map, Auth.none()).bytes();
        } finally {
            client.put("/rest/services/wms/settings", "{\"settings\":{\"options\":{}}}", admin);
        }
        assertThat(stored.length).isGreaterThan(256 * 256 * 3).isGreaterThan(2 * byDefault.length);
        BufferedImage a = ImageIO.read(new java.io.ByteArrayInputStream(byDefault));
        BufferedImage b = ImageIO.read(new java.io.ByteArrayInputStream(stored));
        assertThat(meanAbsoluteDifference(a, b.getRaster())).isZero();
    }

    @Test
    void versionIsNegotiated() {
        assertThat(wms("SERVICE=WMS&REQUEST=GetCapabilities").body()).contains("version=\"1.3.0\"");
        assertThat(wms("SERVICE=WMS&REQUEST=GetCapabilities&VERSION=1.2.0").body())
                .contains("version=\"1.1.1\"");
        assertThat(wms("service=wms&request=getcapabilities&version=9.9.9").body())
                .contains("version=\"1.3.0\"");
    }

    // ---- maps ----------------------------------------------------------------------------------

    @Test
    void getMapInWebMercatorMatchesGdalwarp() throws Exception {
        String bbox = "1000000,5500000,1200000,5700000";
        BufferedImage ours = image(wmsBytes(
                "SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=wmstest:rgb&STYLES=" + "&CRS=EPSG:3857&BBOX=" + bbox
                        + "&WIDTH=256&HEIGHT=256&FORMAT=image/png",
                Auth.none()));
        Path reference = dataDir.resolve("reference-3857.tif");
        Gdal.warpBilinear(
                dataDir.resolve("coverages/wmstest/rgb.tif").toString(),
                reference.toString(),
                "EPSG:3857",
                1000000,
                5500000,
                1200000,
                5700000,
                256);
        assertThat(meanAbsoluteDifference(ours, ImageIO.read(reference.toFile()).getRaster()))
                .isLessThanOrEqualTo(2);
    }

    @Test
    void epsg4326IsLatitudeFirstIn130AndLongitudeFirstIn111() throws Exception {
        BufferedImage v130 = image(wmsBytes(
                "SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=wmstest:rgb&STYLES="
                        + "&CRS=EPSG:4326&BBOX=44,9,46,11&WIDTH=128&HEIGHT=128&FORMAT=image/png",
                Auth.none()));
        BufferedImage v111 = image(wmsBytes(
                "SERVICE=WMS&VERSION=1.1.1&REQUEST=GetMap&LAYERS=wmstest:rgb&STYLES="
                        + "&SRS=EPSG:4326&BBOX=9,44,11,46&WIDTH=128&HEIGHT=128&FORMAT=image/png",
                Auth.none()));
        BufferedImage crs84 = image(wmsBytes(
                "SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=wmstest:rgb&STYLES="
                        + "&CRS=CRS:84&BBOX=9,44,11,46&WIDTH=128&HEIGHT=128&FORMAT=image/png",
                Auth.none()));
        Path reference = dataDir.resolve("reference-4326.tif");
        Gdal.warpBilinear(
                dataDir.resolve("coverages/wmstest/rgb.tif").toString(),
                reference.toString(),
                null,
                9,
                44,
                11,
                46,
                128);
        Raster expected = ImageIO.read(reference.toFile()).getRaster();
        assertThat(meanAbsoluteDifference(v130, expected)).isLessThanOrEqualTo(2);
        assertThat(meanAbsoluteDifference(v111, expected)).isLessThanOrEqualTo(2);
        assertThat(meanAbsoluteDifference(crs84, expected)).isLessThanOrEqualTo(2);
    }

    @Test
    void outsideTheDataIsTransparentOrTheBackgroundColour() throws Exception {
        String map = "SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=wmstest:rgb&STYLES=&CRS=CRS:84"
                + "&BBOX=14,40,16,42&WIDTH=64&HEIGHT=64&FORMAT=image/png";
        BufferedImage transparent = image(wmsBytes(map + "&TRANSPARENT=TRUE", Auth.none()));
        assertThat(transparent.getRGB(60, 32) >>> 24).as("east of the data").isZero();
        assertThat(transparent.getRGB(4, 32) >>> 24).as("inside the data").isEqualTo(255);
        BufferedImage red = image(wmsBytes(map + "&BGCOLOR=0xFF0000", Auth.none()));
        assertThat(red.getRGB(60, 32) & 0xFFFFFF).isEqualTo(0xFF0000);
        BufferedImage jpeg = image(wmsBytes(map.replace("image/png", "image/jpeg"), Auth.none()));
        assertThat(jpeg.getWidth()).isEqualTo(64);
    }

    @Test
    void sixteenBitLayerIsStretched() throws Exception {
        BufferedImage map = image(wmsBytes(
                "SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=wmstest:elevation"
                        + "&STYLES=&CRS=CRS:84&BBOX=5,40,15,50&WIDTH=128&HEIGHT=128&FORMAT=image/png",
                Auth.none()));
        int min = 255, max = 0;
        for (int y = 0; y < 128; y += 4) {
            for (int x = 0; x < 128; x += 4) {
                int v = map.getRGB(x, y) & 255;
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        assertThat(min).as("darkest").isLessThan(30);
        assertThat(max).as("brightest").isGreaterThan(225);
    }

    @Test
    void layersAreCompositedInOrder() throws Exception {
        String query = "SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&STYLES=,&CRS=CRS:84&BBOX=9,44,11,46&WIDTH=32"
                + "&HEIGHT=32&FORMAT=image/png&LAYERS=";
        BufferedImage rgbOnTop = image(wmsBytes(query + "wmstest:elevation,wmstest:rgb", Auth.none()));
        BufferedImage rgbAlone = image(wmsBytes(query.replace("STYLES=,", "STYLES=") + "wmstest:rgb", Auth.none()));
        assertThat(rgbOnTop.getRGB(16, 16)).isEqualTo(rgbAlone.getRGB(16, 16));
    }

    // ---- feature info --------------------------------------------------------------------------

    @Test
    void getFeatureInfoGivesTheBandValuesGdalReads() {
        var r = wms("SERVICE=WMS&VERSION=1.3.0&REQUEST=GetFeatureInfo&LAYERS=wmstest:rgb&QUERY_LAYERS=wmstest:rgb"
                + "&STYLES=&CRS=CRS:84&BBOX=9,44,11,46&WIDTH=100&HEIGHT=100&I=30&J=70&INFO_FORMAT=application/json");
        assertThat(r.status()).isEqualTo(200);
        var props = r.json().at("/features/0/properties");
        // pixel centre of I=30, J=70: lon 9 + 30.5 * 0.02, lat 46 - 70.5 * 0.02
        String[] gdal = Gdal.run(
                        "gdallocationinfo",
                        "-valonly",
                        "-wgs84",
                        dataDir.resolve("coverages/wmstest/rgb.tif").toString(),
                        "9.61",
                        "44.59")
                .trim()
                .split("\\s+");
        assertThat(props.path("band_1").asInt()).isEqualTo(Integer.parseInt(gdal[0]));
        assertThat(props.path("band_2").asInt()).isEqualTo(Integer.parseInt(gdal[1]));
        assertThat(props.path("band_3").asInt()).isEqualTo(Integer.parseInt(gdal[2]));
        var text = wms("SERVICE=WMS&VERSION=1.1.1&REQUEST=GetFeatureInfo&LAYERS=wmstest:rgb&QUERY_LAYERS=wmstest:rgb"
                + "&STYLES=&SRS=EPSG:4326&BBOX=9,44,11,46&WIDTH=100&HEIGHT=100&X=30&Y=70&INFO_FORMAT=text/plain");
        assertThat(text.body()).contains("band_1 = " + gdal[0]);
    }

    // ---- exceptions ----------------------------------------------------------------------------

    @Test
    void errorsAreServiceExceptionReports() throws Exception {
        var unknown = wms("SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=wmstest:nope&STYLES=&CRS=CRS:84"
                + "&BBOX=9,44,11,46&WIDTH=32&HEIGHT=32&FORMAT=image/png");
        assertThat(unknown.contentType()).startsWith("text/xml");
        OgcSchemas.validate(unknown.body().getBytes(StandardCharsets.UTF_8), "ogc/wms/1.3.0/exceptions_1_3_0.xsd");
        assertThat(unknown.body()).contains("code=\"LayerNotDefined\"").contains("locator=\"LAYERS\"");

        assertThat(wms("SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=wmstest:rgb&STYLES=&CRS=EPSG:99999"
                                + "&BBOX=9,44,11,46&WIDTH=32&HEIGHT=32&FORMAT=image/png")
                        .body())
                .contains("code=\"InvalidCRS\"");
        assertThat(wms("SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=wmstest:rgb&STYLES=&CRS=CRS:84"
                                + "&BBOX=11,44,9,46&WIDTH=32&HEIGHT=32&FORMAT=image/png")
                        .body())
                .contains("locator=\"BBOX\"");
        assertThat(wms("SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=wmstest:rgb&STYLES=&CRS=CRS:84"
                                + "&BBOX=9,44,11,46&WIDTH=32&HEIGHT=32&FORMAT=image/gif")
                        .body())
                .contains("code=\"InvalidFormat\"");
        assertThat(wms("SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=wmstest:rgb&STYLES=&CRS=CRS:84"
                                + "&BBOX=9,44,11,46&WIDTH=100000&HEIGHT=32&FORMAT=image/png")
                        .body())
                .contains("locator=\"WIDTH\"");
        assertThat(wms("SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=wmstest:rgb&STYLES=band_9&CRS=CRS:84"
                                + "&BBOX=9,44,11,46&WIDTH=32&HEIGHT=32&FORMAT=image/png")
                        .body())
                .contains("code=\"StyleNotDefined\"");
        assertThat(wms("SERVICE=WMS&VERSION=1.3.0&REQUEST=Dance").body()).contains("OperationNotSupported");
        assertThat(wms("SERVICE=WMS&VERSION=1.3.0").body()).contains("code=\"MissingParameterValue\"");

        var v111 = wms("SERVICE=WMS&VERSION=1.1.1&REQUEST=GetMap&LAYERS=nope&STYLES=&SRS=EPSG:4326"
                + "&BBOX=9,44,11,46&WIDTH=32&HEIGHT=32&FORMAT=image/png");
        assertThat(v111.contentType()).startsWith("application/vnd.ogc.se_xml");
        OgcSchemas.validateWithDtd(
                v111.body().getBytes(StandardCharsets.UTF_8), "ogc/wms/1.1.1/WMS_exception_1_1_1.dtd");

        BufferedImage inImage = image(wmsBytes(
                "SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=wmstest:nope&STYLES="
                        + "&CRS=CRS:84&BBOX=9,44,11,46&WIDTH=200&HEIGHT=50&FORMAT=image/png&EXCEPTIONS=INIMAGE",
                Auth.none()));
        assertThat(inImage.getWidth()).isEqualTo(200);
        boolean dark = false;
        for (int x = 0; x < 200 && !dark; x++) {
            dark = (inImage.getRGB(x, 12) & 255) < 100;
        }
        assertThat(dark).as("the message is drawn").isTrue();
        BufferedImage blank = image(wmsBytes(
                "SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=wmstest:nope&STYLES="
                        + "&CRS=CRS:84&BBOX=9,44,11,46&WIDTH=20&HEIGHT=20&FORMAT=image/png&EXCEPTIONS=BLANK&TRANSPARENT=TRUE",
                Auth.none()));
        assertThat(blank.getRGB(10, 10) >>> 24).isZero();
    }

    // ---- security and virtual services ---------------------------------------------------------

    @Test
    void layersHiddenByARuleAreAbsentForOthers() throws Exception {
        client.post("/rest/workspaces", "{\"workspace\":{\"name\":\"wmssecret\"}}", admin);
        client.post(
                "/rest/workspaces/wmssecret/coveragestores",
                "{\"coverageStore\":{\"name\":\"s\",\"url\":\"file:coverages/wmstest/rgb.tif\"}}",
                admin);
        client.post(
                "/rest/workspaces/wmssecret/layers",
                "{\"layer\":{\"name\":\"hidden\",\"store\":\"s\",\"kind\":\"RASTER\"}}",
                admin);
        client.post("/rest/security/acl/layers", "{\"wmssecret.*.r\":\"ANALYST\"}", admin);
        createUser("wmsanalyst", "analyst-password", "ANALYST");

        assertThat(wms("SERVICE=WMS&REQUEST=GetCapabilities").body()).doesNotContain("wmssecret:hidden");
        String map = "SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=wmssecret:hidden&STYLES=&CRS=CRS:84"
                + "&BBOX=9,44,11,46&WIDTH=16&HEIGHT=16&FORMAT=image/png";
        assertThat(wms(map).body()).contains("LayerNotDefined");
        Auth analyst = Auth.basic("wmsanalyst", "analyst-password");
        assertThat(client.get("/wms?SERVICE=WMS&REQUEST=GetCapabilities", analyst)
                        .body())
                .contains("wmssecret:hidden");
        assertThat(wmsBytes(map, analyst).contentType()).isEqualTo("image/png");
    }

    @Test
    void virtualServiceListsItsWorkspaceWithShortNames() throws Exception {
        var caps = client.get("/" + WS + "/wms?SERVICE=WMS&REQUEST=GetCapabilities", Auth.none());
        Document doc = parse(caps.body().getBytes(StandardCharsets.UTF_8));
        NodeList names = (NodeList) XPathFactory.newInstance()
                .newXPath()
                .evaluate("//*[local-name()='Layer']/*[local-name()='Name']", doc, XPathConstants.NODESET);
        assertThat(names.getLength()).isEqualTo(2);
        assertThat(caps.body())
                .contains("<Name>rgb</Name>")
                .doesNotContain("wmstest:rgb")
                .doesNotContain("demo:");
        var map = client.send(client.request(
                "/" + WS + "/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=rgb"
                        + "&STYLES=&CRS=CRS:84&BBOX=9,44,11,46&WIDTH=16&HEIGHT=16&FORMAT=image/png",
                Auth.none()));
        assertThat(map.contentType()).isEqualTo("image/png");
        assertThat(client.get("/nosuchws/wms?SERVICE=WMS&REQUEST=GetCapabilities", Auth.none())
                        .status())
                .isEqualTo(404);
    }

    // ---- real clients --------------------------------------------------------------------------

    @Test
    void gdalReadsTheServiceAndFetchesTheMap() throws Exception {
        String base = client.base() + "/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetCapabilities";
        assertThat(Gdal.run("gdalinfo", "WMS:" + base))
                .contains("LAYERS=wmstest%3Argb")
                .contains("rgb layer");

        Path fetched = dataDir.resolve("via-gdal.tif");
        Gdal.run(
                "gdal_translate",
                "-q",
                "-outsize",
                "128",
                "128",
                "WMS:" + client.base()
                        + "/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=wmstest%3Argb&CRS=CRS:84&BBOX=5,40,15,50",
                fetched.toString());
        Path reference = dataDir.resolve("reference-gdal-client.tif");
        Gdal.warpBilinear(
                dataDir.resolve("coverages/wmstest/rgb.tif").toString(),
                reference.toString(),
                null,
                5,
                40,
                15,
                50,
                128);
        Raster expected = ImageIO.read(reference.toFile()).getRaster();
        assertThat(meanAbsoluteDifference(ImageIO.read(fetched.toFile()), expected))
                .isLessThanOrEqualTo(2);
    }

    @Test
    void owslibReadsCapabilitiesAndFetchesAMap() throws Exception {
        String script = String.join(
                "\n",
                "import sys",
                "from owslib.wms import WebMapService",
                "for version in ('1.3.0', '1.1.1'):",
                "    wms = WebMapService(sys.argv[1], version=version)",
                "    layer = wms['wmstest:rgb']",
                "    print(version, layer.title, ' '.join('%g' % v for v in layer.boundingBoxWGS84))",
                "    img = wms.getmap(layers=['wmstest:rgb'], srs='EPSG:4326', bbox=(5, 40, 15, 50), size=(64, 64),",
                "                     format='image/png')",
                "    data = img.read()",
                "    print(version, 'png' if data[:4] == b'\\x89PNG' else 'not png', len(data))");
        Path py = Files.writeString(dataDir.resolve("owslib_wms.py"), script);
        String out = Gdal.run("/usr/bin/python3", py.toString(), client.base() + "/wms");
        assertThat(out).contains("1.3.0 rgb layer 5 40 15 50").contains("1.1.1 rgb layer 5 40 15 50");
        assertThat(out).contains("1.3.0 png").contains("1.1.1 png");
    }

    // ---- helpers -------------------------------------------------------------------------------

    private static double meanAbsoluteDifference(BufferedImage ours, Raster expected) {
        return WmsTestSupport.meanAbsoluteDifference(ours, expected);
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
