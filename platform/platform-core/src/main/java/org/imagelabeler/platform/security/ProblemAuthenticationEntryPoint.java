package org.imagelabeler.platform.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * Answers requests without valid credentials with 401, the challenges a client can answer
 * ({@code Basic} and {@code Bearer}; no {@code Basic} for scripts that say
 * {@code X-Requested-With: XMLHttpRequest}), and an {@code application/problem+json} body; and
 * requests with insufficient rights with 403.
 */
public class ProblemAuthenticationEntryPoint implements AuthenticationEntryPoint, AccessDeniedHandler {

    /** Request attribute set when a bearer token was presented but is not valid. */
    static final String INVALID_TOKEN = ProblemAuthenticationEntryPoint.class.getName() + ".invalidToken";

    public static final String REALM = "ImageLabeler";

    private final ObjectMapper json = new ObjectMapper();

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        boolean badToken = request.getAttribute(INVALID_TOKEN) != null;
        // a script in a page (X-Requested-With) handles the 401 itself: a Basic challenge would
        // make the browser show its own login box over the app's sign-in screen
        if (!"XMLHttpRequest".equals(request.getHeader("X-Requested-With"))) {
            response.addHeader("WWW-Authenticate", "Basic realm=\"" + REALM + "\"");
        }
        response.addHeader(
                "WWW-Authenticate",
                badToken
                        ? "Bearer realm=\"" + REALM + "\", error=\"invalid_token\""
                        : "Bearer realm=\"" + REALM + "\"");
        String detail = badToken
                ? "The bearer token is unknown, revoked or expired."
                : request.getHeader("Authorization") != null
                        ? "The credentials were not accepted."
                        : "Authentication is required: HTTP Basic or an API token (Authorization: Bearer ...).";
        write(response, HttpServletResponse.SC_UNAUTHORIZED, "Unauthorized", detail, request);
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        write(response, HttpServletResponse.SC_FORBIDDEN, "Forbidden", e.getMessage(), request);
    }

    private void write(
            HttpServletResponse response, int status, String title, String detail, HttpServletRequest request)
            throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
        body.put("instance", request.getRequestURI());
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), body);
    }
}
