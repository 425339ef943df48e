package org.imagelabeler.platform.extension;

/**
 * Implemented by extensions that must be consulted before or after others of their type. As in
 * GeoServer, 0 is the highest priority and 100 the lowest; extensions without a priority rank as
 * {@link #NORMAL}.
 */
public interface ExtensionPriority {

    int HIGHEST = 0;
    int NORMAL = 50;
    int LOWEST = 100;

    int getPriority();
}
