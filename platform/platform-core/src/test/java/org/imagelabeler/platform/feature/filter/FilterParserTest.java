package org.imagelabeler.platform.feature.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.imagelabeler.platform.feature.filter.Filter.ComparisonOperator.EQUAL;
import static org.imagelabeler.platform.feature.filter.Filter.ComparisonOperator.GREATER;
import static org.imagelabeler.platform.feature.filter.Filter.ComparisonOperator.GREATER_OR_EQUAL;
import static org.imagelabeler.platform.feature.filter.Filter.ComparisonOperator.LESS;
import static org.imagelabeler.platform.feature.filter.Filter.ComparisonOperator.LESS_OR_EQUAL;
import static org.imagelabeler.platform.feature.filter.Filter.ComparisonOperator.NOT_EQUAL;
import static org.imagelabeler.platform.feature.filter.FloodLabels.SRS_NAMES;
import static org.imagelabeler.platform.feature.filter.FloodLabels.TYPE;
import static org.imagelabeler.platform.feature.filter.FloodLabels.wkt;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.imagelabeler.platform.feature.filter.Filter.And;
import org.imagelabeler.platform.feature.filter.Filter.BBox;
import org.imagelabeler.platform.feature.filter.Filter.Between;
import org.imagelabeler.platform.feature.filter.Filter.Comparison;
import org.imagelabeler.platform.feature.filter.Filter.ComparisonOperator;
import org.imagelabeler.platform.feature.filter.Filter.IsNull;
import org.imagelabeler.platform.feature.filter.Filter.Like;
import org.imagelabeler.platform.feature.filter.Filter.Not;
import org.imagelabeler.platform.feature.filter.Filter.Or;
import org.imagelabeler.platform.feature.filter.Filter.ResourceId;
import org.imagelabeler.platform.feature.filter.Filter.Rid;
import org.imagelabeler.platform.feature.filter.Filter.Spatial;
import org.imagelabeler.platform.feature.filter.Filter.SpatialOperator;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

class FilterParserTest {

    private static final String FES =
            "xmlns:fes='http://www.opengis.net/fes/2.0' xmlns:gml='http://www.opengis.net/gml/3.2'";
    private static final String OGC = "xmlns:ogc='http://www.opengis.net/ogc' xmlns:gml='http://www.opengis.net/gml'";

    private final FilterParser parser = new FilterParser(TYPE, SRS_NAMES, UnaryOperator.identity());

    /** An FES 2.0 filter around one operator. */
    private Filter fes(String operator) {
        return parser.parse("<fes:Filter " + FES + ">" + operator + "</fes:Filter>");
    }

    private static Comparison eq(String property, String literal) {
        return new Comparison(EQUAL, property, literal, true);
    }

    /** What real clients send, captured from them where they could be run here. */
    @Nested
    class RealClients {

        @Test
        void qgisWfs20BboxInLatitudeFirstUrnAndEqualTo() {
            Filter f = parser.parse("""
                    <fes:Filter xmlns:fes="http://www.opengis.net/fes/2.0" xmlns:gml="http://www.opengis.net/gml/3.2"
                                xmlns:labeler="http://imagelabeler.org/labeler">
                     <fes:And>
                      <fes:BBOX>
                       <fes:ValueReference>labeler:geom</fes:ValueReference>
                       <gml:Envelope srsName="urn:ogc:def:crs:EPSG::4326">
                        <gml:lowerCorner>48.1 11.5</gml:lowerCorner>
                        <gml:upperCorner>48.2 11.6</gml:upperCorner>
                       </gml:Envelope>
                      </fes:BBOX>
                      <fes:PropertyIsEqualTo>
                       <fes:ValueReference>labeler:class</fes:ValueReference>
                       <fes:Literal>flooded</fes:Literal>
                      </fes:PropertyIsEqualTo>
                     </fes:And>
                    </fes:Filter>
                    """);

            assertThat(f)
                    .isEqualTo(new And(
                            List.of(new BBox("geom", new Envelope(11.5, 11.6, 48.1, 48.2)), eq("class", "flooded"))));
        }

        /** GDAL 3.6 ogrinfo -where "class = 'flooded' AND hits >= 3" -spat 11.5 48.1 11.6 48.2. */
        @Test
        void gdalWfs20EnvelopeWithoutSrsNameIsInTheAnnouncedLatitudeFirstCrs() {
            FilterParser wfs20 =
                    new FilterParser(TYPE, SRS_NAMES, "urn:ogc:def:crs:EPSG::4326", UnaryOperator.identity());

            Filter f = wfs20.parse(
                    "<Filter xmlns=\"http://www.opengis.net/fes/2.0\" xmlns:gml=\"http://www.opengis.net/gml/3.2\">"
                            + "<And><And><PropertyIsEqualTo><ValueReference>class</ValueReference><Literal>flooded</Literal>"
                            + "</PropertyIsEqualTo><PropertyIsGreaterThanOrEqualTo><ValueReference>hits</ValueReference>"
                            + "<Literal>3</Literal></PropertyIsGreaterThanOrEqualTo></And><BBOX><ValueReference>geom</ValueReference>"
                            + "<gml:Envelope><gml:lowerCorner>48.1000000000000014 11.5000000000000000</gml:lowerCorner>"
                            + "<gml:upperCorner>48.2000000000000028 11.5999999999999996</gml:upperCorner></gml:Envelope></BBOX>"
                            + "</And></Filter>");

            assertThat(f)
                    .isEqualTo(new And(List.of(
                            new And(List.of(
                                    eq("class", "flooded"), new Comparison(GREATER_OR_EQUAL, "hits", "3", true))),
                            new BBox("geom", new Envelope(11.5, 11.6, 48.1, 48.2)))));
        }

        /** GDAL 3.6 ogrinfo -where "class LIKE 'fl%' OR score IS NULL OR NOT (hits BETWEEN 1 AND 4)". */
        @Test
        void gdalWfs20LikeNullAndNot() {
            Filter f = parser.parse(
                    "<Filter xmlns=\"http://www.opengis.net/fes/2.0\" xmlns:gml=\"http://www.opengis.net/gml/3.2\">"
                            + "<Or><Or><PropertyIsLike wildCard='*' singleChar='_' escapeChar='!' matchCase='true'>"
                            + "<ValueReference>class</ValueReference><Literal>fl*</Literal></PropertyIsLike>"
                            + "<PropertyIsNull><ValueReference>score</ValueReference></PropertyIsNull></Or>"
                            + "<Not><And><PropertyIsGreaterThanOrEqualTo><ValueReference>hits</ValueReference><Literal>1</Literal>"
                            + "</PropertyIsGreaterThanOrEqualTo><PropertyIsLessThanOrEqualTo><ValueReference>hits</ValueReference>"
                            + "<Literal>4</Literal></PropertyIsLessThanOrEqualTo></And></Not></Or></Filter>");

            assertThat(f)
                    .isEqualTo(new Or(List.of(
                            new Or(List.of(new Like("class", "fl*", '*', '_', '!', true), new IsNull("score"))),
                            new Not(new And(List.of(
                                    new Comparison(GREATER_OR_EQUAL, "hits", "1", true),
                                    new Comparison(LESS_OR_EQUAL, "hits", "4", true)))))));
        }

        /** GDAL 3.6 ogrinfo -fid 42. */
        @Test
        void gdalResourceIdWithTypeName() {
            Filter f = parser.parse(
                    "<Filter xmlns=\"http://www.opengis.net/fes/2.0\" xmlns:gml=\"http://www.opengis.net/gml/3.2\">"
                            + "<ResourceId rid=\"flood_labels.42\"/></Filter>");

            assertThat(f).isEqualTo(new ResourceId(List.of(new Rid("42", null))));
        }

        /** OWSLib 0.27 fes2: And([PropertyIsLike, BBox(crs=urn EPSG::4326), PropertyIsGreaterThanOrEqualTo]). */
        @Test
        void owslibFes2LikeBboxOnBoundingBoxAndGreaterOrEqual() {
            Filter f = parser.parse("<fes:Filter xmlns:fes=\"http://www.opengis.net/fes/2.0\"><fes:And>"
                    + "<fes:PropertyIsLike wildCard=\"*\" singleChar=\"_\" escapeChar=\"\\\">"
                    + "<fes:ValueReference>class</fes:ValueReference><fes:Literal>flood*</fes:Literal></fes:PropertyIsLike>"
                    + "<fes:BBOX><fes:ValueReference>ows:BoundingBox</fes:ValueReference>"
                    + "<gml311:Envelope xmlns:gml311=\"http://www.opengis.net/gml\" srsName=\"urn:ogc:def:crs:EPSG::4326\">"
                    + "<gml311:lowerCorner>48.1 11.5</gml311:lowerCorner><gml311:upperCorner>48.2 11.6</gml311:upperCorner>"
                    + "</gml311:Envelope></fes:BBOX>"
                    + "<fes:PropertyIsGreaterThanOrEqualTo><fes:ValueReference>score</fes:ValueReference>"
                    + "<fes:Literal>0.5</fes:Literal></fes:PropertyIsGreaterThanOrEqualTo></fes:And></fes:Filter>");

            assertThat(f)
                    .isEqualTo(new And(List.of(
                            new Like("class", "flood*", '*', '_', '\\', true),
                            new BBox(null, new Envelope(11.5, 11.6, 48.1, 48.2)),
                            new Comparison(GREATER_OR_EQUAL, "score", "0.5", true))));
        }

        /** OWSLib 0.27 fes2: Intersects(propertyname="geom", geometry=gml.Point(srsName=urn EPSG::4326)). */
        @Test
        void owslibFes2IntersectsWithGml32PointAndNamespacedSrsName() {
            Filter f = parser.parse("<fes:Filter xmlns:fes=\"http://www.opengis.net/fes/2.0\"><fes:Intersects>"
                    + "<fes:ValueReference>geom</fes:ValueReference><gml32:Point xmlns:gml32=\"http://www.opengis.net/gml/3.2\""
                    + " gml32:id=\"qp1\" gml32:srsName=\"urn:ogc:def:crs:EPSG::4326\"><gml32:pos>48.15 11.55</gml32:pos>"
                    + "</gml32:Point></fes:Intersects></fes:Filter>");

            assertThat(f).isEqualTo(new Spatial(SpatialOperator.INTERSECTS, "geom", wkt("POINT (11.55 48.15)")));
        }

        /** OWSLib 0.27 fes (FE 1.1): FilterRequest.setConstraintList([[PropertyIsLike], [BBox]]). */
        @Test
        void owslibFe11OrOfLikeAndBbox() {
            Filter f = parser.parse("<ogc:Filter xmlns:ogc=\"http://www.opengis.net/ogc\"><ogc:Or>"
                    + "<ogc:PropertyIsLike wildCard=\"%\" singleChar=\"_\" escapeChar=\"\\\">"
                    + "<ogc:PropertyName>class</ogc:PropertyName><ogc:Literal>fl%</ogc:Literal></ogc:PropertyIsLike>"
                    + "<ogc:BBOX><ogc:PropertyName>ows:BoundingBox</ogc:PropertyName>"
                    + "<gml311:Envelope xmlns:gml311=\"http://www.opengis.net/gml\" srsName=\"urn:ogc:def:crs:EPSG::4326\">"
                    + "<gml311:lowerCorner>48.1 11.5</gml311:lowerCorner><gml311:upperCorner>48.2 11.6</gml311:upperCorner>"
                    + "</gml311:Envelope></ogc:BBOX></ogc:Or></ogc:Filter>");

            assertThat(f)
                    .isEqualTo(new Or(List.of(
                            new Like("class", "fl%", '%', '_', '\\', true),
                            new BBox(null, new Envelope(11.5, 11.6, 48.1, 48.2)))));
        }

        /** OWSLib 0.27 fes (FE 1.1): FilterRequest.setConstraint(PropertyIsEqualTo(..., matchcase=False)). */
        @Test
        void owslibFe11CaseInsensitiveEqualTo() {
            Filter f = parser.parse("<ogc:Filter xmlns:ogc=\"http://www.opengis.net/ogc\">"
                    + "<ogc:PropertyIsEqualTo matchCase=\"false\"><ogc:PropertyName>class</ogc:PropertyName>"
                    + "<ogc:Literal>flooded</ogc:Literal></ogc:PropertyIsEqualTo></ogc:Filter>");

            assertThat(f).isEqualTo(new Comparison(EQUAL, "class", "flooded", false));
        }

        @Test
        void wfs11FeatureIds() {
            Filter f = parser.parse("""
                    <ogc:Filter xmlns:ogc="http://www.opengis.net/ogc">
                      <ogc:FeatureId fid="flood_labels.3"/>
                      <ogc:FeatureId fid="flood_labels.7"/>
                    </ogc:Filter>
                    """);

            assertThat(f).isEqualTo(new ResourceId(List.of(new Rid("3", null), new Rid("7", null))));
        }

        @Test
        void wfs11GmlObjectIds() {
            Filter f = parser.parse("<ogc:Filter " + OGC + "><ogc:GmlObjectId gml:id='flood_labels.3'/>"
                    + "<ogc:GmlObjectId gml:id='flood_labels.4'/></ogc:Filter>");

            assertThat(f).isEqualTo(new ResourceId(List.of(new Rid("3", null), new Rid("4", null))));
        }

        @Test
        void wfs11SpatialFilterInGml31WithPropertyName() {
            Filter f = parser.parse("""
                    <ogc:Filter xmlns:ogc="http://www.opengis.net/ogc" xmlns:gml="http://www.opengis.net/gml">
                      <ogc:Within>
                        <ogc:PropertyName>geom</ogc:PropertyName>
                        <gml:Polygon srsName="EPSG:4326">
                          <gml:outerBoundaryIs><gml:LinearRing>
                            <gml:coordinates>11.5,48.1 11.6,48.1 11.6,48.2 11.5,48.2 11.5,48.1</gml:coordinates>
                          </gml:LinearRing></gml:outerBoundaryIs>
                        </gml:Polygon>
                      </ogc:Within>
                    </ogc:Filter>
                    """);

            assertThat(f)
                    .isEqualTo(new Spatial(
                            SpatialOperator.WITHIN,
                            "geom",
                            wkt("POLYGON ((11.5 48.1, 11.6 48.1, 11.6 48.2, 11.5 48.2, 11.5 48.1))")));
        }
    }

    @Nested
    class Comparisons {

        @ParameterizedTest
        @CsvSource({
            "PropertyIsEqualTo, EQUAL",
            "PropertyIsNotEqualTo, NOT_EQUAL",
            "PropertyIsLessThan, LESS",
            "PropertyIsLessThanOrEqualTo, LESS_OR_EQUAL",
            "PropertyIsGreaterThan, GREATER",
            "PropertyIsGreaterThanOrEqualTo, GREATER_OR_EQUAL",
        })
        void everyComparisonOperator(String element, ComparisonOperator operator) {
            Filter f = fes("<fes:" + element + "><fes:ValueReference>hits</fes:ValueReference>"
                    + "<fes:Literal>4</fes:Literal></fes:" + element + ">");

            assertThat(f).isEqualTo(new Comparison(operator, "hits", "4", true));
        }

        @ParameterizedTest
        @CsvSource({
            "PropertyIsEqualTo, EQUAL",
            "PropertyIsNotEqualTo, NOT_EQUAL",
            "PropertyIsLessThan, GREATER",
            "PropertyIsLessThanOrEqualTo, GREATER_OR_EQUAL",
            "PropertyIsGreaterThan, LESS",
            "PropertyIsGreaterThanOrEqualTo, LESS_OR_EQUAL",
        })
        void aLiteralFirstFlipsTheOperator(String element, ComparisonOperator operator) {
            Filter f = fes("<fes:" + element + "><fes:Literal>4</fes:Literal>"
                    + "<fes:ValueReference>hits</fes:ValueReference></fes:" + element + ">");

            assertThat(f).isEqualTo(new Comparison(operator, "hits", "4", true));
        }

        @Test
        void matchCaseFalse() {
            assertThat(fes("<fes:PropertyIsNotEqualTo matchCase='false'><fes:ValueReference>class</fes:ValueReference>"
                            + "<fes:Literal>Flooded</fes:Literal></fes:PropertyIsNotEqualTo>"))
                    .isEqualTo(new Comparison(NOT_EQUAL, "class", "Flooded", false));
        }

        @Test
        void textLiteralsKeepTheirBlanks() {
            assertThat(fes("<fes:PropertyIsEqualTo><fes:ValueReference>class</fes:ValueReference>"
                            + "<fes:Literal> flooded </fes:Literal></fes:PropertyIsEqualTo>"))
                    .isEqualTo(eq("class", " flooded "));
        }

        @Test
        void dateTimeLiteralsMayBeDatesOrInstants() {
            assertThat(fes("<fes:PropertyIsLessThan><fes:ValueReference>created</fes:ValueReference>"
                            + "<fes:Literal>2024-06-01</fes:Literal></fes:PropertyIsLessThan>"))
                    .isEqualTo(new Comparison(LESS, "created", "2024-06-01", true));
            assertThat(fes("<fes:PropertyIsGreaterThan><fes:ValueReference>created</fes:ValueReference>"
                            + "<fes:Literal>2024-06-01T10:00:00+02:00</fes:Literal></fes:PropertyIsGreaterThan>"))
                    .isEqualTo(new Comparison(GREATER, "created", "2024-06-01T10:00:00+02:00", true));
        }

        @Test
        void likeWithItsOwnMarks() {
            assertThat(fes("<fes:PropertyIsLike wildCard='%' singleChar='?' escapeChar='#' matchCase='false'>"
                            + "<fes:ValueReference>class</fes:ValueReference><fes:Literal>flood#%%</fes:Literal>"
                            + "</fes:PropertyIsLike>"))
                    .isEqualTo(new Like("class", "flood#%%", '%', '?', '#', false));
        }

        @Test
        void likeOfFilterEncoding10NamesItsEscapeMarkEscape() {
            assertThat(parser.parse(
                            "<ogc:Filter " + OGC + "><ogc:PropertyIsLike wildCard='*' singleChar='.' escape='!'>"
                                    + "<ogc:PropertyName>class</ogc:PropertyName><ogc:Literal>flo*</ogc:Literal>"
                                    + "</ogc:PropertyIsLike></ogc:Filter>"))
                    .isEqualTo(new Like("class", "flo*", '*', '.', '!', true));
        }

        @Test
        void between() {
            assertThat(fes("<fes:PropertyIsBetween><fes:ValueReference>score</fes:ValueReference>"
                            + "<fes:LowerBoundary><fes:Literal>0.25</fes:Literal></fes:LowerBoundary>"
                            + "<fes:UpperBoundary><fes:Literal>0.75</fes:Literal></fes:UpperBoundary>"
                            + "</fes:PropertyIsBetween>"))
                    .isEqualTo(new Between("score", "0.25", "0.75"));
        }

        @Test
        void nullAndNil() {
            assertThat(fes("<fes:PropertyIsNull><fes:ValueReference>author</fes:ValueReference></fes:PropertyIsNull>"))
                    .isEqualTo(new IsNull("author"));
            assertThat(fes("<fes:PropertyIsNil nilReason='missing'><fes:ValueReference>author</fes:ValueReference>"
                            + "</fes:PropertyIsNil>"))
                    .isEqualTo(new IsNull("author"));
            assertThat(fes("<fes:PropertyIsNull><fes:ValueReference>geom</fes:ValueReference></fes:PropertyIsNull>"))
                    .isEqualTo(new IsNull("geom"));
        }
    }

    @Nested
    class Logic {

        @Test
        void nestedNaryAndOrNot() {
            Filter f = fes("<fes:Or>"
                    + "<fes:And>"
                    + eqXml("class", "flooded") + eqXml("author", "ana") + eqXml("reviewed", "true")
                    + "</fes:And>"
                    + "<fes:Not>" + eqXml("hits", "3") + "</fes:Not>"
                    + eqXml("class", "dry")
                    + "</fes:Or>");

            assertThat(f)
                    .isEqualTo(new Or(List.of(
                            new And(List.of(eq("class", "flooded"), eq("author", "ana"), eq("reviewed", "true"))),
                            new Not(eq("hits", "3")),
                            eq("class", "dry"))));
        }

        @Test
        void resourceIdsInsideLogicAreOperandsOfTheirOwn() {
            Filter f =
                    fes("<fes:And><fes:ResourceId rid='flood_labels.1'/>" + eqXml("class", "flooded") + "</fes:And>");

            assertThat(f)
                    .isEqualTo(new And(List.of(new ResourceId(List.of(new Rid("1", null))), eq("class", "flooded"))));
        }

        @Test
        void aSingleOperatorWithoutFilterElement() {
            Filter f = parser.parse("<fes:PropertyIsNull " + FES + "><fes:ValueReference>author</fes:ValueReference>"
                    + "</fes:PropertyIsNull>");

            assertThat(f).isEqualTo(new IsNull("author"));
        }

        @Test
        void elementsWithoutNamespaceAreFilterElements() {
            Filter f = parser.parse("<Filter><PropertyIsEqualTo><PropertyName>class</PropertyName>"
                    + "<Literal>flooded</Literal></PropertyIsEqualTo></Filter>");

            assertThat(f).isEqualTo(eq("class", "flooded"));
        }

        private static String eqXml(String property, String literal) {
            return "<fes:PropertyIsEqualTo><fes:ValueReference>" + property + "</fes:ValueReference><fes:Literal>"
                    + literal + "</fes:Literal></fes:PropertyIsEqualTo>";
        }
    }

    @Nested
    class Ids {

        @Test
        void resourceIdsWithVersionsAndWithoutTypeName() {
            Filter f = fes("<fes:ResourceId rid='flood_labels.1' version='3'/><fes:ResourceId rid='2'/>"
                    + "<fes:ResourceId rid='flood_labels.5' version='LATEST'/><fes:ResourceId rid='other.9'/>");

            assertThat(f)
                    .isEqualTo(new ResourceId(List.of(
                            new Rid("1", 3), new Rid("2", null), new Rid("5", null), new Rid("other.9", null))));
        }

        @Test
        void refusesRelativeVersionsAndDates() {
            assertThatThrownBy(() -> fes("<fes:ResourceId rid='flood_labels.1' version='PREVIOUS'/>"))
                    .isInstanceOf(FilterException.class)
                    .hasMessage("ResourceId version 'PREVIOUS' is not supported: only a number or LATEST");
            assertThatThrownBy(() -> fes("<fes:ResourceId rid='flood_labels.1' startDate='2024-01-01'/>"))
                    .isInstanceOf(FilterException.class)
                    .hasMessage("ResourceId by startDate or endDate is not supported");
        }

        @Test
        void refusesAnIdElementWithoutId() {
            assertThatThrownBy(() -> fes("<fes:ResourceId/>"))
                    .isInstanceOf(FilterException.class)
                    .hasMessage("ResourceId has no id");
        }
    }

    @Nested
    class Geometries {

        @ParameterizedTest
        @CsvSource({
            "Intersects, INTERSECTS",
            "Disjoint, DISJOINT",
            "Contains, CONTAINS",
            "Within, WITHIN",
            "Touches, TOUCHES",
            "Crosses, CROSSES",
            "Overlaps, OVERLAPS",
            "Equals, EQUALS",
        })
        void everySpatialOperator(String element, SpatialOperator operator) {
            Filter f = fes("<fes:" + element + "><fes:ValueReference>geom</fes:ValueReference>"
                    + "<gml:LineString srsName='urn:ogc:def:crs:EPSG::4326'><gml:posList>48.1 11.5 48.2 11.6</gml:posList>"
                    + "</gml:LineString></fes:" + element + ">");

            assertThat(f).isEqualTo(new Spatial(operator, "geom", wkt("LINESTRING (11.5 48.1, 11.6 48.2)")));
        }

        @Test
        void geometryInALiteralAndBeforeTheProperty() {
            Filter f = fes("<fes:Contains><fes:Literal><gml:Point srsName='EPSG:4326'><gml:pos>11.5 48.1</gml:pos>"
                    + "</gml:Point></fes:Literal><fes:ValueReference>centroid</fes:ValueReference></fes:Contains>");

            assertThat(f).isEqualTo(new Spatial(SpatialOperator.CONTAINS, "centroid", wkt("POINT (11.5 48.1)")));
        }

        @Test
        void spatialOperatorWithoutPropertyTestsTheDefaultGeometry() {
            Filter f = fes("<fes:Intersects><gml:Point><gml:pos>11.5 48.1</gml:pos></gml:Point></fes:Intersects>");

            assertThat(f).isEqualTo(new Spatial(SpatialOperator.INTERSECTS, null, wkt("POINT (11.5 48.1)")));
        }

        @Test
        void bboxWithoutPropertyAndInTraditionalLongitudeFirstName() {
            Filter f = fes("<fes:BBOX><gml:Envelope srsName='EPSG:4326'><gml:lowerCorner>11.5 48.1</gml:lowerCorner>"
                    + "<gml:upperCorner>11.6 48.2</gml:upperCorner></gml:Envelope></fes:BBOX>");

            assertThat(f).isEqualTo(new BBox(null, new Envelope(11.5, 11.6, 48.1, 48.2)));
        }

        @Test
        void geometryLiteralsGoToStorageWithTheirSrid() {
            List<Integer> srids = new ArrayList<>();
            FilterParser toStorage = new FilterParser(TYPE, SRS_NAMES, g -> {
                srids.add(g.getSRID());
                return wkt("POLYGON ((1 2, 3 2, 3 4, 1 4, 1 2))");
            });

            Filter bbox = toStorage.parse("<fes:Filter " + FES + "><fes:BBOX><gml:Envelope srsName='EPSG:3857'>"
                    + "<gml:lowerCorner>1280174 6124000</gml:lowerCorner><gml:upperCorner>1291306 6140000</gml:upperCorner>"
                    + "</gml:Envelope></fes:BBOX></fes:Filter>");
            Filter within = toStorage.parse("<fes:Filter " + FES + "><fes:Within><gml:Point srsName='EPSG:3857'>"
                    + "<gml:pos>1280174 6124000</gml:pos></gml:Point></fes:Within></fes:Filter>");

            assertThat(srids).containsExactly(3857, 3857);
            assertThat(bbox).isEqualTo(new BBox(null, new Envelope(1, 3, 2, 4)));
            assertThat(((Spatial) within).geometry()).isEqualTo(wkt("POLYGON ((1 2, 3 2, 3 4, 1 4, 1 2))"));
        }

        @Test
        void gmlErrorsSayWhichOperator() {
            assertThatThrownBy(() -> fes("<fes:Intersects><fes:ValueReference>geom</fes:ValueReference><gml:Polygon>"
                            + "<gml:exterior><gml:LinearRing><gml:posList>0 0 1 0 1 1 0 1</gml:posList></gml:LinearRing>"
                            + "</gml:exterior></gml:Polygon></fes:Intersects>"))
                    .isInstanceOf(FilterException.class)
                    .hasMessage("Intersects: Polygon exterior ring is not closed (starts at 0.0 0.0, ends at 0.0 1.0)")
                    .extracting(e -> ((FilterException) e).locator())
                    .isEqualTo("Intersects");
        }
    }

    @Nested
    class PropertyNames {

        @ParameterizedTest
        @ValueSource(strings = {"class", "labeler:class", "labeler:flood_labels/labeler:class", " class "})
        void prefixesAndPathsComeOff(String name) {
            assertThat(fes("<fes:PropertyIsEqualTo><fes:ValueReference>" + name + "</fes:ValueReference>"
                            + "<fes:Literal>dry</fes:Literal></fes:PropertyIsEqualTo>"))
                    .isEqualTo(eq("class", "dry"));
        }

        @Test
        void refusesAnUnknownPropertyListingTheKnownOnes() {
            assertThatThrownBy(
                            () -> fes("<fes:PropertyIsEqualTo><fes:ValueReference>labeler:colour</fes:ValueReference>"
                                    + "<fes:Literal>red</fes:Literal></fes:PropertyIsEqualTo>"))
                    .isInstanceOf(FilterException.class)
                    .hasMessage("unknown property 'colour' of type flood_labels;"
                            + " known: class, author, score, hits, reviewed, created, geom, centroid")
                    .extracting(e -> ((FilterException) e).locator())
                    .isEqualTo("colour");
        }

        @Test
        void refusesAnAttributeAxis() {
            assertThatThrownBy(() -> fes("<fes:PropertyIsEqualTo><fes:ValueReference>@gml:id</fes:ValueReference>"
                            + "<fes:Literal>flood_labels.1</fes:Literal></fes:PropertyIsEqualTo>"))
                    .isInstanceOf(FilterException.class)
                    .hasMessage("property '@gml:id' is not supported: select features by id with ResourceId");
        }

        @Test
        void refusesAValueOperatorOnAGeometryAndASpatialOneOnAValue() {
            assertThatThrownBy(() -> fes("<fes:PropertyIsEqualTo><fes:ValueReference>geom</fes:ValueReference>"
                            + "<fes:Literal>POINT (1 2)</fes:Literal></fes:PropertyIsEqualTo>"))
                    .isInstanceOf(FilterException.class)
                    .hasMessage("property 'geom' is a geometry: PropertyIsEqualTo takes a value property;"
                            + " use a spatial operator");
            assertThatThrownBy(() -> fes("<fes:BBOX><fes:ValueReference>class</fes:ValueReference><gml:Envelope>"
                            + "<gml:lowerCorner>1 2</gml:lowerCorner><gml:upperCorner>3 4</gml:upperCorner></gml:Envelope>"
                            + "</fes:BBOX>"))
                    .isInstanceOf(FilterException.class)
                    .hasMessage("BBOX needs a geometry property; 'class' is STRING");
        }

        @Test
        void refusesLikeOnANumber() {
            assertThatThrownBy(() -> fes("<fes:PropertyIsLike wildCard='*' singleChar='.' escapeChar='!'>"
                            + "<fes:ValueReference>hits</fes:ValueReference><fes:Literal>1*</fes:Literal>"
                            + "</fes:PropertyIsLike>"))
                    .isInstanceOf(FilterException.class)
                    .hasMessage("PropertyIsLike needs a text property; 'hits' is INTEGER");
        }
    }

    @Nested
    class Literals {

        @ParameterizedTest
        @CsvSource(
                delimiter = '|',
                value = {
                    "hits | 3.5 | literal '3.5' of property 'hits' is not an integer",
                    "hits | three | literal 'three' of property 'hits' is not an integer",
                    "score | NaN | literal 'NaN' of property 'score' is not a number",
                    "score | 0,5 | literal '0,5' of property 'score' is not a number",
                    "reviewed | yes | literal 'yes' of property 'reviewed' is not true or false",
                    "created | 2024-13-01 | literal '2024-13-01' of property 'created' is not a date or date-time",
                    "created | yesterday | literal 'yesterday' of property 'created' is not a date or date-time",
                })
        void refusesALiteralThatDoesNotReadAsItsPropertysType(String property, String literal, String message) {
            assertThatThrownBy(() -> fes("<fes:PropertyIsEqualTo><fes:ValueReference>" + property
                            + "</fes:ValueReference><fes:Literal>" + literal
                            + "</fes:Literal></fes:PropertyIsEqualTo>"))
                    .isInstanceOf(FilterException.class)
                    .hasMessage(message)
                    .extracting(e -> ((FilterException) e).locator())
                    .isEqualTo(property);
        }

        @Test
        void refusesABadBoundOfBetween() {
            assertThatThrownBy(() -> fes("<fes:PropertyIsBetween><fes:ValueReference>hits</fes:ValueReference>"
                            + "<fes:LowerBoundary><fes:Literal>1</fes:Literal></fes:LowerBoundary>"
                            + "<fes:UpperBoundary><fes:Literal>many</fes:Literal></fes:UpperBoundary>"
                            + "</fes:PropertyIsBetween>"))
                    .isInstanceOf(FilterException.class)
                    .hasMessage("literal 'many' of property 'hits' is not an integer");
        }

        @Test
        void refusesLikeMarksThatAreNotSingleDistinctCharacters() {
            assertThatThrownBy(() -> fes("<fes:PropertyIsLike wildCard='**' singleChar='.' escapeChar='!'>"
                            + "<fes:ValueReference>class</fes:ValueReference><fes:Literal>f**</fes:Literal>"
                            + "</fes:PropertyIsLike>"))
                    .isInstanceOf(FilterException.class)
                    .hasMessage("PropertyIsLike wildCard must be one character, not '**'");
            assertThatThrownBy(() -> fes("<fes:PropertyIsLike wildCard='*' singleChar='*' escapeChar='!'>"
                            + "<fes:ValueReference>class</fes:ValueReference><fes:Literal>f*</fes:Literal>"
                            + "</fes:PropertyIsLike>"))
                    .isInstanceOf(FilterException.class)
                    .hasMessageStartingWith("PropertyIsLike needs three different characters");
            assertThatThrownBy(() -> fes("<fes:PropertyIsLike wildCard='*' singleChar='.' escapeChar='!'>"
                            + "<fes:ValueReference>class</fes:ValueReference><fes:Literal>flood!</fes:Literal>"
                            + "</fes:PropertyIsLike>"))
                    .isInstanceOf(FilterException.class)
                    .hasMessage("PropertyIsLike pattern 'flood!' ends with its escape character '!'");
        }

        @Test
        void refusesAMatchCaseThatIsNotABoolean() {
            assertThatThrownBy(() -> fes("<fes:PropertyIsEqualTo matchCase='no'><fes:ValueReference>class"
                            + "</fes:ValueReference><fes:Literal>dry</fes:Literal></fes:PropertyIsEqualTo>"))
                    .isInstanceOf(FilterException.class)
                    .hasMessage("PropertyIsEqualTo matchCase must be true or false, not 'no'");
        }
    }

    @Nested
    class Refused {

        @ParameterizedTest
        @CsvSource(
                delimiter = '|',
                value = {
                    "<fes:DWithin><fes:ValueReference>geom</fes:ValueReference><gml:Point><gml:pos>1 2</gml:pos></gml:Point>"
                            + "<fes:Distance uom='m'>10</fes:Distance></fes:DWithin>"
                            + "| distance operator DWithin is not supported",
                    "<fes:Beyond/> | distance operator Beyond is not supported",
                    "<fes:After><fes:ValueReference>created</fes:ValueReference><gml:TimeInstant gml:id='t'>"
                            + "<gml:timePosition>2024-06-01T00:00:00Z</gml:timePosition></gml:TimeInstant></fes:After>"
                            + "| temporal operator After is not supported",
                    "<fes:During/> | temporal operator During is not supported",
                    "<fes:PropertyIsEqualTo><fes:Function name='strToLowerCase'><fes:ValueReference>class"
                            + "</fes:ValueReference></fes:Function><fes:Literal>dry</fes:Literal></fes:PropertyIsEqualTo>"
                            + "| function 'strToLowerCase' is not supported (in PropertyIsEqualTo)",
                    "<fes:Function name='isWeekend'/> | functions are not supported",
                    "<fes:PropertyIsEqualTo><fes:ValueReference>hits</fes:ValueReference><fes:Add>"
                            + "<fes:Literal>1</fes:Literal><fes:Literal>2</fes:Literal></fes:Add></fes:PropertyIsEqualTo>"
                            + "| arithmetic Add is not supported (in PropertyIsEqualTo)",
                    "<fes:PropertyIsEqualTo><fes:ValueReference>class</fes:ValueReference>"
                            + "<fes:ValueReference>author</fes:ValueReference></fes:PropertyIsEqualTo>"
                            + "| PropertyIsEqualTo comparing two properties is not supported",
                    "<fes:PropertyIsEqualTo><fes:Literal>1</fes:Literal><fes:Literal>1</fes:Literal></fes:PropertyIsEqualTo>"
                            + "| PropertyIsEqualTo compares two literals: one side must be a property",
                    "<fes:PropertyIsEqualTo><fes:ValueReference>class</fes:ValueReference></fes:PropertyIsEqualTo>"
                            + "| PropertyIsEqualTo takes two expressions, not 1",
                    "<fes:PropertyIsLikeness/> | PropertyIsLikeness is not a supported operator of Filter Encoding 2.0 or 1.1",
                    "<fes:And/> | And has no operand",
                    "<fes:Not>"
                            + "<fes:PropertyIsNull><fes:ValueReference>author</fes:ValueReference></fes:PropertyIsNull>"
                            + "<fes:PropertyIsNull><fes:ValueReference>score</fes:ValueReference></fes:PropertyIsNull>"
                            + "</fes:Not> | Not takes one operand, not 2",
                    "<fes:BBOX><fes:ValueReference>geom</fes:ValueReference></fes:BBOX> | BBOX has no envelope",
                    "<fes:Touches><gml:Point><gml:pos>1 2</gml:pos></gml:Point><gml:Point><gml:pos>1 2</gml:pos>"
                            + "</gml:Point></fes:Touches> | Touches takes one geometry",
                    "<fes:Intersects><fes:ValueReference>geom</fes:ValueReference><fes:Literal>POINT (1 2)</fes:Literal>"
                            + "</fes:Intersects> | Literal of Intersects must hold one element, not 0",
                    "<fes:PropertyIsEqualTo><fes:ValueReference>class</fes:ValueReference><fes:Literal>"
                            + "<gml:Point><gml:pos>1 2</gml:pos></gml:Point></fes:Literal></fes:PropertyIsEqualTo>"
                            + "| Literal of PropertyIsEqualTo must be text, not Point",
                })
        void unsupportedOrMalformedOperatorsAreNamed(String operator, String message) {
            assertThatThrownBy(() -> fes(operator))
                    .isInstanceOf(FilterException.class)
                    .hasMessage(message);
        }

        @Test
        void emptyFilter() {
            assertThatThrownBy(() -> parser.parse("<fes:Filter " + FES + "/>"))
                    .isInstanceOf(FilterException.class)
                    .hasMessage("Filter is empty");
        }

        @Test
        void twoOperatorsWithoutLogic() {
            assertThatThrownBy(() -> fes("<fes:PropertyIsNull><fes:ValueReference>author</fes:ValueReference>"
                            + "</fes:PropertyIsNull><fes:ResourceId rid='1'/>"))
                    .isInstanceOf(FilterException.class)
                    .hasMessage(
                            "Filter must hold one operator, or resource ids only; it holds [PropertyIsNull, ResourceId]");
        }

        @Test
        void elementOfAnotherNamespace() {
            assertThatThrownBy(() -> parser.parse("<f:Filter xmlns:f='http://www.opengis.net/fes/3.0'/>"))
                    .isInstanceOf(FilterException.class)
                    .hasMessage("f:Filter is not an element of Filter Encoding 2.0 or 1.1 (namespace"
                            + " http://www.opengis.net/fes/3.0)");
        }

        @Test
        void notWellFormed() {
            assertThatThrownBy(() -> parser.parse("<fes:Filter " + FES + "><fes:And></fes:Filter>"))
                    .isInstanceOf(FilterException.class)
                    .hasMessageStartingWith("filter is not well-formed XML: ");
        }
    }

    @Nested
    class Security {

        @Test
        void refusesADoctypeWithAnExternalEntity(@TempDir Path dir) throws Exception {
            Path secret = Files.writeString(dir.resolve("secret.txt"), "s3cr3t");
            String xxe = "<?xml version='1.0'?><!DOCTYPE f [<!ENTITY xxe SYSTEM '" + secret.toUri() + "'>]>"
                    + "<fes:Filter " + FES + "><fes:PropertyIsEqualTo><fes:ValueReference>class</fes:ValueReference>"
                    + "<fes:Literal>&xxe;</fes:Literal></fes:PropertyIsEqualTo></fes:Filter>";

            assertThatThrownBy(() -> parser.parse(xxe))
                    .isInstanceOf(FilterException.class)
                    .hasMessageContaining("DOCTYPE")
                    .hasMessageNotContaining("s3cr3t");
        }

        @Test
        void refusesAnInternalEntityExpansion() {
            String lol = "<?xml version='1.0'?><!DOCTYPE f [<!ENTITY a 'aaaaaaaaaa'><!ENTITY b '&a;&a;&a;&a;'>]>"
                    + "<fes:Filter " + FES + "><fes:PropertyIsEqualTo><fes:ValueReference>class</fes:ValueReference>"
                    + "<fes:Literal>&b;</fes:Literal></fes:PropertyIsEqualTo></fes:Filter>";

            assertThatThrownBy(() -> parser.parse(lol))
                    .isInstanceOf(FilterException.class)
                    .hasMessageContaining("DOCTYPE");
        }

        @Test
        void doesNotIncludeXIncludes(@TempDir Path dir) throws Exception {
            Path secret = Files.writeString(dir.resolve("secret.xml"), "<x>s3cr3t</x>");
            String xinclude = "<fes:Filter " + FES + " xmlns:xi='http://www.w3.org/2001/XInclude'>"
                    + "<fes:PropertyIsEqualTo><fes:ValueReference>class</fes:ValueReference><fes:Literal>"
                    + "<xi:include href='" + secret.toUri() + "' parse='text'/></fes:Literal></fes:PropertyIsEqualTo>"
                    + "</fes:Filter>";

            assertThatThrownBy(() -> parser.parse(xinclude))
                    .isInstanceOf(FilterException.class)
                    .hasMessage("Literal of PropertyIsEqualTo must be text, not include");
        }
    }

    @Nested
    class Kvp {

        @Test
        void wfs20BboxIsLatitudeFirstInTheUrn() {
            assertThat(parser.bboxParameter("48.1,11.5,48.2,11.6,urn:ogc:def:crs:EPSG::4326", "EPSG:4326"))
                    .isEqualTo(new BBox(null, new Envelope(11.5, 11.6, 48.1, 48.2)));
        }

        @Test
        void traditionalNameIsLongitudeFirst() {
            assertThat(parser.bboxParameter("11.5,48.1,11.6,48.2,EPSG:4326", "urn:ogc:def:crs:EPSG::4326"))
                    .isEqualTo(new BBox(null, new Envelope(11.5, 11.6, 48.1, 48.2)));
        }

        @Test
        void withoutSrsNameTheDefaultApplies() {
            assertThat(parser.bboxParameter("48.1,11.5,48.2,11.6", "urn:ogc:def:crs:EPSG::4326"))
                    .isEqualTo(new BBox(null, new Envelope(11.5, 11.6, 48.1, 48.2)));
            assertThat(parser.bboxParameter(" 11.5, 48.1, 11.6, 48.2 ", "EPSG:4326"))
                    .isEqualTo(new BBox(null, new Envelope(11.5, 11.6, 48.1, 48.2)));
        }

        @Test
        void threeDimensionalBboxDropsHeights() {
            assertThat(parser.bboxParameter("11.5,48.1,0,11.6,48.2,100,EPSG:4326", "EPSG:4326"))
                    .isEqualTo(new BBox(null, new Envelope(11.5, 11.6, 48.1, 48.2)));
        }

        @Test
        void bboxGoesToStorage() {
            List<Geometry> seen = new ArrayList<>();
            FilterParser mercator = new FilterParser(TYPE, SRS_NAMES, g -> {
                seen.add(g);
                return g.getFactory().createPoint(new Coordinate(11.5, 48.1)).buffer(0.1);
            });

            BBox b = mercator.bboxParameter("1280174,6124000,1291306,6140000,EPSG:3857", "EPSG:4326");

            assertThat(seen).singleElement().satisfies(g -> {
                assertThat(g.getSRID()).isEqualTo(3857);
                assertThat(g.getEnvelopeInternal()).isEqualTo(new Envelope(1280174, 1291306, 6124000, 6140000));
            });
            assertThat(b.envelope().getMinX()).isCloseTo(11.4, org.assertj.core.data.Offset.offset(1e-9));
        }

        @ParameterizedTest
        @CsvSource(
                delimiter = '|',
                value = {
                    "1,2,3 | BBOX must be minx,miny,maxx,maxy[,srsName], not '1,2,3'",
                    "1,2,3,4,5 | BBOX must be minx,miny,maxx,maxy[,srsName], not '1,2,3,4,5'",
                    "1,2,x,4,EPSG:4326 | BBOX value 'x' is not a number",
                    "1,2,,4 | BBOX value '' is not a number",
                    "11.6,48.1,11.5,48.2,urn:ogc:def:crs:EPSG::4326 | BBOX '11.6,48.1,11.5,48.2,urn:ogc:def:crs:EPSG::4326'"
                            + " has its lower corner above or right of its upper corner in the axis order of"
                            + " urn:ogc:def:crs:EPSG::4326 (northing first)",
                })
        void refusesAMalformedBbox(String value, String message) {
            assertThatThrownBy(() -> parser.bboxParameter(value, "EPSG:4326"))
                    .isInstanceOf(FilterException.class)
                    .hasMessage(message)
                    .extracting(e -> ((FilterException) e).locator())
                    .isEqualTo("BBOX");
        }

        @Test
        void refusesAnUnknownSrsName() {
            assertThatThrownBy(() -> parser.bboxParameter("1,2,3,4,WGS84", "EPSG:4326"))
                    .isInstanceOf(FilterException.class)
                    .hasMessageStartingWith("unknown srsName 'WGS84'");
        }

        @Test
        void resourceIds() {
            assertThat(parser.resourceIdParameter("flood_labels.1,flood_labels.22, 7"))
                    .isEqualTo(new ResourceId(List.of(new Rid("1", null), new Rid("22", null), new Rid("7", null))));
            assertThatThrownBy(() -> parser.resourceIdParameter("flood_labels.1,"))
                    .isInstanceOf(FilterException.class)
                    .hasMessage("RESOURCEID has an empty id: 'flood_labels.1,'");
        }
    }
}
