package org.imagelabeler.labeler.export;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import org.imagelabeler.labeler.annotations.Annotation;
import org.imagelabeler.labeler.images.EventImage;
import org.imagelabeler.labeler.images.Georeference;

/**
 * The STAC Items of one image, with hrefs relative to {@code stac/items/}: the imagery item, its
 * label item (label extension) and the labels themselves as a GeoJSON FeatureCollection.
 */
final class StacItems {

    static final String STAC_VERSION = "1.0.0";
    static final String LABEL_EXTENSION = "https://stac-extensions.github.io/label/v1.0.1/schema.json";
    static final String COLLECTION_HREF = "../collection.json";
    static final String JSON = "application/json";
    static final String GEOJSON = "application/geo+json";

    private StacItems() {}

    /** The picture: its footprint, time, provenance, and the image file of the archive as asset. */
    static ObjectNode imagery(ExportImage image, ExportContext context) {
        ObjectNode item = feature(image.stem(), image, false);
        ObjectNode properties = (ObjectNode) item.get("properties");
        properties.put("title", image.image().name());
        properties.put("labeler:image_id", image.image().id());
        properties.put("labeler:split", image.split());
        properties.set("labeler:source", ArchiveJson.tree(image.provenance()));
        item.set("links", parentLinks());
        ObjectNode asset = ArchiveJson.object()
                .put("href", "../../" + image.path())
                .put("type", mediaType(image))
                .put("title", image.image().name());
        asset.putArray("roles").add("data");
        item.putObject("assets").set("image", asset);
        item.put("collection", context.event().slug());
        return item;
    }

    /** What was labelled on the picture: classes, counts, tasks, and the labels file as asset. */
    static ObjectNode labels(ExportImage image, LabelTally tally, ExportContext context) {
        ObjectNode item = feature(image.stem() + "-labels", image, true);
        ObjectNode properties = (ObjectNode) item.get("properties");
        properties.putArray("label:properties").add("class");
        ArrayNode names = ArchiveJson.array();
        tally.counts().keySet().forEach(names::add);
        properties.putArray("label:classes").addObject().put("name", "class").set("classes", names);
        properties.put(
                "label:description",
                "Boxes and polygons drawn by hand on the image '"
                        + image.image().name() + "' of the event '"
                        + context.event().title() + "', one feature per label with its class in the property"
                        + " 'class'.");
        properties.put("label:type", "vector");
        ArrayNode tasks = properties.putArray("label:tasks");
        tally.tasks().forEach(tasks::add);
        properties.putArray("label:methods").add("manual");
        ArrayNode counts = ArchiveJson.array();
        tally.counts()
                .forEach((name, count) -> counts.addObject().put("name", name).put("count", count));
        properties
                .putArray("label:overviews")
                .addObject()
                .put("property_key", "class")
                .set("counts", counts);

        ArrayNode links = ArchiveJson.array();
        ObjectNode source = links.addObject()
                .put("rel", "source")
                .put("href", "./" + image.stem() + ".json")
                .put("type", JSON)
                .put("title", "the labelled image");
        source.putArray("label:assets").add("image");
        links.addAll(parentLinks());
        item.set("links", links);

        ObjectNode asset = ArchiveJson.object()
                .put("href", "./" + image.stem() + "-labels.geojson")
                .put("type", GEOJSON)
                .put("title", "labels")
                .put("description", labelsDescription(image));
        asset.putArray("roles").add("labels");
        item.putObject("assets").set("labels", asset);
        item.put("collection", context.event().slug());
        return item;
    }

    /**
     * The labels as GeoJSON: on Earth (EPSG:4326, longitude first) for a georeferenced image. A
     * plain picture has no place on Earth, so its labels keep their pixel coordinates, the ones of
     * the API and of COCO: an honest, lossless file that says what it holds ({@code
     * labeler:coordinates}), rather than features placed at made-up longitudes and latitudes.
     */
    static ObjectNode labelFeatures(ExportImage image) {
        boolean onEarth = image.image().georeference() != null;
        ObjectNode collection = ArchiveJson.object().put("type", "FeatureCollection");
        collection.put("labeler:coordinates", onEarth ? "EPSG:4326" : "pixels");
        ArrayNode features = collection.putArray("features");
        for (Annotation a : image.annotations()) {
            ObjectNode feature = features.addObject().put("type", "Feature").put("id", a.id());
            feature.set("geometry", ArchiveJson.geometry(onEarth ? a.geographic() : a.pixels()));
            ObjectNode properties = feature.putObject("properties")
                    .put("class", a.className())
                    .put("shape", a.shape().name().toLowerCase(Locale.ROOT));
            if (!a.attributes().isEmpty()) {
                properties.set("attributes", ArchiveJson.tree(a.attributes()));
            }
        }
        return collection;
    }

    /** The item's time: when the picture was taken, else when it was added. */
    static Instant datetime(ExportImage image) {
        EventImage i = image.image();
        return i.acquired() != null ? i.acquired() : i.created();
    }

    /** A Feature with id, footprint (null and no bbox for a plain picture, as STAC allows) and datetime. */
    private static ObjectNode feature(String id, ExportImage image, boolean labelExtension) {
        ObjectNode item = ArchiveJson.object().put("type", "Feature").put("stac_version", STAC_VERSION);
        ArrayNode extensions = item.putArray("stac_extensions");
        if (labelExtension) {
            extensions.add(LABEL_EXTENSION);
        }
        item.put("id", id);
        Georeference geo = image.image().georeference();
        if (geo == null) {
            item.putNull("geometry");
        } else {
            item.set("geometry", ArchiveJson.geometry(geo.footprint()));
            item.set("bbox", ArchiveJson.bbox(geo.footprint().getEnvelopeInternal()));
        }
        Instant datetime = datetime(image);
        ObjectNode properties = item.putObject("properties");
        if (datetime == null) {
            properties.putNull("datetime");
        } else {
            properties.put("datetime", datetime.toString());
        }
        return item;
    }

    private static ArrayNode parentLinks() {
        ArrayNode links = ArchiveJson.array();
        for (String rel : new String[] {"collection", "parent", "root"}) {
            links.addObject().put("rel", rel).put("href", COLLECTION_HREF).put("type", JSON);
        }
        return links;
    }

    private static String labelsDescription(ExportImage image) {
        if (image.image().georeference() != null) {
            return "GeoJSON FeatureCollection of the labels in EPSG:4326 (longitude, latitude), one feature per"
                    + " label, its class in the property 'class'.";
        }
        return "GeoJSON FeatureCollection of the labels in the image's PIXEL coordinates, not longitude and"
                + " latitude: x to the right and y down from the top-left corner of the image, as the labels were"
                + " drawn; the image is not georeferenced, so it has no place on Earth. One feature per label, its"
                + " class in the property 'class'.";
    }

    /** The media type of the image file in the archive, which may be a conversion of the stored one. */
    private static String mediaType(ExportImage image) {
        String path = image.path().toLowerCase(Locale.ROOT);
        Map<String, String> byExtension = Map.of(".png", "image/png", ".jpg", "image/jpeg", ".jpeg", "image/jpeg");
        for (var e : byExtension.entrySet()) {
            if (path.endsWith(e.getKey())) {
                return e.getValue();
            }
        }
        if (path.endsWith(".tif") || path.endsWith(".tiff")) {
            return image.image().georeference() != null ? "image/tiff; application=geotiff" : "image/tiff";
        }
        return image.image().mediaType();
    }
}
