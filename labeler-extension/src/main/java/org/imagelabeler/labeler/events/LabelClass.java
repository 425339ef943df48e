package org.imagelabeler.labeler.events;

/**
 * A class annotations are labelled with (flood water, dust plume...).
 *
 * @param colour {@code #rrggbb}, used by the image view, the map and WMS styles
 */
public record LabelClass(String name, String colour, String description) {}
