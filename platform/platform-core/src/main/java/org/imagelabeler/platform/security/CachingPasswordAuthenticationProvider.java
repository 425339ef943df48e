package org.imagelabeler.platform.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;

/**
 * Checks user name and password (HTTP Basic and the login form), remembering successful checks
 * for a few minutes. OGC clients send Basic credentials with every tile request; without the
 * cache each one would pay a deliberately slow bcrypt comparison. Entries are keyed by a hash of
 * the credentials and dropped when the user changes.
 */
public class CachingPasswordAuthenticationProvider implements AuthenticationProvider {

    private static final Duration TTL = Duration.ofMinutes(5);
    private static final int MAX_ENTRIES = 10_000;

    private final AuthenticationProvider delegate;
    private final Map<String, Entry> cache = new ConcurrentHashMap<>();

    private record Entry(String username, Authentication result, Instant expires) {}

    public CachingPasswordAuthenticationProvider(AuthenticationProvider delegate) {
        this.delegate = delegate;
    }

    @Override
    public Authentication authenticate(Authentication request) {
        String username = request.getName();
        Object credentials = request.getCredentials();
        String key = credentials == null ? null : key(username, credentials.toString());
        Instant now = Instant.now();
        if (key != null) {
            Entry hit = cache.get(key);
            if (hit != null && hit.expires().isAfter(now)) {
                return hit.result();
            }
        }
        Authentication result = delegate.authenticate(request);
        if (key != null && result != null && result.isAuthenticated()) {
            if (cache.size() >= MAX_ENTRIES) {
                cache.clear();
            }
            cache.put(key, new Entry(username, result, now.plus(TTL)));
        }
        return result;
    }

    /** Forgets every remembered check of this user (password, roles or status changed). */
    public void invalidate(String username) {
        cache.values().removeIf(e -> e.username().equals(username));
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    private static String key(String username, String password) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(username.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(password.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
