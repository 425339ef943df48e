package org.imagelabeler.platform.security.rest;

import java.util.Map;
import java.util.NoSuchElementException;
import org.imagelabeler.platform.rest.ApiProblem;
import org.imagelabeler.platform.security.CurrentSubject;
import org.imagelabeler.platform.security.LayerAccessRules;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /rest/security/acl/layers}: the data-dir layer rules, with GeoServer's REST shape
 * ({@code {"ws.layer.r": "ROLE_A,ROLE_B"}}). Administrators only.
 */
@RestController
@RequestMapping(path = "/rest/security/acl/layers", produces = MediaType.APPLICATION_JSON_VALUE)
public class LayerRulesController {

    private final LayerAccessRules rules;

    public LayerRulesController(LayerAccessRules rules) {
        this.rules = rules;
    }

    @GetMapping
    public Map<String, String> list() {
        requireAdmin();
        return rules.asMap();
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    public Map<String, String> add(@RequestBody Map<String, String> added) {
        requireAdmin();
        try {
            rules.add(added);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.badRequest("rule", e.getMessage());
        } catch (IllegalStateException e) {
            throw ApiProblem.conflict(e.getMessage());
        }
        return rules.asMap();
    }

    @PutMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    public Map<String, String> update(@RequestBody Map<String, String> changed) {
        requireAdmin();
        try {
            rules.update(changed);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.badRequest("rule", e.getMessage());
        } catch (NoSuchElementException e) {
            throw ApiProblem.notFound(e.getMessage());
        }
        return rules.asMap();
    }

    @DeleteMapping("/{rule:.+}")
    public Map<String, String> delete(@PathVariable String rule) {
        requireAdmin();
        try {
            rules.remove(rule);
        } catch (NoSuchElementException e) {
            throw ApiProblem.notFound(e.getMessage());
        }
        return rules.asMap();
    }

    private static void requireAdmin() {
        if (!CurrentSubject.get().isAdmin()) {
            throw ApiProblem.forbidden("only administrators manage access rules");
        }
    }
}
