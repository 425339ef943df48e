package org.imagelabeler.platform.security;

import java.util.List;

/**
 * REST paths a module opens to anonymous {@code GET}s, contributed as a bean: the module's own
 * access policy then decides what an anonymous caller sees there (the labeler's public events).
 * Every other {@code /rest} request needs a signed-in user.
 *
 * @param patterns Ant-style path patterns, {@code /rest/labeler/**}
 */
public record PublicReadPaths(List<String> patterns) {

    public PublicReadPaths {
        patterns = List.copyOf(patterns);
    }
}
