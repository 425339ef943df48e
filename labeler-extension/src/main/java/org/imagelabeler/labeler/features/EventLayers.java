package org.imagelabeler.labeler.features;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.imagelabeler.labeler.events.Event;
import org.imagelabeler.labeler.events.EventChange;
import org.imagelabeler.labeler.events.EventRepository;
import org.imagelabeler.platform.catalog.BoundingBox;
import org.imagelabeler.platform.catalog.Catalog;
import org.imagelabeler.platform.catalog.LayerInfo;
import org.imagelabeler.platform.catalog.LayerKind;
import org.imagelabeler.platform.catalog.StoreInfo;
import org.imagelabeler.platform.catalog.StoreKind;
import org.imagelabeler.platform.catalog.WorkspaceInfo;
import org.imagelabeler.platform.feature.FeatureType;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;

/**
 * Publishes every event's feature types in the catalog, as layers of the store {@value #STORE}
 * of one workspace ({@code labeler} by default): {@code <slug>_shapes}, {@code <slug>_labels},
 * {@code <slug>_footprints}. WFS, WMS and the admin pages then see them like any other layer,
 * and {@link EventLayerAccess} gives them the event's access rules. Layers follow their events:
 * published at start-up for events that lack them, changed with the event, removed with it.
 */
public class EventLayers {

    public static final String STORE = "events";

    private final Catalog catalog;
    private final EventRepository events;
    private final String workspace;
    private final org.springframework.context.ApplicationEventPublisher publisher;

    public EventLayers(
            Catalog catalog,
            EventRepository events,
            String workspace,
            org.springframework.context.ApplicationEventPublisher publisher) {
        this.catalog = catalog;
        this.events = events;
        this.workspace = workspace;
        this.publisher = publisher;
    }

    public String workspace() {
        return workspace;
    }

    /** At start-up: every event's layers, and no layer left of an event that is gone. */
    @EventListener(ApplicationReadyEvent.class)
    public synchronized void publishAll() {
        StoreInfo store = store();
        List<Event> all = events.all();
        Set<String> ids = all.stream().map(Event::id).collect(Collectors.toSet());
        for (LayerInfo layer : catalog.layers(store)) {
            if (!ids.contains(layer.metadata().get(EventCollection.EVENT))) {
                catalog.remove(layer);
            }
        }
        all.forEach(this::publish);
    }

    @EventListener
    public synchronized void on(EventChange change) {
        if (change.deleted()) {
            for (EventCollection c : EventCollection.values()) {
                catalog.layer(layerId(change.event(), c)).ifPresent(catalog::remove);
            }
        } else {
            publish(change.event());
        }
    }

    /** Annotations changed: the event's shapes and labels layers, once the change is committed. */
    @org.springframework.transaction.event.TransactionalEventListener(fallbackExecution = true)
    public void annotationsChanged(org.imagelabeler.labeler.annotations.AnnotationsChanged change) {
        changed(change.eventId(), EventCollection.SHAPES, EventCollection.LABELS);
    }

    /** Images changed (added, status, tags, gone): their footprints and the labels that show them. */
    @org.springframework.transaction.event.TransactionalEventListener(fallbackExecution = true)
    public void imagesChanged(org.imagelabeler.labeler.images.ImagesChanged change) {
        changed(change.eventId(), EventCollection.FOOTPRINTS, EventCollection.LABELS);
    }

    private void changed(String eventId, EventCollection... collections) {
        for (EventCollection c : collections) {
            publisher.publishEvent(new org.imagelabeler.platform.feature.FeaturesChanged(layerId(eventId, c)));
        }
    }

    private void publish(Event event) {
        StoreInfo store = store();
        for (EventCollection c : EventCollection.values()) {
            Optional<LayerInfo> old = catalog.layer(layerId(event, c));
            LayerInfo layer = layer(event, c, store, old.map(LayerInfo::created).orElse(Instant.now()));
            if (old.isEmpty()) {
                catalog.add(layer);
            } else if (!sameDescription(old.get(), layer)) {
                catalog.save(layer);
            }
        }
    }

    private LayerInfo layer(Event event, EventCollection c, StoreInfo store, Instant created) {
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put(EventCollection.EVENT, event.id());
        metadata.put(EventCollection.COLLECTION, c.id());
        BoundingBox bounds = event.areaOfInterest() == null
                ? new BoundingBox(-180, -90, 180, 90, FeatureType.CRS)
                : bounds(event.areaOfInterest().getEnvelopeInternal());
        return new LayerInfo(
                layerId(event, c),
                store.workspaceId(),
                store.id(),
                c.layerName(event.slug()),
                LayerKind.VECTOR,
                c.id(),
                event.title() + ": " + c.title(),
                event.description(),
                event.keywords(),
                true,
                true,
                null,
                List.of(),
                FeatureType.CRS,
                bounds,
                bounds,
                metadata,
                created,
                Instant.now());
    }

    private static boolean sameDescription(LayerInfo a, LayerInfo b) {
        return a.name().equals(b.name())
                && a.title().equals(b.title())
                && java.util.Objects.equals(a.abstractText(), b.abstractText())
                && a.keywords().equals(b.keywords())
                && a.geographicBounds().equals(b.geographicBounds());
    }

    private static BoundingBox bounds(org.locationtech.jts.geom.Envelope e) {
        return new BoundingBox(e.getMinX(), e.getMinY(), e.getMaxX(), e.getMaxY(), FeatureType.CRS);
    }

    /** Layer ids are derived from the event's, so that publishing again finds them. */
    private static String layerId(Event event, EventCollection c) {
        return layerId(event.id(), c);
    }

    private static String layerId(String eventId, EventCollection c) {
        return "labeler-" + eventId + "-" + c.id();
    }

    private StoreInfo store() {
        WorkspaceInfo ws = catalog.workspaceByName(workspace).orElseGet(() -> {
            Instant now = Instant.now();
            return catalog.add(new WorkspaceInfo(
                    UUID.randomUUID().toString(), workspace, "Earth Science Events (labeling plugin)", now, now));
        });
        return catalog.storeByName(ws.name(), STORE).orElseGet(() -> {
            Instant now = Instant.now();
            return catalog.add(new StoreInfo(
                    UUID.randomUUID().toString(),
                    ws.id(),
                    STORE,
                    StoreKind.FEATURE,
                    "labeler",
                    "The events' map shapes, image labels and image footprints",
                    true,
                    Map.of(),
                    now,
                    now));
        });
    }
}
