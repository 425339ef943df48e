package org.imagelabeler.platform.catalog;

/** A data-dir file that could not be loaded; the object is skipped, the server starts anyway. */
public record LoadProblem(String path, String message) {}
