package org.imagelabeler.labeler.events;

/**
 * Published (as a Spring application event) after an event was created, changed or deleted and
 * the change committed: what depends on events, such as their published layers, follows.
 *
 * @param event the event as it is now, or as it was when {@code deleted}
 */
public record EventChange(Event event, boolean deleted) {}
