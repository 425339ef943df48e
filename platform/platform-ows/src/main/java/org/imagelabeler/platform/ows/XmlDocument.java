package org.imagelabeler.platform.ows;

/** An encoded XML response (a capabilities document...), with its content type. */
public record XmlDocument(byte[] content, String contentType) {}
