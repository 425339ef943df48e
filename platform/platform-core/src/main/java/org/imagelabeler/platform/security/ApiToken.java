package org.imagelabeler.platform.security;

import java.time.Instant;

/** An API token as listed: never the secret, only its first characters to recognise it. */
public record ApiToken(
        String id,
        long userId,
        String username,
        String name,
        String prefix,
        Instant created,
        Instant expires,
        Instant lastUsed,
        Instant revoked) {

    public boolean isActive(Instant now) {
        return revoked == null && (expires == null || expires.isAfter(now));
    }
}
