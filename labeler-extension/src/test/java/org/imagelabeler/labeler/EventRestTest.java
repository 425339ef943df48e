package org.imagelabeler.labeler;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.imagelabeler.platform.testing.RestClient;
import org.imagelabeler.platform.testing.RestClient.Auth;
import org.junit.jupiter.api.Test;

/**
 * Events, teams and the audit log over {@code /rest/labeler}: creation and validation,
 * visibility, the role x endpoint access matrix, optimistic concurrency, team rules, paging and
 * filters.
 */
class EventRestTest extends LabelerServerTestBase {

    private static final String EVENTS = "/rest/labeler/events";

    private static String slug(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String event(String slug, String visibility) {
        return "{\"slug\":\"" + slug + "\",\"title\":\"Flood in the Po valley\",\"description\":\"river flood\","
                + "\"phenomenon\":\"flood\",\"timeRange\":{\"start\":\"2024-05-01T00:00:00Z\",\"end\":\"2024-05-20T00:00:00Z\"},"
                + "\"areaOfInterest\":{\"type\":\"Polygon\",\"coordinates\":[[[9,44],[12,44],[12,46],[9,46],[9,44]]]},"
                + "\"keywords\":[\"flood\",\"MODIS\"],\"visibility\":\"" + visibility + "\","
                + "\"labelSchema\":{\"classes\":[{\"name\":\"water\",\"colour\":\"#1f77b4\",\"description\":\"flood water\"},"
                + "{\"name\":\"cloud\",\"colour\":\"#ffffff\"}]}}";
    }

    private String create(Auth who, String visibility) {
        String slug = slug("ev");
        var r = client.post(EVENTS, event(slug, visibility), who);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return slug;
    }

    @Test
    void anEventIsCreatedReadBackAndAudited() {
        Auth alice = user("alice");
        String slug = slug("po");
        var created = client.post(EVENTS, event(slug, "private"), alice);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.header("Location")).endsWith(EVENTS + "/" + slug);
        assertThat(created.header("ETag")).isEqualTo("\"1\"");

        JsonNode e = client.get(EVENTS + "/" + slug, alice).json();
        assertThat(e.path("title").asText()).isEqualTo("Flood in the Po valley");
        assertThat(e.path("phenomenon").asText()).isEqualTo("flood");
        assertThat(e.path("visibility").asText()).isEqualTo("private");
        assertThat(e.path("role").asText()).isEqualTo("owner");
        assertThat(e.path("timeRange").path("start").asText()).isEqualTo("2024-05-01T00:00:00Z");
        assertThat(e.path("areaOfInterest").path("type").asText()).isEqualTo("Polygon");
        JsonNode corner = e.path("areaOfInterest").path("coordinates").get(0).get(1);
        assertThat(corner.get(0).asDouble()).isEqualTo(12.0);
        assertThat(corner.get(1).asDouble()).isEqualTo(44.0);
        assertThat(e.path("labelSchema").path("classes").get(0).path("name").asText())
                .isEqualTo("water");
        assertThat(e.path("labelSchema").path("tags").toString())
                .isEqualTo("[\"present\",\"not_present\",\"untagged\"]");
        assertThat(e.path("createdBy").asText()).isEqualTo("alice");

        JsonNode audit = client.get(EVENTS + "/" + slug + "/audit", alice).json();
        assertThat(audit.path("total").asLong()).isEqualTo(2);
        assertThat(audit.path("items").findValuesAsText("action")).containsExactly("add", "create");
        assertThat(audit.path("items").get(1).path("actor").asText()).isEqualTo("alice");
        assertThat(audit.path("items").get(1).path("after").asText()).contains("\"slug\":\"" + slug + "\"");
    }

    @Test
    void invalidEventsAreRefusedWithTheFieldAtFault() {
        Auth alice = user("alice");
        assertField(client.post(EVENTS, event("A bad slug!", "private"), alice), 400, "slug");
        assertField(
                client.post(
                        EVENTS,
                        event(slug("t"), "private").replace("\"title\":\"Flood in the Po valley\",", ""),
                        alice),
                400,
                "title");
        assertField(
                client.post(EVENTS, event(slug("t"), "private").replace("2024-05-20", "2024-04-20"), alice),
                400,
                "timeRange.end");
        assertField(
                client.post(
                        EVENTS,
                        event(slug("t"), "private")
                                .replace(
                                        "[[[9,44],[12,44],[12,46],[9,46],[9,44]]]",
                                        "[[[9,44],[12,46],[12,44],[9,46],[9,44]]]"),
                        alice),
                400,
                "areaOfInterest");
        assertField(
                client.post(EVENTS, event(slug("t"), "private").replace("\"cloud\"", "\"water\""), alice),
                400,
                "labelSchema.classes[1].name");
        assertField(
                client.post(EVENTS, event(slug("t"), "private").replace("#1f77b4", "blue"), alice),
                400,
                "labelSchema.classes[0].colour");
        assertThat(client.post(EVENTS, event(slug("t"), "secret"), alice).status())
                .isEqualTo(400);

        String slug = create(alice, "private");
        assertThat(client.post(EVENTS, event(slug, "private"), alice).status()).isEqualTo(409);
        assertThat(client.post(EVENTS, event(slug("anon"), "public"), Auth.none())
                        .status())
                .isEqualTo(401);
    }

    @Test
    void visibilityDecidesWhoSeesAnEvent() {
        Auth alice = user("alice");
        Auth bob = user("bob");
        String privateEvent = create(alice, "private");
        String teamEvent = create(alice, "team");
        String publicEvent = create(alice, "public");

        assertThat(client.get(EVENTS + "/" + privateEvent, bob).status()).isEqualTo(404);
        assertThat(client.get(EVENTS + "/" + privateEvent, Auth.none()).status())
                .isEqualTo(404);
        assertThat(client.get(EVENTS + "/" + teamEvent, bob).status()).isEqualTo(200);
        assertThat(client.get(EVENTS + "/" + teamEvent, Auth.none()).status()).isEqualTo(404);
        assertThat(client.get(EVENTS + "/" + publicEvent, Auth.none()).status()).isEqualTo(200);
        assertThat(client.get(EVENTS + "/" + privateEvent, admin).status()).isEqualTo(200);

        List<String> seenByBob = slugs(client.get(EVENTS + "?size=500", bob).json());
        assertThat(seenByBob).contains(teamEvent, publicEvent).doesNotContain(privateEvent);
        List<String> seenByAnonymous =
                slugs(client.get(EVENTS + "?size=500", Auth.none()).json());
        assertThat(seenByAnonymous).contains(publicEvent).doesNotContain(teamEvent, privateEvent);
        // a private event's team and log are as invisible as the event
        assertThat(client.get(EVENTS + "/" + privateEvent + "/members", bob).status())
                .isEqualTo(404);
        assertThat(client.get(EVENTS + "/" + privateEvent + "/audit", bob).status())
                .isEqualTo(404);
    }

    /** Each role may do exactly what it should on a private event, nothing more. */
    @Test
    void roleByEndpointAccessMatrix() {
        Auth owner = user("matrix-owner");
        String slug = create(owner, "private");
        Map<String, Auth> who = new LinkedHashMap<>();
        for (String role : List.of("manager", "labeler", "reviewer", "viewer")) {
            Auth a = user("matrix-" + role);
            assertThat(client.put(EVENTS + "/" + slug + "/members/matrix-" + role, "{\"role\":\"" + role + "\"}", owner)
                            .status())
                    .isEqualTo(201);
            who.put(role, a);
        }
        who.put("outsider", user("matrix-outsider"));
        who.put("anonymous", Auth.none());
        user("matrix-extra");

        // expected status per caller: read event, update event, read team, add member, read audit, delete event
        Map<String, int[]> expected = Map.of(
                "manager", new int[] {200, 200, 200, 201, 200, 403},
                "labeler", new int[] {200, 403, 200, 403, 403, 403},
                "reviewer", new int[] {200, 403, 200, 403, 200, 403},
                "viewer", new int[] {200, 403, 200, 403, 403, 403},
                "outsider", new int[] {404, 404, 404, 404, 404, 404},
                // writing needs a user first: 401 before anything is looked up
                "anonymous", new int[] {404, 401, 404, 401, 404, 401});
        for (var entry : who.entrySet()) {
            Auth a = entry.getValue();
            int[] e = expected.get(entry.getKey());
            String as = entry.getKey();
            assertThat(client.get(EVENTS + "/" + slug, a).status())
                    .as(as + " reads")
                    .isEqualTo(e[0]);
            assertThat(client.put(EVENTS + "/" + slug, "{\"description\":\"by " + as + "\"}", a)
                            .status())
                    .as(as + " updates")
                    .isEqualTo(e[1]);
            assertThat(client.get(EVENTS + "/" + slug + "/members", a).status())
                    .as(as + " reads the team")
                    .isEqualTo(e[2]);
            var add = client.put(EVENTS + "/" + slug + "/members/matrix-extra", "{\"role\":\"viewer\"}", a);
            assertThat(add.status()).as(as + " adds a member").isEqualTo(e[3]);
            if (add.status() == 201) {
                assertThat(client.delete(EVENTS + "/" + slug + "/members/matrix-extra", a)
                                .status())
                        .isEqualTo(204);
            }
            assertThat(client.get(EVENTS + "/" + slug + "/audit", a).status())
                    .as(as + " reads the log")
                    .isEqualTo(e[4]);
            assertThat(client.delete(EVENTS + "/" + slug, a).status())
                    .as(as + " deletes")
                    .isEqualTo(e[5]);
        }
        assertThat(client.delete(EVENTS + "/" + slug, owner).status()).isEqualTo(204);
        assertThat(client.get(EVENTS + "/" + slug, owner).status()).isEqualTo(404);
    }

    @Test
    void twoWritersFromTheSameVersionOneGetsPreconditionFailed() {
        Auth alice = user("alice");
        String slug = create(alice, "private");
        var first = client.send(client.request(EVENTS + "/" + slug, alice)
                .header("Content-Type", "application/json")
                .header("If-Match", "\"1\"")
                .PUT(java.net.http.HttpRequest.BodyPublishers.ofString("{\"title\":\"first writer\"}")));
        var second = client.send(client.request(EVENTS + "/" + slug, alice)
                .header("Content-Type", "application/json")
                .header("If-Match", "\"1\"")
                .PUT(java.net.http.HttpRequest.BodyPublishers.ofString("{\"title\":\"second writer\"}")));
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.header("ETag")).isEqualTo("\"2\"");
        assertThat(second.status()).isEqualTo(412);
        assertThat(second.json().path("currentVersion").asInt()).isEqualTo(2);
        assertThat(client.get(EVENTS + "/" + slug, alice).json().path("title").asText())
                .isEqualTo("first writer");
    }

    @Test
    void teamRulesKeepAnOwner() {
        Auth owner = user("team-owner");
        Auth manager = user("team-manager");
        user("team-member");
        String slug = create(owner, "private");
        String members = EVENTS + "/" + slug + "/members/";
        assertThat(client.put(members + "team-manager", "{\"role\":\"manager\"}", owner)
                        .status())
                .isEqualTo(201);
        assertThat(client.put(members + "team-member", "{\"role\":\"owner\"}", manager)
                        .status())
                .isEqualTo(403);
        assertThat(client.put(members + "team-member", "{\"role\":\"labeler\"}", manager)
                        .status())
                .isEqualTo(201);
        assertThat(client.put(members + "team-member", "{\"role\":\"reviewer\"}", manager)
                        .status())
                .isEqualTo(200);
        assertThat(client.put(members + "team-owner", "{\"role\":\"viewer\"}", owner)
                        .status())
                .isEqualTo(409);
        assertThat(client.delete(members + "team-owner", owner).status()).isEqualTo(409);
        assertField(client.put(members + "nobody-here", "{\"role\":\"viewer\"}", owner), 400, "username");
        assertThat(client.put(members + "team-member", "{\"role\":\"chief\"}", owner)
                        .status())
                .isEqualTo(400);
        // a member may leave on their own
        assertThat(client.delete(members + "team-member", user("team-member")).status())
                .isEqualTo(204);
        JsonNode team = client.get(EVENTS + "/" + slug + "/members", owner).json();
        assertThat(team.findValuesAsText("username")).containsExactly("team-owner", "team-manager");
        JsonNode log = client.get(EVENTS + "/" + slug + "/audit", owner).json();
        assertThat(log.path("items").findValuesAsText("action"))
                .containsSubsequence("remove", "change", "add", "add", "create");
    }

    @Test
    void listsArePagedAndFiltered() {
        Auth pager = user("pager");
        String tag = "pg" + UUID.randomUUID().toString().substring(0, 6);
        for (int i = 0; i < 5; i++) {
            String body = event(tag + "-" + i, "private").replace("river flood", "river flood " + tag);
            if (i == 4) {
                body = body.replace(
                                "[[[9,44],[12,44],[12,46],[9,46],[9,44]]]",
                                "[[[100,10],[101,10],[101,11],[100,11],[100,10]]]")
                        .replace("\"phenomenon\":\"flood\"", "\"phenomenon\":\"dust storm\"");
            }
            assertThat(client.post(EVENTS, body, pager).status()).isEqualTo(201);
        }
        JsonNode first = client.get(EVENTS + "?q=" + tag + "&size=2", pager).json();
        assertThat(first.path("total").asLong()).isEqualTo(5);
        assertThat(first.path("items").size()).isEqualTo(2);
        String next = first.path("next").asText();
        assertThat(next).contains("page=1").contains("size=2");
        JsonNode last =
                client.get(EVENTS + "?q=" + tag + "&size=2&page=2", pager).json();
        assertThat(last.path("items").size()).isEqualTo(1);
        assertThat(last.has("next")).isFalse();

        assertThat(client.get(EVENTS + "?q=" + tag + "&bbox=99,9,102,12", pager)
                        .json()
                        .path("total")
                        .asLong())
                .isEqualTo(1);
        assertThat(client.get(EVENTS + "?q=" + tag + "&phenomenon=flood", pager)
                        .json()
                        .path("total")
                        .asLong())
                .isEqualTo(4);
        assertThat(client.get(EVENTS + "?q=" + tag + "&time=2024-05-10T00:00:00Z", pager)
                        .json()
                        .path("total")
                        .asLong())
                .isEqualTo(5);
        assertThat(client.get(EVENTS + "?q=" + tag + "&time=2023-01-01T00:00:00Z", pager)
                        .json()
                        .path("total")
                        .asLong())
                .isZero();
        assertField(client.get(EVENTS + "?bbox=1,2,3", pager), 400, "bbox");
        assertField(client.get(EVENTS + "?size=0", pager), 400, "size");
    }

    @Test
    void apiTokensWork() {
        Auth alice = user("alice");
        String token = client.post("/rest/security/tokens", "{\"name\":\"script\"}", alice)
                .json()
                .path("token")
                .asText();
        String slug = create(RestClient.Auth.bearer(token), "private");
        assertThat(client.get(EVENTS + "/" + slug, alice)
                        .json()
                        .path("createdBy")
                        .asText())
                .isEqualTo("alice");
    }

    private static List<String> slugs(JsonNode page) {
        return page.path("items").findValuesAsText("slug");
    }

    private static void assertField(RestClient.Response r, int status, String field) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.json().path("field").asText()).as(r.body()).isEqualTo(field);
    }
}
