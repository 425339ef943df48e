package org.imagelabeler.labeler.images;

/** Published (as a Spring application event) when images of an event are added, changed or removed. */
public record ImagesChanged(String eventId) {}
