package org.imagelabeler.platform.security;

import java.time.Instant;
import java.util.Set;

/** A user as stored: the password only as a hash, roles without the "ROLE_" prefix. */
public record UserAccount(
        long id,
        String username,
        String passwordHash,
        boolean enabled,
        Set<String> roles,
        Instant created,
        Instant passwordChanged) {

    public UserAccount {
        roles = roles == null ? Set.of() : Set.copyOf(roles);
    }

    public Subject subject() {
        return new Subject(username, roles);
    }
}
