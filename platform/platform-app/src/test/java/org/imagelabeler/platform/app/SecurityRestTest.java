package org.imagelabeler.platform.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.imagelabeler.platform.testing.RestClient;
import org.imagelabeler.platform.testing.RestClient.Auth;
import org.junit.jupiter.api.Test;

/**
 * Authentication and authorisation as clients meet them: 401 with challenges, 403 for too few
 * rights, API tokens shown once and revocable, one access policy for REST and the web pages, and
 * CSRF-protected browser forms. Every refused change leaves the data dir as it was.
 */
class SecurityRestTest extends ServerTestBase {

    @Test
    void missingCredentialsGet401WithChallenges() {
        var r = client.get("/rest/workspaces", Auth.none());
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.headers().allValues("WWW-Authenticate"))
                .containsExactlyInAnyOrder("Basic realm=\"ImageLabeler\"", "Bearer realm=\"ImageLabeler\"");
        assertThat(r.contentType()).startsWith("application/problem+json");
        var write = client.post("/rest/workspaces", "{\"workspace\":{\"name\":\"anon\"}}", Auth.none());
        assertThat(write.status()).isEqualTo(401);
        assertThat(dataDir.resolve("workspaces/anon")).doesNotExist();
    }

    /** A page's script handles 401 itself: no Basic challenge, so the browser shows no login box of its own. */
    @Test
    void scriptsGet401WithoutABasicChallenge() {
        var r = client.send(
                client.request("/rest/workspaces", Auth.none()).header("X-Requested-With", "XMLHttpRequest"));
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.headers().allValues("WWW-Authenticate")).containsExactly("Bearer realm=\"ImageLabeler\"");
        assertThat(r.contentType()).startsWith("application/problem+json");
    }

    @Test
    void wrongPasswordGets401AndChangesNothing() {
        var r = client.post(
                "/rest/workspaces", "{\"workspace\":{\"name\":\"wrongpw\"}}", Auth.basic("admin", "not-the-password"));
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.headers().allValues("WWW-Authenticate")).contains("Basic realm=\"ImageLabeler\"");
        assertThat(dataDir.resolve("workspaces/wrongpw")).doesNotExist();
        assertThat(client.get("/rest/workspaces/wrongpw", admin).status()).isEqualTo(404);
    }

    @Test
    void statusIsPublicButItsDetailsAreForAdministrators() {
        var anonymous = client.get("/rest/about/status", Auth.none());
        assertThat(anonymous.status()).isEqualTo(200);
        assertThat(anonymous.json().path("status").asText()).isEqualTo("UP");
        assertThat(anonymous.json().has("dataDirectory")).isFalse();
        var details = client.get("/rest/about/status", admin).json();
        assertThat(details.path("dataDirectory").asText()).isEqualTo(dataDir.toString());
        assertThat(details.path("databaseKind").asText()).isEqualTo(expectedDatabaseKind());
        assertThat(client.get("/rest/about/version", Auth.none())
                        .json()
                        .at("/about/resource/0/name")
                        .asText())
                .isEqualTo("ImageLabeler");
    }

    @Test
    void tokenRequestsWithoutANameOrWithTooLongAValidityAreRefused() {
        var unnamed = client.post("/rest/security/tokens", "{\"name\":\" \"}", admin);
        assertThat(unnamed.status()).isEqualTo(400);
        assertThat(unnamed.json().path("field").asText()).isEqualTo("name");
        assertThat(unnamed.json().path("detail").asText())
                .isEqualTo("a token needs a name of 1 to 100 characters, to recognise it later");

        var tooLong = client.post("/rest/security/tokens", "{\"name\":\"ci\",\"expiresInDays\":4000}", admin);
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.json().path("field").asText()).isEqualTo("expiresInDays");
        assertThat(tooLong.json().path("detail").asText()).isEqualTo("expiresInDays must be between 1 and 3650");
    }

    @Test
    void apiTokenIsShownOnceWorksAndStopsWorkingWhenRevoked() {
        var created = client.post("/rest/security/tokens", "{\"name\":\"ci\",\"expiresInDays\":30}", admin);
        assertThat(created.status()).isEqualTo(201);
        String secret = created.json().path("token").asText();
        String id = created.json().path("id").asText();
        assertThat(secret).startsWith("lbl_");
        assertThat(created.header("Location")).endsWith("/rest/security/tokens/" + id);

        var listed = client.get("/rest/security/tokens", admin);
        assertThat(listed.body()).doesNotContain(secret);
        assertThat(client.get("/rest/security/tokens/" + id, admin).json().has("token"))
                .isFalse();

        Auth bearer = Auth.bearer(secret);
        assertThat(client.post("/rest/workspaces", "{\"workspace\":{\"name\":\"viatoken\"}}", bearer)
                        .status())
                .isEqualTo(201);
        assertThat(client.get("/rest/security/self", bearer)
                        .json()
                        .at("/user/username")
                        .asText())
                .isEqualTo("admin");

        assertThat(client.delete("/rest/security/tokens/" + id, admin).status()).isEqualTo(200);
        var revoked = client.post("/rest/workspaces", "{\"workspace\":{\"name\":\"afterrevoke\"}}", bearer);
        assertThat(revoked.status()).isEqualTo(401);
        assertThat(revoked.headers().allValues("WWW-Authenticate"))
                .contains("Bearer realm=\"ImageLabeler\", error=\"invalid_token\"");
        assertThat(dataDir.resolve("workspaces/afterrevoke")).doesNotExist();
        assertThat(client.get("/rest/security/tokens/" + id, admin)
                        .json()
                        .path("active")
                        .asBoolean())
                .isFalse();
    }

    @Test
    void unknownTokenGets401() {
        var r = client.get("/rest/workspaces", Auth.bearer("lbl_madeupmadeupmadeupmadeupmadeupmadeupmade"));
        assertThat(r.status()).isEqualTo(401);
    }

    @Test
    void nonAdminCannotWriteTheCatalog() {
        createUser("labeler1", "labeler-password", "USER");
        Auth user = Auth.basic("labeler1", "labeler-password");
        client.post("/rest/workspaces", "{\"workspace\":{\"name\":\"guarded\"}}", admin);
        client.post(
                "/rest/workspaces/guarded/coveragestores",
                "{\"coverageStore\":{\"name\":\"s\",\"url\":\"file:x.tif\"}}",
                admin);
        client.post(
                "/rest/workspaces/guarded/layers",
                "{\"layer\":{\"name\":\"l\",\"store\":\"s\",\"kind\":\"RASTER\"}}",
                admin);
        String layerFile = readLayerFile();

        assertThat(client.get("/rest/workspaces/guarded", user).status()).isEqualTo(200);
        assertThat(client.get("/rest/layers/guarded:l", user).status()).isEqualTo(200);

        var ws = client.post("/rest/workspaces", "{\"workspace\":{\"name\":\"byuser\"}}", user);
        assertThat(ws.status()).isEqualTo(403);
        assertThat(ws.contentType()).startsWith("application/problem+json");
        assertThat(client.post(
                                "/rest/workspaces/guarded/coveragestores",
                                "{\"coverageStore\":{\"name\":\"s2\",\"url\":\"file:y.tif\"}}",
                                user)
                        .status())
                .isEqualTo(403);
        assertThat(client.get("/rest/workspaces/guarded/coveragestores", user).status())
                .isEqualTo(403);
        assertThat(client.put("/rest/layers/guarded:l", "{\"layer\":{\"title\":\"hacked\"}}", user)
                        .status())
                .isEqualTo(403);
        assertThat(client.delete("/rest/layers/guarded:l", user).status()).isEqualTo(403);
        assertThat(client.delete("/rest/workspaces/guarded?recurse=true", user).status())
                .isEqualTo(403);
        assertThat(client.get("/rest/security/users", user).status()).isEqualTo(403);

        assertThat(dataDir.resolve("workspaces/byuser")).doesNotExist();
        assertThat(dataDir.resolve("workspaces/guarded/s2")).doesNotExist();
        assertThat(readLayerFile()).isEqualTo(layerFile);
    }

    private String readLayerFile() {
        try {
            return java.nio.file.Files.readString(dataDir.resolve("workspaces/guarded/s/l/layer.json"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void layerHiddenByARuleAnswers404ToThoseWhoMayNotReadIt() {
        createUser("outsider", "outsider-password", "USER");
        createUser("insider", "insider-password", "TEAM");
        client.post("/rest/workspaces", "{\"workspace\":{\"name\":\"secret\"}}", admin);
        client.post(
                "/rest/workspaces/secret/coveragestores",
                "{\"coverageStore\":{\"name\":\"s\",\"url\":\"file:x.tif\"}}",
                admin);
        client.post(
                "/rest/workspaces/secret/layers",
                "{\"layer\":{\"name\":\"l\",\"store\":\"s\",\"kind\":\"RASTER\"}}",
                admin);
        var rule = client.post("/rest/security/acl/layers", "{\"secret.*.r\":\"TEAM\"}", admin);
        assertThat(rule.status()).isEqualTo(201);
        assertThat(dataDir.resolve("security/layers.properties")).content().contains("secret.*.r=TEAM");

        Auth outsider = Auth.basic("outsider", "outsider-password");
        assertThat(client.get("/rest/layers/secret:l", outsider).status()).isEqualTo(404);
        assertThat(client.get("/rest/workspaces/secret", outsider).status()).isEqualTo(404);
        assertThat(client.get("/rest/layers", outsider).body()).doesNotContain("secret:l");
        assertThat(client.get("/rest/workspaces", outsider).body()).doesNotContain("\"secret\"");

        Auth insider = Auth.basic("insider", "insider-password");
        assertThat(client.get("/rest/layers/secret:l", insider).status()).isEqualTo(200);
        assertThat(client.get("/rest/layers", insider).body()).contains("secret:l");

        assertThat(client.post("/rest/security/acl/layers", "{\"secret.*.r\":\"X\"}", admin)
                        .status())
                .isEqualTo(409);
        var malformed = client.post("/rest/security/acl/layers", "{\"secret.r\":\"X\"}", admin);
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.json().path("detail").asText()).contains("secret.r");
        assertThat(client.delete("/rest/security/acl/layers/secret.*.r", admin).status())
                .isEqualTo(200);
        assertThat(client.get("/rest/layers/secret:l", outsider).status()).isEqualTo(200);
    }

    @Test
    void passwordChangeTakesEffectAtOnce() {
        createUser("rotating", "first-password", "USER");
        assertThat(client.get("/rest/security/self", Auth.basic("rotating", "first-password"))
                        .status())
                .isEqualTo(200);
        var changed = client.put(
                "/rest/security/self",
                "{\"user\":{\"password\":\"second-password\"}}",
                Auth.basic("rotating", "first-password"));
        assertThat(changed.status()).isEqualTo(200);
        assertThat(client.get("/rest/security/self", Auth.basic("rotating", "first-password"))
                        .status())
                .isEqualTo(401);
        assertThat(client.get("/rest/security/self", Auth.basic("rotating", "second-password"))
                        .status())
                .isEqualTo(200);
        var tooShort = client.put(
                "/rest/security/self",
                "{\"user\":{\"password\":\"short\"}}",
                Auth.basic("rotating", "second-password"));
        assertThat(tooShort.status()).isEqualTo(400);
        assertThat(tooShort.json().path("field").asText()).isEqualTo("password");
        var escalate = client.put(
                "/rest/security/self", "{\"user\":{\"roles\":[\"ADMIN\"]}}", Auth.basic("rotating", "second-password"));
        assertThat(escalate.status()).isEqualTo(403);
    }

    @Test
    void theLastAdministratorCannotBeRemoved() {
        var demote = client.put("/rest/security/users/admin", "{\"user\":{\"roles\":[\"USER\"]}}", admin);
        assertThat(demote.status()).isEqualTo(400);
        assertThat(demote.json().path("detail").asText()).contains("last enabled administrator");
        assertThat(client.delete("/rest/security/users/admin", admin).status()).isEqualTo(400);
        assertThat(client.get("/rest/security/users/admin", admin)
                        .json()
                        .at("/user/roles/0")
                        .asText())
                .isEqualTo("ADMIN");
        var dup = client.post(
                "/rest/security/users",
                "{\"user\":{\"username\":\"admin\",\"password\":\"whatever1\",\"roles\":[]}}",
                admin);
        assertThat(dup.status()).isEqualTo(409);
    }

    // ---- browser sign-in ------------------------------------------------------------------

    /** What a browser asks for when it follows a link or posts a form. */
    private static final String ACCEPT_HTML = "text/html,application/xhtml+xml,*/*;q=0.8";

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private record Browser(HttpClient http, String base) {
        HttpResponse<String> get(String path) throws Exception {
            return RestClient.send(
                    http,
                    HttpRequest.newBuilder(URI.create(base + path))
                            .header("Accept", ACCEPT_HTML)
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> post(String path, String form) throws Exception {
            return RestClient.send(
                    http,
                    HttpRequest.newBuilder(URI.create(base + path))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .header("Accept", ACCEPT_HTML)
                            .POST(HttpRequest.BodyPublishers.ofString(form))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        }
    }

    private Browser browser() {
        return new Browser(
                HttpClient.newBuilder()
                        .cookieHandler(new CookieManager())
                        .followRedirects(HttpClient.Redirect.NEVER)
                        .build(),
                client.base());
    }

    private static String csrf(String html) {
        Matcher m = CSRF.matcher(html);
        assertThat(m.find()).as("a CSRF field in the page").isTrue();
        return m.group(1);
    }

    private static String form(String... pairs) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < pairs.length; i += 2) {
            if (b.length() > 0) {
                b.append('&');
            }
            b.append(URLEncoder.encode(pairs[i], StandardCharsets.UTF_8))
                    .append('=')
                    .append(URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
        }
        return b.toString();
    }

    @Test
    void adminPagesNeedASignInWithTheFormAndItsCsrfToken() throws Exception {
        Browser b = browser();
        var home = b.get("/web/");
        assertThat(home.statusCode()).isEqualTo(302);
        assertThat(home.headers().firstValue("Location").orElse("")).endsWith("/web/login");

        String token = csrf(b.get("/web/login").body());
        var forged = b.post("/web/login", form("username", "admin", "password", ADMIN_PASSWORD));
        assertThat(forged.statusCode()).as("sign-in without the CSRF token").isEqualTo(403);

        var wrong = b.post("/web/login", form("username", "admin", "password", "nope-nope", "_csrf", token));
        assertThat(wrong.statusCode()).isEqualTo(302);
        assertThat(wrong.headers().firstValue("Location").orElse("")).endsWith("/web/login?error");

        token = csrf(b.get("/web/login?error").body());
        var ok = b.post("/web/login", form("username", "admin", "password", ADMIN_PASSWORD, "_csrf", token));
        assertThat(ok.statusCode()).isEqualTo(302);
        assertThat(ok.headers().firstValue("Location").orElse("")).contains("/web/");

        var status = b.get("/web/");
        assertThat(status.statusCode()).isEqualTo(200);
        assertThat(status.body())
                .contains("Server status")
                .contains(dataDir.toString())
                .contains(expectedDatabaseKind());

        // the session is no licence for cross-site writes: REST writes riding on it need the token
        var sessionWrite = b.http()
                .send(
                        HttpRequest.newBuilder(URI.create(client.base() + "/rest/workspaces"))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString("{\"workspace\":{\"name\":\"csrfvictim\"}}"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(sessionWrite.statusCode()).isEqualTo(403);
        assertThat(dataDir.resolve("workspaces/csrfvictim")).doesNotExist();

        String logoutToken = csrf(status.body());
        var out = b.post("/web/logout", form("_csrf", logoutToken));
        assertThat(out.statusCode()).as(out.body()).isEqualTo(302);
        assertThat(out.headers().firstValue("Location").orElse("")).endsWith("/web/login?logout");
        assertThat(b.get("/web/").statusCode()).isEqualTo(302);
    }

    @Test
    void adminOnlyPagesAreForbiddenToOtherUsers() throws Exception {
        createUser("viewer", "viewer-password", "USER");
        Browser b = browser();
        String token = csrf(b.get("/web/login").body());
        b.post("/web/login", form("username", "viewer", "password", "viewer-password", "_csrf", token));
        var page = b.get("/web/workspaces");
        assertThat(page.statusCode()).isIn(302, 403);
        if (page.statusCode() == 302) { // Wicket redirects to its access-denied page
            URI target = URI.create(client.base() + "/web/workspaces")
                    .resolve(page.headers().firstValue("Location").orElseThrow());
            page = b.get(target.getRawPath() + (target.getRawQuery() == null ? "" : "?" + target.getRawQuery()));
        }
        assertThat(page.statusCode()).isEqualTo(403);
        assertThat(page.body()).contains("reserved for administrators");
        assertThat(b.get("/web/layers").statusCode()).isEqualTo(200);
    }
}
