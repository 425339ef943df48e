package org.imagelabeler.platform.feature;

/** One key of a feature ordering. */
public record SortBy(String property, boolean ascending) {}
