package org.imagelabeler.labeler.events;

/** How many annotations of an event use a class: a schema change must not orphan them. */
@FunctionalInterface
public interface LabelUsage {

    long annotationsWithClass(String eventId, String className);
}
