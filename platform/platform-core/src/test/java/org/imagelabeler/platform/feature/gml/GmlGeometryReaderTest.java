package org.imagelabeler.platform.feature.gml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.imagelabeler.platform.feature.gml.GmlDocuments.element;
import static org.imagelabeler.platform.feature.gml.GmlDocuments.gml31;
import static org.imagelabeler.platform.feature.gml.GmlDocuments.gml32;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.w3c.dom.Element;

class GmlGeometryReaderTest {

    private final GmlGeometryReader reader =
            new GmlGeometryReader(new OgcSrsNames(code -> code.equals("EPSG:4326") || code.equals("EPSG:4258")));

    private Geometry read(Element e) {
        return reader.read(e);
    }

    @Nested
    class AxisOrder {

        @ParameterizedTest
        @CsvSource({
            "EPSG:4326, 11.5 48.1",
            "http://www.opengis.net/gml/srs/epsg.xml#4326, 11.5 48.1",
            "CRS:84, 11.5 48.1",
            "urn:ogc:def:crs:OGC:1.3:CRS84, 11.5 48.1",
            "http://www.opengis.net/def/crs/OGC/1.3/CRS84, 11.5 48.1",
            "urn:ogc:def:crs:EPSG::4326, 48.1 11.5",
            "urn:x-ogc:def:crs:EPSG:4326, 48.1 11.5",
            "http://www.opengis.net/def/crs/EPSG/0/4326, 48.1 11.5",
        })
        void positionsComeOutLongitudeFirstWhateverTheSrsNameSays(String srsName, String pos) {
            Geometry g = read(gml32("<gml:Point srsName='" + srsName + "'><gml:pos>" + pos + "</gml:pos></gml:Point>"));

            assertThat(g.toText()).isEqualTo("POINT (11.5 48.1)");
            assertThat(g.getSRID()).isEqualTo(4326);
        }

        @Test
        void positionsWithoutAnySrsNameAreStorageLongitudeFirst() {
            Geometry g = read(gml32("<gml:Point><gml:pos>11.5 48.1</gml:pos></gml:Point>"));

            assertThat(g.toText()).isEqualTo("POINT (11.5 48.1)");
            assertThat(g.getSRID()).isEqualTo(4326);
        }

        @Test
        void aDefaultSrsOfTheCallerAppliesWhereNoSrsNameIs() {
            GmlGeometryReader latLonDefault =
                    new GmlGeometryReader(new OgcSrsNames(code -> true), new Srs("EPSG:4326", true));

            Geometry g = latLonDefault.read(gml32("<gml:Point><gml:pos>48.1 11.5</gml:pos></gml:Point>"));

            assertThat(g.toText()).isEqualTo("POINT (11.5 48.1)");
        }

        @ParameterizedTest
        @CsvSource({"EPSG:3857", "urn:ogc:def:crs:EPSG::3857", "EPSG:900913"})
        void webMercatorIsEastingFirstInEveryForm(String srsName) {
            Geometry g =
                    read(gml32("<gml:Point srsName='" + srsName + "'><gml:pos>1280174 6124000</gml:pos></gml:Point>"));

            assertThat(g.toText()).isEqualTo("POINT (1280174 6124000)");
            assertThat(g.getSRID()).isEqualTo(3857);
        }

        @Test
        void otherEpsgCodesAskTheInjectedAxisOracle() {
            Geometry etrs89 = read(
                    gml32("<gml:Point srsName='urn:ogc:def:crs:EPSG::4258'><gml:pos>48.1 11.5</gml:pos></gml:Point>"));
            Geometry utm = read(gml32(
                    "<gml:Point srsName='urn:ogc:def:crs:EPSG::32632'><gml:pos>691000 5332000</gml:pos></gml:Point>"));

            assertThat(etrs89.toText()).isEqualTo("POINT (11.5 48.1)");
            assertThat(etrs89.getSRID()).isEqualTo(4258);
            assertThat(utm.toText()).isEqualTo("POINT (691000 5332000)");
            assertThat(utm.getSRID()).isEqualTo(32632);
        }

        @Test
        void latitudeFirstAppliesToEveryKindOfPosition() {
            String srs = "srsName='urn:ogc:def:crs:EPSG::4326'";

            assertThat(read(gml32("<gml:LineString " + srs
                                    + "><gml:posList>48 11 49 12</gml:posList></gml:LineString>"))
                            .toText())
                    .isEqualTo("LINESTRING (11 48, 12 49)");
            assertThat(read(gml31("<gml:Point " + srs + "><gml:coordinates>48,11</gml:coordinates></gml:Point>"))
                            .toText())
                    .isEqualTo("POINT (11 48)");
            assertThat(read(gml31("<gml:Point " + srs
                                    + "><gml:coord><gml:X>48</gml:X><gml:Y>11</gml:Y></gml:coord></gml:Point>"))
                            .toText())
                    .isEqualTo("POINT (11 48)");
            assertThat(reader.readEnvelope(gml32("<gml:Envelope " + srs + "><gml:lowerCorner>48 11</gml:lowerCorner>"
                            + "<gml:upperCorner>49 12</gml:upperCorner></gml:Envelope>")))
                    .isEqualTo(new Envelope(11, 12, 48, 49));
        }

        @Test
        void srsNameIsInheritedFromTheNearestAncestorThatHasOne() {
            Element insert = element("<wfs:Insert xmlns:wfs='http://www.opengis.net/wfs/2.0'"
                    + " xmlns:gml='http://www.opengis.net/gml/3.2' srsName='urn:ogc:def:crs:EPSG::4326'>"
                    + "<label><geom><gml:Point><gml:pos>48.1 11.5</gml:pos></gml:Point></geom></label></wfs:Insert>");
            Element point = (Element) insert.getElementsByTagNameNS(GmlGeometryReader.GML_32, "Point")
                    .item(0);

            assertThat(read(point).toText()).isEqualTo("POINT (11.5 48.1)");
        }

        @Test
        void membersInheritTheSrsNameOfTheirMultiGeometry() {
            Geometry g = read(gml32("<gml:MultiPoint srsName='urn:ogc:def:crs:EPSG::4326'>"
                    + "<gml:pointMember><gml:Point><gml:pos>48 11</gml:pos></gml:Point></gml:pointMember>"
                    + "<gml:pointMember><gml:Point srsName='EPSG:4326'><gml:pos>12 49</gml:pos></gml:Point></gml:pointMember>"
                    + "</gml:MultiPoint>"));

            assertThat(g.toText()).isEqualTo("MULTIPOINT ((11 48), (12 49))");
        }

        @Test
        void owslibsNamespacedSrsNameIsRead() {
            Geometry g = read(gml32("<gml:Point gml:id='qp1' gml:srsName='urn:ogc:def:crs:EPSG::4326'>"
                    + "<gml:pos>48.15 11.55</gml:pos></gml:Point>"));

            assertThat(g.toText()).isEqualTo("POINT (11.55 48.15)");
        }

        @Test
        void refusesAMemberInAnotherCrsThanItsGeometry() {
            assertThatThrownBy(() -> read(gml32("<gml:MultiPoint srsName='EPSG:4326'>"
                            + "<gml:pointMember><gml:Point srsName='EPSG:3857'><gml:pos>1 2</gml:pos></gml:Point>"
                            + "</gml:pointMember></gml:MultiPoint>")))
                    .isInstanceOf(GmlException.class)
                    .hasMessage(
                            "Point is in EPSG:3857 but the geometry around it in EPSG:4326: a geometry has one CRS");
        }

        @Test
        void refusesAnUnknownSrsNameSayingWhere() {
            assertThatThrownBy(() -> read(gml32("<gml:Point srsName='WGS84'><gml:pos>1 2</gml:pos></gml:Point>")))
                    .isInstanceOf(GmlException.class)
                    .hasMessageStartingWith("unknown srsName 'WGS84'")
                    .hasMessageEndingWith("(in Point)");
        }
    }

    @Nested
    class Positions {

        @Test
        void srsDimension3DropsZ() {
            assertThat(read(gml32(
                                    "<gml:LineString srsDimension='3'><gml:posList>1 2 3 4 5 6</gml:posList></gml:LineString>"))
                            .toText())
                    .isEqualTo("LINESTRING (1 2, 4 5)");
            assertThat(read(gml32(
                                    "<gml:LineString><gml:posList srsDimension='3'>1 2 3 4 5 6</gml:posList></gml:LineString>"))
                            .toText())
                    .isEqualTo("LINESTRING (1 2, 4 5)");
            assertThat(read(gml32("<gml:Point srsDimension='3'><gml:pos>1 2 3</gml:pos></gml:Point>"))
                            .getCoordinate()
                            .getZ())
                    .isNaN();
        }

        @Test
        void srsDimensionIsInheritedByTheMembers() {
            Geometry g = read(gml32("<gml:MultiCurve srsName='urn:ogc:def:crs:EPSG::4326' srsDimension='3'>"
                    + "<gml:curveMember><gml:LineString><gml:posList>48 11 100 49 12 200</gml:posList></gml:LineString>"
                    + "</gml:curveMember></gml:MultiCurve>"));

            assertThat(g.toText()).isEqualTo("MULTILINESTRING ((11 48, 12 49))");
        }

        @Test
        void aPosWithoutDeclaredDimensionMayHaveThreeValues() {
            assertThat(read(gml32("<gml:Point><gml:pos>1 2 3</gml:pos></gml:Point>"))
                            .toText())
                    .isEqualTo("POINT (1 2)");
        }

        @Test
        void coordinatesHonourTheirSeparatorsAndLayout() {
            assertThat(read(gml31("<gml:LineString><gml:coordinates>1,2 3,4</gml:coordinates></gml:LineString>"))
                            .toText())
                    .isEqualTo("LINESTRING (1 2, 3 4)");
            assertThat(read(gml31(
                                    "<gml:LineString><gml:coordinates>1, 2  3, 4\n 5,6,7</gml:coordinates></gml:LineString>"))
                            .toText())
                    .isEqualTo("LINESTRING (1 2, 3 4, 5 6)");
            assertThat(read(gml31(
                                    "<gml:LineString><gml:coordinates decimal=',' cs=' ' ts=';'>1,5 2; 3 4,25</gml:coordinates>"
                                            + "</gml:LineString>"))
                            .toText())
                    .isEqualTo("LINESTRING (1.5 2, 3 4.25)");
        }

        @Test
        void numbersMayUseExponents() {
            assertThat(read(gml32("<gml:Point><gml:pos>1.5e1 -2E-1</gml:pos></gml:Point>"))
                            .toText())
                    .isEqualTo("POINT (15 -0.2)");
        }

        @Test
        void refusesAnOddPosList() {
            assertThatThrownBy(
                            () -> read(gml32("<gml:LineString><gml:posList>1 2 3 4 5</gml:posList></gml:LineString>")))
                    .isInstanceOf(GmlException.class)
                    .hasMessage("posList has an odd number of values (5)");
        }

        @Test
        void refusesAPosListThatDoesNotFitItsDimension() {
            assertThatThrownBy(() -> read(gml32(
                            "<gml:LineString srsDimension='3'><gml:posList>1 2 3 4</gml:posList></gml:LineString>")))
                    .isInstanceOf(GmlException.class)
                    .hasMessage("posList has 4 values, not a multiple of its srsDimension 3");
        }

        @ParameterizedTest
        @CsvSource({"1 abc, abc", "1 NaN, NaN", "1 Infinity, Infinity", "1 0x10, 0x10", "'1,5 2', '1,5'"})
        void refusesAValueThatIsNotAFiniteNumber(String pos, String value) {
            assertThatThrownBy(() -> read(gml32("<gml:Point><gml:pos>" + pos + "</gml:pos></gml:Point>")))
                    .isInstanceOf(GmlException.class)
                    .hasMessage("pos has a value that is not a number: '" + value + "'");
        }

        @Test
        void refusesAPosOfOneValueOrMoreThanItsDimension() {
            assertThatThrownBy(() -> read(gml32("<gml:Point><gml:pos>1</gml:pos></gml:Point>")))
                    .isInstanceOf(GmlException.class)
                    .hasMessage("pos has 1 values; expected 2 or 3");
            assertThatThrownBy(() -> read(gml32("<gml:Point srsDimension='2'><gml:pos>1 2 3</gml:pos></gml:Point>")))
                    .isInstanceOf(GmlException.class)
                    .hasMessage("pos has 3 values; expected 2");
        }

        @Test
        void refusesAnEmptyPos() {
            assertThatThrownBy(() -> read(gml32("<gml:Point><gml:pos> </gml:pos></gml:Point>")))
                    .isInstanceOf(GmlException.class)
                    .hasMessage("pos is empty or has an empty value");
        }

        @Test
        void refusesAnUnsupportedDimension() {
            assertThatThrownBy(() -> read(gml32("<gml:Point srsDimension='4'><gml:pos>1 2 3 4</gml:pos></gml:Point>")))
                    .isInstanceOf(GmlException.class)
                    .hasMessage("srsDimension '4' of Point is not supported: expected 2 or 3");
        }

        @Test
        void refusesACoordinatesTupleOfOneValue() {
            assertThatThrownBy(() ->
                            read(gml31("<gml:LineString><gml:coordinates>1,2 3</gml:coordinates></gml:LineString>")))
                    .isInstanceOf(GmlException.class)
                    .hasMessage("coordinates has a tuple of 1 values ('3'); expected 2 or 3");
        }
    }

    @Nested
    class Geometries {

        @Test
        void point() {
            Geometry g =
                    read(gml32("<gml:Point gml:id='p1'><gml:name>start</gml:name><gml:pos>1 2</gml:pos></gml:Point>"));

            assertThat(g.toText()).isEqualTo("POINT (1 2)");
        }

        @Test
        void lineStringFromPosListPosCoordinatesAndPointProperties() {
            assertThat(read(gml32("<gml:LineString><gml:posList>1 2 3 4</gml:posList></gml:LineString>"))
                            .toText())
                    .isEqualTo("LINESTRING (1 2, 3 4)");
            assertThat(read(gml32("<gml:LineString><gml:pos>1 2</gml:pos><gml:pos>3 4</gml:pos><gml:pos>5 6</gml:pos>"
                                    + "</gml:LineString>"))
                            .toText())
                    .isEqualTo("LINESTRING (1 2, 3 4, 5 6)");
            assertThat(read(gml32("<gml:LineString><gml:pos>1 2</gml:pos>"
                                    + "<gml:pointProperty><gml:Point><gml:pos>3 4</gml:pos></gml:Point></gml:pointProperty>"
                                    + "</gml:LineString>"))
                            .toText())
                    .isEqualTo("LINESTRING (1 2, 3 4)");
        }

        @Test
        void linearRing() {
            assertThat(read(gml32("<gml:LinearRing><gml:posList>0 0 1 0 1 1 0 0</gml:posList></gml:LinearRing>"))
                            .toText())
                    .isEqualTo("LINEARRING (0 0, 1 0, 1 1, 0 0)");
        }

        @Test
        void polygonWithHolesInGml32() {
            Geometry g = read(gml32("<gml:Polygon srsName='urn:ogc:def:crs:EPSG::4326'>"
                    + "<gml:exterior><gml:LinearRing><gml:posList>0 0 0 10 10 10 10 0 0 0</gml:posList></gml:LinearRing>"
                    + "</gml:exterior>"
                    + "<gml:interior><gml:LinearRing><gml:posList>1 1 1 2 2 2 2 1 1 1</gml:posList></gml:LinearRing>"
                    + "</gml:interior>"
                    + "<gml:interior><gml:LinearRing><gml:posList>5 5 5 6 6 6 6 5 5 5</gml:posList></gml:LinearRing>"
                    + "</gml:interior></gml:Polygon>"));

            assertThat(g.toText())
                    .isEqualTo("POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0), (1 1, 2 1, 2 2, 1 2, 1 1),"
                            + " (5 5, 6 5, 6 6, 5 6, 5 5))");
        }

        @Test
        void polygonWithGml31OuterAndInnerBoundaries() {
            Geometry g = read(gml31("<gml:Polygon srsName='EPSG:4326'>"
                    + "<gml:outerBoundaryIs><gml:LinearRing><gml:coordinates>0,0 10,0 10,10 0,10 0,0</gml:coordinates>"
                    + "</gml:LinearRing></gml:outerBoundaryIs>"
                    + "<gml:innerBoundaryIs><gml:LinearRing><gml:coordinates>1,1 2,1 2,2 1,1</gml:coordinates>"
                    + "</gml:LinearRing></gml:innerBoundaryIs></gml:Polygon>"));

            assertThat(g.toText()).isEqualTo("POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0), (1 1, 2 1, 2 2, 1 1))");
        }

        @Test
        void polygonBoundedByARingOfCurves() {
            Geometry g = read(gml32("<gml:Polygon><gml:exterior><gml:Ring>"
                    + "<gml:curveMember><gml:LineString><gml:posList>0 0 4 0 4 4</gml:posList></gml:LineString>"
                    + "</gml:curveMember>"
                    + "<gml:curveMember><gml:Curve><gml:segments><gml:LineStringSegment>"
                    + "<gml:posList>4 4 0 4 0 0</gml:posList></gml:LineStringSegment></gml:segments></gml:Curve>"
                    + "</gml:curveMember></gml:Ring></gml:exterior></gml:Polygon>"));

            assertThat(g.toText()).isEqualTo("POLYGON ((0 0, 4 0, 4 4, 0 4, 0 0))");
        }

        @Test
        void envelopeBecomesItsPolygon() {
            Geometry g = read(gml32("<gml:Envelope srsName='EPSG:4326'><gml:lowerCorner>1 2</gml:lowerCorner>"
                    + "<gml:upperCorner>3 4</gml:upperCorner></gml:Envelope>"));

            assertThat(g.toText()).isEqualTo("POLYGON ((1 2, 1 4, 3 4, 3 2, 1 2))");
            assertThat(g.getSRID()).isEqualTo(4326);
        }

        @Test
        void envelopeOfGml31PosPairsAndGml2Box() {
            assertThat(reader.readEnvelope(
                            gml31("<gml:Envelope><gml:pos>1 2</gml:pos><gml:pos>3 4</gml:pos></gml:Envelope>")))
                    .isEqualTo(new Envelope(1, 3, 2, 4));
            assertThat(reader.readEnvelope(gml31("<gml:Box><gml:coordinates>1,2 3,4</gml:coordinates></gml:Box>")))
                    .isEqualTo(new Envelope(1, 3, 2, 4));
        }

        @Test
        void multiPointOfPointMemberAndPointMembers() {
            Geometry g = read(gml32("<gml:MultiPoint>"
                    + "<gml:pointMember><gml:Point><gml:pos>1 2</gml:pos></gml:Point></gml:pointMember>"
                    + "<gml:pointMembers><gml:Point><gml:pos>3 4</gml:pos></gml:Point>"
                    + "<gml:Point><gml:pos>5 6</gml:pos></gml:Point></gml:pointMembers></gml:MultiPoint>"));

            assertThat(g.toText()).isEqualTo("MULTIPOINT ((1 2), (3 4), (5 6))");
        }

        @Test
        void multiCurveOfLineStringsAndCurves() {
            Geometry g = read(gml32("<gml:MultiCurve>"
                    + "<gml:curveMember><gml:LineString><gml:posList>0 0 1 1</gml:posList></gml:LineString></gml:curveMember>"
                    + "<gml:curveMember><gml:Curve><gml:segments>"
                    + "<gml:LineStringSegment interpolation='linear'><gml:posList>2 2 3 3</gml:posList></gml:LineStringSegment>"
                    + "<gml:LineStringSegment><gml:posList>3 3 4 2</gml:posList></gml:LineStringSegment>"
                    + "</gml:segments></gml:Curve></gml:curveMember>"
                    + "<gml:curveMembers><gml:LineString><gml:posList>5 5 6 6</gml:posList></gml:LineString></gml:curveMembers>"
                    + "</gml:MultiCurve>"));

            assertThat(g.toText()).isEqualTo("MULTILINESTRING ((0 0, 1 1), (2 2, 3 3, 4 2), (5 5, 6 6))");
        }

        @Test
        void gml31MultiLineString() {
            Geometry g = read(gml31("<gml:MultiLineString><gml:lineStringMember><gml:LineString>"
                    + "<gml:coordinates>0,0 1,1</gml:coordinates></gml:LineString></gml:lineStringMember>"
                    + "</gml:MultiLineString>"));

            assertThat(g.toText()).isEqualTo("MULTILINESTRING ((0 0, 1 1))");
        }

        @Test
        void multiSurfaceOfPolygonsAndSurfaces() {
            Geometry g = read(gml32("<gml:MultiSurface srsName='urn:ogc:def:crs:EPSG::4326'>"
                    + "<gml:surfaceMember><gml:Polygon><gml:exterior><gml:LinearRing>"
                    + "<gml:posList>0 0 0 1 1 1 0 0</gml:posList></gml:LinearRing></gml:exterior></gml:Polygon>"
                    + "</gml:surfaceMember>"
                    + "<gml:surfaceMembers><gml:Surface><gml:patches><gml:PolygonPatch><gml:exterior><gml:LinearRing>"
                    + "<gml:posList>5 5 5 6 6 6 5 5</gml:posList></gml:LinearRing></gml:exterior></gml:PolygonPatch>"
                    + "</gml:patches></gml:Surface></gml:surfaceMembers></gml:MultiSurface>"));

            assertThat(g.toText()).isEqualTo("MULTIPOLYGON (((0 0, 1 0, 1 1, 0 0)), ((5 5, 6 5, 6 6, 5 5)))");
        }

        @Test
        void gml31MultiPolygon() {
            Geometry g = read(gml31("<gml:MultiPolygon><gml:polygonMember><gml:Polygon><gml:outerBoundaryIs>"
                    + "<gml:LinearRing><gml:coordinates>0,0 1,0 1,1 0,0</gml:coordinates></gml:LinearRing>"
                    + "</gml:outerBoundaryIs></gml:Polygon></gml:polygonMember></gml:MultiPolygon>"));

            assertThat(g.toText()).isEqualTo("MULTIPOLYGON (((0 0, 1 0, 1 1, 0 0)))");
        }

        @Test
        void multiGeometryOfMixedMembers() {
            Geometry g = read(gml32("<gml:MultiGeometry>"
                    + "<gml:geometryMember><gml:Point><gml:pos>1 2</gml:pos></gml:Point></gml:geometryMember>"
                    + "<gml:geometryMembers><gml:LineString><gml:posList>0 0 1 1</gml:posList></gml:LineString>"
                    + "</gml:geometryMembers></gml:MultiGeometry>"));

            assertThat(g.toText()).isEqualTo("GEOMETRYCOLLECTION (POINT (1 2), LINESTRING (0 0, 1 1))");
        }

        @Test
        void surfaceOfOnePatchIsAPolygonAndOfSeveralAMultiPolygon() {
            String patch = "<gml:PolygonPatch><gml:exterior><gml:LinearRing><gml:posList>%s</gml:posList>"
                    + "</gml:LinearRing></gml:exterior></gml:PolygonPatch>";

            Geometry one = read(gml32("<gml:Surface><gml:patches>" + patch.formatted("0 0 1 0 1 1 0 0")
                    + "</gml:patches></gml:Surface>"));
            Geometry two = read(gml32("<gml:Surface><gml:patches>" + patch.formatted("0 0 1 0 1 1 0 0")
                    + patch.formatted("2 2 3 2 3 3 2 2") + "</gml:patches></gml:Surface>"));

            assertThat(one.toText()).isEqualTo("POLYGON ((0 0, 1 0, 1 1, 0 0))");
            assertThat(two.toText()).isEqualTo("MULTIPOLYGON (((0 0, 1 0, 1 1, 0 0)), ((2 2, 3 2, 3 3, 2 2)))");
        }

        @Test
        void qgisStyleCurveAndSurfaceIn31() {
            Geometry curve = read(gml31("<gml:Curve srsName='EPSG:4326'><gml:segments><gml:LineStringSegment>"
                    + "<gml:posList srsDimension='2'>0 0 1 1 2 0</gml:posList></gml:LineStringSegment>"
                    + "</gml:segments></gml:Curve>"));
            Geometry surface = read(gml31("<gml:Surface srsName='EPSG:4326'><gml:patches><gml:PolygonPatch>"
                    + "<gml:exterior><gml:LinearRing><gml:posList srsDimension='2'>0 0 1 0 1 1 0 0</gml:posList>"
                    + "</gml:LinearRing></gml:exterior></gml:PolygonPatch></gml:patches></gml:Surface>"));

            assertThat(curve.toText()).isEqualTo("LINESTRING (0 0, 1 1, 2 0)");
            assertThat(surface.toText()).isEqualTo("POLYGON ((0 0, 1 0, 1 1, 0 0))");
        }

        @Test
        void emptyMultiGeometriesAreEmpty() {
            assertThat(read(gml32("<gml:MultiSurface/>")).isEmpty()).isTrue();
        }

        @Test
        void sridIsSetOnEveryMember() {
            Geometry g = read(
                    gml32(
                            "<gml:MultiPoint srsName='EPSG:3857'>"
                                    + "<gml:pointMember><gml:Point><gml:pos>1 2</gml:pos></gml:Point></gml:pointMember></gml:MultiPoint>"));

            assertThat(g.getSRID()).isEqualTo(3857);
            assertThat(g.getGeometryN(0).getSRID()).isEqualTo(3857);
        }
    }

    @Nested
    class MalformedGml {

        @Test
        void polygonExteriorRingNotClosed() {
            assertThatThrownBy(
                            () -> read(
                                    gml32(
                                            "<gml:Polygon><gml:exterior><gml:LinearRing>"
                                                    + "<gml:posList>0 0 1 0 1 1 0 1</gml:posList></gml:LinearRing></gml:exterior></gml:Polygon>")))
                    .isInstanceOf(GmlException.class)
                    .hasMessage("Polygon exterior ring is not closed (starts at 0.0 0.0, ends at 0.0 1.0)");
        }

        @Test
        void polygonInteriorRingTooShort() {
            assertThatThrownBy(() -> read(gml32("<gml:Polygon><gml:exterior><gml:LinearRing>"
                            + "<gml:posList>0 0 9 0 9 9 0 0</gml:posList></gml:LinearRing></gml:exterior>"
                            + "<gml:interior><gml:LinearRing><gml:posList>1 1 2 2 1 1</gml:posList></gml:LinearRing>"
                            + "</gml:interior></gml:Polygon>")))
                    .isInstanceOf(GmlException.class)
                    .hasMessage("Polygon interior ring 1 has 3 positions; a ring needs at least 4");
        }

        @Test
        void polygonWithoutExterior() {
            assertThatThrownBy(() -> read(gml32("<gml:Polygon/>")))
                    .isInstanceOf(GmlException.class)
                    .hasMessage("Polygon has no exterior");
        }

        @Test
        void polygonPatchRingNotClosed() {
            assertThatThrownBy(() -> read(gml32("<gml:Surface><gml:patches><gml:PolygonPatch><gml:exterior>"
                            + "<gml:LinearRing><gml:posList>0 0 1 0 1 1 2 2</gml:posList></gml:LinearRing>"
                            + "</gml:exterior></gml:PolygonPatch></gml:patches></gml:Surface>")))
                    .isInstanceOf(GmlException.class)
                    .hasMessageStartingWith("PolygonPatch exterior ring is not closed");
        }

        @Test
        void lineStringOfOnePosition() {
            assertThatThrownBy(() -> read(gml32("<gml:LineString><gml:pos>1 2</gml:pos></gml:LineString>")))
                    .isInstanceOf(GmlException.class)
                    .hasMessage("LineString has 1 position; a line needs at least 2");
        }

        @Test
        void pointWithoutPosition() {
            assertThatThrownBy(() -> read(gml32("<gml:Point/>")))
                    .isInstanceOf(GmlException.class)
                    .hasMessage("Point has no position");
        }

        @Test
        void envelopeUpsideDown() {
            assertThatThrownBy(() ->
                            read(gml32("<gml:Envelope srsName='EPSG:4326'><gml:lowerCorner>48 11</gml:lowerCorner>"
                                    + "<gml:upperCorner>47 12</gml:upperCorner></gml:Envelope>")))
                    .isInstanceOf(GmlException.class)
                    .hasMessageStartingWith(
                            "Envelope lower corner (48.0 11.0) is not below and left of its upper corner");
        }

        @Test
        void envelopeWithoutUpperCorner() {
            assertThatThrownBy(() -> read(gml32("<gml:Envelope><gml:lowerCorner>1 2</gml:lowerCorner></gml:Envelope>")))
                    .isInstanceOf(GmlException.class)
                    .hasMessage("Envelope needs a lowerCorner and an upperCorner");
        }

        @Test
        void memberOfTheWrongKind() {
            assertThatThrownBy(
                            () -> read(
                                    gml32(
                                            "<gml:MultiPoint><gml:pointMember><gml:LineString>"
                                                    + "<gml:posList>0 0 1 1</gml:posList></gml:LineString></gml:pointMember></gml:MultiPoint>")))
                    .isInstanceOf(GmlException.class)
                    .hasMessage("MultiPoint has a member LineString; expected Point");
        }

        @Test
        void memberWithTwoGeometries() {
            assertThatThrownBy(() -> read(gml32("<gml:MultiPoint><gml:pointMember>"
                            + "<gml:Point><gml:pos>1 2</gml:pos></gml:Point><gml:Point><gml:pos>1 2</gml:pos></gml:Point>"
                            + "</gml:pointMember></gml:MultiPoint>")))
                    .isInstanceOf(GmlException.class)
                    .hasMessage("pointMember must hold exactly one geometry, not 2");
        }

        @Test
        void memberByReference() {
            assertThatThrownBy(() -> read(element("<gml:MultiPoint xmlns:gml='http://www.opengis.net/gml/3.2'"
                            + " xmlns:xlink='http://www.w3.org/1999/xlink'><gml:pointMember xlink:href='#p1'/>"
                            + "</gml:MultiPoint>")))
                    .isInstanceOf(GmlException.class)
                    .hasMessage("xlink:href in pointMember is not supported: write the geometry inline");
        }

        @Test
        void unexpectedChild() {
            assertThatThrownBy(() -> read(gml32("<gml:Point><gml:posList>1 2</gml:posList><gml:Polygon/></gml:Point>")))
                    .isInstanceOf(GmlException.class)
                    .hasMessage("Polygon is not expected in Point");
        }

        @Test
        void unsupportedGeometryAndSegment() {
            assertThatThrownBy(() -> read(gml32("<gml:CompositeCurve/>")))
                    .isInstanceOf(GmlException.class)
                    .hasMessage("GML geometry CompositeCurve is not supported");
            assertThatThrownBy(
                            () -> read(gml32("<gml:Curve><gml:segments><gml:Arc><gml:posList>0 0 1 1 2 0</gml:posList>"
                                    + "</gml:Arc></gml:segments></gml:Curve>")))
                    .isInstanceOf(GmlException.class)
                    .hasMessage("Curve segment Arc is not supported: only LineStringSegment");
        }

        @Test
        void elementOutsideGml() {
            assertThatThrownBy(
                            () -> read(element("<Point xmlns='http://www.opengis.net/gml/3.3'><pos>1 2</pos></Point>")))
                    .isInstanceOf(GmlException.class)
                    .hasMessage("Point is not a GML element (namespace http://www.opengis.net/gml/3.3);"
                            + " expected GML 3.2 or 3.1.1");
        }

        @Test
        void readEnvelopeOfAnotherGeometry() {
            assertThatThrownBy(() -> reader.readEnvelope(gml32("<gml:Point><gml:pos>1 2</gml:pos></gml:Point>")))
                    .isInstanceOf(GmlException.class)
                    .hasMessage("expected an Envelope, found Point");
        }
    }
}
