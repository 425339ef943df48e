package org.imagelabeler.labeler.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import javax.imageio.ImageIO;
import org.apache.wicket.Component;
import org.apache.wicket.markup.repeater.Item;
import org.apache.wicket.markup.repeater.data.DataView;
import org.apache.wicket.request.mapper.parameter.PageParameters;
import org.apache.wicket.util.string.Strings;
import org.apache.wicket.util.tester.FormTester;
import org.apache.wicket.util.tester.TagTester;
import org.apache.wicket.util.tester.WicketTester;
import org.imagelabeler.labeler.events.Event;
import org.imagelabeler.labeler.teams.Membership;
import org.imagelabeler.labeler.web.admin.EventTeamPage;
import org.imagelabeler.labeler.web.admin.EventsPage;
import org.imagelabeler.platform.security.UserAccounts;
import org.imagelabeler.platform.testing.RestClient;
import org.imagelabeler.platform.web.AccessDeniedPage;
import org.imagelabeler.platform.web.AdminApplication;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The Labeling pages of the admin shell ({@code /web/events}, {@code /web/event-teams}) rendered
 * by {@link WicketTester} inside the real server (platform, admin shell, plugin), with their data
 * made and their effects read back through the plugin's REST API; and the same pages in a real
 * browser, for their screenshots.
 */
@SpringBootTest(
        classes = LabelingAdminPagesTest.Server.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LabelingAdminPagesTest {

    static final String ADMIN_PASSWORD = "labeling-admin-pages-password";
    static final String PASSWORD = "a-member-password";

    @SpringBootConfiguration
    @EnableAutoConfiguration(exclude = FlywayAutoConfiguration.class)
    static class Server {}

    @DynamicPropertySource
    static void serverProperties(DynamicPropertyRegistry registry) throws IOException {
        Path dataDir = Files.createTempDirectory("labeling-admin-pages-test");
        registry.add("labeler.data-dir", dataDir::toString);
        registry.add("labeler.admin-password", () -> ADMIN_PASSWORD);
    }

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    UserAccounts accounts;

    WicketTester tester;
    RestClient rest;
    final RestClient.Auth admin = RestClient.Auth.basic("admin", ADMIN_PASSWORD);

    @BeforeEach
    void start() {
        tester = new WicketTester(new AdminApplication(context));
        rest = new RestClient("http://localhost:" + port);
    }

    @AfterEach
    void stop() {
        tester.destroy();
        SecurityContextHolder.clearContext();
    }

    // ---- events -----------------------------------------------------------------------------

    @Test
    void administratorSeesEveryEventPagedWithOwnersAndImagesAndSearches() throws IOException {
        user("olga");
        for (int i = 1; i <= 21; i++) {
            createEvent("olga", String.format("paged-%02d", i), "Paged storm " + i, "private");
        }
        createEvent("olga", "nile-delta", "Nile delta floods", "private");
        upload("olga", "nile-delta");
        signInAsAdmin();

        tester.startPage(EventsPage.class);
        tester.assertRenderedPage(EventsPage.class);
        assertThat(menuEntries()).contains("Events", "Teams & memberships");
        List<List<String>> first = rows();
        assertThat(first).hasSize(20);
        // newest first: the delta, with its owner and its one image
        assertThat(first.get(0).subList(0, 7))
                .containsExactly(
                        "nile-delta",
                        "Nile delta floods",
                        "flood",
                        "private",
                        "olga",
                        "1",
                        first.get(0).get(6));
        assertThat(first.get(0).get(6)).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d UTC");
        TagTester open = TagTester.createTagByAttribute(
                tester.getLastResponseAsString(), "aria-label", "Open nile-delta in the labeling app");
        assertThat(open.getAttribute("href")).endsWith("/labeler/#/events/nile-delta");

        // the second page holds what the first did not
        tester.clickLink("pages:navigation:1:pageLink");
        List<List<String>> second = rows();
        assertThat(second)
                .extracting(r -> r.get(0))
                .doesNotContainAnyElementsOf(first.stream().map(r -> r.get(0)).toList());
        assertThat(first.size() + second.size()).isGreaterThanOrEqualTo(22);

        FormTester search = tester.newFormTester("search");
        search.setValue("q", "DELTA");
        search.submit();
        assertThat(rows()).extracting(r -> r.get(0)).containsExactly("nile-delta");
        assertThat(tester.getLastResponseAsString()).contains("1 event");
    }

    @Test
    void visibilityChangesThroughTheEventRulesAndAStaleRowIsRefused() {
        user("petra");
        createEvent("petra", "dust-storm", "Dust storm", "private");
        signInAsAdmin();
        tester.startPage(EventsPage.class);

        FormTester form = tester.newFormTester(rowPath("dust-storm") + ":visibility");
        form.select("value", 1); // team
        form.submit("save");

        tester.assertNoErrorMessage();
        tester.assertInfoMessages("Event dust-storm is now team");
        JsonNode event = rest.get("/rest/labeler/events/dust-storm", admin).json();
        assertThat(event.get("visibility").asText()).isEqualTo("team");
        assertThat(event.get("version").asInt()).isEqualTo(2);
        JsonNode audit =
                rest.get("/rest/labeler/events/dust-storm/audit", admin).json().get("items");
        assertThat(audit.toString()).contains("\"update\"").contains("\"admin\"");

        // the row shows version 2; a change made meanwhile (version 3) makes its Save a 412
        tester.startPage(EventsPage.class);
        String row = rowPath("dust-storm");
        assertThat(rest.put("/rest/labeler/events/dust-storm", "{\"title\":\"Dust storm over Sahel\"}", as("petra"))
                        .status())
                .isEqualTo(200);
        FormTester stale = tester.newFormTester(row + ":visibility");
        stale.select("value", 2); // public
        stale.submit("save");
        tester.assertErrorMessages(
                "Visibility of dust-storm: event 'dust-storm' was changed meanwhile: it is at version 3");
        assertThat(rest.get("/rest/labeler/events/dust-storm", admin)
                        .json()
                        .get("visibility")
                        .asText())
                .isEqualTo("team");
    }

    @Test
    void deletionAsksFirstAndCancelKeepsTheEvent() throws IOException {
        user("quinn");
        createEvent("quinn", "cloud-streets", "Cloud streets", "team");
        upload("quinn", "cloud-streets");
        signInAsAdmin();
        tester.startPage(EventsPage.class);
        assertThat(tester.getLastResponseAsString()).doesNotContain("This cannot be undone");

        tester.newFormTester(rowPath("cloud-streets") + ":delete").submit("ask");
        assertThat(text(tester.getLastResponseAsString()))
                .contains("Delete event cloud-streets with its 1 image, their labels, its map shapes and its team?"
                        + " This cannot be undone.");
        tester.newFormTester("confirm:form").submit("no");
        assertThat(tester.getLastResponseAsString()).doesNotContain("This cannot be undone");
        assertThat(rest.get("/rest/labeler/events/cloud-streets", admin).status())
                .isEqualTo(200);

        tester.newFormTester(rowPath("cloud-streets") + ":delete").submit("ask");
        tester.newFormTester("confirm:form").submit("yes");
        tester.assertInfoMessages("Deleted event cloud-streets");
        assertThat(rest.get("/rest/labeler/events/cloud-streets", admin).status())
                .isEqualTo(404);
        assertThat(rows()).extracting(r -> r.get(0)).doesNotContain("cloud-streets");
    }

    @Test
    void otherUsersSeeNoLabelingMenuAndAreRefusedThePages() {
        user("rosa");
        createEvent("rosa", "rosas-event", "Rosa's event", "private");
        signIn("rosa", "ROLE_USER");
        tester.startPage(EventsPage.class);
        tester.assertRenderedPage(AccessDeniedPage.class);
        tester.startPage(EventTeamPage.class, new PageParameters().add("event", "rosas-event"));
        tester.assertRenderedPage(AccessDeniedPage.class);

        tester.startPage(org.imagelabeler.platform.web.security.ApiTokensPage.class);
        assertThat(menuEntries()).doesNotContain("Events", "Teams & memberships");
        assertThat(tester.getLastResponseAsString()).doesNotContain(">Labeling<");
    }

    // ---- teams ------------------------------------------------------------------------------

    @Test
    void administratorAddsChangesAndRemovesMembers() {
        user("sam");
        user("tara");
        createEvent("sam", "wildfire", "Wildfire smoke", "private");
        signInAsAdmin();
        tester.startPage(EventTeamPage.class, new PageParameters().add("event", "wildfire"));
        tester.assertRenderedPage(EventTeamPage.class);
        assertThat(text(tester.getLastResponseAsString())).contains("Team of Wildfire smoke (wildfire)");
        assertThat(rows()).extracting(r -> r.get(0)).containsExactly("sam");

        FormTester add = tester.newFormTester("teamOf:add");
        add.setValue("username", "tara");
        add.select("role", 4); // viewer
        add.submit();
        tester.assertNoErrorMessage();
        tester.assertInfoMessages("Added tara as viewer");
        assertThat(members("wildfire")).contains("tara viewer", "sam owner");

        FormTester change = tester.newFormTester(memberPath("tara") + ":edit");
        change.select("role", 2); // labeler
        change.submit("change");
        tester.assertInfoMessages("tara is now labeler");
        assertThat(members("wildfire")).contains("tara labeler");

        tester.newFormTester(memberPath("tara") + ":edit").submit("remove");
        tester.assertInfoMessages("Removed tara from the team");
        assertThat(members("wildfire")).containsExactly("sam owner");
        assertThat(rows()).extracting(r -> r.get(0)).containsExactly("sam");
    }

    @Test
    void unknownUsersAndLosingTheLastOwnerAreRefusedWithTheirReason() {
        user("uma");
        createEvent("uma", "sea-ice", "Sea ice", "private");
        signInAsAdmin();
        tester.startPage(EventTeamPage.class, new PageParameters().add("event", "sea-ice"));

        FormTester add = tester.newFormTester("teamOf:add");
        add.setValue("username", "nobody");
        add.submit();
        tester.assertErrorMessages("there is no user 'nobody'");
        TagTester field = tester.getTagById("member-username");
        assertThat(field.getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(members("sea-ice")).containsExactly("uma owner");

        FormTester demote = tester.newFormTester(memberPath("uma") + ":edit");
        demote.select("role", 1); // manager
        demote.submit("change");
        tester.assertErrorMessages("'uma' is the last owner of 'sea-ice': name another first");

        tester.newFormTester(memberPath("uma") + ":edit").submit("remove");
        tester.assertErrorMessages("'uma' is the last owner of 'sea-ice' and cannot leave");
        assertThat(members("sea-ice")).containsExactly("uma owner");
    }

    @Test
    void theEventIsPickedBySlugAndAnUnknownOneIsSaid() {
        user("vera");
        createEvent("vera", "glacier", "Glacier retreat", "private");
        signInAsAdmin();
        tester.startPage(EventTeamPage.class);
        assertThat(tester.getLastResponseAsString()).doesNotContain("Team of");

        FormTester pick = tester.newFormTester("pick");
        pick.setValue("slug", "glacier");
        pick.submit();
        tester.assertRenderedPage(EventTeamPage.class);
        assertThat(text(tester.getLastResponseAsString())).contains("Team of Glacier retreat (glacier)");

        tester.startPage(EventTeamPage.class, new PageParameters().add("event", "no-such-event"));
        tester.assertErrorMessages("no event 'no-such-event'");
        assertThat(tester.getLastResponseAsString()).doesNotContain("Team of");
    }

    @Test
    void pagesSurviveSerialisationBetweenRequests() throws Exception {
        user("yara");
        createEvent("yara", "serialised", "Serialised", "private");
        signInAsAdmin();
        tester.startPage(EventsPage.class);
        tester.newFormTester(rowPath("serialised") + ":delete").submit("ask");
        serialise(tester.getLastRenderedPage());
        tester.startPage(EventTeamPage.class, new PageParameters().add("event", "serialised"));
        serialise(tester.getLastRenderedPage());
    }

    private static void serialise(Object page) throws IOException {
        try (var out = new java.io.ObjectOutputStream(java.io.OutputStream.nullOutputStream())) {
            out.writeObject(page);
        }
    }

    // ---- in a browser -----------------------------------------------------------------------

    @Test
    void thePagesInABrowser() throws IOException {
        user("wendy");
        user("xavier");
        createEvent("wendy", "hurricane", "Hurricane landfall", "team");
        createEvent("wendy", "algal-bloom", "Algal bloom", "private");
        upload("wendy", "algal-bloom");
        rest.put("/rest/labeler/events/algal-bloom/members/xavier", "{\"role\":\"labeler\"}", as("wendy"));
        try (BrowserSession browser =
                new BrowserSession(Path.of("target", "screenshots", LabelingAdminPagesTest.class.getSimpleName()))) {
            var driver = browser.driver;
            driver.get("http://localhost:" + port + "/web/login");
            browser.visible("#username").sendKeys("admin");
            driver.findElement(By.id("password")).sendKeys(ADMIN_PASSWORD);
            driver.findElement(By.cssSelector("form button[type=submit]")).click();
            browser.visible("nav");

            driver.findElement(By.linkText("Events")).click();
            browser.visible("table.events");
            assertThat(driver.getCurrentUrl()).contains("/web/events");
            browser.screenshot("events");

            driver.findElement(By.cssSelector("[aria-label='Delete algal-bloom']"))
                    .click();
            browser.waitForText(".confirm", "with its 1 image");
            browser.screenshot("events-confirm-delete");
            assertThat(driver.switchTo().activeElement().getText()).isEqualTo("Cancel");
            driver.findElement(By.xpath("//button[text()='Cancel']")).click();
            // Cancel redraws the table by Ajax: its links are new elements once the question is gone
            browser.gone(".confirm");

            browser.visible("[aria-label='Team of algal-bloom']").click();
            browser.visible("table.team");
            assertThat(driver.getCurrentUrl()).contains("/web/event-teams");
            driver.findElement(By.id("member-username")).sendKeys("nobody");
            driver.findElement(By.xpath("//button[text()='Add']")).click();
            browser.waitForText(".feedbackPanelERROR", "there is no user 'nobody'");
            browser.screenshot("event-team");
        }
        assertThat(rest.get("/rest/labeler/events/algal-bloom", admin).status()).isEqualTo(200);
    }

    // ---- helpers ----------------------------------------------------------------------------

    private void user(String name) {
        accounts.create(name, PASSWORD, true, Set.of("USER"));
    }

    private RestClient.Auth as(String name) {
        return RestClient.Auth.basic(name, PASSWORD);
    }

    private void createEvent(String owner, String slug, String title, String visibility) {
        var created = rest.post(
                "/rest/labeler/events",
                "{\"slug\":\"" + slug + "\",\"title\":\"" + title + "\",\"phenomenon\":\"flood\",\"visibility\":\""
                        + visibility + "\"}",
                as(owner));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
    }

    private void upload(String user, String slug) throws IOException {
        var out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB), "png", out);
        var response = rest.send(rest.request("/rest/labeler/events/" + slug + "/images?name=scene.png", as(user))
                .header("Content-Type", "image/png")
                .POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray())));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
    }

    /** The team as the REST API tells it: "username role" each. */
    private List<String> members(String slug) {
        JsonNode list =
                rest.get("/rest/labeler/events/" + slug + "/members", admin).json();
        JsonNode items = list.has("items") ? list.get("items") : list;
        return StreamSupport.stream(items.spliterator(), false)
                .map(m -> m.get("username").asText() + " " + m.get("role").asText())
                .toList();
    }

    private void signInAsAdmin() {
        signIn("admin", "ROLE_ADMIN");
    }

    private static void signIn(String username, String... roles) {
        var authorities =
                java.util.Arrays.stream(roles).map(SimpleGrantedAuthority::new).toList();
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(username, null, authorities));
    }

    /** The path of the events table's row of {@code slug}. */
    private String rowPath(String slug) {
        DataView<?> view = (DataView<?>) tester.getComponentFromLastRenderedPage("table:events");
        for (Component c : view) {
            if (((Event) ((Item<?>) c).getModelObject()).slug().equals(slug)) {
                return c.getPageRelativePath();
            }
        }
        throw new AssertionError("no row of " + slug);
    }

    /** The path of the team table's row of {@code username}. */
    private String memberPath(String username) {
        var view = (org.apache.wicket.markup.html.list.ListView<?>)
                tester.getComponentFromLastRenderedPage("teamOf:members");
        for (Component c : view) {
            var item = (org.apache.wicket.markup.html.list.ListItem<?>) c;
            if (((Membership) item.getModelObject()).username().equals(username)) {
                return c.getPageRelativePath();
            }
        }
        throw new AssertionError("no member " + username);
    }

    private List<String> menuEntries() {
        List<String> entries = new ArrayList<>();
        Matcher m = Pattern.compile("<nav[^>]*>(.*?)</nav>", Pattern.DOTALL).matcher(tester.getLastResponseAsString());
        if (m.find()) {
            Matcher link = Pattern.compile("<a[^>]*>(.*?)</a>", Pattern.DOTALL).matcher(m.group(1));
            while (link.find()) {
                entries.add(text(link.group(1)));
            }
        }
        return entries;
    }

    /** The rows of the page's table body, each as its cells' texts. */
    private List<List<String>> rows() {
        String html = tester.getLastResponseAsString();
        int start = html.indexOf("<tbody>");
        assertThat(start).as("a table is shown").isNotNegative();
        String body = html.substring(start, html.indexOf("</tbody>"));
        List<List<String>> rows = new ArrayList<>();
        Matcher row = Pattern.compile("<tr[^>]*>(.*?)</tr>", Pattern.DOTALL).matcher(body);
        while (row.find()) {
            List<String> cells = new ArrayList<>();
            Matcher cell =
                    Pattern.compile("<td[^>]*>(.*?)</td>", Pattern.DOTALL).matcher(row.group(1));
            while (cell.find()) {
                cells.add(cellText(cell.group(1)));
            }
            rows.add(cells);
        }
        return rows;
    }

    /** A cell's text; of a cell with a choice, the selected option. */
    private static String cellText(String html) {
        Matcher selected = Pattern.compile("<option selected=\"selected\"[^>]*>(.*?)</option>")
                .matcher(html);
        return selected.find() ? text(selected.group(1)) : text(html);
    }

    private static String text(String html) {
        String noTags = html.replaceAll("<[^>]*>", "");
        return Strings.unescapeMarkup(noTags).toString().replaceAll("\\s+", " ").trim();
    }
}
