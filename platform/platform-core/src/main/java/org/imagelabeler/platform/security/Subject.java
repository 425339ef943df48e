package org.imagelabeler.platform.security;

import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** Who is asking: a user name (null when anonymous) and role names without Spring's "ROLE_" prefix. */
public record Subject(String username, Set<String> roles) implements java.io.Serializable {

    /** The role that may do everything, everywhere. */
    public static final String ADMIN_ROLE = "ADMIN";

    public static final Subject ANONYMOUS = new Subject(null, Set.of());

    public Subject {
        roles = roles == null
                ? Set.of()
                : roles.stream().map(Subject::normaliseRole).collect(Collectors.toUnmodifiableSet());
    }

    public boolean isAnonymous() {
        return username == null;
    }

    public boolean isAdmin() {
        return roles.contains(ADMIN_ROLE);
    }

    public boolean hasRole(String role) {
        return roles.contains(normaliseRole(role));
    }

    /** Role names compare without case and without Spring's "ROLE_" prefix. */
    public static String normaliseRole(String role) {
        String upper = role.trim().toUpperCase(Locale.ROOT);
        return upper.startsWith("ROLE_") ? upper.substring("ROLE_".length()) : upper;
    }
}
