package org.imagelabeler.labeler.export;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.imagelabeler.labeler.annotations.Annotation;
import org.imagelabeler.labeler.events.LabelClass;

/**
 * How many labels of each class an image has, and of which shapes: a label item's overview and
 * tasks. Counts follow the schema's order, every class included (zero counts say "looked for,
 * none found"); a class no longer in the schema is counted after them rather than dropped.
 */
record LabelTally(Map<String, Integer> counts, boolean boxes, boolean polygons) {

    LabelTally {
        counts = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(counts));
    }

    static LabelTally of(List<Annotation> annotations, List<LabelClass> classes) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        classes.forEach(c -> counts.put(c.name(), 0));
        boolean boxes = false;
        boolean polygons = false;
        for (Annotation a : annotations) {
            counts.merge(a.className(), 1, Integer::sum);
            boxes |= a.shape() == Annotation.Shape.BOX;
            polygons |= a.shape() == Annotation.Shape.POLYGON;
        }
        return new LabelTally(counts, boxes, polygons);
    }

    /** The label extension's tasks: boxes locate objects, polygons outline them. */
    List<String> tasks() {
        List<String> tasks = new ArrayList<>();
        if (boxes) {
            tasks.add("detection");
        }
        if (polygons) {
            tasks.add("segmentation");
        }
        return tasks;
    }
}
