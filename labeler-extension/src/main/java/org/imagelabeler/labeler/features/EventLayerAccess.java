package org.imagelabeler.labeler.features;

import java.util.Optional;
import org.imagelabeler.labeler.access.EventAccess;
import org.imagelabeler.labeler.access.EventAction;
import org.imagelabeler.labeler.events.Event;
import org.imagelabeler.labeler.events.EventRepository;
import org.imagelabeler.platform.catalog.Catalog;
import org.imagelabeler.platform.catalog.LayerInfo;
import org.imagelabeler.platform.security.AccessDecision;
import org.imagelabeler.platform.security.AccessMode;
import org.imagelabeler.platform.security.AccessRule;
import org.imagelabeler.platform.security.AccessTarget;
import org.imagelabeler.platform.security.Subject;

/**
 * The event's access rules, applied to its layers for every service (WFS, WMS, WMTS): those who
 * may read the event read its layers, those who may annotate it change its shapes and labels,
 * nobody changes footprints (they follow the images) or image layers. Speaks before the data dir's layer rules.
 */
public class EventLayerAccess implements AccessRule {

    /** Footprints follow the images and image layers are their pixels: only these are edited. */
    private static final java.util.Set<String> WRITABLE =
            java.util.Set.of(EventCollection.SHAPES.id(), EventCollection.LABELS.id());

    private final Catalog catalog;
    private final EventRepository events;
    private final EventAccess access;
    private final String workspace;

    public EventLayerAccess(Catalog catalog, EventRepository events, EventAccess access, String workspace) {
        this.catalog = catalog;
        this.events = events;
        this.access = access;
        this.workspace = workspace;
    }

    @Override
    public AccessDecision decide(Subject subject, AccessTarget target, AccessMode mode) {
        if (!workspace.equals(target.workspace())) {
            return AccessDecision.ABSTAIN;
        }
        if (target.layer() == null) {
            // the workspace itself: anyone may look in, each layer then decides
            return mode == AccessMode.READ ? AccessDecision.ALLOW : AccessDecision.ABSTAIN;
        }
        Optional<LayerInfo> layer = catalog.layerByName(workspace, target.layer());
        String eventId = layer.map(l -> l.metadata().get(EventCollection.EVENT)).orElse(null);
        if (eventId == null) {
            return AccessDecision.ABSTAIN;
        }
        Optional<Event> event = events.findById(eventId);
        if (event.isEmpty()) {
            return AccessDecision.DENY;
        }
        boolean allowed =
                switch (mode) {
                    case READ -> access.canRead(subject, event.get());
                    case WRITE ->
                        WRITABLE.contains(layer.get().metadata().get(EventCollection.COLLECTION))
                                && access.can(subject, event.get(), EventAction.ANNOTATE);
                    case ADMIN -> access.can(subject, event.get(), EventAction.UPDATE);
                };
        return allowed ? AccessDecision.ALLOW : AccessDecision.DENY;
    }
}
