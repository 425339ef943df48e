package org.imagelabeler.platform.feature.filter;

import java.util.List;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/**
 * A selection of features, as OGC Filter Encoding (2.0, and 1.1 for WFS 1.1.0) expresses it.
 * Property names are attribute names of the feature type, without a namespace prefix. Literals
 * stay text until they meet the attribute they are compared with, whose type decides how they
 * read. Geometries and envelopes are in the feature type's CRS (EPSG:4326, longitude first).
 */
public sealed interface Filter
        permits Filter.Include,
                Filter.Exclude,
                Filter.And,
                Filter.Or,
                Filter.Not,
                Filter.Comparison,
                Filter.Like,
                Filter.Between,
                Filter.IsNull,
                Filter.ResourceId,
                Filter.BBox,
                Filter.Spatial {

    Filter INCLUDE = new Include();
    Filter EXCLUDE = new Exclude();

    /** Every feature. */
    record Include() implements Filter {}

    /** No feature. */
    record Exclude() implements Filter {}

    record And(List<Filter> filters) implements Filter {
        public And {
            filters = List.copyOf(filters);
        }
    }

    record Or(List<Filter> filters) implements Filter {
        public Or {
            filters = List.copyOf(filters);
        }
    }

    record Not(Filter filter) implements Filter {}

    enum ComparisonOperator {
        EQUAL,
        NOT_EQUAL,
        LESS,
        LESS_OR_EQUAL,
        GREATER,
        GREATER_OR_EQUAL
    }

    /** {@code PropertyIsEqualTo} and its siblings; {@code matchCase} matters for text only. */
    record Comparison(ComparisonOperator operator, String property, String literal, boolean matchCase)
            implements Filter {}

    /** {@code PropertyIsLike}, with the pattern's own wild card, single-character and escape marks. */
    record Like(String property, String pattern, char wildCard, char singleChar, char escape, boolean matchCase)
            implements Filter {}

    /** {@code PropertyIsBetween}, bounds included. */
    record Between(String property, String lower, String upper) implements Filter {}

    /** {@code PropertyIsNull}. */
    record IsNull(String property) implements Filter {}

    /**
     * Features by id ({@code fes:ResourceId}, or {@code ogc:FeatureId}/{@code GmlObjectId} in 1.1),
     * without the {@code typename.} prefix WFS shows.
     */
    record ResourceId(List<Rid> ids) implements Filter {
        public ResourceId {
            ids = List.copyOf(ids);
        }
    }

    /** One id, and the version the client expects the feature to be at (null: any). */
    record Rid(String id, Integer version) {}

    /** Features whose geometry ({@code property}, or the default one when null) meets the envelope. */
    record BBox(String property, Envelope envelope) implements Filter {}

    enum SpatialOperator {
        INTERSECTS,
        DISJOINT,
        CONTAINS,
        WITHIN,
        TOUCHES,
        CROSSES,
        OVERLAPS,
        EQUALS
    }

    /** A spatial relation between the feature's geometry ({@code property} or the default) and a literal. */
    record Spatial(SpatialOperator operator, String property, Geometry geometry) implements Filter {}
}
