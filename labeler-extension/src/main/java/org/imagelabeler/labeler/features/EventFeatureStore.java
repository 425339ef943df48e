package org.imagelabeler.labeler.features;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.imagelabeler.labeler.annotations.Annotation;
import org.imagelabeler.labeler.annotations.AnnotationJson;
import org.imagelabeler.labeler.annotations.AnnotationService;
import org.imagelabeler.platform.feature.Feature;
import org.imagelabeler.platform.feature.FeatureCursor;
import org.imagelabeler.platform.feature.FeatureQuery;
import org.imagelabeler.platform.feature.FeatureStore;
import org.imagelabeler.platform.feature.FeatureTransaction;
import org.imagelabeler.platform.feature.FeatureType;
import org.imagelabeler.platform.feature.TransactionException;
import org.imagelabeler.platform.feature.TransactionResult;
import org.imagelabeler.platform.feature.VectorStyle;
import org.imagelabeler.platform.feature.filter.Filter;
import org.imagelabeler.platform.rest.ApiProblem;
import org.imagelabeler.platform.security.Subject;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryCollection;
import org.locationtech.jts.io.geojson.GeoJsonWriter;

/**
 * WFS-T on an event's shapes and labels, through the same {@link AnnotationService} as the REST
 * API: the same validation (classes, geometry, shapes), roles, versions and audit log. Map shapes
 * may be inserted, changed and deleted; labels, drawn in image pixels, may change class and
 * attributes or be deleted, but move only in the image view or over REST.
 */
class EventFeatureStore implements FeatureStore {

    private static final Pattern ITEM_FIELD = Pattern.compile("annotations\\[(\\d+)]\\.(\\w+)");
    private static final Map<String, String> PROPERTY_OF_FIELD = Map.of("imageId", "image_id", "className", "class");

    private final SqlFeatureSource source;
    private final EventCollection collection;
    private final String slug;
    private final AnnotationService annotations;
    private final ObjectMapper json = new ObjectMapper();

    EventFeatureStore(SqlFeatureSource source, EventCollection collection, String slug, AnnotationService annotations) {
        this.source = source;
        this.collection = collection;
        this.slug = slug;
        this.annotations = annotations;
    }

    @Override
    public FeatureType type() {
        return source.type();
    }

    @Override
    public long count(FeatureQuery query) {
        return source.count(query);
    }

    @Override
    public FeatureCursor features(FeatureQuery query) {
        return source.features(query);
    }

    @Override
    public Optional<Envelope> bounds() {
        return source.bounds();
    }

    @Override
    public VectorStyle style() {
        return source.style();
    }

    @Override
    public TransactionResult apply(FeatureTransaction transaction, Subject subject) {
        List<List<String>> inserted = new ArrayList<>();
        long updated = 0;
        long deleted = 0;
        for (FeatureTransaction.Action action : transaction.actions()) {
            if (action instanceof FeatureTransaction.Insert insert) {
                inserted.add(insert(insert, subject));
            } else if (action instanceof FeatureTransaction.Update update) {
                updated += update(update, subject);
            } else if (action instanceof FeatureTransaction.Delete delete) {
                deleted += delete(delete, subject);
            }
        }
        return new TransactionResult(inserted, updated, deleted);
    }

    private List<String> insert(FeatureTransaction.Insert insert, Subject subject) {
        if (collection != EventCollection.SHAPES) {
            throw invalid(null, null, "labels are drawn on images: add them in the image view or over the REST API");
        }
        List<AnnotationJson> in = new ArrayList<>();
        for (int i = 0; i < insert.features().size(); i++) {
            Feature f = insert.features().get(i);
            String where = "feature " + (i + 1);
            Geometry g = single((Geometry) f.get("geometry"));
            if (g == null) {
                throw invalid(where, "geometry", "a shape needs a geometry");
            }
            String shape = f.get("shape") != null ? f.get("shape").toString() : shapeOf(g);
            in.add(new AnnotationJson(
                    null,
                    (String) f.get("image_id"),
                    "map",
                    shape,
                    (String) f.get("class"),
                    geoJson(g),
                    null,
                    attributes(f.get("attributes"), where),
                    null,
                    null,
                    null,
                    null));
        }
        try {
            return annotations.create(subject, slug, in, true).stream()
                    .map(Annotation::id)
                    .toList();
        } catch (ApiProblem e) {
            throw translate(e, "feature ");
        }
    }

    private long update(FeatureTransaction.Update update, Subject subject) {
        Map<String, Object> values = update.values();
        if (values.containsKey("class") && values.get("class") == null) {
            throw invalid(null, "class", "a feature keeps a class");
        }
        if (values.containsKey("geometry")) {
            if (collection != EventCollection.SHAPES) {
                throw invalid(null, "geometry", "labels are drawn in image pixels: move them in the image view");
            }
            if (values.get("geometry") == null) {
                throw invalid(null, "geometry", "a shape keeps a geometry");
            }
        }
        List<Feature> selected = select(update.filter());
        List<AnnotationJson> in = new ArrayList<>();
        for (Feature f : selected) {
            Geometry g = single((Geometry) values.get("geometry"));
            in.add(new AnnotationJson(
                    f.id(),
                    values.containsKey("image_id") ? (String) values.get("image_id") : null,
                    null,
                    values.containsKey("shape") ? (String) values.get("shape") : g != null ? shapeOf(g) : null,
                    (String) values.get("class"),
                    g == null ? null : geoJson(g),
                    null,
                    values.containsKey("attributes") ? attributes(values.get("attributes"), "feature " + f.id()) : null,
                    null,
                    null,
                    null,
                    ((Long) f.get("version")).intValue()));
        }
        if (in.isEmpty()) {
            return 0;
        }
        try {
            return annotations.updateAll(subject, slug, in).size();
        } catch (ApiProblem e) {
            throw translate(e, "feature ");
        }
    }

    private long delete(FeatureTransaction.Delete delete, Subject subject) {
        List<Feature> selected = select(delete.filter());
        for (Feature f : selected) {
            try {
                annotations.delete(subject, slug, f.id(), ((Long) f.get("version")).intValue());
            } catch (ApiProblem e) {
                throw translate(e, "feature " + source.type().name() + "." + f.id());
            }
        }
        return selected.size();
    }

    /**
     * The features a filter selects, each at the version it was read; a resource id that names a
     * version (optimistic locking from the client) must match the stored one.
     */
    private List<Feature> select(Filter filter) {
        List<Feature> selected = new ArrayList<>();
        try (FeatureCursor c = source.features(FeatureQuery.of(filter))) {
            c.forEachRemaining(selected::add);
        }
        if (filter instanceof Filter.ResourceId ids) {
            for (Filter.Rid rid : ids.ids()) {
                if (rid.version() == null) {
                    continue;
                }
                for (Feature f : selected) {
                    long stored = (Long) f.get("version");
                    if (f.id().equals(rid.id()) && stored != rid.version()) {
                        throw new TransactionException(
                                TransactionException.Kind.VERSION_CONFLICT,
                                "feature " + source.type().name() + "." + f.id(),
                                null,
                                "it was changed meanwhile: it is at version " + stored + ", not " + rid.version());
                    }
                }
            }
        }
        return selected;
    }

    /** A collection of one geometry (a MultiPolygon of one polygon, as some clients send) as that geometry. */
    private static Geometry single(Geometry g) {
        return g instanceof GeometryCollection c && c.getNumGeometries() == 1 ? c.getGeometryN(0) : g;
    }

    private static String shapeOf(Geometry g) {
        return switch (g.getGeometryType()) {
            case "Point" -> "point";
            case "LineString" -> "line";
            default -> "polygon";
        };
    }

    private JsonNode geoJson(Geometry g) {
        GeoJsonWriter writer = new GeoJsonWriter();
        writer.setEncodeCRS(false);
        try {
            return json.readTree(writer.write(g));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The {@code attributes} property: a JSON object, as the features show it. */
    private Map<String, Object> attributes(Object value, String where) {
        if (value == null || value.toString().isBlank()) {
            return Map.of();
        }
        try {
            return json.readValue(value.toString(), new TypeReference<Map<String, Object>>() {});
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw invalid(where, "attributes", "attributes must be a JSON object, like {\"confidence\": 0.9}");
        }
    }

    /** A refusal of the annotation service, in the terms of the transaction (feature n, property p). */
    private TransactionException translate(ApiProblem e, String prefix) {
        String locator = prefix.trim();
        String property = e.field();
        if (property != null) {
            Matcher m = ITEM_FIELD.matcher(property);
            if (m.matches()) {
                locator = prefix + (Integer.parseInt(m.group(1)) + 1);
                property = m.group(2);
            }
            property = PROPERTY_OF_FIELD.getOrDefault(property, property);
        }
        TransactionException.Kind kind =
                switch (e.status().value()) {
                    case 401, 403 -> TransactionException.Kind.FORBIDDEN;
                    case 404 -> TransactionException.Kind.NOT_FOUND;
                    case 409, 412 -> TransactionException.Kind.VERSION_CONFLICT;
                    default -> TransactionException.Kind.INVALID_VALUE;
                };
        return new TransactionException(kind, locator, property, e.getMessage());
    }

    private static TransactionException invalid(String locator, String property, String message) {
        return new TransactionException(TransactionException.Kind.INVALID_VALUE, locator, property, message);
    }
}
