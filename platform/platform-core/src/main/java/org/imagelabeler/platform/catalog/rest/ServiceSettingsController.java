package org.imagelabeler.platform.catalog.rest;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.imagelabeler.platform.catalog.Catalog;
import org.imagelabeler.platform.catalog.ServiceSettings;
import org.imagelabeler.platform.rest.ApiProblem;
import org.imagelabeler.platform.security.CurrentSubject;
import org.imagelabeler.platform.security.SecuredCatalog;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /rest/services/{wms|wmts|wfs}/settings}, GeoServer's path: what each OGC service's
 * capabilities say about it, and whether it is on. Everybody signed in reads; administrators
 * change. Saved in the data dir as {@code settings/services/{service}.json}.
 */
@RestController
@RequestMapping(path = "/rest/services/{service}/settings", produces = MediaType.APPLICATION_JSON_VALUE)
public class ServiceSettingsController {

    public static final Set<String> SERVICES = Set.of("wms", "wmts", "wfs");

    private final SecuredCatalog secured;
    private final Catalog catalog;

    public ServiceSettingsController(SecuredCatalog secured) {
        this.secured = secured;
        this.catalog = secured.unsecured();
    }

    public record SettingsJson(
            Boolean enabled,
            String title,
            @JsonProperty("abstract") String abstractText,
            List<String> keywords,
            String fees,
            String accessConstraints,
            Map<String, String> options) {}

    public record SettingsBody(SettingsJson settings) {}

    @GetMapping
    public SettingsBody get(@PathVariable String service) {
        return new SettingsBody(json(catalog.serviceSettings(known(service))));
    }

    @PutMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    public SettingsBody update(@PathVariable String service, @RequestBody SettingsBody body) {
        String id = known(service);
        if (!secured.canAdministerCatalog(CurrentSubject.get())) {
            throw ApiProblem.forbidden("only administrators change service settings");
        }
        if (body == null || body.settings() == null) {
            throw ApiProblem.badRequest("settings", "expected a body of the form {\"settings\": {...}}");
        }
        SettingsJson in = body.settings();
        ServiceSettings old = catalog.serviceSettings(id);
        ServiceSettings changed = new ServiceSettings(
                id,
                in.enabled() != null ? in.enabled() : old.enabled(),
                in.title() != null ? in.title() : old.title(),
                in.abstractText() != null ? in.abstractText() : old.abstractText(),
                in.keywords() != null ? in.keywords() : old.keywords(),
                in.fees() != null ? in.fees() : old.fees(),
                in.accessConstraints() != null ? in.accessConstraints() : old.accessConstraints(),
                in.options() != null ? in.options() : old.options());
        return new SettingsBody(json(catalog.save(changed)));
    }

    private static String known(String service) {
        if (!SERVICES.contains(service)) {
            throw ApiProblem.notFound("no service '" + service + "': expected one of " + SERVICES);
        }
        return service;
    }

    private static SettingsJson json(ServiceSettings s) {
        return new SettingsJson(
                s.enabled(), s.title(), s.abstractText(), s.keywords(), s.fees(), s.accessConstraints(), s.options());
    }
}
