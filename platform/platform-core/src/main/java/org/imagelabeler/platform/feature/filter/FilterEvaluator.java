package org.imagelabeler.platform.feature.filter;

import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.imagelabeler.platform.feature.AttributeDescriptor;
import org.imagelabeler.platform.feature.AttributeType;
import org.imagelabeler.platform.feature.Feature;
import org.imagelabeler.platform.feature.FeatureType;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * Tests features of one type against a {@link Filter} in memory, as {@link FilterSql} does in the
 * database. A comparison, pattern or spatial test of a null value is false (and its {@code Not}
 * true). Text compares by code point, where SQL follows the database collation: for ASCII text and
 * the C collation they agree. A resource id's version is not checked: the store compares it.
 */
public final class FilterEvaluator {

    private static final GeometryFactory GEOMETRIES = new GeometryFactory();

    private final FeatureType type;

    public FilterEvaluator(FeatureType type) {
        this.type = type;
    }

    /**
     * The filter as a predicate, its literals read and its patterns compiled once.
     *
     * @throws FilterException for an unknown property or a literal that does not read as its type
     */
    public Predicate<Feature> predicate(Filter filter) {
        // Java 17: no switch over the sealed model yet
        if (filter instanceof Filter.Include) {
            return f -> true;
        } else if (filter instanceof Filter.Exclude) {
            return f -> false;
        } else if (filter instanceof Filter.And and) {
            List<Predicate<Feature>> all = predicates(and.filters());
            return f -> all.stream().allMatch(p -> p.test(f));
        } else if (filter instanceof Filter.Or or) {
            List<Predicate<Feature>> any = predicates(or.filters());
            return f -> any.stream().anyMatch(p -> p.test(f));
        } else if (filter instanceof Filter.Not not) {
            return predicate(not.filter()).negate();
        } else if (filter instanceof Filter.Comparison c) {
            return comparison(c);
        } else if (filter instanceof Filter.Like like) {
            return like(like);
        } else if (filter instanceof Filter.Between b) {
            return between(b);
        } else if (filter instanceof Filter.IsNull n) {
            String name = FilterException.attribute(type, n.property()).name();
            return f -> f.get(name) == null;
        } else if (filter instanceof Filter.ResourceId r) {
            Set<String> ids = r.ids().stream().map(Filter.Rid::id).collect(Collectors.toUnmodifiableSet());
            return f -> ids.contains(f.id());
        } else if (filter instanceof Filter.BBox b) {
            return bbox(b);
        } else {
            return spatial((Filter.Spatial) filter);
        }
    }

    /** Whether {@code feature} matches {@code filter}; for many features, take {@link #predicate}. */
    public boolean matches(Filter filter, Feature feature) {
        return predicate(filter).test(feature);
    }

    private List<Predicate<Feature>> predicates(List<Filter> filters) {
        return filters.stream().map(this::predicate).toList();
    }

    private Predicate<Feature> comparison(Filter.Comparison c) {
        AttributeDescriptor a = FilterException.attribute(type, c.property());
        boolean foldCase = !c.matchCase() && a.type() == AttributeType.STRING;
        Object literal = AttributeValues.fromLiteral(a, c.literal());
        Object right = foldCase ? AttributeValues.lowerCase(literal) : literal;
        return f -> {
            Object value = AttributeValues.fromFeature(a, f.get(a.name()));
            if (value == null) {
                return false;
            }
            int order = AttributeValues.compare(foldCase ? AttributeValues.lowerCase(value) : value, right);
            return switch (c.operator()) {
                case EQUAL -> order == 0;
                case NOT_EQUAL -> order != 0;
                case LESS -> order < 0;
                case LESS_OR_EQUAL -> order <= 0;
                case GREATER -> order > 0;
                case GREATER_OR_EQUAL -> order >= 0;
            };
        };
    }

    private Predicate<Feature> like(Filter.Like like) {
        AttributeDescriptor a = FilterException.attribute(type, like.property());
        var regex = LikePattern.of(like, a).regex();
        return f -> {
            Object value = f.get(a.name());
            return value != null && regex.matcher(value.toString()).matches();
        };
    }

    private Predicate<Feature> between(Filter.Between b) {
        AttributeDescriptor a = FilterException.attribute(type, b.property());
        Object lower = AttributeValues.fromLiteral(a, b.lower());
        Object upper = AttributeValues.fromLiteral(a, b.upper());
        return f -> {
            Object value = AttributeValues.fromFeature(a, f.get(a.name()));
            return value != null
                    && AttributeValues.compare(value, lower) >= 0
                    && AttributeValues.compare(value, upper) <= 0;
        };
    }

    private Predicate<Feature> bbox(Filter.BBox b) {
        String name = geometryAttribute(b.property()).name();
        Envelope envelope = b.envelope();
        Geometry box = GEOMETRIES.toGeometry(envelope);
        return f -> {
            Geometry g = (Geometry) f.get(name);
            return g != null && g.getEnvelopeInternal().intersects(envelope) && g.intersects(box);
        };
    }

    private Predicate<Feature> spatial(Filter.Spatial s) {
        String name = geometryAttribute(s.property()).name();
        Geometry literal = s.geometry();
        return f -> {
            Geometry g = (Geometry) f.get(name);
            if (g == null) {
                return false;
            }
            return switch (s.operator()) {
                case INTERSECTS -> g.intersects(literal);
                case DISJOINT -> g.disjoint(literal);
                case CONTAINS -> g.contains(literal);
                case WITHIN -> g.within(literal);
                case TOUCHES -> g.touches(literal);
                case CROSSES -> g.crosses(literal);
                case OVERLAPS -> g.overlaps(literal);
                case EQUALS -> g.equalsTopo(literal);
            };
        };
    }

    /** The named geometry attribute, or the default geometry when {@code property} is null. */
    private AttributeDescriptor geometryAttribute(String property) {
        AttributeDescriptor a = property == null ? type.geometry() : FilterException.attribute(type, property);
        if (!a.isGeometry()) {
            throw new FilterException("property '" + a.name() + "' is not a geometry", a.name());
        }
        return a;
    }
}
