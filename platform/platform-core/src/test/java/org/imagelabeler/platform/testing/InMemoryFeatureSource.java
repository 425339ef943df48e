package org.imagelabeler.platform.testing;

import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import org.imagelabeler.platform.feature.Feature;
import org.imagelabeler.platform.feature.FeatureCursor;
import org.imagelabeler.platform.feature.FeatureQuery;
import org.imagelabeler.platform.feature.FeatureSource;
import org.imagelabeler.platform.feature.FeatureType;
import org.imagelabeler.platform.feature.VectorStyle;
import org.imagelabeler.platform.feature.filter.Filter;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/**
 * Features held in a list, for tests of what reads feature sources (WMS, WFS). BBox filters
 * compare envelopes, as a spatial index does, so a feature near a corner of the box may come
 * back; And, Or, Not and ResourceId combine them; other filters are refused. Cursors read the
 * list as they go, in its order, and the source counts those still open and the features read.
 */
public final class InMemoryFeatureSource implements FeatureSource {

    private final FeatureType type;
    private final List<Feature> features;
    private final VectorStyle style;
    private final AtomicInteger openCursors = new AtomicInteger();
    private final AtomicLong read = new AtomicLong();

    public InMemoryFeatureSource(FeatureType type, List<Feature> features, VectorStyle style) {
        this.type = type;
        this.features = List.copyOf(features);
        this.style = style;
    }

    @Override
    public FeatureType type() {
        return type;
    }

    @Override
    public long count(FeatureQuery query) {
        Predicate<Feature> matches = predicate(query.filter());
        return features.stream().filter(matches).count();
    }

    @Override
    public FeatureCursor features(FeatureQuery query) {
        if (!query.sortBy().isEmpty()) {
            throw new UnsupportedOperationException("this source keeps its natural order only");
        }
        Iterator<Feature> matching = features.stream()
                .filter(predicate(query.filter()))
                .skip(query.startIndex())
                .limit(query.count())
                .iterator();
        openCursors.incrementAndGet();
        return new FeatureCursor() {
            private boolean closed;

            @Override
            public boolean hasNext() {
                return !closed && matching.hasNext();
            }

            @Override
            public Feature next() {
                if (closed) {
                    throw new IllegalStateException("cursor closed");
                }
                read.incrementAndGet();
                return matching.next();
            }

            @Override
            public void close() {
                if (!closed) {
                    closed = true;
                    openCursors.decrementAndGet();
                }
            }
        };
    }

    @Override
    public Optional<Envelope> bounds() {
        Envelope all = new Envelope();
        features.stream()
                .map(f -> f.geometry(type))
                .filter(g -> g != null)
                .forEach(g -> all.expandToInclude(g.getEnvelopeInternal()));
        return all.isNull() ? Optional.empty() : Optional.of(all);
    }

    @Override
    public VectorStyle style() {
        return style;
    }

    /** Cursors opened and not yet closed. */
    public int openCursors() {
        return openCursors.get();
    }

    /** Features handed out by cursors so far. */
    public long featuresRead() {
        return read.get();
    }

    private Predicate<Feature> predicate(Filter filter) {
        if (filter instanceof Filter.Include) {
            return f -> true;
        }
        if (filter instanceof Filter.Exclude) {
            return f -> false;
        }
        if (filter instanceof Filter.BBox b) {
            return f -> {
                Geometry g = b.property() == null ? f.geometry(type) : (Geometry) f.get(b.property());
                return g != null && g.getEnvelopeInternal().intersects(b.envelope());
            };
        }
        if (filter instanceof Filter.And and) {
            return and.filters().stream().map(this::predicate).reduce(f -> true, Predicate::and);
        }
        if (filter instanceof Filter.Or or) {
            return or.filters().stream().map(this::predicate).reduce(f -> false, Predicate::or);
        }
        if (filter instanceof Filter.Not not) {
            return predicate(not.filter()).negate();
        }
        if (filter instanceof Filter.ResourceId ids) {
            return f -> ids.ids().stream().anyMatch(r -> r.id().equals(f.id()));
        }
        throw new UnsupportedOperationException("filter not supported here: " + filter);
    }
}
