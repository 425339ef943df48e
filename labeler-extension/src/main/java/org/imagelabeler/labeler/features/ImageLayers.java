package org.imagelabeler.labeler.features;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.imagelabeler.labeler.events.Event;
import org.imagelabeler.labeler.events.EventChange;
import org.imagelabeler.labeler.events.EventRepository;
import org.imagelabeler.labeler.images.EventImage;
import org.imagelabeler.labeler.images.ImageRepository;
import org.imagelabeler.labeler.images.ImagesChanged;
import org.imagelabeler.platform.catalog.Catalog;
import org.imagelabeler.platform.catalog.LayerInfo;
import org.imagelabeler.platform.catalog.StoreInfo;
import org.imagelabeler.platform.catalog.StoreKind;
import org.imagelabeler.platform.catalog.WorkspaceInfo;
import org.imagelabeler.platform.datadir.DataDirectory;
import org.imagelabeler.platform.raster.CoverageDescription;
import org.imagelabeler.platform.raster.GeoTiffInspector;
import org.imagelabeler.platform.raster.ingest.CoverageLayers;
import org.imagelabeler.platform.raster.ingest.ServedCopyWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Publishes every georeferenced image of an event (an uploaded GeoTIFF or an extracted chip) as a
 * raster layer of its own coverage store in the labeler workspace, named
 * {@code <slug>_image_<image id without dashes>}: unique (the id is), stable (only a new slug
 * renames it) and a valid XML name. WMS and WMTS then serve the image at any zoom from its
 * tiled, multi-resolution copy instead of one big picture; {@link EventLayerAccess} gives it the
 * event's access rules, because its metadata names the event. Layers follow the images: added
 * when an image is stored, removed with the image or its event, published at start-up for
 * images that lack one.
 */
public class ImageLayers {

    /** The {@link EventCollection#COLLECTION} value of image layers. */
    public static final String COLLECTION = "image";

    /** Layer and store metadata: the image a layer shows. */
    public static final String IMAGE = "labeler.image";

    private static final Logger LOG = LoggerFactory.getLogger(ImageLayers.class);

    private final Catalog catalog;
    private final EventRepository events;
    private final ImageRepository images;
    private final DataDirectory dataDir;
    private final String workspace;

    public ImageLayers(
            Catalog catalog, EventRepository events, ImageRepository images, DataDirectory dataDir, String workspace) {
        this.catalog = catalog;
        this.events = events;
        this.images = images;
        this.dataDir = dataDir;
        this.workspace = workspace;
    }

    /** The qualified name ({@code labeler:flood_image_...}) of the image's layer, if it has one. */
    public Optional<String> layerOf(EventImage image) {
        if (image.georeference() == null) {
            return Optional.empty();
        }
        return catalog.layer(id(image.id())).map(catalog::qualifiedName);
    }

    /** The layer name of an image of the event {@code slug}. */
    public static String layerName(String slug, String imageId) {
        return (Character.isDigit(slug.charAt(0)) ? "_" : "") + slug + "_image_" + imageId.replace("-", "");
    }

    /** At start-up: a layer for every georeferenced image, none for images that are gone. */
    @EventListener(ApplicationReadyEvent.class)
    public synchronized void publishAll() {
        List<Event> all = events.all();
        java.util.Set<String> ids = all.stream().map(Event::id).collect(java.util.stream.Collectors.toSet());
        for (LayerInfo layer : imageLayers()) {
            if (!ids.contains(layer.metadata().get(EventCollection.EVENT))) {
                remove(layer);
            }
        }
        all.forEach(this::sync);
    }

    @EventListener
    public synchronized void on(EventChange change) {
        if (change.deleted()) {
            imageLayers().stream()
                    .filter(l -> change.event().id().equals(l.metadata().get(EventCollection.EVENT)))
                    .forEach(this::remove);
        } else {
            sync(change.event()); // a new slug renames the layers
        }
    }

    /** An image was added, changed or deleted: the event's layers follow, once that is committed. */
    @TransactionalEventListener(fallbackExecution = true)
    public synchronized void imagesChanged(ImagesChanged change) {
        events.findById(change.eventId()).ifPresent(this::sync);
    }

    private void sync(Event event) {
        Map<String, EventImage> wanted = new HashMap<>();
        for (EventImage image : images.georeferenced(event.id())) {
            wanted.put(image.id(), image);
        }
        for (LayerInfo layer : imageLayers()) {
            if (!event.id().equals(layer.metadata().get(EventCollection.EVENT))) {
                continue;
            }
            EventImage image = wanted.get(layer.metadata().get(IMAGE));
            if (image == null) {
                remove(layer);
            } else if (!layer.name().equals(layerName(event.slug(), image.id()))) {
                unpublish(layer); // renamed below; the served copy stays
            } else {
                wanted.remove(image.id());
            }
        }
        for (EventImage image : wanted.values()) {
            try {
                publish(event, image);
            } catch (RuntimeException e) {
                // the image stays usable as a picture; only its map layer is missing
                LOG.warn("Cannot publish image {} of event {} as a layer", image.id(), event.slug(), e);
            }
        }
    }

    private void publish(Event event, EventImage image) {
        Path original = dataDir.root().resolve(image.filePath());
        CoverageDescription d = GeoTiffInspector.inspect(original);
        Path served = original;
        if (ServedCopyWriter.isNeeded(d)) {
            // strips, JPEG or no overviews: a tiled copy with overviews serves any zoom quickly
            served = servedCopy(image);
            if (!Files.exists(served)) {
                ServedCopyWriter.write(original, d, served, percent -> {});
            }
        }
        WorkspaceInfo ws = workspace();
        String name = layerName(event.slug(), image.id());
        Instant now = Instant.now();
        catalog.store(id(image.id())).ifPresent(left -> catalog.remove(left, true)); // of a failed attempt
        Map<String, String> parameters = new HashMap<>();
        parameters.put(StoreInfo.URL, "file:" + dataDir.root().relativize(served));
        parameters.put(EventCollection.EVENT, event.id());
        parameters.put(IMAGE, image.id());
        StoreInfo store = catalog.add(new StoreInfo(
                id(image.id()),
                ws.id(),
                name,
                StoreKind.COVERAGE,
                "GeoTIFF",
                "Image " + image.name() + " of event " + event.slug(),
                true,
                parameters,
                now,
                now));
        Map<String, String> metadata = CoverageLayers.metadata(d);
        metadata.put(EventCollection.EVENT, event.id());
        metadata.put(EventCollection.COLLECTION, COLLECTION);
        metadata.put(IMAGE, image.id());
        catalog.add(CoverageLayers.newLayer(
                id(image.id()), ws, store, name, event.title() + ": " + image.name(), d, metadata, now));
    }

    /** Takes the layer and its store out of the catalog and deletes the served copy. */
    private void remove(LayerInfo layer) {
        unpublish(layer);
        String image = layer.metadata().get(IMAGE);
        String event = layer.metadata().get(EventCollection.EVENT);
        if (image != null && event != null) {
            try {
                Files.deleteIfExists(imageDirectory(event).resolve(image + ".served.tif"));
            } catch (IOException e) {
                LOG.warn("Cannot delete the served copy of image {}", image, e);
            }
        }
    }

    private void unpublish(LayerInfo layer) {
        catalog.store(layer.storeId())
                .ifPresentOrElse(store -> catalog.remove(store, true), () -> catalog.remove(layer));
    }

    private List<LayerInfo> imageLayers() {
        return catalog.workspaceByName(workspace).map(catalog::layers).orElse(List.of()).stream()
                .filter(l -> COLLECTION.equals(l.metadata().get(EventCollection.COLLECTION)))
                .toList();
    }

    private Path servedCopy(EventImage image) {
        return imageDirectory(image.eventId()).resolve(image.id() + ".served.tif");
    }

    /** Where ImageService keeps an event's image files. */
    private Path imageDirectory(String eventId) {
        return dataDir.blobs().resolve("labeler").resolve("images").resolve(eventId);
    }

    /** Store and layer ids follow the image's, so that publishing again finds them. */
    private static String id(String imageId) {
        return "labeler-image-" + imageId;
    }

    private WorkspaceInfo workspace() {
        return catalog.workspaceByName(workspace).orElseGet(() -> {
            Instant now = Instant.now();
            return catalog.add(new WorkspaceInfo(
                    UUID.randomUUID().toString(), workspace, "Earth Science Events (labeling plugin)", now, now));
        });
    }
}
