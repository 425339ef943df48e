package org.imagelabeler.platform.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;

/**
 * Issues, checks and revokes API tokens. A token is 32 random bytes, shown once at creation;
 * only its SHA-256 is stored (a slow password hash buys nothing for a secret of that entropy, and
 * would cost every request).
 */
public class ApiTokens {

    /** Every token starts with this, so that leaked tokens are easy to recognise and scan for. */
    public static final String PREFIX = "lbl_";

    private static final Duration TOUCH_INTERVAL = Duration.ofMinutes(1);

    private final ApiTokenRepository tokens;
    private final UserRepository users;
    private final SecureRandom random = new SecureRandom();

    public ApiTokens(ApiTokenRepository tokens, UserRepository users) {
        this.tokens = tokens;
        this.users = users;
    }

    /** A new token and its secret, which is not stored and cannot be shown again. */
    public record IssuedToken(ApiToken token, String secret) {}

    public static final int MAX_NAME_LENGTH = 100;
    public static final int MAX_VALIDITY_DAYS = 3650;

    /** A refused token request; {@code field} names the property at fault. */
    public static final class InvalidTokenException extends RuntimeException {
        private final String field;

        InvalidTokenException(String field, String message) {
            super(message);
            this.field = field;
        }

        public String field() {
            return field;
        }
    }

    /**
     * Issues a token as a user asks for one (REST or admin page): a name to recognise it by, and
     * optionally a validity in days (null: it does not expire).
     */
    public IssuedToken request(UserAccount user, String name, Integer expiresInDays) {
        if (name == null || name.isBlank() || name.length() > MAX_NAME_LENGTH) {
            throw new InvalidTokenException(
                    "name", "a token needs a name of 1 to " + MAX_NAME_LENGTH + " characters, to recognise it later");
        }
        if (expiresInDays != null && (expiresInDays < 1 || expiresInDays > MAX_VALIDITY_DAYS)) {
            throw new InvalidTokenException(
                    "expiresInDays", "expiresInDays must be between 1 and " + MAX_VALIDITY_DAYS);
        }
        return issue(user, name.trim(), expiresInDays == null ? null : Duration.ofDays(expiresInDays));
    }

    public IssuedToken issue(UserAccount user, String name, Duration validity) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = Instant.now();
        ApiToken token = new ApiToken(
                UUID.randomUUID().toString(),
                user.id(),
                user.username(),
                name,
                secret.substring(0, PREFIX.length() + 6),
                now,
                validity == null ? null : now.plus(validity),
                null,
                null);
        tokens.insert(token, hash(secret));
        return new IssuedToken(token, secret);
    }

    /** The enabled user a secret belongs to, if the token exists, is not revoked and not expired. */
    public Optional<UserAccount> authenticate(String secret) {
        if (secret == null || !secret.startsWith(PREFIX)) {
            return Optional.empty();
        }
        Instant now = Instant.now();
        return tokens.findByHash(hash(secret))
                .filter(t -> t.isActive(now))
                .flatMap(t -> {
                    if (t.lastUsed() == null || t.lastUsed().isBefore(now.minus(TOUCH_INTERVAL))) {
                        tokens.touch(t.id(), now);
                    }
                    return users.findByUsername(t.username());
                })
                .filter(UserAccount::enabled);
    }

    static String hash(String secret) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
