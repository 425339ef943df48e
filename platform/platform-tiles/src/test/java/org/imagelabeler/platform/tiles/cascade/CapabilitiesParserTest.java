package org.imagelabeler.platform.tiles.cascade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.imagelabeler.platform.tiles.grid.TileMatrix;
import org.imagelabeler.platform.tiles.grid.TileMatrixSet;
import org.imagelabeler.platform.tiles.grid.WellKnownTileMatrixSets;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CapabilitiesParserTest {

    private static final double DEGREE = WellKnownTileMatrixSets.METRES_PER_DEGREE;
    private static final String GIBS = "https://gibs.earthdata.nasa.gov/wmts/epsg4326/best/";

    private static RemoteCapabilities fixture(String name) throws IOException, CapabilitiesException {
        try (InputStream in = CapabilitiesParserTest.class.getResourceAsStream("/capabilities/" + name)) {
            assertThat(in).as(name).isNotNull();
            return CapabilitiesParser.parse(in);
        }
    }

    private static RemoteCapabilities parse(String document) throws CapabilitiesException {
        return CapabilitiesParser.parse(new ByteArrayInputStream(document.getBytes(StandardCharsets.UTF_8)));
    }

    private static String parseError(String document) {
        try {
            parse(document);
        } catch (CapabilitiesException e) {
            return e.getMessage();
        }
        throw new AssertionError("expected a CapabilitiesException for: " + document);
    }

    /** Level 0's cell size within 1e-9 relative. */
    private static void assertCellSize(TileMatrix level, double expected) {
        assertThat(level.cellSize()).isCloseTo(expected, within(Math.abs(expected) * 1e-9));
    }

    private static void assertTopLeft(TileMatrix level, double x, double y) {
        assertThat(level.topLeftX()).as("top left x of " + level.identifier()).isEqualTo(x);
        assertThat(level.topLeftY()).as("top left y of " + level.identifier()).isEqualTo(y);
    }

    private static TileMatrix level(TileMatrixSet set, String identifier) {
        return set.matrix(identifier).orElseThrow();
    }

    @Nested
    class EosdisWmts2013 {

        @Test
        void readsServiceAndLayers() throws Exception {
            RemoteCapabilities caps = fixture("eosdis-wmts-cap.xml");
            assertThat(caps.service()).isEqualTo("WMTS");
            assertThat(caps.version()).isEqualTo("1.0.0");
            assertThat(caps.title()).isEqualTo("NASA Global Image Browse Services for EOSDIS");
            assertThat(caps.layers()).hasSize(55);
            assertThat(caps.getTileKvpUrl()).isEqualTo("http://map1b.vis.earthdata.nasa.gov/wmts-geo/wmts.cgi?");
            assertThat(caps.getMapUrl()).isNull();
            assertThat(caps.layers())
                    .filteredOn(l -> l.tileMatrixSets().equals(List.of("EPSG4326_2km")))
                    .hasSize(29);
            assertThat(caps.layers())
                    .filteredOn(l -> l.tileMatrixSets().equals(List.of("EPSG4326_250m")))
                    .hasSize(10);
        }

        @Test
        void readsTrueColorLayer() throws Exception {
            RemoteLayer layer = fixture("eosdis-wmts-cap.xml")
                    .layer("MODIS_Terra_CorrectedReflectance_TrueColor")
                    .orElseThrow();
            assertThat(layer.title()).isEqualTo("MODIS_Terra_CorrectedReflectance_TrueColor");
            assertThat(layer.formats()).containsExactly("image/jpeg");
            assertThat(layer.tileMatrixSets()).containsExactly("EPSG4326_250m");
            assertThat(layer.styles()).containsExactly("default");
            assertThat(layer.defaultStyle()).isEqualTo("default");
            assertThat(layer.wgs84Bounds()).containsExactly(-180, -90, 180, 90);
            assertThat(layer.resourceUrls()).isEmpty();
            assertThat(layer.tileTemplate("image/jpeg")).isEmpty();

            RemoteLayer airs = fixture("eosdis-wmts-cap.xml")
                    .layer("AIRS_CO_Total_Column_Day")
                    .orElseThrow();
            assertThat(airs.formats()).containsExactly("image/png");
            assertThat(airs.tileMatrixSets()).containsExactly("EPSG4326_2km");
        }

        /** The 2013 document has no Dimension at all: its layers are requested without TIME. */
        @Test
        void hasNoTimeDimension() throws Exception {
            assertThat(fixture("eosdis-wmts-cap.xml").layers())
                    .allSatisfy(l -> assertThat(l.time()).isNull());
        }

        @Test
        void readsMatrixSetsWrittenInCrs84() throws Exception {
            RemoteCapabilities caps = fixture("eosdis-wmts-cap.xml");
            assertThat(caps.tileMatrixSets())
                    .containsOnlyKeys("EPSG4326_2km", "EPSG4326_1km", "EPSG4326_500m", "EPSG4326_250m");
            assertThat(caps.tileMatrixSets().get("EPSG4326_2km").matrices()).hasSize(6);
            assertThat(caps.tileMatrixSets().get("EPSG4326_1km").matrices()).hasSize(7);
            assertThat(caps.tileMatrixSets().get("EPSG4326_500m").matrices()).hasSize(8);

            TileMatrixSet set = caps.tileMatrixSets().get("EPSG4326_250m");
            assertThat(set.crs()).isEqualTo("EPSG:4326"); // written urn:ogc:def:crs:OGC:1.3:CRS84
            assertThat(set.matrices()).hasSize(9);
            TileMatrix zero = level(set, "0");
            assertThat(zero.scaleDenominator()).isEqualTo(223382916.9173819721);
            // GIBS 2013 scales assume a 6371007.181 m sphere: 0.56187 degrees, not 0.5625, with WMTS's degree
            assertCellSize(zero, 223382916.9173819721 * TileMatrix.PIXEL_SIZE / DEGREE);
            assertThat(zero.cellSize()).isCloseTo(0.5618712077, within(1e-9));
            assertThat(zero.tileWidth()).isEqualTo(512);
            assertThat(zero.tileHeight()).isEqualTo(512);
            assertThat(zero.matrixWidth()).isEqualTo(2);
            assertThat(zero.matrixHeight()).isEqualTo(1);
            TileMatrix two = level(set, "2");
            assertThat(two.matrixWidth()).isEqualTo(5);
            assertThat(two.matrixHeight()).isEqualTo(3);
            TileMatrix eight = level(set, "8");
            assertThat(eight.matrixWidth()).isEqualTo(320);
            assertThat(eight.matrixHeight()).isEqualTo(160);
            for (TileMatrixSet s : caps.tileMatrixSets().values()) {
                s.matrices().forEach(m -> assertTopLeft(m, -180, 90));
            }
        }
    }

    @Nested
    class GeoServerWmts {

        @Test
        void readsServiceAndLayers() throws Exception {
            RemoteCapabilities caps = fixture("geoserver21-wmts-cap.xml");
            assertThat(caps.service()).isEqualTo("WMTS");
            assertThat(caps.title()).isEqualTo("Web Map Tile Service - GeoWebCache");
            assertThat(caps.layers()).hasSize(58);
            assertThat(caps.getTileKvpUrl()).isEqualTo("http://geonode.iwlearn.org/geoserver/gwc/service/wmts?");
            assertThat(caps.layer("geonode:abc1").orElseThrow().formats())
                    .containsExactly("image/png", "image/jpeg", "image/gif");
        }

        @Test
        void readsLayerWithTwoStylesAndMatrixSetLimits() throws Exception {
            RemoteLayer layer =
                    fixture("geoserver21-wmts-cap.xml").layer("geonode:LMEs_64").orElseThrow();
            assertThat(layer.title()).isEqualTo("LMEs");
            assertThat(layer.abstractText()).startsWith("US Large Marine Ecosystem Program");
            assertThat(layer.abstractText()).endsWith("Itemid=75");
            assertThat(layer.styles()).containsExactly("LMEs_64", "LMEs_64_69f4b2c7");
            assertThat(layer.defaultStyle()).isEqualTo("LMEs_64");
            assertThat(layer.formats()).containsExactly("image/png", "image/jpeg");
            assertThat(layer.infoFormats()).containsExactly("text/plain", "text/html", "application/vnd.ogc.gml");
            // the links carry TileMatrixSetLimits, whose TileMatrix children must not be taken for sets
            assertThat(layer.tileMatrixSets()).containsExactly("EPSG:4326", "EPSG:900913");
            assertThat(layer.wgs84Bounds())
                    .containsExactly(-180.000000000079, -85.4702835081022, 179.999999999874, 82.8930358882265);
            assertThat(layer.time()).isNull();
        }

        @Test
        void readsMatrixSets() throws Exception {
            RemoteCapabilities caps = fixture("geoserver21-wmts-cap.xml");
            assertThat(caps.tileMatrixSets().keySet())
                    .containsExactly(
                            "GlobalCRS84Scale",
                            "EPSG:4326",
                            "GoogleCRS84Quad",
                            "EPSG:900913",
                            "GoogleMapsCompatible",
                            "GlobalCRS84Pixel");
            assertThat(caps.tileMatrixSets().values())
                    .extracting(s -> s.matrices().size())
                    .containsExactly(21, 22, 19, 31, 21, 18);
        }

        /** GeoServer writes EPSG:4326 corners latitude first, "90.0 -180.0", as WMTS 1.0.0 says. */
        @Test
        void flipsLatitudeFirstCorners() throws Exception {
            TileMatrixSet set =
                    fixture("geoserver21-wmts-cap.xml").tileMatrixSets().get("EPSG:4326");
            assertThat(set.crs()).isEqualTo("EPSG:4326"); // written urn:ogc:def:crs:EPSG::4326
            set.matrices().forEach(m -> assertTopLeft(m, -180, 90));
            TileMatrix zero = level(set, "EPSG:4326:0");
            assertThat(zero.scaleDenominator()).isEqualTo(2.795411320143589E8);
            assertCellSize(zero, 0.703125);
            assertThat(zero.tileWidth()).isEqualTo(256);
            assertThat(zero.tileHeight()).isEqualTo(256);
            assertThat(zero.matrixWidth()).isEqualTo(2);
            assertThat(zero.matrixHeight()).isEqualTo(1);
            TileMatrix two = level(set, "EPSG:4326:2");
            assertThat(two.matrixWidth()).isEqualTo(8);
            assertThat(two.matrixHeight()).isEqualTo(4);
        }

        /** Its Google Mercator corner is written truncated and unevenly: y is 20037508.0, not ...08.34. */
        @Test
        void readsMercatorSetAsWritten() throws Exception {
            TileMatrixSet set =
                    fixture("geoserver21-wmts-cap.xml").tileMatrixSets().get("EPSG:900913");
            assertThat(set.crs()).isEqualTo("EPSG:900913");
            TileMatrix zero = level(set, "EPSG:900913:0");
            assertTopLeft(zero, -2.003750834E7, 2.0037508E7);
            assertCellSize(zero, 5.590822639508929E8 * TileMatrix.PIXEL_SIZE);
            assertThat(zero.cellSize()).isCloseTo(156543.0339, within(1e-4));
            assertThat(zero.matrixWidth()).isEqualTo(1);
            assertThat(zero.matrixHeight()).isEqualTo(1);
            TileMatrix two = level(set, "EPSG:900913:2");
            assertThat(two.matrixWidth()).isEqualTo(4);
            assertThat(two.matrixHeight()).isEqualTo(4);
        }
    }

    @Nested
    class NasaWms130 {

        @Test
        void readsNamedLayersOfTheTree() throws Exception {
            RemoteCapabilities caps = fixture("wms_nccs_nasa_getcap_130.xml");
            assertThat(caps.service()).isEqualTo("WMS");
            assertThat(caps.version()).isEqualTo("1.3.0");
            assertThat(caps.title()).isEqualTo("Data Catalog");
            assertThat(caps.layers())
                    .extracting(RemoteLayer::identifier)
                    .containsExactly("T", "S", "U", "V", "RHO", "WMO", "current");
            assertThat(caps.tileMatrixSets()).isEmpty();
            assertThat(caps.getTileKvpUrl()).isNull();
            assertThat(caps.getMapUrl())
                    .isEqualTo("http://dataserver.nccs.nasa.gov/thredds/wms/seasonal/ocn_ana_3D_ll");
        }

        @Test
        void readsLayer() throws Exception {
            RemoteCapabilities caps = fixture("wms_nccs_nasa_getcap_130.xml");
            RemoteLayer layer = caps.layer("T").orElseThrow();
            assertThat(layer.title()).isEqualTo("potential_temperature");
            assertThat(layer.abstractText()).isEqualTo("potential_temperature");
            assertThat(layer.formats())
                    .containsExactly(
                            "image/png",
                            "image/png;mode=32bit",
                            "image/gif",
                            "image/jpeg",
                            "application/vnd.google-earth.kmz");
            assertThat(layer.infoFormats()).containsExactly("image/png", "text/xml");
            assertThat(layer.wgs84Bounds()).containsExactly(-180, -90, 179, 90);
            assertThat(layer.styles()).hasSize(10).startsWith("boxfill/alg2", "boxfill/rainbow");
            assertThat(layer.defaultStyle()).isNull();
            assertThat(layer.tileMatrixSets()).isEmpty();
            assertThat(caps.layer("current").orElseThrow().styles()).hasSize(70).startsWith("barb/alg2");
        }

        @Test
        void readsTimeNotElevation() throws Exception {
            TimeDimension time = fixture("wms_nccs_nasa_getcap_130.xml")
                    .layer("S")
                    .orElseThrow()
                    .time();
            assertThat(time.identifier()).isEqualTo("time");
            assertThat(time.defaultValue()).isEqualTo("2015-07-01T12:00:00Z");
            assertThat(time.values()).hasSize(271);
            assertThat(time.values().get(0)).isEqualTo("1993-01-01T12:00:00Z");
            assertThat(time.values().get(270)).isEqualTo("2015-07-01T12:00:00Z");
            assertThat(time.latest()).isEqualTo("2015-07-01T12:00:00Z");
            assertThat(time.allows("2015-06-01T12:00:00Z")).isTrue();
            assertThat(time.allows("2015-06-01T12:00:00.000Z")).isTrue();
            assertThat(time.allows("2015-06-01"))
                    .as("a date is midnight, the values are noon")
                    .isFalse();
            assertThat(time.allows("2015-06-15T12:00:00Z")).isFalse();
            assertThat(time.allows("2015-08-01T12:00:00Z")).isFalse();
        }
    }

    @Nested
    class ModernGibsWmts {

        @Test
        void readsServiceAndKvpEndpoint() throws Exception {
            RemoteCapabilities caps = fixture("gibs-modern-wmts-cap.xml");
            assertThat(caps.layers())
                    .extracting(RemoteLayer::identifier)
                    .containsExactly(
                            "MODIS_Terra_CorrectedReflectance_TrueColor",
                            "GOES-East_ABI_Band2_Red_Visible_1km",
                            "BlueMarble_ShadedRelief_Bathymetry");
            // the GetTile GET with the REST encoding is not the KVP endpoint
            assertThat(caps.getTileKvpUrl()).isEqualTo(GIBS + "wmts.cgi?");
            assertThat(caps.tileMatrixSets().keySet()).containsExactly("250m", "1km");
        }

        @Test
        void readsTrueColorLayer() throws Exception {
            RemoteLayer layer = fixture("gibs-modern-wmts-cap.xml")
                    .layer("MODIS_Terra_CorrectedReflectance_TrueColor")
                    .orElseThrow();
            assertThat(layer.title()).isEqualTo("Corrected Reflectance (True Color, MODIS, Terra)");
            assertThat(layer.formats()).containsExactly("image/jpeg");
            assertThat(layer.tileMatrixSets()).containsExactly("250m");
            assertThat(layer.defaultStyle()).isEqualTo("default");
            assertThat(layer.tileTemplate("image/jpeg"))
                    .contains(GIBS + "MODIS_Terra_CorrectedReflectance_TrueColor/default/{Time}/{TileMatrixSet}"
                            + "/{TileMatrix}/{TileRow}/{TileCol}.jpg");
            assertThat(layer.tileTemplate("IMAGE/JPEG")).isPresent();
            assertThat(layer.tileTemplate("image/png")).isEmpty();
            TimeDimension time = layer.time();
            assertThat(time.identifier()).isEqualTo("Time");
            assertThat(time.defaultValue()).isEqualTo("2025-11-24");
            assertThat(time.values()).containsExactly("2000-02-24/2000-08-03/P1D", "2000-08-05/2025-11-24/P1D");
            assertThat(time.latest()).isEqualTo("2025-11-24");
        }

        @Test
        void layerWithoutTime() throws Exception {
            RemoteLayer layer = fixture("gibs-modern-wmts-cap.xml")
                    .layer("BlueMarble_ShadedRelief_Bathymetry")
                    .orElseThrow();
            assertThat(layer.time()).isNull();
            assertThat(layer.tileTemplate("image/jpeg"))
                    .hasValueSatisfying(t -> assertThat(t)
                            .doesNotContain("{Time}")
                            .endsWith("/{TileMatrixSet}/{TileMatrix}/{TileRow}/{TileCol}.jpg"));
        }

        @Test
        void allowsDailyTimesOnTheGrid() throws Exception {
            TimeDimension time = fixture("gibs-modern-wmts-cap.xml")
                    .layer("MODIS_Terra_CorrectedReflectance_TrueColor")
                    .orElseThrow()
                    .time();
            assertThat(time.allows("2012-07-09")).isTrue();
            assertThat(time.allows("2012-07-09T00:00:00Z")).isTrue();
            assertThat(time.allows("2000-02-24")).as("first day").isTrue();
            assertThat(time.allows("2025-11-24")).as("last day").isTrue();
            assertThat(time.allows("2000-02-23")).as("before").isFalse();
            assertThat(time.allows("2025-11-25")).as("after").isFalse();
            assertThat(time.allows("2000-08-04"))
                    .as("in the gap between intervals")
                    .isFalse();
            assertThat(time.allows("2012-07-09T12:00:00Z"))
                    .as("off the daily grid")
                    .isFalse();
            assertThat(time.allows("yesterday")).isFalse();
            assertThat(time.allows(null)).isFalse();
        }

        @Test
        void allowsSubDailyTimesOnTheGrid() throws Exception {
            TimeDimension time = fixture("gibs-modern-wmts-cap.xml")
                    .layer("GOES-East_ABI_Band2_Red_Visible_1km")
                    .orElseThrow()
                    .time();
            assertThat(time.defaultValue()).isEqualTo("2025-11-24T23:50:00Z");
            assertThat(time.allows("2025-11-24T10:30:00Z")).isTrue();
            assertThat(time.allows("2025-11-24T10:35:00Z")).isFalse();
            assertThat(time.allows("2025-11-24")).as("midnight is on the grid").isTrue();
            assertThat(time.allows("2025-11-22T23:50:00Z")).isFalse();
            assertThat(time.allows("2025-11-25T00:00:00Z")).isFalse();
            assertThat(time.latest()).isEqualTo("2025-11-24T23:50:00Z");
        }

        /** The 250m set names EPSG:4326 (latitude first) yet writes "-180 90": read as lon/lat. */
        @Test
        void readsLongitudeFirstCornerOfLatitudeFirstCrs() throws Exception {
            TileMatrixSet set =
                    fixture("gibs-modern-wmts-cap.xml").tileMatrixSets().get("250m");
            assertThat(set.crs()).isEqualTo("EPSG:4326");
            assertThat(set.matrices()).hasSize(9);
            set.matrices().forEach(m -> assertTopLeft(m, -180, 90));
            TileMatrix zero = level(set, "0");
            assertCellSize(zero, 0.5625);
            assertThat(zero.tileWidth()).isEqualTo(512);
            assertThat(zero.tileHeight()).isEqualTo(512);
            assertThat(zero.matrixWidth()).isEqualTo(2);
            assertThat(zero.matrixHeight()).isEqualTo(1);
            assertThat(level(set, "1").matrixWidth()).isEqualTo(3);
            assertThat(level(set, "1").matrixHeight()).isEqualTo(2);
            assertThat(level(set, "2").matrixWidth()).isEqualTo(5);
            assertThat(level(set, "2").matrixHeight()).isEqualTo(3);
            assertCellSize(level(set, "8"), 0.5625 / 256);

            TileMatrixSet km =
                    fixture("gibs-modern-wmts-cap.xml").tileMatrixSets().get("1km");
            assertThat(km.crs()).isEqualTo("EPSG:4326");
            assertThat(km.matrices()).hasSize(7);
            km.matrices().forEach(m -> assertTopLeft(m, -180, 90));
        }
    }

    @Nested
    class TimeValues {

        @Test
        void monthlyGrid() {
            TimeDimension time = new TimeDimension("Time", null, List.of("2002-07-01/2020-12-01/P1M"));
            assertThat(time.allows("2010-03-01")).isTrue();
            assertThat(time.allows("2002-07-01")).isTrue();
            assertThat(time.allows("2010-03-15")).isFalse();
            assertThat(time.allows("2021-01-01")).isFalse();
            assertThat(time.latest()).isEqualTo("2020-12-01");
        }

        @Test
        void yearlyAndHourlyGrids() {
            TimeDimension yearly = new TimeDimension("time", null, List.of("2000-01-01/2020-01-01/P1Y"));
            assertThat(yearly.allows("2013-01-01")).isTrue();
            assertThat(yearly.allows("2013-02-01")).isFalse();
            TimeDimension hourly =
                    new TimeDimension("time", null, List.of("2020-01-01T00:00:00Z/2020-01-03T00:00:00Z/PT3H"));
            assertThat(hourly.allows("2020-01-02T21:00:00Z")).isTrue();
            assertThat(hourly.allows("2020-01-02T22:00:00Z")).isFalse();
            TimeDimension mixed = new TimeDimension("time", null, List.of("2020-01-01/2020-03-01/P1DT12H"));
            assertThat(mixed.allows("2020-01-02T12:00:00Z")).isTrue();
            assertThat(mixed.allows("2020-01-02")).isFalse();
        }

        @Test
        void latestOfAnIntervalEndingOffTheGrid() {
            TimeDimension time = new TimeDimension("time", null, List.of("2020-01-01/2020-01-10/P4D", "2019-05-05"));
            assertThat(time.latest()).isEqualTo("2020-01-09");
            assertThat(time.allows("2020-01-09")).isTrue();
            assertThat(time.allows("2020-01-10")).isFalse();
            assertThat(time.allows("2019-05-05")).isTrue();
        }

        @Test
        void splitsCommaSeparatedListsAndReadsContinuousRanges() {
            TimeDimension list = new TimeDimension("time", " ", List.of(" 2020-01-01,\n 2020-01-03 "));
            assertThat(list.values()).containsExactly("2020-01-01", "2020-01-03");
            assertThat(list.defaultValue()).isNull();
            assertThat(list.allows("2020-01-02")).isFalse();
            assertThat(list.latest()).isEqualTo("2020-01-03");
            TimeDimension range = new TimeDimension("time", null, List.of("2020-01-01T00:00:00Z/2020-01-02T00:00:00Z"));
            assertThat(range.allows("2020-01-01T13:17:00Z")).isTrue();
            assertThat(range.allows("2020-01-02T00:00:01Z")).isFalse();
            assertThat(new TimeDimension("time", null, List.of()).latest()).isNull();
        }
    }

    @Nested
    class Tolerance {

        /** No namespace, no prefixes, a lower-case "time" dimension with a plain UOM, REST only. */
        @Test
        void readsDocumentWithoutNamespacesAndRestOnly() throws Exception {
            RemoteCapabilities caps = parse("""
                    <Capabilities version="1.0.0">
                      <OperationsMetadata>
                        <Operation name="GetTile"><DCP><HTTP>
                          <Get href="https://example.org/wmts/"><Constraint name="GetEncoding">
                            <AllowedValues><Value>RESTful</Value></AllowedValues></Constraint></Get>
                        </HTTP></DCP></Operation>
                      </OperationsMetadata>
                      <Contents>
                        <Layer>
                          <Title>Layer A</Title><Identifier>a</Identifier>
                          <Style><Identifier>first</Identifier></Style><Style><Identifier>second</Identifier></Style>
                          <Format>image/png</Format>
                          <Dimension><Identifier>time</Identifier><UOM>ISO8601</UOM><Default>2020-01-02</Default>
                            <Value>2020-01-01,2020-01-02</Value></Dimension>
                          <TileMatrixSetLink><TileMatrixSet>g</TileMatrixSet></TileMatrixSetLink>
                          <ResourceURL format="image/png" resourceType="tile" template="https://example.org/wmts/a/{time}/{TileMatrix}/{TileRow}/{TileCol}.png"/>
                        </Layer>
                        <TileMatrixSet>
                          <Identifier>g</Identifier><SupportedCRS>urn:ogc:def:crs:EPSG:6.18:3:3857</SupportedCRS>
                          <TileMatrix><Identifier>1</Identifier><ScaleDenominator>279541132.0143589</ScaleDenominator>
                            <TopLeftCorner>-20037508.3427892 20037508.3427892</TopLeftCorner>
                            <TileWidth>256</TileWidth><TileHeight>256</TileHeight><MatrixWidth>2</MatrixWidth><MatrixHeight>2</MatrixHeight></TileMatrix>
                          <TileMatrix><Identifier>0</Identifier><ScaleDenominator>559082264.0287178</ScaleDenominator>
                            <TopLeftCorner>-20037508.3427892 20037508.3427892</TopLeftCorner>
                            <TileWidth>256</TileWidth><TileHeight>256</TileHeight><MatrixWidth>1</MatrixWidth><MatrixHeight>1</MatrixHeight></TileMatrix>
                        </TileMatrixSet>
                      </Contents>
                    </Capabilities>
                    """);
            assertThat(caps.getTileKvpUrl()).isNull();
            RemoteLayer layer = caps.layer("a").orElseThrow();
            assertThat(layer.defaultStyle())
                    .as("none marked default: the first")
                    .isEqualTo("first");
            assertThat(layer.time().identifier()).isEqualTo("time");
            assertThat(layer.time().values()).containsExactly("2020-01-01", "2020-01-02");
            assertThat(layer.wgs84Bounds()).isNull();
            TileMatrixSet set = caps.tileMatrixSets().get("g");
            assertThat(set.crs()).isEqualTo("EPSG:3857");
            assertThat(set.matrices())
                    .extracting(TileMatrix::identifier)
                    .as("coarsest first")
                    .containsExactly("0", "1");
            assertThat(set.matrices().get(0).cellSize()).isCloseTo(156543.0339, withinPercentage(1e-6));
        }

        /** WMS 1.1.1: a DOCTYPE not to fetch, an xlink prefix only the DTD declares, Extent, inheritance. */
        @Test
        void readsWms111WithoutFetchingItsDtd() throws Exception {
            RemoteCapabilities caps = parse("""
                    <?xml version="1.0" encoding="UTF-8" standalone="no"?>
                    <!DOCTYPE WMT_MS_Capabilities SYSTEM "http://schemas.opengis.net/wms/1.1.1/WMS_MS_Capabilities.dtd"
                     [
                     <!ELEMENT VendorSpecificCapabilities EMPTY>
                     ]>
                    <WMT_MS_Capabilities version="1.1.1">
                      <Service><Name>OGC:WMS</Name><Title>GIBS WMS</Title></Service>
                      <Capability>
                        <Request>
                          <GetMap><Format>image/jpeg</Format><Format>image/png</Format>
                            <DCPType><HTTP><Get><OnlineResource xlink:type="simple"
                              xlink:href="https://gibs.earthdata.nasa.gov/wms/epsg4326/best/wms.cgi?"/></Get></HTTP></DCPType>
                          </GetMap>
                        </Request>
                        <Layer>
                          <Title>Root</Title>
                          <LatLonBoundingBox minx="-180" miny="-90" maxx="180" maxy="90"/>
                          <Style><Name>default</Name></Style>
                          <Dimension name="time" units="ISO8601"/>
                          <Extent name="time" default="2025-11-24">2000-02-24/2025-11-24/P1D</Extent>
                          <Layer>
                            <Name>MODIS_Terra_CorrectedReflectance_TrueColor</Name>
                            <Title>Corrected Reflectance (True Color, MODIS, Terra)</Title>
                          </Layer>
                          <Layer>
                            <Name>Coastlines</Name><Title>Coastlines</Title>
                            <LatLonBoundingBox minx="-10" miny="-5" maxx="10" maxy="5"/>
                            <Style><Name>black</Name></Style>
                            <Extent name="time">2020-01-01</Extent>
                          </Layer>
                        </Layer>
                      </Capability>
                    </WMT_MS_Capabilities>
                    """);
            assertThat(caps.service()).isEqualTo("WMS");
            assertThat(caps.version()).isEqualTo("1.1.1");
            assertThat(caps.getMapUrl()).isEqualTo("https://gibs.earthdata.nasa.gov/wms/epsg4326/best/wms.cgi?");
            assertThat(caps.layers()).hasSize(2);
            RemoteLayer modis =
                    caps.layer("MODIS_Terra_CorrectedReflectance_TrueColor").orElseThrow();
            assertThat(modis.formats()).containsExactly("image/jpeg", "image/png");
            assertThat(modis.wgs84Bounds()).containsExactly(-180, -90, 180, 90);
            assertThat(modis.styles()).containsExactly("default");
            assertThat(modis.time().defaultValue()).isEqualTo("2025-11-24");
            assertThat(modis.time().allows("2012-07-09")).isTrue();
            RemoteLayer coast = caps.layer("Coastlines").orElseThrow();
            assertThat(coast.wgs84Bounds()).containsExactly(-10, -5, 10, 5);
            assertThat(coast.styles()).containsExactly("default", "black");
            assertThat(coast.time().values()).containsExactly("2020-01-01");
        }
    }

    @Nested
    class XmlSecurity {

        @TempDir
        Path dir;

        private static final String SECRET = "root:x:0:0:TOP-SECRET-4242";

        @Test
        void doesNotReadExternalEntities() throws Exception {
            Path secret = Files.writeString(dir.resolve("secret.txt"), SECRET);
            RemoteCapabilities caps = parse("""
                    <?xml version="1.0"?>
                    <!DOCTYPE Capabilities [ <!ENTITY secret SYSTEM "%s"> ]>
                    <Capabilities xmlns="http://www.opengis.net/wmts/1.0" xmlns:ows="http://www.opengis.net/ows/1.1" version="1.0.0">
                      <ows:ServiceIdentification><ows:Title>before &secret; after</ows:Title></ows:ServiceIdentification>
                      <Contents>
                        <Layer><ows:Title>&secret;</ows:Title><ows:Abstract>&secret;</ows:Abstract>
                          <ows:Identifier>a</ows:Identifier><Format>image/png</Format></Layer>
                      </Contents>
                    </Capabilities>
                    """.formatted(secret.toUri()));
            assertThat(caps.toString()).doesNotContain("TOP-SECRET");
            assertThat(caps.title()).isEqualTo("before  after");
            RemoteLayer layer = caps.layer("a").orElseThrow();
            assertThat(layer.title()).isNull();
            assertThat(layer.abstractText()).isNull();
        }

        /**
         * The external DTD would declare an entity holding the file: it is not read, so a document
         * referring to that entity is refused, and one that does not parses.
         */
        @Test
        void doesNotReadExternalParameterEntities() throws Exception {
            Files.writeString(dir.resolve("secret.txt"), SECRET);
            Path dtd = Files.writeString(
                    dir.resolve("evil.dtd"),
                    "<!ENTITY leak SYSTEM \"" + dir.resolve("secret.txt").toUri() + "\">");
            String document = """
                    <?xml version="1.0"?>
                    <!DOCTYPE Capabilities [ <!ENTITY %% remote SYSTEM "%s"> %%remote; ]>
                    <Capabilities version="1.0.0"><ServiceIdentification><Title>t%s</Title></ServiceIdentification>
                      <Contents/></Capabilities>
                    """;
            String refused = parseError(document.formatted(dtd.toUri(), "&leak;"));
            assertThat(refused)
                    .startsWith("Not a well-formed XML document (The entity \"leak\" was referenced, but not declared.")
                    .doesNotContain("TOP-SECRET");
            RemoteCapabilities caps = parse(document.formatted(dtd.toUri(), ""));
            assertThat(caps.title()).isEqualTo("t");
        }

        @Test
        void expandsInternalEntities() throws Exception {
            RemoteCapabilities caps = parse("<?xml version=\"1.0\"?><!DOCTYPE Capabilities [<!ENTITY gibs \"GIBS\">]>"
                    + "<Capabilities version=\"1.0.0\"><ServiceIdentification><Title>NASA &gibs; &amp; co"
                    + "</Title></ServiceIdentification><Contents/></Capabilities>");
            assertThat(caps.title()).isEqualTo("NASA GIBS & co");
        }

        @Test
        void refusesEntityExpansionBombs() {
            StringBuilder entities = new StringBuilder("<!ENTITY a0 \"lol\">");
            for (int i = 1; i <= 10; i++) {
                entities.append("<!ENTITY a%d \"%s\">".formatted(i, ("&a" + (i - 1) + ";").repeat(10)));
            }
            String message = parseError("<?xml version=\"1.0\"?><!DOCTYPE Capabilities [" + entities
                    + "]><Capabilities version=\"1.0.0\"><Title>&a10;</Title><Contents/></Capabilities>");
            assertThat(message).startsWith("Not a well-formed XML document").contains("entity expansions");
        }
    }

    @Nested
    class Errors {

        @Test
        void notXml() {
            String message = parseError("{\"error\": \"service unavailable\"}");
            assertThat(message)
                    .startsWith("Not a well-formed XML document")
                    .contains("{\"error\": \"service unavailable\"}");
            assertThat(parseError("  \n")).isEqualTo("The capabilities document is empty");
        }

        @Test
        void owsExceptionReport() {
            String message = parseError("""
                    <?xml version="1.0" encoding="UTF-8"?>
                    <ows:ExceptionReport xmlns:ows="http://www.opengis.net/ows/1.1" version="1.1.0" xml:lang="en">
                      <ows:Exception exceptionCode="InvalidParameterValue" locator="SERVICE">
                        <ows:ExceptionText>Unrecognized service: WMTSX</ows:ExceptionText>
                      </ows:Exception>
                    </ows:ExceptionReport>
                    """);
            assertThat(message)
                    .isEqualTo("The server answered with an OGC exception report instead of capabilities: "
                            + "InvalidParameterValue (locator SERVICE): \"Unrecognized service: WMTSX\"");
        }

        @Test
        void wmsServiceExceptionReport() {
            String message = parseError("""
                    <ServiceExceptionReport version="1.3.0" xmlns="http://www.opengis.net/ogc">
                      <ServiceException code="InvalidFormat">Unknown format image/webp</ServiceException>
                    </ServiceExceptionReport>
                    """);
            assertThat(message).contains("OGC exception report", "InvalidFormat", "\"Unknown format image/webp\"");
        }

        @Test
        void htmlPage() {
            String message = parseError("""
                    <!DOCTYPE html>
                    <html lang="en"><head><meta charset="utf-8"><title>Earthdata Login</title></head>
                    <body><p>Please log in<br><form action="/login"></form></body></html>
                    """);
            assertThat(message).contains("HTML page", "\"Earthdata Login\"");
            assertThat(parseError("<html><body>502 Bad Gateway</body></html>")).contains("HTML page");
            assertThat(parseError("\uFEFF<!-- proxy -->\n<HTML><HEAD><TITLE>502</TITLE></HEAD>"))
                    .contains("HTML page", "\"502\"");
        }

        @Test
        void otherDocuments() {
            assertThat(parseError(
                            "<wfs:WFS_Capabilities xmlns:wfs=\"http://www.opengis.net/wfs/2.0\" version=\"2.0.0\"/>"))
                    .isEqualTo("Not a WMTS or WMS capabilities document: the root element is <wfs:WFS_Capabilities>"
                            + " in namespace http://www.opengis.net/wfs/2.0, where <Capabilities> (WMTS)"
                            + " or <WMS_Capabilities>/<WMT_MS_Capabilities> (WMS) was expected");
            assertThat(parseError("<Capabilities xmlns=\"http://www.opengis.net/wcs/1.1\" version=\"1.1.0\"/>"))
                    .contains("not WMTS's", "http://www.opengis.net/wcs/1.1");
        }

        @Test
        void layerLinkingUnknownMatrixSet() {
            String message = parseError("""
                    <Capabilities xmlns="http://www.opengis.net/wmts/1.0" xmlns:ows="http://www.opengis.net/ows/1.1" version="1.0.0">
                      <Contents>
                        <Layer><ows:Identifier>MODIS_Terra_CorrectedReflectance_TrueColor</ows:Identifier>
                          <TileMatrixSetLink><TileMatrixSet>EPSG4326_16km</TileMatrixSet></TileMatrixSetLink></Layer>
                        <TileMatrixSet><ows:Identifier>250m</ows:Identifier>
                          <ows:SupportedCRS>urn:ogc:def:crs:OGC:1.3:CRS84</ows:SupportedCRS>
                          <TileMatrix><ows:Identifier>0</ows:Identifier><ScaleDenominator>223632905.6114871</ScaleDenominator>
                            <TopLeftCorner>-180 90</TopLeftCorner><TileWidth>512</TileWidth><TileHeight>512</TileHeight>
                            <MatrixWidth>2</MatrixWidth><MatrixHeight>1</MatrixHeight></TileMatrix>
                        </TileMatrixSet>
                      </Contents>
                    </Capabilities>
                    """);
            assertThat(message)
                    .isEqualTo(
                            "Layer 'MODIS_Terra_CorrectedReflectance_TrueColor' links tile matrix set 'EPSG4326_16km',"
                                    + " which the document does not define (it defines: 250m)");
        }

        @Test
        void brokenTileMatrix() {
            String message = parseError("""
                    <Capabilities version="1.0.0"><Contents>
                      <TileMatrixSet><Identifier>250m</Identifier><SupportedCRS>EPSG:4326</SupportedCRS>
                        <TileMatrix><Identifier>0</Identifier><ScaleDenominator>223632905.6114871</ScaleDenominator>
                          <TopLeftCorner>90 -180</TopLeftCorner><TileHeight>512</TileHeight>
                          <MatrixWidth>2</MatrixWidth><MatrixHeight>1</MatrixHeight></TileMatrix>
                      </TileMatrixSet></Contents></Capabilities>
                    """);
            assertThat(message).isEqualTo("Tile matrix set '250m', level '0': <TileWidth> is missing");
        }
    }
}
