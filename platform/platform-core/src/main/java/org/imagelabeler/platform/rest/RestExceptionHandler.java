package org.imagelabeler.platform.rest;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.stream.Collectors;
import org.imagelabeler.platform.catalog.CatalogException;
import org.imagelabeler.platform.jobs.JobService;
import org.imagelabeler.platform.security.UserAccounts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Turns every refusal of a REST controller into {@code application/problem+json}. */
@RestControllerAdvice
@org.springframework.core.annotation.Order(org.springframework.core.Ordered.HIGHEST_PRECEDENCE)
public class RestExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(RestExceptionHandler.class);

    @ExceptionHandler(ApiProblem.class)
    ResponseEntity<ProblemDetail> apiProblem(ApiProblem e, HttpServletRequest request) {
        ResponseEntity<ProblemDetail> answer = problem(e.status(), e.getMessage(), e.field(), request);
        e.properties().forEach(answer.getBody()::setProperty);
        return answer;
    }

    @ExceptionHandler(CatalogException.class)
    ResponseEntity<ProblemDetail> catalog(CatalogException e, HttpServletRequest request) {
        HttpStatus status;
        if (e instanceof CatalogException.NotFound) {
            status = HttpStatus.NOT_FOUND;
        } else if (e instanceof CatalogException.DuplicateName || e instanceof CatalogException.Conflict) {
            status = HttpStatus.CONFLICT;
        } else {
            status = HttpStatus.BAD_REQUEST;
        }
        return problem(status, e.getMessage(), e.field(), request);
    }

    @ExceptionHandler(UserAccounts.InvalidUserException.class)
    ResponseEntity<ProblemDetail> invalidUser(UserAccounts.InvalidUserException e, HttpServletRequest request) {
        return problem(HttpStatus.BAD_REQUEST, e.getMessage(), e.field(), request);
    }

    @ExceptionHandler(UserAccounts.DuplicateUserException.class)
    ResponseEntity<ProblemDetail> duplicateUser(UserAccounts.DuplicateUserException e, HttpServletRequest request) {
        return problem(HttpStatus.CONFLICT, e.getMessage(), "username", request);
    }

    @ExceptionHandler(JobService.QueueFullException.class)
    ResponseEntity<ProblemDetail> queueFull(JobService.QueueFullException e, HttpServletRequest request) {
        return problem(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage(), null, request);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e, HttpServletRequest request) {
        String field = null;
        String detail = "the request body is not valid JSON";
        if (e.getCause() instanceof JsonMappingException jme && !jme.getPath().isEmpty()) {
            field = jme.getPath().stream()
                    .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining("."));
            detail = jme instanceof MismatchedInputException
                    ? "'" + field + "' has the wrong type"
                    : "'" + field + "' is invalid: " + jme.getOriginalMessage();
        } else if (e.getCause() instanceof com.fasterxml.jackson.core.JsonProcessingException jpe) {
            detail = "the request body is not valid JSON: " + jpe.getOriginalMessage();
        } else if (e.getMessage() != null && e.getMessage().startsWith("Required request body is missing")) {
            detail = "a JSON request body is required";
        }
        return problem(HttpStatus.BAD_REQUEST, detail, field, request);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e, HttpServletRequest request) throws Exception {
        if (e instanceof org.springframework.security.access.AccessDeniedException
                || e instanceof org.springframework.security.core.AuthenticationException) {
            throw e; // Spring Security's handlers answer these
        }
        if (e instanceof ErrorResponse er) { // Spring MVC's own: 405, 415, missing parameter...
            ProblemDetail body = er.getBody();
            body.setInstance(URI.create(request.getRequestURI()));
            return ResponseEntity.status(er.getStatusCode())
                    .headers(er.getHeaders())
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(body);
        }
        if (e instanceof org.springframework.web.method.annotation.MethodArgumentTypeMismatchException mismatch) {
            return problem(
                    HttpStatus.BAD_REQUEST,
                    "'" + mismatch.getName() + "' has the wrong type",
                    mismatch.getName(),
                    request);
        }
        LOG.error("Unexpected error on {} {}", request.getMethod(), request.getRequestURI(), e);
        return problem(
                HttpStatus.INTERNAL_SERVER_ERROR,
                "internal error: " + e.getClass().getSimpleName(),
                null,
                request);
    }

    public static ResponseEntity<ProblemDetail> problem(
            HttpStatusCode status, String detail, String field, HttpServletRequest request) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
        body.setInstance(URI.create(request.getRequestURI()));
        if (field != null) {
            body.setProperty("field", field);
        }
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(body);
    }
}
