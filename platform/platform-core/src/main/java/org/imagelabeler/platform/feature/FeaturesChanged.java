package org.imagelabeler.platform.feature;

/**
 * Published (as a Spring application event) once changes to a vector layer's features are
 * committed: what is derived from them, such as cached map tiles, is dropped.
 *
 * @param layerId the catalog id of the layer
 */
public record FeaturesChanged(String layerId) {}
