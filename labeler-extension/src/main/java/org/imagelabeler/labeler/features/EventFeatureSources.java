package org.imagelabeler.labeler.features;

import java.awt.Color;
import java.util.List;
import java.util.Optional;
import org.imagelabeler.labeler.annotations.AnnotationService;
import org.imagelabeler.labeler.events.Event;
import org.imagelabeler.labeler.events.EventRepository;
import org.imagelabeler.labeler.events.LabelClass;
import org.imagelabeler.platform.catalog.LayerInfo;
import org.imagelabeler.platform.database.Database;
import org.imagelabeler.platform.feature.FeatureSource;
import org.imagelabeler.platform.feature.FeatureSourceProvider;
import org.imagelabeler.platform.feature.VectorStyle;

/**
 * Serves the feature sources of the layers {@link EventLayers} publishes: the layer's metadata
 * names its event and collection. Shapes and labels are drawn in their class colours, footprints
 * in the colour of their image's status; shapes and labels may be changed (WFS-T), footprints not.
 */
public class EventFeatureSources implements FeatureSourceProvider {

    private static final Color UNCLASSIFIED = new Color(0x80, 0x80, 0x80);

    private final Database database;
    private final EventRepository events;
    private final AnnotationService annotations;

    public EventFeatureSources(Database database, EventRepository events, AnnotationService annotations) {
        this.database = database;
        this.events = events;
        this.annotations = annotations;
    }

    @Override
    public Optional<FeatureSource> source(LayerInfo layer) {
        String eventId = layer.metadata().get(EventCollection.EVENT);
        String collection = layer.metadata().get(EventCollection.COLLECTION);
        if (eventId == null || collection == null) {
            return Optional.empty();
        }
        return events.findById(eventId).<FeatureSource>map(event -> {
            EventCollection c = EventCollection.of(collection);
            SqlFeatureSource source =
                    new SqlFeatureSource(database.dataSource(), c, eventId, layer.name(), style(event, c));
            return c == EventCollection.FOOTPRINTS
                    ? source
                    : new EventFeatureStore(source, c, event.slug(), annotations);
        });
    }

    static VectorStyle style(Event event, EventCollection collection) {
        if (collection == EventCollection.FOOTPRINTS) {
            return new VectorStyle(
                    "status",
                    List.of(
                            new VectorStyle.StyleClass("unlabeled", "unlabeled", new Color(0x9e, 0x9e, 0x9e)),
                            new VectorStyle.StyleClass("in_progress", "in progress", new Color(0xff, 0xb3, 0x00)),
                            new VectorStyle.StyleClass("labeled", "labeled", new Color(0x1e, 0x88, 0xe5)),
                            new VectorStyle.StyleClass("accepted", "accepted", new Color(0x43, 0xa0, 0x47)),
                            new VectorStyle.StyleClass("rejected", "rejected", new Color(0xe5, 0x39, 0x35))),
                    new VectorStyle.StyleClass(null, "other", UNCLASSIFIED),
                    2f,
                    0.15f);
        }
        List<VectorStyle.StyleClass> classes = event.labelSchema().classes().stream()
                .map(c -> new VectorStyle.StyleClass(c.name(), title(c), colour(c.colour())))
                .toList();
        return new VectorStyle("class", classes, new VectorStyle.StyleClass(null, "other", UNCLASSIFIED), 2f, 0.35f);
    }

    private static String title(LabelClass c) {
        return c.description() == null || c.description().isBlank()
                ? c.name()
                : c.name() + " (" + c.description() + ")";
    }

    private static Color colour(String hex) {
        try {
            return Color.decode(hex);
        } catch (RuntimeException e) {
            return UNCLASSIFIED;
        }
    }
}
