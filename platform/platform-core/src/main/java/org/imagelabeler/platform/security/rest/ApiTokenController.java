package org.imagelabeler.platform.security.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.imagelabeler.platform.rest.ApiProblem;
import org.imagelabeler.platform.security.ApiToken;
import org.imagelabeler.platform.security.ApiTokenRepository;
import org.imagelabeler.platform.security.ApiTokens;
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
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * {@code /rest/security/tokens}: a user creates API tokens for themself (the secret is in the
 * creation response only), lists and revokes them. Administrators see and revoke everybody's.
 */
@RestController
@RequestMapping(path = "/rest/security/tokens", produces = MediaType.APPLICATION_JSON_VALUE)
public class ApiTokenController {

    private final ApiTokens tokens;
    private final ApiTokenRepository repository;
    private final UserAccounts accounts;

    public ApiTokenController(ApiTokens tokens, ApiTokenRepository repository, UserAccounts accounts) {
        this.tokens = tokens;
        this.repository = repository;
        this.accounts = accounts;
    }

    public record TokenRequest(String name, Integer expiresInDays) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record TokenJson(
            String id,
            String name,
            String username,
            String prefix,
            String token,
            Instant created,
            Instant expires,
            Instant lastUsed,
            Instant revoked,
            boolean active) {}

    @GetMapping
    public Map<String, List<TokenJson>> list(@RequestParam(defaultValue = "false") boolean all) {
        Subject s = CurrentSubject.get();
        List<ApiToken> found = all && s.isAdmin() ? repository.findAll() : repository.findByUser(self().id());
        return Map.of("tokens", found.stream().map(t -> json(t, null)).toList());
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<TokenJson> create(@RequestBody TokenRequest body) {
        ApiTokens.IssuedToken issued;
        try {
            issued = tokens.request(
                    self(), body == null ? null : body.name(), body == null ? null : body.expiresInDays());
        } catch (ApiTokens.InvalidTokenException e) {
            throw ApiProblem.badRequest(e.field(), e.getMessage());
        }
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentRequestUri()
                        .path("/{id}")
                        .buildAndExpand(issued.token().id())
                        .toUri())
                .body(json(issued.token(), issued.secret()));
    }

    @GetMapping("/{id}")
    public TokenJson get(@PathVariable String id) {
        return json(visible(id), null);
    }

    /** Revokes the token; it stays listed, marked revoked, for the audit trail. */
    @DeleteMapping("/{id}")
    public TokenJson revoke(@PathVariable String id) {
        ApiToken token = visible(id);
        repository.revoke(token.id(), Instant.now());
        return json(repository.findById(id).orElseThrow(), null);
    }

    private ApiToken visible(String id) {
        Subject s = CurrentSubject.get();
        return repository
                .findById(id)
                .filter(t -> s.isAdmin() || t.username().equals(s.username()))
                .orElseThrow(() -> ApiProblem.notFound("no token " + id));
    }

    private UserAccount self() {
        String name = CurrentSubject.get().username();
        return accounts.find(name).orElseThrow(() -> ApiProblem.notFound("no user '" + name + "'"));
    }

    private static TokenJson json(ApiToken t, String secret) {
        return new TokenJson(
                t.id(),
                t.name(),
                t.username(),
                t.prefix(),
                secret,
                t.created(),
                t.expires(),
                t.lastUsed(),
                t.revoked(),
                t.isActive(Instant.now()));
    }
}
