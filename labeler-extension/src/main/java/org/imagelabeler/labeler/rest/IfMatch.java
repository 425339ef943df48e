package org.imagelabeler.labeler.rest;

import org.imagelabeler.platform.rest.ApiProblem;

/** The version an {@code If-Match} header names: ETags here are versions, {@code "3"}. */
public final class IfMatch {

    private IfMatch() {}

    /** The version ({@code "3"}, {@code W/"3"}), or null without a header or with {@code *}. */
    public static Integer version(String header) {
        if (header == null || header.isBlank() || header.trim().equals("*")) {
            return null;
        }
        try {
            return Integer.parseInt(header.trim().replace("W/", "").replace("\"", ""));
        } catch (NumberFormatException e) {
            throw ApiProblem.badRequest("If-Match", "If-Match must be an ETag of this API, e.g. \"3\"");
        }
    }
}
