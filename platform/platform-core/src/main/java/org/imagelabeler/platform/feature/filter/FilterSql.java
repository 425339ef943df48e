package org.imagelabeler.platform.feature.filter;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.imagelabeler.platform.feature.AttributeDescriptor;
import org.imagelabeler.platform.feature.AttributeType;
import org.imagelabeler.platform.feature.FeatureType;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.io.WKTWriter;

/**
 * Translates a {@link Filter} into an SQL condition with named parameters, for Spring's
 * {@code NamedParameterJdbcTemplate} or {@code JdbcClient} (which expand the id list of a
 * {@code ResourceId}), the same on H2GIS and PostGIS. It selects the features
 * {@link FilterEvaluator} selects: a {@code Not} is {@code IS NOT TRUE}, so that a comparison with
 * a null value, false in the evaluator, is not turned into SQL's unknown. Literals are always
 * parameters, typed by their attribute: {@link Long}, {@link Double}, {@link Boolean},
 * {@link java.time.OffsetDateTime} (UTC) or {@link String}; geometries are WKT in SRID 4326.
 */
public final class FilterSql {

    /** An SQL condition and the values of its parameters. */
    public record Where(String sql, Map<String, Object> parameters) {}

    private static final Pattern PREFIX = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private final FeatureType type;
    private final FeatureColumns columns;

    public FilterSql(FeatureType type, FeatureColumns columns) {
        this.type = type;
        this.columns = columns;
    }

    /**
     * The condition of {@code filter}.
     *
     * @param parameterPrefix the parameters are named {@code prefix1, prefix2...}: choose a prefix
     *     none of the caller's own parameters starts with
     * @throws FilterException for a property without a column or a literal that does not read as its type
     */
    public Where where(Filter filter, String parameterPrefix) {
        if (!PREFIX.matcher(parameterPrefix).matches()) {
            throw new IllegalArgumentException("parameter prefix must be an SQL identifier: " + parameterPrefix);
        }
        Translation t = new Translation(parameterPrefix);
        String sql = t.sql(filter);
        return new Where(sql, Collections.unmodifiableMap(t.parameters));
    }

    /** One translation: its parameters, numbered in order. */
    private final class Translation {

        private final String prefix;
        private final Map<String, Object> parameters = new LinkedHashMap<>();

        Translation(String prefix) {
            this.prefix = prefix;
        }

        String sql(Filter filter) {
            // Java 17: no switch over the sealed model yet
            if (filter instanceof Filter.Include) {
                return "1=1";
            } else if (filter instanceof Filter.Exclude) {
                return "1=0";
            } else if (filter instanceof Filter.And and) {
                return and.filters().isEmpty() ? "1=1" : joined(and.filters(), " AND ");
            } else if (filter instanceof Filter.Or or) {
                return or.filters().isEmpty() ? "1=0" : joined(or.filters(), " OR ");
            } else if (filter instanceof Filter.Not not) {
                return "((" + sql(not.filter()) + ") IS NOT TRUE)";
            } else if (filter instanceof Filter.Comparison c) {
                return comparison(c);
            } else if (filter instanceof Filter.Like like) {
                return like(like);
            } else if (filter instanceof Filter.Between b) {
                AttributeDescriptor a = FilterException.attribute(type, b.property());
                return column(a) + " BETWEEN " + parameter(value(a, b.lower())) + " AND "
                        + parameter(value(a, b.upper()));
            } else if (filter instanceof Filter.IsNull n) {
                return column(FilterException.attribute(type, n.property())) + " IS NULL";
            } else if (filter instanceof Filter.ResourceId r) {
                return resourceId(r);
            } else if (filter instanceof Filter.BBox b) {
                return bbox(b);
            } else {
                return spatial((Filter.Spatial) filter);
            }
        }

        private String joined(List<Filter> filters, String operator) {
            return filters.stream().map(this::sql).collect(Collectors.joining(operator, "(", ")"));
        }

        private String comparison(Filter.Comparison c) {
            AttributeDescriptor a = FilterException.attribute(type, c.property());
            String operator =
                    switch (c.operator()) {
                        case EQUAL -> " = ";
                        case NOT_EQUAL -> " <> ";
                        case LESS -> " < ";
                        case LESS_OR_EQUAL -> " <= ";
                        case GREATER -> " > ";
                        case GREATER_OR_EQUAL -> " >= ";
                    };
            String p = parameter(value(a, c.literal()));
            if (!c.matchCase() && a.type() == AttributeType.STRING) {
                return "LOWER(" + column(a) + ")" + operator + "LOWER(" + p + ")";
            }
            return column(a) + operator + p;
        }

        private String like(Filter.Like like) {
            AttributeDescriptor a = FilterException.attribute(type, like.property());
            String p = parameter(LikePattern.of(like, a).sql());
            return like.matchCase()
                    ? column(a) + " LIKE " + p + " ESCAPE '\\'"
                    : "LOWER(" + column(a) + ") LIKE LOWER(" + p + ") ESCAPE '\\'";
        }

        private String resourceId(Filter.ResourceId r) {
            List<Object> ids = r.ids().stream()
                    .map(rid -> columns.idValue().apply(rid.id()))
                    .filter(Objects::nonNull)
                    .distinct()
                    .toList();
            return ids.isEmpty() ? "1=0" : columns.idColumn() + " IN (" + parameter(ids) + ")";
        }

        /** {@code &&} first: the only form of the test that H2GIS answers from its spatial index. */
        private String bbox(Filter.BBox b) {
            String geometry = geometryColumn(b.property());
            Envelope e = b.envelope();
            String envelope = "ST_MakeEnvelope(" + parameter(e.getMinX()) + ", " + parameter(e.getMinY()) + ", "
                    + parameter(e.getMaxX()) + ", " + parameter(e.getMaxY()) + ", 4326)";
            return "(" + geometry + " && " + envelope + " AND ST_Intersects(" + geometry + ", " + envelope + "))";
        }

        private String spatial(Filter.Spatial s) {
            String geometry = geometryColumn(s.property());
            String literal = "ST_GeomFromText(" + parameter(new WKTWriter().write(s.geometry())) + ", 4326)";
            String function =
                    switch (s.operator()) {
                        case INTERSECTS, DISJOINT -> "ST_Intersects";
                        case CONTAINS -> "ST_Contains";
                        case WITHIN -> "ST_Within";
                        case TOUCHES -> "ST_Touches";
                        case CROSSES -> "ST_Crosses";
                        case OVERLAPS -> "ST_Overlaps";
                        case EQUALS -> "ST_Equals";
                    };
            String test = function + "(" + geometry + ", " + literal + ")";
            // every relation but disjointness needs the envelopes to meet: let the index say where
            return s.operator() == Filter.SpatialOperator.DISJOINT
                    ? "NOT " + test
                    : "(" + geometry + " && " + literal + " AND " + test + ")";
        }

        private String parameter(Object value) {
            String name = prefix + (parameters.size() + 1);
            parameters.put(name, value);
            return ":" + name;
        }
    }

    private static Object value(AttributeDescriptor a, String literal) {
        Object value = AttributeValues.fromLiteral(a, literal);
        return value instanceof Instant i ? i.atOffset(ZoneOffset.UTC) : value;
    }

    private String column(AttributeDescriptor a) {
        String column = columns.columnOf().get(a.name());
        if (column == null && a.name().equals(type.geometry().name())) {
            column = columns.geometryColumn();
        }
        if (column == null) {
            throw new FilterException(
                    "property '" + a.name() + "' of type " + type.name() + " has no column", a.name());
        }
        return column;
    }

    private String geometryColumn(String property) {
        AttributeDescriptor a = property == null ? type.geometry() : FilterException.attribute(type, property);
        if (!a.isGeometry()) {
            throw new FilterException("property '" + a.name() + "' is not a geometry", a.name());
        }
        return column(a);
    }
}
