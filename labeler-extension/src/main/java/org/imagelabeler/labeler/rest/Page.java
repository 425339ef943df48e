package org.imagelabeler.labeler.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.imagelabeler.platform.rest.ApiProblem;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * One page of a list: the items, where the page is, the total count, and the link to the next
 * page (absent on the last one).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Page<T>(List<T> items, int page, int size, long total, String next) {

    public static final int MAX_SIZE = 500;

    /** Checks {@code page} (from 0) and {@code size} (1 to {@link #MAX_SIZE}). */
    public static void check(int page, int size) {
        if (page < 0) {
            throw ApiProblem.badRequest("page", "page starts at 0");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw ApiProblem.badRequest("size", "size must be between 1 and " + MAX_SIZE);
        }
    }

    /** The page, with a {@code next} link built from the current request's URL. */
    public static <T> Page<T> of(List<T> items, int page, int size, long total) {
        String next = (long) (page + 1) * size < total
                ? ServletUriComponentsBuilder.fromCurrentRequest()
                        .replaceQueryParam("page", page + 1)
                        .replaceQueryParam("size", size)
                        .toUriString()
                : null;
        return new Page<>(items, page, size, total, next);
    }
}
