package org.imagelabeler.platform.security;

import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * User administration with its rules: valid names, passwords of at least
 * {@value #MIN_PASSWORD_LENGTH} characters, and always at least one enabled administrator.
 */
public class UserAccounts {

    public static final int MIN_PASSWORD_LENGTH = 8;
    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.@-]{0,63}");
    private static final Pattern ROLE = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,63}");

    private final UserRepository users;
    private final PasswordEncoder encoder;
    private final CachingPasswordAuthenticationProvider passwordCache;

    public UserAccounts(
            UserRepository users, PasswordEncoder encoder, CachingPasswordAuthenticationProvider passwordCache) {
        this.users = users;
        this.encoder = encoder;
        this.passwordCache = passwordCache;
    }

    /** A refused change; {@code field} names the property at fault. */
    public static final class InvalidUserException extends RuntimeException {
        private final String field;

        InvalidUserException(String field, String message) {
            super(message);
            this.field = field;
        }

        public String field() {
            return field;
        }
    }

    public Optional<UserAccount> find(String username) {
        return users.findByUsername(username);
    }

    public List<UserAccount> list() {
        return users.findAll();
    }

    public UserAccount create(String username, String password, boolean enabled, Set<String> roles) {
        if (username == null || !USERNAME.matcher(username).matches()) {
            throw new InvalidUserException("username", "a user name is 1 to 64 letters, digits, '_', '.', '@' or '-'");
        }
        checkPassword(password);
        checkRoles(roles);
        try {
            return users.create(username, encoder.encode(password), enabled, roles);
        } catch (DuplicateKeyException e) {
            throw new DuplicateUserException(username);
        }
    }

    public static final class DuplicateUserException extends RuntimeException {
        DuplicateUserException(String username) {
            super("user '" + username + "' already exists");
        }
    }

    public void changePassword(UserAccount user, String password) {
        checkPassword(password);
        users.updatePassword(user.id(), encoder.encode(password));
        passwordCache.invalidate(user.username());
    }

    public void changeRoles(UserAccount user, Set<String> roles) {
        checkRoles(roles);
        if (user.roles().contains(Subject.ADMIN_ROLE)
                && roles.stream().map(Subject::normaliseRole).noneMatch(Subject.ADMIN_ROLE::equals)) {
            requireAnotherAdmin(user);
        }
        users.replaceRoles(user.id(), roles);
        passwordCache.invalidate(user.username());
    }

    public void changeEnabled(UserAccount user, boolean enabled) {
        if (!enabled) {
            requireAnotherAdmin(user);
        }
        users.updateEnabled(user.id(), enabled);
        passwordCache.invalidate(user.username());
    }

    public void delete(UserAccount user) {
        requireAnotherAdmin(user);
        users.delete(user.id());
        passwordCache.invalidate(user.username());
    }

    /** Generates a password that a person can type: 20 characters from an unambiguous alphabet. */
    public static String generatePassword() {
        String alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        SecureRandom random = new SecureRandom();
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            out.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return out.toString();
    }

    private void requireAnotherAdmin(UserAccount user) {
        if (!user.roles().contains(Subject.ADMIN_ROLE) || !user.enabled()) {
            return;
        }
        long otherAdmins = users.findAll().stream()
                .filter(u -> u.id() != user.id() && u.enabled() && u.roles().contains(Subject.ADMIN_ROLE))
                .count();
        if (otherAdmins == 0) {
            throw new InvalidUserException("roles", "'" + user.username() + "' is the last enabled administrator");
        }
    }

    private static void checkPassword(String password) {
        if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
            throw new InvalidUserException(
                    "password", "a password has at least " + MIN_PASSWORD_LENGTH + " characters");
        }
    }

    private static void checkRoles(Set<String> roles) {
        if (roles == null) {
            throw new InvalidUserException("roles", "roles are required (may be empty)");
        }
        for (String role : roles) {
            if (role == null || !ROLE.matcher(Subject.normaliseRole(role)).matches()) {
                throw new InvalidUserException("roles", "invalid role name '" + role + "'");
            }
        }
    }
}
