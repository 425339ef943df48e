package org.imagelabeler.platform.security;

import java.util.stream.Collectors;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/** The {@link Subject} of the request being served, from Spring Security's context. */
public final class CurrentSubject {

    private CurrentSubject() {}

    public static Subject get() {
        return of(SecurityContextHolder.getContext().getAuthentication());
    }

    public static Subject of(Authentication auth) {
        if (auth == null || !auth.isAuthenticated() || auth instanceof AnonymousAuthenticationToken) {
            return Subject.ANONYMOUS;
        }
        return new Subject(
                auth.getName(),
                auth.getAuthorities().stream()
                        .map(GrantedAuthority::getAuthority)
                        .filter(a -> a.startsWith("ROLE_"))
                        .collect(Collectors.toSet()));
    }
}
