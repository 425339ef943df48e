package org.imagelabeler.platform.feature.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.imagelabeler.platform.feature.filter.FloodLabels.SRS_NAMES;
import static org.imagelabeler.platform.feature.filter.FloodLabels.TYPE;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.imagelabeler.platform.database.Database;
import org.imagelabeler.platform.database.DatabaseKind;
import org.imagelabeler.platform.feature.Feature;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKTWriter;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@link FilterSql} selects in the database exactly the features {@link FilterEvaluator} selects
 * in memory, and both the ones each case expects. Each database has a subclass supplying a fresh
 * one; the cases are the same.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class FilterSqlContract {

    private static final String FES =
            "xmlns:fes='http://www.opengis.net/fes/2.0' xmlns:gml='http://www.opengis.net/gml/3.2'";
    private static final String SQUARE =
            "<gml:Polygon srsName='urn:ogc:def:crs:EPSG::4326'><gml:exterior><gml:LinearRing>"
                    + "<gml:posList>48.10 11.50 48.10 11.52 48.12 11.52 48.12 11.50 48.10 11.50</gml:posList>"
                    + "</gml:LinearRing></gml:exterior></gml:Polygon>";

    private static final FeatureColumns COLUMNS = new FeatureColumns(
            "label_id",
            Map.of(
                    "class", "class_name",
                    "author", "author",
                    "score", "score",
                    "hits", "hits",
                    "reviewed", "reviewed",
                    "created", "created_at",
                    "centroid", "centroid"),
            "geom");

    private final FilterParser parser = new FilterParser(TYPE, SRS_NAMES, UnaryOperator.identity());
    private final FilterEvaluator evaluator = new FilterEvaluator(TYPE);
    private final FilterSql sql = new FilterSql(TYPE, COLUMNS);

    private Database database;
    private JdbcClient jdbc;

    /** A fresh database of the kind under test. */
    protected abstract Database newDatabase() throws Exception;

    protected abstract DatabaseKind expectedKind();

    @BeforeAll
    void createLabels() throws Exception {
        database = newDatabase();
        assertThat(database.kind()).isEqualTo(expectedKind());
        jdbc = JdbcClient.create(database.dataSource());
        jdbc.sql("CREATE TABLE flood_labels (label_id VARCHAR(10) PRIMARY KEY, class_name VARCHAR(50) NOT NULL,"
                        + " author VARCHAR(50), score DOUBLE PRECISION, hits BIGINT, reviewed BOOLEAN,"
                        + " created_at TIMESTAMP WITH TIME ZONE, geom GEOMETRY(GEOMETRY, 4326),"
                        + " centroid GEOMETRY(POINT, 4326))")
                .update();
        jdbc.sql(
                        database.kind() == DatabaseKind.H2GIS
                                ? "CREATE SPATIAL INDEX flood_labels_geom ON flood_labels (geom)"
                                : "CREATE INDEX flood_labels_geom ON flood_labels USING GIST (geom)")
                .update();
        for (Feature f : FloodLabels.features()) {
            Map<String, Object> p = new HashMap<>();
            p.put("id", f.id());
            p.put("cls", f.get("class"));
            p.put("author", f.get("author"));
            p.put("score", f.get("score"));
            p.put("hits", f.get("hits"));
            p.put("reviewed", f.get("reviewed"));
            p.put("created", f.get("created") == null ? null : ((Instant) f.get("created")).atOffset(ZoneOffset.UTC));
            p.put("geom", wkt(f.get("geom")));
            p.put("centroid", wkt(f.get("centroid")));
            jdbc.sql("INSERT INTO flood_labels VALUES (:id, :cls, :author, :score, :hits, :reviewed, :created,"
                            + " ST_GeomFromText(:geom, 4326), ST_GeomFromText(:centroid, 4326))")
                    .params(p)
                    .update();
        }
    }

    @AfterAll
    void closeDatabase() throws Exception {
        if (database != null && database.dataSource() instanceof AutoCloseable closeable) {
            closeable.close();
        }
    }

    Stream<Arguments> cases() {
        return Stream.of(
                of("equal text", eq("class", "flooded", ""), "1", "7"),
                of("equal text, any case", eq("class", "FLOODED", " matchCase='false'"), "1", "2", "7", "10"),
                of("not equal skips nulls", op("PropertyIsNotEqualTo", "author", "ana"), "2", "5", "6", "8", "9", "10"),
                of(
                        "not of equal takes nulls",
                        "<fes:Not>" + eq("hits", "3", "") + "</fes:Not>",
                        "1",
                        "2",
                        "3",
                        "5",
                        "6",
                        "7",
                        "8",
                        "9",
                        "10"),
                of("text order", op("PropertyIsLessThan", "class", "dry"), "2", "8", "10"),
                of("integer", op("PropertyIsGreaterThan", "hits", "4"), "1", "3", "7"),
                of(
                        "literal first",
                        "<fes:PropertyIsLessThan><fes:Literal>0.5</fes:Literal>"
                                + "<fes:ValueReference>score</fes:ValueReference></fes:PropertyIsLessThan>",
                        "1",
                        "3",
                        "7"),
                of("double", op("PropertyIsLessThanOrEqualTo", "score", "0.33"), "5", "8", "9", "10"),
                of("boolean", eq("reviewed", "true", ""), "1", "3", "6", "8"),
                of("date is its first instant", op("PropertyIsLessThan", "created", "2024-06-01"), "4", "10"),
                of("instant with offset", eq("created", "2024-06-01T10:00:00+02:00", ""), "1"),
                of("between dates", between("created", "2024-06-01", "2024-06-02"), "1", "2", "3", "8"),
                of("between integers", between("hits", "2", "5"), "1", "2", "4", "6"),
                of(
                        "is null",
                        "<fes:PropertyIsNull><fes:ValueReference>author</fes:ValueReference></fes:PropertyIsNull>",
                        "3",
                        "7"),
                of(
                        "geometry is not null",
                        "<fes:Not><fes:PropertyIsNull><fes:ValueReference>geom</fes:ValueReference>"
                                + "</fes:PropertyIsNull></fes:Not>",
                        "1",
                        "2",
                        "3",
                        "4",
                        "5",
                        "6",
                        "7",
                        "8",
                        "9"),
                of("like", like("flood*", "*", ".", "!", ""), "1", "4", "5", "7"),
                of("like, SQL's _ is literal", like("flood_*", "*", ".", "!", ""), "4"),
                of("like, SQL's % is literal", like("flood%*", "*", ".", "!", ""), "5"),
                of("like, escaped SQL marks", like("flood\\_%", "%", "_", "\\", ""), "4"),
                of("like, escaped own mark", like("flood!**", "*", ".", "!", ""), new String[0]),
                of(
                        "like, any case",
                        like("FLO.D*", "*", ".", "!", " matchCase='false'"),
                        "1",
                        "2",
                        "4",
                        "5",
                        "7",
                        "10"),
                of(
                        "bbox, latitude first",
                        "<fes:BBOX><fes:ValueReference>geom</fes:ValueReference>"
                                + "<gml:Envelope srsName='urn:ogc:def:crs:EPSG::4326'><gml:lowerCorner>48.1 11.5</gml:lowerCorner>"
                                + "<gml:upperCorner>48.2 11.6</gml:upperCorner></gml:Envelope></fes:BBOX>",
                        "1",
                        "2",
                        "3",
                        "5",
                        "6",
                        "7",
                        "8",
                        "9"),
                of(
                        "bbox inside a line's envelope",
                        "<fes:BBOX><gml:Envelope srsName='EPSG:4326'>"
                                + "<gml:lowerCorner>11.62 48.1</gml:lowerCorner><gml:upperCorner>11.66 48.15</gml:upperCorner>"
                                + "</gml:Envelope></fes:BBOX>",
                        new String[0]),
                of(
                        "bbox of a second geometry",
                        "<fes:BBOX><fes:ValueReference>centroid</fes:ValueReference>"
                                + "<gml:Envelope srsName='EPSG:4326'><gml:lowerCorner>11.5 48.1</gml:lowerCorner>"
                                + "<gml:upperCorner>11.53 48.12</gml:upperCorner></gml:Envelope></fes:BBOX>",
                        "1",
                        "7",
                        "8"),
                of("intersects", spatial("Intersects"), "1", "3", "7", "8", "9"),
                of("disjoint skips no geometry", spatial("Disjoint"), "2", "4", "5", "6"),
                of("not disjoint", "<fes:Not>" + spatial("Disjoint") + "</fes:Not>", "1", "3", "7", "8", "9", "10"),
                of("contains", spatial("Contains"), "1", "8"),
                of("within", spatial("Within"), "1", "7"),
                of("touches", spatial("Touches"), "9"),
                of("crosses", spatial("Crosses"), "3"),
                of("equals", spatial("Equals"), "1"),
                of(
                        "overlaps",
                        "<fes:Overlaps><fes:ValueReference>geom</fes:ValueReference>"
                                + "<gml:Polygon srsName='EPSG:4326'><gml:exterior><gml:LinearRing><gml:posList>"
                                + "11.51 48.11 11.6 48.11 11.6 48.2 11.51 48.2 11.51 48.11</gml:posList></gml:LinearRing>"
                                + "</gml:exterior></gml:Polygon></fes:Overlaps>",
                        "1",
                        "6",
                        "8"),
                of(
                        "resource ids",
                        "<fes:ResourceId rid='flood_labels.3'/><fes:ResourceId rid='flood_labels.7'/>"
                                + "<fes:ResourceId rid='flood_labels.99'/>",
                        "3",
                        "7"),
                of(
                        "and, or, not nested",
                        "<fes:And><fes:Or>" + eq("class", "flooded", " matchCase='false'")
                                + spatial("Crosses") + "</fes:Or><fes:Not>" + eq("reviewed", "false", "") + "</fes:Not>"
                                + "</fes:And>",
                        "1",
                        "3"),
                of(
                        "not of or with nulls",
                        "<fes:Not><fes:Or>" + op("PropertyIsGreaterThan", "hits", "4") + eq("author", "ana", "")
                                + "</fes:Or></fes:Not>",
                        "2",
                        "5",
                        "6",
                        "8",
                        "9",
                        "10"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void sqlSelectsWhatTheEvaluatorSelects(String name, String operator, List<String> expected) {
        Filter filter = parser.parse("<fes:Filter " + FES + ">" + operator + "</fes:Filter>");

        assertThat(inMemory(filter)).as("evaluator").containsExactlyElementsOf(new TreeSet<>(expected));
        assertThat(inDatabase(filter)).as("SQL").containsExactlyElementsOf(new TreeSet<>(expected));
    }

    @Test
    void includeExcludeAndEmptyLogic() {
        for (Filter f : List.of(
                Filter.INCLUDE,
                Filter.EXCLUDE,
                new Filter.And(List.of()),
                new Filter.Or(List.of()),
                new Filter.Not(Filter.EXCLUDE),
                new Filter.ResourceId(List.of()))) {
            assertThat(inDatabase(f)).as(f.toString()).containsExactlyElementsOf(inMemory(f));
        }
    }

    @Test
    void literalsThatLookLikeSqlStayLiterals() {
        Filter f = new Filter.Comparison(Filter.ComparisonOperator.EQUAL, "class", "x' OR '1'='1", true);

        assertThat(inDatabase(f)).isEmpty();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM flood_labels")
                        .query(Long.class)
                        .single())
                .isEqualTo(10L);
    }

    @Test
    void numericIdColumnsTakeLongIds() {
        FilterSql numeric = new FilterSql(
                TYPE, new FeatureColumns("CAST(label_id AS BIGINT)", COLUMNS.columnOf(), "geom").withLongIds());
        FilterSql.Where where = numeric.where(parser.resourceIdParameter("flood_labels.3,flood_labels.x,10"), "f");

        assertThat(jdbc.sql("SELECT label_id FROM flood_labels WHERE " + where.sql() + " ORDER BY label_id")
                        .params(where.parameters())
                        .query(String.class)
                        .list())
                .containsExactly("10", "3");
    }

    private TreeSet<String> inMemory(Filter filter) {
        var p = evaluator.predicate(filter);
        return FloodLabels.features().stream()
                .filter(p)
                .map(Feature::id)
                .collect(TreeSet::new, TreeSet::add, TreeSet::addAll);
    }

    /** With a parameter of the caller's own named like the first one of an unprefixed translation. */
    private TreeSet<String> inDatabase(Filter filter) {
        FilterSql.Where where = sql.where(filter, "flt");
        Map<String, Object> params = new HashMap<>(where.parameters());
        params.put("p1", "none");
        return new TreeSet<>(
                jdbc.sql("SELECT label_id FROM flood_labels WHERE label_id <> :p1 AND (" + where.sql() + ")")
                        .params(params)
                        .query(String.class)
                        .list());
    }

    private static Arguments of(String name, String operator, String... expected) {
        return Arguments.of(name, operator, List.of(expected));
    }

    private static String eq(String property, String literal, String attributes) {
        return "<fes:PropertyIsEqualTo" + attributes + "><fes:ValueReference>" + property + "</fes:ValueReference>"
                + "<fes:Literal>" + literal + "</fes:Literal></fes:PropertyIsEqualTo>";
    }

    private static String op(String operator, String property, String literal) {
        return "<fes:" + operator + "><fes:ValueReference>" + property + "</fes:ValueReference><fes:Literal>" + literal
                + "</fes:Literal></fes:" + operator + ">";
    }

    private static String between(String property, String lower, String upper) {
        return "<fes:PropertyIsBetween><fes:ValueReference>" + property + "</fes:ValueReference>"
                + "<fes:LowerBoundary><fes:Literal>" + lower + "</fes:Literal></fes:LowerBoundary>"
                + "<fes:UpperBoundary><fes:Literal>" + upper
                + "</fes:Literal></fes:UpperBoundary></fes:PropertyIsBetween>";
    }

    private static String like(String pattern, String wild, String single, String escape, String attributes) {
        return "<fes:PropertyIsLike wildCard='" + wild + "' singleChar='" + single + "' escapeChar='" + escape + "'"
                + attributes + "><fes:ValueReference>class</fes:ValueReference><fes:Literal>" + pattern
                + "</fes:Literal></fes:PropertyIsLike>";
    }

    private static String spatial(String operator) {
        return "<fes:" + operator + "><fes:ValueReference>geom</fes:ValueReference>" + SQUARE + "</fes:" + operator
                + ">";
    }

    private static String wkt(Object geometry) {
        return geometry == null ? null : new WKTWriter().write((Geometry) geometry);
    }
}
