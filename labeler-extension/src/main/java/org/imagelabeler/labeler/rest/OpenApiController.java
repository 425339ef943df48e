package org.imagelabeler.labeler.rest;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springdoc.core.models.GroupedOpenApi;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The labeling API's OpenAPI 3 document at {@code /rest/labeler/openapi.json}: springdoc's
 * {@value #GROUP} group, which the platform generates from the controllers under
 * {@code /rest/labeler}. Swagger UI shows it at {@code /swagger-ui/index.html?urls.primaryName=labeler}.
 */
@RestController
@Hidden
public class OpenApiController {

    public static final String GROUP = "labeler";

    private final String apiDocsPath;

    public OpenApiController(@Value("${springdoc.api-docs.path:/v3/api-docs}") String apiDocsPath) {
        this.apiDocsPath = apiDocsPath;
    }

    public static GroupedOpenApi group() {
        return GroupedOpenApi.builder()
                .group(GROUP)
                .displayName("Labeling API (events, teams, images, annotations, review)")
                .pathsToMatch("/rest/labeler/**")
                .addOpenApiCustomizer(api -> api.info(new io.swagger.v3.oas.models.info.Info()
                        .version("1")
                        .title("ImageLabeler labeling API")
                        .description("Earth Science Events, their teams, images (uploads and chips extracted"
                                + " from map layers), annotations, review and audit log. Lists paginate"
                                + " with page and size and answer the total and a next link; changes"
                                + " carry If-Match versions and answer 412 with the current version on"
                                + " a mismatch.")))
                .build();
    }

    @GetMapping("/rest/labeler/openapi.json")
    public void openApi(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        request.getRequestDispatcher(apiDocsPath + "/" + GROUP).forward(request, response);
    }
}
