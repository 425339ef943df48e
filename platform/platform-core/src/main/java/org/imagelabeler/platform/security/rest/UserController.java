package org.imagelabeler.platform.security.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.imagelabeler.platform.rest.ApiProblem;
import org.imagelabeler.platform.security.CurrentSubject;
import org.imagelabeler.platform.security.Subject;
import org.imagelabeler.platform.security.UserAccount;
import org.imagelabeler.platform.security.UserAccounts;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * {@code /rest/security/users}: administrators manage users; everybody reads and changes their
 * own account at {@code /rest/security/self} (password only). Passwords are never returned.
 */
@RestController
@RequestMapping(path = "/rest/security", produces = MediaType.APPLICATION_JSON_VALUE)
public class UserController {

    private final UserAccounts accounts;

    public UserController(UserAccounts accounts) {
        this.accounts = accounts;
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record UserJson(String username, String password, Boolean enabled, Set<String> roles, Instant created) {}

    public record UserBody(UserJson user) {}

    @GetMapping("/users")
    public Map<String, List<UserJson>> list() {
        requireAdmin();
        return Map.of(
                "users", accounts.list().stream().map(UserController::json).toList());
    }

    @GetMapping("/users/{username}")
    public UserBody get(@PathVariable String username) {
        requireAdmin();
        return new UserBody(json(existing(username)));
    }

    @PostMapping(path = "/users", consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<UserBody> create(@RequestBody UserBody body) {
        requireAdmin();
        UserJson in = require(body);
        UserAccount created = accounts.create(
                in.username(),
                in.password(),
                in.enabled() == null || in.enabled(),
                in.roles() == null ? Set.of() : in.roles());
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentRequestUri()
                        .path("/{username}")
                        .buildAndExpand(created.username())
                        .toUri())
                .body(new UserBody(json(created)));
    }

    @PutMapping(path = "/users/{username}", consumes = MediaType.APPLICATION_JSON_VALUE)
    public UserBody update(@PathVariable String username, @RequestBody UserBody body) {
        requireAdmin();
        UserAccount user = existing(username);
        UserJson in = require(body);
        if (in.username() != null && !in.username().equals(username)) {
            throw ApiProblem.badRequest("user.username", "renaming a user is not supported");
        }
        if (in.password() != null) {
            accounts.changePassword(user, in.password());
        }
        if (in.roles() != null) {
            accounts.changeRoles(user, in.roles());
        }
        if (in.enabled() != null && in.enabled() != user.enabled()) {
            accounts.changeEnabled(user, in.enabled());
        }
        return new UserBody(json(existing(username)));
    }

    @DeleteMapping("/users/{username}")
    public void delete(@PathVariable String username) {
        requireAdmin();
        accounts.delete(existing(username));
    }

    @GetMapping("/self")
    public UserBody self() {
        return new UserBody(json(existing(CurrentSubject.get().username())));
    }

    @PutMapping(path = "/self", consumes = MediaType.APPLICATION_JSON_VALUE)
    public UserBody updateSelf(@RequestBody UserBody body) {
        UserAccount user = existing(CurrentSubject.get().username());
        UserJson in = require(body);
        if (in.roles() != null || in.enabled() != null) {
            throw ApiProblem.forbidden("only administrators change roles or enable users");
        }
        if (in.password() != null) {
            accounts.changePassword(user, in.password());
        }
        return new UserBody(json(existing(user.username())));
    }

    private UserAccount existing(String username) {
        return accounts.find(username).orElseThrow(() -> ApiProblem.notFound("no user '" + username + "'"));
    }

    private static void requireAdmin() {
        Subject s = CurrentSubject.get();
        if (!s.isAdmin()) {
            throw ApiProblem.forbidden("only administrators manage users");
        }
    }

    private static UserJson require(UserBody body) {
        if (body == null || body.user() == null) {
            throw ApiProblem.badRequest("user", "expected a body of the form {\"user\": {...}}");
        }
        return body.user();
    }

    private static UserJson json(UserAccount u) {
        return new UserJson(u.username(), null, u.enabled(), new TreeSet<>(u.roles()), u.created());
    }
}
