package org.imagelabeler.platform.feature.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.imagelabeler.platform.feature.filter.Filter.ComparisonOperator.EQUAL;
import static org.imagelabeler.platform.feature.filter.Filter.ComparisonOperator.GREATER;
import static org.imagelabeler.platform.feature.filter.Filter.ComparisonOperator.GREATER_OR_EQUAL;
import static org.imagelabeler.platform.feature.filter.Filter.ComparisonOperator.LESS;
import static org.imagelabeler.platform.feature.filter.Filter.ComparisonOperator.LESS_OR_EQUAL;
import static org.imagelabeler.platform.feature.filter.Filter.ComparisonOperator.NOT_EQUAL;
import static org.imagelabeler.platform.feature.filter.FloodLabels.TYPE;
import static org.imagelabeler.platform.feature.filter.FloodLabels.wkt;

import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.imagelabeler.platform.feature.Feature;
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

class FilterEvaluatorTest {

    private final FilterEvaluator evaluator = new FilterEvaluator(TYPE);

    private List<String> selected(Filter filter) {
        Predicate<Feature> p = evaluator.predicate(filter);
        return FloodLabels.features().stream().filter(p).map(Feature::id).toList();
    }

    @Test
    void includeAndExclude() {
        assertThat(selected(Filter.INCLUDE)).hasSize(10);
        assertThat(selected(Filter.EXCLUDE)).isEmpty();
    }

    @Test
    void textComparesExactlyUnlessMatchCaseIsFalse() {
        assertThat(selected(new Comparison(EQUAL, "class", "flooded", true))).containsExactly("1", "7");
        assertThat(selected(new Comparison(EQUAL, "class", "flooded", false))).containsExactly("1", "2", "7", "10");
        assertThat(selected(new Comparison(NOT_EQUAL, "author", "ana", false)))
                .containsExactly("2", "5", "8", "9", "10");
    }

    @Test
    void textOrdersByCodePoint() {
        assertThat(selected(new Comparison(LESS, "class", "dry", true))).containsExactly("2", "8", "10");
        assertThat(selected(new Comparison(GREATER_OR_EQUAL, "class", "flood", false)))
                .containsExactly("1", "2", "4", "5", "6", "7", "10");
    }

    @Test
    void numbersCompareAsNumbers() {
        assertThat(selected(new Comparison(GREATER, "hits", "4", true))).containsExactly("1", "3", "7");
        assertThat(selected(new Comparison(LESS_OR_EQUAL, "score", "0.33", true)))
                .containsExactly("5", "8", "9", "10");
        assertThat(selected(new Comparison(GREATER, "hits", "+9", true))).containsExactly("7");
        assertThat(selected(new Comparison(LESS, "score", "-1e-1", true))).containsExactly("10");
    }

    @Test
    void booleans() {
        assertThat(selected(new Comparison(EQUAL, "reviewed", "true", true))).containsExactly("1", "3", "6", "8");
        assertThat(selected(new Comparison(NOT_EQUAL, "reviewed", "1", true))).containsExactly("2", "5", "7", "10");
    }

    @Test
    void aDateMeansItsFirstInstantInUtc() {
        assertThat(selected(new Comparison(EQUAL, "created", "2024-06-01", true)))
                .containsExactly("8");
        assertThat(selected(new Comparison(LESS, "created", "2024-06-01", true)))
                .containsExactly("4", "10");
        assertThat(selected(new Between("created", "2024-06-01", "2024-06-02"))).containsExactly("1", "2", "3", "8");
        assertThat(selected(new Comparison(EQUAL, "created", "2024-06-01T10:00:00+02:00", true)))
                .containsExactly("1");
        assertThat(selected(new Comparison(EQUAL, "created", "2024-06-15T10:30:00", true)))
                .containsExactly("7");
    }

    @Test
    void comparisonsOfANullValueAreFalseAndTheirNegationTrue() {
        assertThat(selected(new Comparison(NOT_EQUAL, "hits", "3", true)))
                .containsExactly("1", "2", "3", "6", "7", "8", "9", "10");
        assertThat(selected(new Not(new Comparison(EQUAL, "hits", "3", true))))
                .containsExactly("1", "2", "3", "5", "6", "7", "8", "9", "10");
        assertThat(selected(new Not(new Comparison(NOT_EQUAL, "author", "ana", true))))
                .containsExactly("1", "3", "4", "7");
    }

    @Test
    void between() {
        assertThat(selected(new Between("score", "0.4", "0.9"))).containsExactly("1", "2", "3", "6");
        assertThat(selected(new Between("hits", "3", "3"))).containsExactly("4");
    }

    @Test
    void isNull() {
        assertThat(selected(new IsNull("author"))).containsExactly("3", "7");
        assertThat(selected(new IsNull("geom"))).containsExactly("10");
        assertThat(selected(new Not(new IsNull("reviewed")))).hasSize(8);
    }

    @Test
    void likeUsesThePatternsOwnMarks() {
        assertThat(selected(new Like("class", "flood*", '*', '.', '!', true))).containsExactly("1", "4", "5", "7");
        assertThat(selected(new Like("class", "flo.d*", '*', '.', '!', false)))
                .containsExactly("1", "2", "4", "5", "7", "10");
        assertThat(selected(new Like("class", "fl%", '%', '_', '\\', true))).containsExactly("1", "4", "5", "7", "9");
    }

    @Test
    void likeTakesEscapedMarksAndRegexCharactersLiterally() {
        assertThat(selected(new Like("class", "flood_*", '*', '.', '!', true))).containsExactly("4");
        assertThat(selected(new Like("class", "flood!**", '*', '.', '!', true))).isEmpty();
        assertThat(selected(new Like("class", "flood%*", '*', '.', '!', true))).containsExactly("5");
        assertThat(selected(new Like("class", "flood\\%%", '%', '_', '\\', true)))
                .containsExactly("5");
        assertThat(selected(new Like("class", "fl(o)+", '*', '.', '!', true))).isEmpty();
    }

    @Test
    void logic() {
        Filter flooded = new Comparison(EQUAL, "class", "flooded", false);
        Filter reviewed = new Comparison(EQUAL, "reviewed", "true", true);

        assertThat(selected(new And(List.of(flooded, reviewed)))).containsExactly("1");
        assertThat(selected(new Or(List.of(flooded, reviewed)))).containsExactly("1", "2", "3", "6", "7", "8", "10");
        assertThat(selected(new And(List.of()))).hasSize(10);
        assertThat(selected(new Or(List.of()))).isEmpty();
    }

    @Test
    void resourceIdsSelectByIdWhateverTheVersion() {
        assertThat(selected(new ResourceId(List.of(new Rid("3", null), new Rid("7", 2), new Rid("99", null)))))
                .containsExactly("3", "7");
    }

    @Test
    void bboxMeetsShapesByTheirGeometryNotOnlyTheirEnvelope() {
        assertThat(selected(new BBox(null, new Envelope(11.5, 11.6, 48.1, 48.2))))
                .containsExactly("1", "2", "3", "5", "6", "7", "8", "9");
        // this box lies in the envelope of line 3, which passes above it
        assertThat(selected(new BBox("geom", new Envelope(11.62, 11.66, 48.1, 48.15))))
                .isEmpty();
        assertThat(selected(new BBox("centroid", new Envelope(11.5, 11.53, 48.1, 48.12))))
                .containsExactly("1", "7", "8");
    }

    @Test
    void spatialOperatorsTestTheFeatureAgainstTheLiteral() {
        var square = wkt("POLYGON ((11.50 48.10, 11.52 48.10, 11.52 48.12, 11.50 48.12, 11.50 48.10))");

        assertThat(selected(new Spatial(SpatialOperator.INTERSECTS, null, square)))
                .containsExactly("1", "3", "7", "8", "9");
        assertThat(selected(new Spatial(SpatialOperator.DISJOINT, null, square)))
                .containsExactly("2", "4", "5", "6");
        assertThat(selected(new Spatial(SpatialOperator.CONTAINS, "geom", square)))
                .containsExactly("1", "8");
        assertThat(selected(new Spatial(SpatialOperator.WITHIN, "geom", square)))
                .containsExactly("1", "7");
        assertThat(selected(new Spatial(SpatialOperator.TOUCHES, null, square))).containsExactly("9");
        assertThat(selected(new Spatial(SpatialOperator.CROSSES, null, square))).containsExactly("3");
        assertThat(selected(new Spatial(SpatialOperator.EQUALS, null, square))).containsExactly("1");
        assertThat(selected(new Spatial(
                        SpatialOperator.OVERLAPS,
                        null,
                        wkt("POLYGON ((11.51 48.11, 11.6 48.11, 11.6 48.2, 11.51 48.2, 11.51 48.11))"))))
                .containsExactly("1", "6", "8");
    }

    @Test
    void aFeatureWithoutGeometryMeetsNothingAndIsNotDisjoint() {
        Feature none = new Feature("x", Map.of("class", "dry"));
        var anywhere = wkt("POLYGON ((-180 -90, 180 -90, 180 90, -180 90, -180 -90))");

        assertThat(evaluator.matches(new Spatial(SpatialOperator.INTERSECTS, null, anywhere), none))
                .isFalse();
        assertThat(evaluator.matches(new Spatial(SpatialOperator.DISJOINT, null, anywhere), none))
                .isFalse();
        assertThat(evaluator.matches(new BBox(null, new Envelope(-180, 180, -90, 90)), none))
                .isFalse();
        assertThat(evaluator.matches(new Not(new BBox(null, new Envelope(-180, 180, -90, 90))), none))
                .isTrue();
    }

    @Test
    void refusesALiteralThatDoesNotReadAsItsType() {
        assertThatThrownBy(() -> evaluator.predicate(new Comparison(EQUAL, "hits", "4.5", true)))
                .isInstanceOf(FilterException.class)
                .hasMessage("literal '4.5' of property 'hits' is not an integer");
        assertThatThrownBy(() -> evaluator.predicate(new Between("created", "2024-06-01", "June")))
                .isInstanceOf(FilterException.class)
                .hasMessage("literal 'June' of property 'created' is not a date or date-time");
    }

    @Test
    void refusesUnknownPropertiesAndMisusedOnes() {
        assertThatThrownBy(() -> evaluator.predicate(new IsNull("colour")))
                .isInstanceOf(FilterException.class)
                .hasMessageStartingWith("unknown property 'colour' of type flood_labels; known: class, author");
        assertThatThrownBy(() -> evaluator.predicate(new Like("hits", "1*", '*', '.', '!', true)))
                .isInstanceOf(FilterException.class)
                .hasMessage("PropertyIsLike needs a text property; 'hits' is INTEGER");
        assertThatThrownBy(() -> evaluator.predicate(new BBox("class", new Envelope(0, 1, 0, 1))))
                .isInstanceOf(FilterException.class)
                .hasMessage("property 'class' is not a geometry");
        assertThatThrownBy(() -> evaluator.predicate(new Comparison(EQUAL, "geom", "POINT (1 2)", true)))
                .isInstanceOf(FilterException.class)
                .hasMessage("property 'geom' is a geometry: compare it with a spatial operator");
    }

    @Test
    void integerValuesOfAnyNumberTypeCompare() {
        Feature withInt = new Feature("i", Map.of("hits", 4, "score", 0.5f));

        assertThat(evaluator.matches(new Comparison(EQUAL, "hits", "4", true), withInt))
                .isTrue();
        assertThat(evaluator.matches(new Comparison(EQUAL, "score", "0.5", true), withInt))
                .isTrue();
    }
}
