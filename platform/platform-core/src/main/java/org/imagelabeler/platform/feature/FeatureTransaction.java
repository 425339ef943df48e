package org.imagelabeler.platform.feature;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.imagelabeler.platform.feature.filter.Filter;

/** The changes of one WFS Transaction, in document order. */
public record FeatureTransaction(List<Action> actions) {

    public FeatureTransaction {
        actions = List.copyOf(actions);
    }

    /** One action; {@code handle} is the client's name for it, echoed in errors, or null. */
    public sealed interface Action permits Insert, Update, Delete {
        String handle();
    }

    /** New features; their ids are chosen by the store. */
    public record Insert(String handle, List<Feature> features) implements Action {
        public Insert {
            features = List.copyOf(features);
        }
    }

    /** New values (null clears) for the named attributes of every feature the filter selects. */
    public record Update(String handle, Map<String, Object> values, Filter filter) implements Action {
        public Update {
            values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        }
    }

    public record Delete(String handle, Filter filter) implements Action {}
}
