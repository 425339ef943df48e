package org.imagelabeler.platform.feature.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;
import static org.imagelabeler.platform.feature.filter.Filter.ComparisonOperator.EQUAL;
import static org.imagelabeler.platform.feature.filter.Filter.ComparisonOperator.GREATER;
import static org.imagelabeler.platform.feature.filter.FloodLabels.TYPE;
import static org.imagelabeler.platform.feature.filter.FloodLabels.wkt;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.imagelabeler.platform.feature.filter.Filter.And;
import org.imagelabeler.platform.feature.filter.Filter.BBox;
import org.imagelabeler.platform.feature.filter.Filter.Between;
import org.imagelabeler.platform.feature.filter.Filter.Comparison;
import org.imagelabeler.platform.feature.filter.Filter.IsNull;
import org.imagelabeler.platform.feature.filter.Filter.Like;
import org.imagelabeler.platform.feature.filter.Filter.Not;
import org.imagelabeler.platform.feature.filter.Filter.Or;
import org.imagelabeler.platform.feature.filter.Filter.ResourceId;
import org.imagelabeler.platform.feature.filter.Filter.Rid;
import org.imagelabeler.platform.feature.filter.Filter.Spatial;
import org.imagelabeler.platform.feature.filter.Filter.SpatialOperator;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;

class FilterSqlTest {

    private static final FeatureColumns COLUMNS = new FeatureColumns(
            "l.id",
            Map.of(
                    "class",
                    "l.class_name",
                    "hits",
                    "l.hits",
                    "score",
                    "l.score",
                    "reviewed",
                    "l.reviewed",
                    "created",
                    "l.created_at",
                    "author",
                    "l.author"),
            "l.geo");

    private final FilterSql sql = new FilterSql(TYPE, COLUMNS);

    @Test
    void parametersAreNumberedAfterTheCallersPrefixAndTypedByAttribute() {
        FilterSql.Where w = sql.where(
                new And(List.of(
                        new Comparison(GREATER, "hits", "4", true),
                        new Comparison(EQUAL, "score", "0.5", true),
                        new Comparison(EQUAL, "reviewed", "true", true),
                        new Comparison(EQUAL, "created", "2024-06-01", true),
                        new Comparison(EQUAL, "class", "dry", true))),
                "f");

        assertThat(w.sql())
                .isEqualTo("(l.hits > :f1 AND l.score = :f2 AND l.reviewed = :f3 AND l.created_at = :f4"
                        + " AND l.class_name = :f5)");
        assertThat(w.parameters())
                .containsExactly(
                        entry("f1", 4L),
                        entry("f2", 0.5),
                        entry("f3", true),
                        entry("f4", OffsetDateTime.of(2024, 6, 1, 0, 0, 0, 0, ZoneOffset.UTC)),
                        entry("f5", "dry"));
    }

    @Test
    void caseInsensitiveTextComparesLowerCase() {
        assertThat(sql.where(new Comparison(EQUAL, "class", "Flooded", false), "p")
                        .sql())
                .isEqualTo("LOWER(l.class_name) = LOWER(:p1)");
        assertThat(sql.where(new Comparison(EQUAL, "hits", "3", false), "p").sql())
                .isEqualTo("l.hits = :p1");
    }

    @Test
    void likeEscapesSqlsOwnMarksThatAreLiteralInThePattern() {
        FilterSql.Where w = sql.where(new Like("class", "50%_off*!*.", '*', '.', '!', true), "p");

        assertThat(w.sql()).isEqualTo("l.class_name LIKE :p1 ESCAPE '\\'");
        assertThat(w.parameters()).containsExactly(entry("p1", "50\\%\\_off%*_"));
        assertThat(sql.where(new Like("class", "a\\b", '*', '.', '!', false), "p"))
                .isEqualTo(
                        new FilterSql.Where("LOWER(l.class_name) LIKE LOWER(:p1) ESCAPE '\\'", Map.of("p1", "a\\\\b")));
    }

    @Test
    void bboxTestsTheIndexableEnvelopeFirst() {
        FilterSql.Where w = sql.where(new BBox(null, new Envelope(11.5, 11.6, 48.1, 48.2)), "b");

        assertThat(w.sql())
                .isEqualTo("(l.geo && ST_MakeEnvelope(:b1, :b2, :b3, :b4, 4326)"
                        + " AND ST_Intersects(l.geo, ST_MakeEnvelope(:b1, :b2, :b3, :b4, 4326)))");
        assertThat(w.parameters())
                .containsExactly(entry("b1", 11.5), entry("b2", 48.1), entry("b3", 11.6), entry("b4", 48.2));
    }

    @Test
    void spatialOperatorsBindTheirGeometryAsWkt() {
        var point = wkt("POINT (11.5 48.1)");

        assertThat(sql.where(new Spatial(SpatialOperator.WITHIN, null, point), "s"))
                .isEqualTo(new FilterSql.Where(
                        "(l.geo && ST_GeomFromText(:s1, 4326) AND ST_Within(l.geo, ST_GeomFromText(:s1, 4326)))",
                        Map.of("s1", "POINT (11.5 48.1)")));
        assertThat(sql.where(new Spatial(SpatialOperator.DISJOINT, "geom", point), "s")
                        .sql())
                .isEqualTo("NOT ST_Intersects(l.geo, ST_GeomFromText(:s1, 4326))");
    }

    @Test
    void notIsNotTrueSoThatNullsCountAsFalseBeforeNegation() {
        assertThat(sql.where(new Not(new Or(List.of(new IsNull("author"), Filter.EXCLUDE))), "n")
                        .sql())
                .isEqualTo("(((l.author IS NULL OR 1=0)) IS NOT TRUE)");
    }

    @Test
    void betweenIncludeExcludeAndEmptyLogic() {
        assertThat(sql.where(new Between("hits", "1", "3"), "x"))
                .isEqualTo(new FilterSql.Where("l.hits BETWEEN :x1 AND :x2", Map.of("x1", 1L, "x2", 3L)));
        assertThat(sql.where(Filter.INCLUDE, "x").sql()).isEqualTo("1=1");
        assertThat(sql.where(Filter.EXCLUDE, "x").sql()).isEqualTo("1=0");
        assertThat(sql.where(new And(List.of()), "x").sql()).isEqualTo("1=1");
        assertThat(sql.where(new Or(List.of()), "x").sql()).isEqualTo("1=0");
    }

    @Test
    void resourceIdsAreOneListParameter() {
        assertThat(sql.where(new ResourceId(List.of(new Rid("3", null), new Rid("7", 2), new Rid("3", 1))), "r"))
                .isEqualTo(new FilterSql.Where("l.id IN (:r1)", Map.of("r1", List.of("3", "7"))));
        assertThat(sql.where(new ResourceId(List.of()), "r").sql()).isEqualTo("1=0");
    }

    @Test
    void numericIdsDropIdsThatNameNoRow() {
        FilterSql numeric = new FilterSql(TYPE, COLUMNS.withLongIds());

        assertThat(numeric.where(new ResourceId(List.of(new Rid("3", null), new Rid("x", null))), "r"))
                .isEqualTo(new FilterSql.Where("l.id IN (:r1)", Map.of("r1", List.of(3L))));
        assertThat(numeric.where(new ResourceId(List.of(new Rid("x", null))), "r")
                        .sql())
                .isEqualTo("1=0");
    }

    @Test
    void literalsNeverEnterTheSql() {
        FilterSql.Where w = sql.where(new Comparison(EQUAL, "class", "x'; DROP TABLE labels; --", true), "p");

        assertThat(w.sql()).isEqualTo("l.class_name = :p1");
        assertThat(w.parameters()).containsExactly(entry("p1", "x'; DROP TABLE labels; --"));
    }

    @Test
    void refusesAPropertyWithoutColumnAndABadPrefix() {
        assertThatThrownBy(() -> sql.where(new IsNull("centroid"), "p"))
                .isInstanceOf(FilterException.class)
                .hasMessage("property 'centroid' of type flood_labels has no column");
        assertThatThrownBy(() -> sql.where(Filter.INCLUDE, "p-1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("parameter prefix must be an SQL identifier: p-1");
    }

    @Test
    void refusesALiteralThatDoesNotReadAsItsType() {
        assertThatThrownBy(() -> sql.where(new Comparison(EQUAL, "reviewed", "maybe", true), "p"))
                .isInstanceOf(FilterException.class)
                .hasMessage("literal 'maybe' of property 'reviewed' is not true or false");
    }
}
