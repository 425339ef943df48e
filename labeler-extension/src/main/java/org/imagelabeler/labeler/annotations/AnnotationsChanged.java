package org.imagelabeler.labeler.annotations;

/** Published (as a Spring application event) when annotations of an event are added, changed or removed. */
public record AnnotationsChanged(String eventId) {}
