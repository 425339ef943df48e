package org.imagelabeler.labeler;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.Hidden;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.imagelabeler.platform.raster.Gdal;
import org.imagelabeler.platform.testing.RestClient.Auth;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The labeling API's OpenAPI 3 document at {@code /rest/labeler/openapi.json}: valid against the
 * official OpenAPI 3.1 JSON Schema (checked by python3-jsonschema), describing every endpoint the
 * plugin serves, readable without signing in, and offered by Swagger UI.
 */
class OpenApiTest extends LabelerServerTestBase {

    @Autowired
    RequestMappingHandlerMapping mappings;

    @TempDir
    Path files;

    @Test
    void openApiDocumentIsValidAgainstTheOpenApi31Schema() throws Exception {
        var r = client.get("/rest/labeler/openapi.json", Auth.none());
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.contentType()).startsWith("application/json");
        assertThat(r.json().path("openapi").asText()).startsWith("3.1");
        assertThat(r.json().path("info").path("title").asText()).isEqualTo("ImageLabeler labeling API");

        Path document = Files.write(files.resolve("openapi.json"), r.bytes());
        Path schema = files.resolve("oas-3.1-schema.json");
        try (InputStream in = getClass().getResourceAsStream("/openapi/oas-3.1-schema.json")) {
            Files.copy(in, schema);
        }
        String script = String.join(
                "\n",
                "import json, sys",
                "from jsonschema import Draft202012Validator",
                "schema = json.load(open(sys.argv[1]))",
                "errors = list(Draft202012Validator(schema).iter_errors(json.load(open(sys.argv[2]))))",
                "for e in errors: print('invalid:', list(e.absolute_path), e.message)",
                "print('errors', len(errors))");
        Path py = Files.writeString(files.resolve("validate.py"), script);
        String out = Gdal.run("/usr/bin/python3", py.toString(), schema.toString(), document.toString());
        assertThat(out).contains("errors 0");
    }

    @Test
    void everyLabelerEndpointIsDescribed() {
        JsonNode paths =
                client.get("/rest/labeler/openapi.json", Auth.none()).json().path("paths");
        List<String> served = new ArrayList<>();
        mappings.getHandlerMethods().forEach((RequestMappingInfo info, HandlerMethod method) -> {
            if (method.getBeanType().getPackageName().startsWith("org.imagelabeler.labeler")
                    && !method.getBeanType().isAnnotationPresent(Hidden.class)) {
                for (String pattern : info.getPatternValues()) {
                    // springdoc names a path variable without its regular expression
                    String path = pattern.replaceAll("\\{(\\w+):[^}]*}", "{$1}");
                    info.getMethodsCondition()
                            .getMethods()
                            .forEach(m -> served.add(m.name().toLowerCase() + " " + path));
                }
            }
        });
        assertThat(served).hasSizeGreaterThan(20);
        List<String> described = new ArrayList<>();
        paths.fields()
                .forEachRemaining(
                        p -> p.getValue().fieldNames().forEachRemaining(m -> described.add(m + " " + p.getKey())));
        assertThat(described).containsAll(served);
        assertThat(described).allMatch(d -> d.contains(" /rest/labeler/"));

        JsonNode list = paths.path("/rest/labeler/events/{slug}/images").path("get");
        List<String> parameters = new ArrayList<>();
        list.path("parameters").forEach(p -> parameters.add(p.path("name").asText()));
        assertThat(parameters).contains("page", "size", "status", "assignee", "tag", "class", "time", "bbox");
        JsonNode upload = paths.path("/rest/labeler/events/{slug}/images").path("post");
        assertThat(upload.path("requestBody").path("content").has("image/tiff")).isTrue();
        assertThat(upload.path("responses").has("201")).isTrue();
        assertThat(paths.path("/rest/labeler/events/{slug}/extractions")
                        .path("post")
                        .path("responses")
                        .has("202"))
                .isTrue();
    }

    @Test
    void swaggerUiOffersTheLabelingApi() {
        var page = client.get("/swagger-ui/index.html", Auth.none());
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.body()).contains("swagger-ui");
        var config = client.get("/v3/api-docs/swagger-config", Auth.none());
        assertThat(config.status()).isEqualTo(200);
        List<String> urls = new ArrayList<>();
        config.json().path("urls").forEach(u -> urls.add(u.path("url").asText()));
        assertThat(urls).contains("/v3/api-docs/labeler");
        var group = client.get("/v3/api-docs/labeler", Auth.none());
        assertThat(group.json().path("paths"))
                .isEqualTo(client.get("/rest/labeler/openapi.json", Auth.none())
                        .json()
                        .path("paths"));
    }
}
