package org.imagelabeler.platform.catalog.rest;

/** An entry of a REST collection listing, as in GeoServer: a name and where to read it. */
record NamedLink(String name, String href) {}
