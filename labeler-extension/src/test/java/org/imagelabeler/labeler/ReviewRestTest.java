package org.imagelabeler.labeler;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.util.UUID;
import org.imagelabeler.platform.raster.Gdal;
import org.imagelabeler.platform.testing.RestClient;
import org.imagelabeler.platform.testing.RestClient.Auth;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Review: a reviewer accepts or rejects a labeled image with a comment; a rejected image goes
 * back to its labeler; the image's history tells who did what.
 */
class ReviewRestTest extends LabelerServerTestBase {

    private static final String EVENTS = "/rest/labeler/events";

    @TempDir
    Path files;

    @Test
    void rejectedImagesGoBackToTheirLabelerAndTheHistoryTellsWhoDidWhat() throws Exception {
        Auth owner = user("rev-owner");
        Auth labeler = user("rev-labeler");
        Auth reviewer = user("rev-reviewer");
        String slug = "rev-" + UUID.randomUUID().toString().substring(0, 8);
        client.post(EVENTS, "{\"slug\":\"" + slug + "\",\"title\":\"Review\"}", owner);
        client.put(EVENTS + "/" + slug + "/members/rev-labeler", "{\"role\":\"labeler\"}", owner);
        client.put(EVENTS + "/" + slug + "/members/rev-reviewer", "{\"role\":\"reviewer\"}", owner);
        var upload = client.send(client.request(EVENTS + "/" + slug + "/images?name=p.png", owner)
                .POST(HttpRequest.BodyPublishers.ofFile(Gdal.picture(files))));
        String image =
                EVENTS + "/" + slug + "/images/" + upload.json().path("id").asText();

        // an unlabeled image is not reviewed
        assertThat(review(image, "accept", "too early", reviewer).status()).isEqualTo(409);
        assertThat(patch(image, "{\"status\":\"labeled\"}", labeler).status()).isEqualTo(200);
        assertThat(review(image, "accept", "mine", labeler).status()).isEqualTo(403);
        assertThat(review(image, "maybe", "", reviewer).json().path("field").asText())
                .isEqualTo("decision");

        var rejected = review(image, "reject", "the plume edge is missed", reviewer);
        assertThat(rejected.status()).as(rejected.body()).isEqualTo(200);
        assertThat(rejected.json().path("status").asText()).isEqualTo("rejected");
        assertThat(rejected.json().path("assignee").asText()).isEqualTo("rev-labeler");
        // the labeler works on it again, then it is accepted
        assertThat(patch(image, "{\"status\":\"in_progress\"}", labeler).status())
                .isEqualTo(200);
        assertThat(patch(image, "{\"status\":\"labeled\"}", labeler).status()).isEqualTo(200);
        assertThat(review(image, "accept", "good now", reviewer)
                        .json()
                        .path("status")
                        .asText())
                .isEqualTo("accepted");

        JsonNode history = client.get(image + "/history", owner).json();
        assertThat(history.findValuesAsText("action"))
                .containsExactly("add", "update", "reject", "update", "update", "accept");
        assertThat(history.findValuesAsText("actor"))
                .containsExactly(
                        "rev-owner", "rev-labeler", "rev-reviewer", "rev-labeler", "rev-labeler", "rev-reviewer");
        assertThat(history.get(2).path("after").asText()).contains("the plume edge is missed");
        assertThat(client.get(image + "/history", user("rev-outsider")).status())
                .isEqualTo(404);
    }

    private RestClient.Response review(String image, String decision, String comment, Auth who) {
        return client.post(
                image + "/review", "{\"decision\":\"" + decision + "\",\"comment\":\"" + comment + "\"}", who);
    }

    private RestClient.Response patch(String image, String json, Auth who) {
        return client.send(client.request(image, who)
                .header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(json)));
    }
}
