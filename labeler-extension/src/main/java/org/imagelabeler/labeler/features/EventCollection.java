package org.imagelabeler.labeler.features;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.imagelabeler.platform.feature.AttributeDescriptor;
import org.imagelabeler.platform.feature.AttributeType;
import org.imagelabeler.platform.feature.FeatureType;
import org.imagelabeler.platform.feature.GeometryType;

/**
 * The three feature types each event publishes, with the SQL each attribute reads:
 * {@code shapes} (shapes drawn on the map), {@code labels} (boxes and polygons drawn on
 * georeferenced images, placed on Earth) and {@code footprints} (where the georeferenced images lie).
 */
public enum EventCollection {
    SHAPES("shapes", "map shapes"),
    LABELS("labels", "image labels"),
    FOOTPRINTS("footprints", "image footprints");

    /** Layer metadata keys that tie a catalog layer to its event and collection. */
    public static final String EVENT = "labeler.event";

    public static final String COLLECTION = "labeler.collection";

    private final String id;
    private final String title;

    EventCollection(String id, String title) {
        this.id = id;
        this.title = title;
    }

    public String id() {
        return id;
    }

    public String title() {
        return title;
    }

    public static EventCollection of(String id) {
        for (EventCollection c : values()) {
            if (c.id.equals(id)) {
                return c;
            }
        }
        throw new IllegalArgumentException("no event collection '" + id + "'");
    }

    /**
     * The layer name of this collection of an event: {@code flood-2024_shapes}. Layer names are
     * XML names: a slug that starts with a digit gets a leading underscore.
     */
    public String layerName(String slug) {
        return (Character.isDigit(slug.charAt(0)) ? "_" : "") + slug + "_" + id;
    }

    public FeatureType type(String layerName) {
        return new FeatureType(layerName, title, null, attributes());
    }

    /** Attribute name to SQL expression; the table aliases are {@code a} (annotations) and {@code i} (images). */
    public Map<String, String> columns() {
        Map<String, String> c = new LinkedHashMap<>();
        switch (this) {
            case SHAPES, LABELS -> {
                c.put("class", "a.class_name");
                c.put("shape", "LOWER(a.shape)");
                c.put("image_id", "a.image_id");
                if (this == LABELS) {
                    c.put("image_name", "i.name");
                    c.put("image_status", "LOWER(i.status)");
                    c.put("tags", "i.tags");
                }
                c.put("attributes", "a.attributes");
                c.put("author", "a.author");
                c.put("created", "a.created_at");
                c.put("modified", "a.updated_at");
                c.put("version", "a.version");
                c.put("geometry", "a.geo");
            }
            case FOOTPRINTS -> {
                c.put("name", "i.name");
                c.put("media_type", "i.media_type");
                c.put("width", "i.width");
                c.put("height", "i.height");
                c.put("status", "LOWER(i.status)");
                c.put("assignee", "i.assignee");
                c.put("tags", "i.tags");
                c.put("acquired", "i.acquired_at");
                c.put("author", "i.created_by");
                c.put("created", "i.created_at");
                c.put("modified", "i.updated_at");
                c.put("version", "i.version");
                c.put("footprint", "i.footprint");
            }
        }
        return c;
    }

    /** The id column, and the rows of one event: FROM and the base WHERE, with parameter {@code :event}. */
    public String idColumn() {
        return this == FOOTPRINTS ? "i.id" : "a.id";
    }

    public String from() {
        return switch (this) {
            case SHAPES -> "labeler_annotations a WHERE a.event_id = :event AND a.space = 'MAP'";
            case LABELS ->
                "labeler_annotations a JOIN labeler_images i ON i.id = a.image_id"
                        + " WHERE a.event_id = :event AND a.space = 'PIXEL' AND a.geo IS NOT NULL";
            case FOOTPRINTS -> "labeler_images i WHERE i.event_id = :event AND i.footprint IS NOT NULL";
        };
    }

    /** The natural order of features: oldest first, so that maps draw newer labels on top. */
    public String naturalOrder() {
        return this == FOOTPRINTS ? "i.created_at, i.id" : "a.created_at, a.id";
    }

    public String geometryColumn() {
        return this == FOOTPRINTS ? "i.footprint" : "a.geo";
    }

    private List<AttributeDescriptor> attributes() {
        return switch (this) {
            case SHAPES, LABELS -> {
                var list = new java.util.ArrayList<AttributeDescriptor>();
                list.add(AttributeDescriptor.of("class", AttributeType.STRING, false));
                list.add(AttributeDescriptor.of("shape", AttributeType.STRING, false));
                list.add(AttributeDescriptor.of("image_id", AttributeType.STRING, true));
                if (this == LABELS) {
                    list.add(AttributeDescriptor.readOnly("image_name", AttributeType.STRING));
                    list.add(AttributeDescriptor.readOnly("image_status", AttributeType.STRING));
                    list.add(AttributeDescriptor.readOnly("tags", AttributeType.STRING));
                }
                list.add(AttributeDescriptor.of("attributes", AttributeType.STRING, true));
                list.add(AttributeDescriptor.readOnly("author", AttributeType.STRING));
                list.add(AttributeDescriptor.readOnly("created", AttributeType.DATETIME));
                list.add(AttributeDescriptor.readOnly("modified", AttributeType.DATETIME));
                list.add(AttributeDescriptor.readOnly("version", AttributeType.INTEGER));
                list.add(AttributeDescriptor.geometry(
                        "geometry", this == LABELS ? GeometryType.POLYGON : GeometryType.GEOMETRY));
                yield list;
            }
            case FOOTPRINTS ->
                List.of(
                        AttributeDescriptor.readOnly("name", AttributeType.STRING),
                        AttributeDescriptor.readOnly("media_type", AttributeType.STRING),
                        AttributeDescriptor.readOnly("width", AttributeType.INTEGER),
                        AttributeDescriptor.readOnly("height", AttributeType.INTEGER),
                        AttributeDescriptor.readOnly("status", AttributeType.STRING),
                        AttributeDescriptor.readOnly("assignee", AttributeType.STRING),
                        AttributeDescriptor.readOnly("tags", AttributeType.STRING),
                        AttributeDescriptor.readOnly("acquired", AttributeType.DATETIME),
                        AttributeDescriptor.readOnly("author", AttributeType.STRING),
                        AttributeDescriptor.readOnly("created", AttributeType.DATETIME),
                        AttributeDescriptor.readOnly("modified", AttributeType.DATETIME),
                        AttributeDescriptor.readOnly("version", AttributeType.INTEGER),
                        new AttributeDescriptor(
                                "footprint", AttributeType.GEOMETRY, GeometryType.POLYGON, false, true));
        };
    }
}
