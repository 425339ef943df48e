package org.imagelabeler.labeler.web;

import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import org.imagelabeler.platform.security.CurrentSubject;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Who the browser's session belongs to, and the CSRF token its unsafe requests must carry. The
 * app asks here before any {@code /rest} call, so that a signed-out browser is shown the sign-in
 * screen instead of meeting a Basic challenge.
 */
@RestController
public class SessionController {

    /** {@code admin}: a server administrator, who may do everything in every event. */
    public record Session(String user, boolean admin, Csrf csrf) {}

    public record Csrf(String header, String parameter, String token) {}

    @GetMapping(path = "/labeler/session", produces = "application/json")
    public ResponseEntity<Session> session(HttpServletRequest request, Principal principal) {
        var token = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        Csrf csrf = token == null ? null : new Csrf(token.getHeaderName(), token.getParameterName(), token.getToken());
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noStore())
                .body(new Session(
                        principal == null ? null : principal.getName(),
                        principal != null && CurrentSubject.get().isAdmin(),
                        csrf));
    }
}
