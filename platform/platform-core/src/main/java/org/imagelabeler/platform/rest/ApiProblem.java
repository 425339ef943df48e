package org.imagelabeler.platform.rest;

import org.springframework.http.HttpStatus;

/**
 * A refused REST request, answered as {@code application/problem+json} with its status, a
 * detail a person can act on and, for invalid input, the field at fault.
 */
public class ApiProblem extends RuntimeException {

    private final HttpStatus status;
    private final String field;
    private final java.util.Map<String, Object> properties = new java.util.LinkedHashMap<>();

    public ApiProblem(HttpStatus status, String field, String detail) {
        super(detail);
        this.status = status;
        this.field = field;
    }

    public static ApiProblem notFound(String detail) {
        return new ApiProblem(HttpStatus.NOT_FOUND, null, detail);
    }

    public static ApiProblem badRequest(String field, String detail) {
        return new ApiProblem(HttpStatus.BAD_REQUEST, field, detail);
    }

    public static ApiProblem conflict(String detail) {
        return new ApiProblem(HttpStatus.CONFLICT, null, detail);
    }

    public static ApiProblem forbidden(String detail) {
        return new ApiProblem(HttpStatus.FORBIDDEN, null, detail);
    }

    /** Adds a member to the problem document (a machine-readable kind of problem...). */
    public ApiProblem with(String name, Object value) {
        properties.put(name, value);
        return this;
    }

    public java.util.Map<String, Object> properties() {
        return java.util.Collections.unmodifiableMap(properties);
    }

    public HttpStatus status() {
        return status;
    }

    public String field() {
        return field;
    }
}
