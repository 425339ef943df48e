package org.imagelabeler.labeler;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;
import javax.imageio.ImageIO;
import org.imagelabeler.platform.raster.Gdal;
import org.imagelabeler.platform.testing.RestClient;
import org.imagelabeler.platform.testing.RestClient.Auth;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The role x endpoint matrix of what an event holds (images, their files, review, annotations,
 * extraction): every endpoint is called by every kind of caller, each on a target of its own,
 * and must answer exactly the status of the table, for private, team and public events. The
 * event endpoints themselves have their matrix in {@link EventRestTest}.
 */
class ContentAccessMatrixTest extends LabelerServerTestBase {

    private static final String EVENTS = "/rest/labeler/events";
    private static final List<String> CALLERS =
            List.of("owner", "manager", "labeler", "reviewer", "viewer", "outsider", "anonymous", "admin");

    @TempDir
    Path files;

    private Path png;
    private final Map<String, Auth> auth = new LinkedHashMap<>();

    /** What an endpoint does: read what the event shows, read what takes a role, or write. */
    private enum Kind {
        READ,
        ROLE_READ,
        WRITE
    }

    /** One endpoint, and its call on a target made for this caller. */
    private record Endpoint(String name, Kind kind, BiFunction<String, Auth, RestClient.Response> call) {}

    /**
     * Status per caller on a private event, in the order of {@link #CALLERS}. Anonymous writes
     * stop at 401 (no user); anything on an event one may not read is 404, as if it did not exist.
     */
    private static final Map<String, String> PRIVATE = new LinkedHashMap<>();

    static {
        //                            owner mgr  lab  rev  view out  anon admin
        PRIVATE.put("list images", "   200  200  200  200  200  404  404  200");
        PRIVATE.put("upload image", "  201  201  201  403  403  404  401  201");
        PRIVATE.put("read image", "    200  200  200  200  200  404  404  200");
        PRIVATE.put("image file", "    200  200  200  200  200  404  404  200");
        PRIVATE.put("thumbnail", "     200  200  200  200  200  404  404  200");
        PRIVATE.put("image history", " 200  200  200  200  200  404  404  200");
        PRIVATE.put("start labeling", "200  200  200  403  403  404  401  200");
        PRIVATE.put("tag image", "     200  200  200  403  403  404  401  200");
        PRIVATE.put("assign image", "  200  200  403  403  403  404  401  200");
        PRIVATE.put("review image", "  200  200  403  200  403  404  401  200");
        PRIVATE.put("delete image", "  204  204  403  403  403  404  401  204");
        PRIVATE.put("list annotations", "200 200  200  200  200  404  404  200");
        PRIVATE.put("read annotation", "200  200  200  200  200  404  404  200");
        PRIVATE.put("annotate", "      201  201  201  403  403  404  401  201");
        PRIVATE.put("edit annotation", "200  200  200  403  403  404  401  200");
        PRIVATE.put("delete annotation", "204 204 204  403  403  404  401  204");
        PRIVATE.put("bulk annotate", " 201  201  201  403  403  404  401  201");
        PRIVATE.put("bulk edit", "     200  200  200  403  403  404  401  200");
        PRIVATE.put("extract image", " 202  202  202  403  403  404  401  202");
        PRIVATE.put("read audit log", "200  200  403  200  403  404  404  200");
    }

    @BeforeEach
    void callers() throws IOException {
        png = files.resolve("tiny.png");
        ImageIO.write(new BufferedImage(16, 16, BufferedImage.TYPE_INT_RGB), "png", png.toFile());
        for (String c : CALLERS) {
            auth.put(
                    c,
                    switch (c) {
                        case "anonymous" -> Auth.none();
                        case "admin" -> admin;
                        default -> user("cm-" + c);
                    });
        }
    }

    @Test
    void privateEventContentAnswersEachRoleExactlyAsTheTableSays() throws Exception {
        check("private", PRIVATE);
    }

    /** Anyone signed in reads a team event; the audit log and writing still take a role. */
    @Test
    void teamEventContentIsReadableBySignedInUsersOnly() throws Exception {
        check("team", strangers(Map.of(Kind.READ, "200 404", Kind.ROLE_READ, "403 404", Kind.WRITE, "403 401")));
    }

    /** Anyone reads a public event, even without signing in; the audit log and writing take a role. */
    @Test
    void publicEventContentIsReadableByAnyone() throws Exception {
        check("public", strangers(Map.of(Kind.READ, "200 200", Kind.ROLE_READ, "403 403", Kind.WRITE, "403 401")));
    }

    /** The private table with other columns for the outsider and the anonymous caller, by kind. */
    private Map<String, String> strangers(Map<Kind, String> outsiderAndAnonymous) {
        Map<String, String> table = new LinkedHashMap<>();
        for (Endpoint e : endpoints("unused")) {
            String[] row = PRIVATE.get(e.name()).trim().split("\\s+");
            String[] strangers = outsiderAndAnonymous.get(e.kind()).split(" ");
            row[5] = strangers[0];
            row[6] = strangers[1];
            table.put(e.name(), String.join(" ", row));
        }
        return table;
    }

    private void check(String visibility, Map<String, String> table) throws Exception {
        String slug = event(visibility);
        String layer = coverageLayer();
        List<String> wrong = new ArrayList<>();
        List<Endpoint> endpoints = endpoints(layer);
        assertThat(endpoints).extracting(Endpoint::name).containsExactlyElementsOf(PRIVATE.keySet());
        for (Endpoint e : endpoints) {
            String[] expected = table.get(e.name()).trim().split("\\s+");
            for (int i = 0; i < CALLERS.size(); i++) {
                String caller = CALLERS.get(i);
                RestClient.Response r = e.call().apply(slug, auth.get(caller));
                if (r.status() != Integer.parseInt(expected[i])) {
                    wrong.add(e.name() + " by " + caller + ": " + r.status() + " instead of " + expected[i] + " "
                            + r.body());
                }
            }
        }
        assertThat(wrong).as(visibility + " event").isEmpty();
    }

    private List<Endpoint> endpoints(String layer) {
        Auth owner = auth.get("owner");
        List<Endpoint> list = new ArrayList<>();
        list.add(new Endpoint("list images", Kind.READ, (s, a) -> client.get(images(s), a)));
        list.add(new Endpoint("upload image", Kind.WRITE, (s, a) -> upload(s, a)));
        list.add(new Endpoint("read image", Kind.READ, (s, a) -> client.get(image(s), a)));
        list.add(new Endpoint("image file", Kind.READ, (s, a) -> client.get(image(s) + "/file", a)));
        list.add(new Endpoint("thumbnail", Kind.READ, (s, a) -> client.get(image(s) + "/thumbnail", a)));
        list.add(new Endpoint("image history", Kind.READ, (s, a) -> client.get(image(s) + "/history", a)));
        list.add(new Endpoint(
                "start labeling", Kind.WRITE, (s, a) -> patch(image(s), "{\"status\":\"in_progress\"}", a)));
        list.add(new Endpoint("tag image", Kind.WRITE, (s, a) -> patch(image(s), "{\"tags\":[\"present\"]}", a)));
        list.add(new Endpoint(
                "assign image", Kind.WRITE, (s, a) -> patch(image(s), "{\"assignee\":\"cm-labeler\"}", a)));
        list.add(new Endpoint("review image", Kind.WRITE, (s, a) -> {
            String path = image(s);
            assertThat(patch(path, "{\"status\":\"labeled\"}", owner).status()).isEqualTo(200);
            return client.post(path + "/review", "{\"decision\":\"accept\",\"comment\":\"fine\"}", a);
        }));
        list.add(new Endpoint("delete image", Kind.WRITE, (s, a) -> client.delete(image(s), a)));
        list.add(new Endpoint("list annotations", Kind.READ, (s, a) -> client.get(annotations(s), a)));
        list.add(new Endpoint(
                "read annotation", Kind.READ, (s, a) -> client.get(annotation(s).path(), a)));
        list.add(new Endpoint(
                "annotate", Kind.WRITE, (s, a) -> client.post(annotations(s), box(lastSegment(image(s))), a)));
        list.add(new Endpoint("edit annotation", Kind.WRITE, (s, a) -> {
            Box b = annotation(s);
            return client.put(b.path(), box(b.imageId()), a);
        }));
        list.add(new Endpoint(
                "delete annotation",
                Kind.WRITE,
                (s, a) -> client.delete(annotation(s).path(), a)));
        list.add(new Endpoint(
                "bulk annotate",
                Kind.WRITE,
                (s, a) -> client.post(annotations(s) + "/bulk", "[" + box(lastSegment(image(s))) + "]", a)));
        list.add(new Endpoint("bulk edit", Kind.WRITE, (s, a) -> {
            Box b = annotation(s);
            String item = "{\"id\":\"" + lastSegment(b.path()) + "\",\"version\":1,"
                    + box(b.imageId()).substring(1);
            return client.put(annotations(s) + "/bulk", "[" + item + "]", a);
        }));
        list.add(new Endpoint(
                "extract image",
                Kind.WRITE,
                (s, a) -> client.post(
                        EVENTS + "/" + s + "/extractions",
                        "{\"layer\":\"" + layer + "\",\"bbox\":[6,41,7,42],\"width\":8,\"height\":8}",
                        a)));
        list.add(new Endpoint("read audit log", Kind.ROLE_READ, (s, a) -> client.get(EVENTS + "/" + s + "/audit", a)));
        return list;
    }

    // ---- fixtures: each call gets a fresh target made by the owner ------------------------------

    private String event(String visibility) {
        Auth owner = auth.get("owner");
        String slug = "cm-" + UUID.randomUUID().toString().substring(0, 8);
        var r = client.post(
                EVENTS,
                "{\"slug\":\"" + slug + "\",\"title\":\"Flood\",\"visibility\":\"" + visibility
                        + "\",\"labelSchema\":{\"classes\":[{\"name\":\"water\",\"colour\":\"#0000ff\"}]}}",
                owner);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        for (String role : List.of("manager", "labeler", "reviewer", "viewer")) {
            var m = client.put(EVENTS + "/" + slug + "/members/cm-" + role, "{\"role\":\"" + role + "\"}", owner);
            assertThat(m.status()).as(m.body()).isEqualTo(201);
        }
        return slug;
    }

    private String coverageLayer() throws IOException {
        String ws = "cmws" + UUID.randomUUID().toString().substring(0, 6);
        client.post("/rest/workspaces", "{\"workspace\":{\"name\":\"" + ws + "\"}}", admin);
        Path tif = Gdal.geotiff(files, ws + ".tif");
        var put = client.send(client.request("/rest/workspaces/" + ws + "/coveragestores/scene/file.geotiff", admin)
                .header("Content-Type", "image/tiff")
                .PUT(HttpRequest.BodyPublishers.ofFile(tif)));
        assertThat(put.status()).as(put.body()).isEqualTo(202);
        String job = put.header("Location").substring(put.header("Location").indexOf("/rest/"));
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofMinutes(1))
                .until(() -> client.get(job, admin).json().path("state").asText(), s -> s.equals("SUCCEEDED"));
        return ws + ":scene";
    }

    private RestClient.Response upload(String slug, Auth who) {
        try {
            return client.send(client.request(images(slug) + "?name=tiny.png", who)
                    .header("Content-Type", "image/png")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(Files.readAllBytes(png))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A new image of the event, uploaded by its owner: its path. */
    private String image(String slug) {
        var r = upload(slug, auth.get("owner"));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return images(slug) + "/" + r.json().path("id").asText();
    }

    private record Box(String path, String imageId) {}

    /** A new box on a new image, drawn by the owner. */
    private Box annotation(String slug) {
        String imageId = lastSegment(image(slug));
        var r = client.post(annotations(slug), box(imageId), auth.get("owner"));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return new Box(annotations(slug) + "/" + r.json().path("id").asText(), imageId);
    }

    private RestClient.Response patch(String path, String json, Auth who) {
        return client.send(client.request(path, who)
                .header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(json)));
    }

    private static String box(String imageId) {
        return "{\"imageId\":\"" + imageId + "\",\"space\":\"pixel\",\"shape\":\"box\",\"class\":\"water\","
                + "\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[1,1],[9,1],[9,9],[1,9],[1,1]]]}}";
    }

    /** The last segment of a path: the id of what it names. */
    private static String lastSegment(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    private static String images(String slug) {
        return EVENTS + "/" + slug + "/images";
    }

    private static String annotations(String slug) {
        return EVENTS + "/" + slug + "/annotations";
    }
}
