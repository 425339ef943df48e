package org.imagelabeler.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.wicket.MarkupContainer;
import org.apache.wicket.feedback.FeedbackMessage;
import org.apache.wicket.markup.DefaultMarkupResourceStreamProvider;
import org.apache.wicket.markup.IMarkupResourceStreamProvider;
import org.apache.wicket.markup.html.list.ListItem;
import org.apache.wicket.markup.html.list.ListView;
import org.apache.wicket.request.mapper.parameter.PageParameters;
import org.apache.wicket.util.resource.IResourceStream;
import org.apache.wicket.util.resource.StringResourceStream;
import org.apache.wicket.util.string.Strings;
import org.apache.wicket.util.tester.FormTester;
import org.apache.wicket.util.tester.TagTester;
import org.apache.wicket.util.tester.WicketTester;
import org.imagelabeler.platform.catalog.Catalog;
import org.imagelabeler.platform.catalog.CatalogInfo;
import org.imagelabeler.platform.catalog.LayerInfo;
import org.imagelabeler.platform.catalog.LayerKind;
import org.imagelabeler.platform.catalog.StoreInfo;
import org.imagelabeler.platform.catalog.StoreKind;
import org.imagelabeler.platform.catalog.StyleInfo;
import org.imagelabeler.platform.catalog.WorkspaceInfo;
import org.imagelabeler.platform.security.LayerAccessRules;
import org.imagelabeler.platform.web.catalog.LayerEditPage;
import org.imagelabeler.platform.web.catalog.LayersPage;
import org.imagelabeler.platform.web.catalog.WorkspacesPage;
import org.imagelabeler.platform.web.menu.MenuEntry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The admin web shell rendered by {@link WicketTester} against the real platform beans: a Spring
 * context assembled from the modules' auto-configurations, with a fresh data directory and the
 * embedded H2GIS database. The signed-in user is put into Spring Security's context, where the
 * pages read it, as the security filter does for a real request.
 */
@SpringBootTest(
        classes = AdminPagesTest.TestServer.class,
        webEnvironment = SpringBootTest.WebEnvironment.MOCK,
        properties = "labeler.admin-password=" + AdminPagesTest.ADMIN_PASSWORD)
@Import(AdminPagesTest.ExtraMenu.class)
// closes the context (and the database) before the temporary data directory is removed
@DirtiesContext
class AdminPagesTest {

    static final String ADMIN_PASSWORD = "admin-pages-test-password";

    @SpringBootConfiguration
    @EnableAutoConfiguration(exclude = FlywayAutoConfiguration.class)
    static class TestServer {}

    /** A module contributing a page of its own to the menu, in a category of its own. */
    @TestConfiguration(proxyBeanMethods = false)
    static class ExtraMenu {
        @Bean
        MenuEntry extraToolsMenuEntry() {
            return new MenuEntry("extra-tools", "Extra tools", ExtraToolsPage.class, "Tools", 500);
        }
    }

    /** The contributed page; its markup is inline, since it lives in a test. */
    public static class ExtraToolsPage extends BasePage implements IMarkupResourceStreamProvider {

        @Override
        protected String title() {
            return "Extra tools";
        }

        @Override
        public IResourceStream getMarkupResourceStream(MarkupContainer container, Class<?> containerClass) {
            if (containerClass == ExtraToolsPage.class) {
                return new StringResourceStream("<wicket:extend><p>Tools contributed by a module.</p></wicket:extend>");
            }
            return new DefaultMarkupResourceStreamProvider().getMarkupResourceStream(container, containerClass);
        }
    }

    @TempDir
    static Path dataDir;

    @DynamicPropertySource
    static void dataDirectory(DynamicPropertyRegistry registry) {
        registry.add("labeler.data-dir", () -> dataDir.toString());
    }

    @Autowired
    ApplicationContext applicationContext;

    @Autowired
    Catalog catalog;

    @Autowired
    LayerAccessRules rules;

    WicketTester tester;

    @BeforeEach
    void startWicket() {
        tester = new WicketTester(new AdminApplication(applicationContext));
    }

    @AfterEach
    void stopWicket() {
        tester.destroy();
        SecurityContextHolder.clearContext();
    }

    // ---- sign-in ----------------------------------------------------------------------------

    @Test
    void loginPagePostsUserNameAndPasswordToSpringSecurity() {
        tester.startPage(LoginPage.class);

        tester.assertRenderedPage(LoginPage.class);
        String html = tester.getLastResponseAsString();
        TagTester form = TagTester.createTagByName(html, "form");
        assertThat(form.getAttribute("method")).isEqualTo("post");
        assertThat(form.getAttribute("action")).isEqualTo(contextPath() + "/web/login");
        TagTester username = TagTester.createTagByAttribute(html, "name", "username");
        assertThat(username.getName()).isEqualTo("input");
        assertThat(username.getAttribute("type")).isEqualTo("text");
        TagTester password = TagTester.createTagByAttribute(html, "name", "password");
        assertThat(password.getName()).isEqualTo("input");
        assertThat(password.getAttribute("type")).isEqualTo("password");
        assertThat(form.getValue()).contains("name=\"username\"", "name=\"password\"");
        assertThat(html).doesNotContain("Wrong user name or password.");
        assertThat(TagTester.createTagByAttribute(html, "role", "alert")).isNull();
    }

    @Test
    void loginPageShowsTheFailureAfterAWrongPassword() {
        tester.startPage(LoginPage.class, new PageParameters().add("error", ""));

        tester.assertRenderedPage(LoginPage.class);
        TagTester alert = TagTester.createTagByAttribute(tester.getLastResponseAsString(), "role", "alert");
        assertThat(alert).isNotNull();
        assertThat(alert.getValue()).isEqualTo("Wrong user name or password.");
    }

    // ---- home -------------------------------------------------------------------------------

    @Test
    void homePageShowsDataDirectoryAndDatabase() {
        addWorkspace("home_ws");
        signIn("admin", "ROLE_ADMIN");

        tester.startPage(HomePage.class);

        tester.assertRenderedPage(HomePage.class);
        tester.assertLabel("heading", "Server status");
        tester.assertLabel("user", "admin");
        tester.assertLabel("status", "UP");
        tester.assertLabel("dataDirectory", dataDir.toAbsolutePath().normalize().toString());
        tester.assertLabel("databaseKind", "H2GIS");
        tester.assertLabel("workspaces", String.valueOf(catalog.workspaces().size()));
        tester.assertLabel("layers", String.valueOf(catalog.layerCount()));
        assertThat(catalog.workspaces()).isNotEmpty();
        assertThat(statusList())
                .containsEntry("Status", "UP")
                .containsEntry(
                        "Data directory", dataDir.toAbsolutePath().normalize().toString())
                .containsEntry("Workspaces", String.valueOf(catalog.workspaces().size()));
        assertThat(statusList().get("Database")).startsWith("H2GIS (H2 ").endsWith(", H2GIS)");
        TagTester signOut = TagTester.createTagByAttribute(tester.getLastResponseAsString(), "class", "logout");
        assertThat(signOut.getAttribute("method")).isEqualTo("post");
        assertThat(signOut.getAttribute("action")).isEqualTo(contextPath() + "/web/logout");
        assertThat(signOut.getValue()).contains("Sign out");
        // no catalog file failed to load, so the problem section is not shown
        assertThat(tester.getLastResponseAsString()).doesNotContain("could not be loaded");
    }

    // ---- menu -------------------------------------------------------------------------------

    @Test
    void menuListsTheContributedEntriesByCategoryAndOrder() {
        signIn("admin", "ROLE_ADMIN");

        tester.startPage(HomePage.class);

        assertThat(menuCategories()).containsExactly("Server", "Data", "Security", "Tools");
        assertThat(menuEntries())
                .containsExactly("Server status", "Jobs", "Workspaces", "Layers", "Users", "API tokens", "Extra tools");
        TagTester current = TagTester.createTagByAttribute(tester.getLastResponseAsString(), "aria-current", "page");
        assertThat(current.getValue()).contains("Server status");
    }

    @Test
    void menuEntryContributedByAnotherModuleOpensItsPage() {
        signIn("admin", "ROLE_ADMIN");
        tester.startPage(HomePage.class);
        assertThat(menuEntries()).contains("Extra tools");

        tester.clickLink(menuLinkPath("Extra tools"));

        tester.assertRenderedPage(ExtraToolsPage.class);
        tester.assertContains("Tools contributed by a module.");
        // mounted at the entry's id, like the shell's own pages
        assertThat(nav()).contains("href=\"./extra-tools\"", "href=\"./workspaces\"");
        tester.assertLabel("heading", "Extra tools");
        TagTester current = TagTester.createTagByAttribute(tester.getLastResponseAsString(), "aria-current", "page");
        assertThat(current.getValue()).contains("Extra tools");
    }

    // ---- workspaces -------------------------------------------------------------------------

    @Test
    void adminCreatesAWorkspaceThatIsSavedInTheDataDirectory() {
        signIn("admin", "ROLE_ADMIN");
        tester.startPage(WorkspacesPage.class);
        tester.assertRenderedPage(WorkspacesPage.class);

        FormTester form = tester.newFormTester("create");
        form.setValue("name", "floods");
        form.setValue("title", "Floods");
        form.submit();

        tester.assertRenderedPage(WorkspacesPage.class);
        tester.assertNoErrorMessage();
        tester.assertInfoMessages("Created workspace floods");
        assertThat(feedback("feedbackPanelINFO")).containsExactly("Created workspace floods");
        assertThat(catalog.workspaceByName("floods"))
                .get()
                .extracting(WorkspaceInfo::title)
                .isEqualTo("Floods");
        assertThat(dataDir.resolve("workspaces/floods/workspace.json"))
                .isRegularFile()
                .content()
                .contains("\"name\" : \"floods\"", "\"title\" : \"Floods\"");
        assertThat(tableRows())
                .contains(List.of("floods", "Floods Save", "0", "0", "with its stores and layers Delete"));
    }

    @Test
    void invalidWorkspaceNameIsReportedAndChangesNothing() {
        signIn("admin", "ROLE_ADMIN");
        List<String> before = names(catalog.workspaces());
        tester.startPage(WorkspacesPage.class);

        FormTester form = tester.newFormTester("create");
        form.setValue("name", "1bad");
        form.setValue("title", "Bad");
        form.submit();

        tester.assertRenderedPage(WorkspacesPage.class);
        assertThat(tester.getMessages(FeedbackMessage.INFO)).isEmpty();
        assertThat(feedback("feedbackPanelERROR")).singleElement().asString().startsWith("invalid name '1bad'");
        assertThat(names(catalog.workspaces())).isEqualTo(before);
        assertThat(dataDir.resolve("workspaces/1bad")).doesNotExist();
        assertThat(firstColumn()).doesNotContain("1bad");
    }

    @Test
    void workspaceWithAStoreIsDeletedOnlyWithItsContents() {
        WorkspaceInfo ws = addWorkspace("full");
        addCoverageStore(ws, "rasters");
        signIn("admin", "ROLE_ADMIN");
        tester.startPage(WorkspacesPage.class);
        List<String> fullRow = List.of("full", "full workspace Save", "1", "0", "with its stores and layers Delete");
        assertThat(tableRows()).contains(fullRow);

        FormTester withoutRecurse = tester.newFormTester(workspaceRow("full") + ":delete");
        withoutRecurse.submit("submit");

        tester.assertRenderedPage(WorkspacesPage.class);
        assertThat(tester.getMessages(FeedbackMessage.ERROR))
                .singleElement()
                .asString()
                .contains("workspace 'full' is not empty");
        assertThat(tester.getLastResponseAsString()).contains("is not empty");
        assertThat(tableRows()).contains(fullRow);
        assertThat(catalog.workspaceByName("full")).isPresent();
        assertThat(catalog.storeByName("full", "rasters")).isPresent();
        assertThat(dataDir.resolve("workspaces/full/workspace.json")).isRegularFile();
        assertThat(dataDir.resolve("workspaces/full/rasters/store.json")).isRegularFile();

        FormTester withRecurse = tester.newFormTester(workspaceRow("full") + ":delete");
        withRecurse.setValue("recurse", true);
        withRecurse.submit("submit");

        tester.assertRenderedPage(WorkspacesPage.class);
        tester.assertNoErrorMessage();
        tester.assertInfoMessages("Deleted workspace full");
        assertThat(firstColumn()).doesNotContain("full");
        assertThat(catalog.workspaceByName("full")).isEmpty();
        assertThat(catalog.storeByName("full", "rasters")).isEmpty();
        assertThat(dataDir.resolve("workspaces/full")).doesNotExist();
    }

    // ---- non-administrators -----------------------------------------------------------------

    @Test
    void userWhoIsNotAdministratorIsDeniedTheWorkspacesPage() {
        signIn("alice", "ROLE_USER");

        tester.startPage(WorkspacesPage.class);

        tester.assertRenderedPage(AccessDeniedPage.class);
        assertThat(tester.getLastResponse().getStatus()).isEqualTo(403);
        tester.assertLabel("heading", "Access denied");
        tester.assertLabel("user", "alice");
        tester.assertContains("This page is reserved for administrators.");
        assertThat(menuEntries()).doesNotContain("Workspaces").contains("Server status", "Layers");
    }

    @Test
    void menuOfAUserWhoIsNotAdministratorLeavesOutAdministratorPages() {
        signIn("alice", "ROLE_USER");

        tester.startPage(HomePage.class);

        tester.assertRenderedPage(HomePage.class);
        assertThat(menuEntries()).containsExactly("Server status", "Jobs", "Layers", "API tokens", "Extra tools");
        assertThat(menuCategories()).containsExactly("Server", "Data", "Security", "Tools");
    }

    // ---- layers -----------------------------------------------------------------------------

    @Test
    void layersPageListsTheReadableLayersAndHidesThoseAnAccessRuleReservesForAdministrators() {
        WorkspaceInfo open = addWorkspace("open");
        addLayer(addCoverageStore(open, "dem_store"), "dem", "Elevation");
        WorkspaceInfo secret = addWorkspace("secret");
        addLayer(addCoverageStore(secret, "spy_store"), "spy", "Spy imagery");
        signIn("alice", "ROLE_USER");

        tester.startPage(LayersPage.class);

        tester.assertRenderedPage(LayersPage.class);
        tester.assertLabel("heading", "Layers");
        // everybody reads by default; the user administers no workspace, so no delete buttons
        assertThat(tableRows())
                .contains(
                        List.of("open:dem", "Elevation", "RASTER", "dem_store", "yes", ""),
                        List.of("secret:spy", "Spy imagery", "RASTER", "spy_store", "yes", ""));
        assertThat(tester.getLastResponseAsString()).doesNotContain("Publish a layer");

        rules.add(Map.of("secret.*.r", "ADMIN"));
        tester.startPage(LayersPage.class);

        tester.assertRenderedPage(LayersPage.class);
        assertThat(tableRows()).contains(List.of("open:dem", "Elevation", "RASTER", "dem_store", "yes", ""));
        assertThat(firstColumn()).doesNotContain("secret:spy");
        assertThat(tester.getLastResponseAsString()).doesNotContain("Spy imagery", "spy_store");
    }

    @Test
    void administratorPublishesAndDeletesALayerFromTheLayersPage() {
        WorkspaceInfo ws = addWorkspace("pub");
        addCoverageStore(ws, "pub_store");
        signIn("admin", "ROLE_ADMIN");
        tester.startPage(LayersPage.class);
        tester.assertRenderedPage(LayersPage.class);
        assertThat(tester.getLastResponseAsString()).contains("Publish a layer", "pub:pub_store (COVERAGE)");

        FormTester publish = tester.newFormTester("create");
        publish.select("store", storeChoiceIndex("pub:pub_store"));
        publish.setValue("name", "flood_extent");
        publish.setValue("title", "Flood extent");
        publish.select("kind", 0);
        publish.submit();

        tester.assertNoErrorMessage();
        tester.assertInfoMessages("Published layer flood_extent");
        assertThat(catalog.layerByName("pub", "flood_extent")).isPresent();
        assertThat(dataDir.resolve("workspaces/pub/pub_store/flood_extent/layer.json"))
                .isRegularFile();
        assertThat(tableRows())
                .contains(List.of("pub:flood_extent", "Flood extent", "RASTER", "pub_store", "yes", "Edit Delete"));

        String row = layerRow("pub:flood_extent");
        tester.newFormTester(row + ":delete").submit("submit");
        tester.assertInfoMessages("Deleted layer flood_extent");
        assertThat(catalog.layerByName("pub", "flood_extent")).isEmpty();
        assertThat(dataDir.resolve("workspaces/pub/pub_store/flood_extent")).doesNotExist();
    }

    @Test
    void administratorEditsALayersTitleAbstractStyleAndState() {
        WorkspaceInfo ws = addWorkspace("edit");
        addLayer(addCoverageStore(ws, "edit_store"), "sst", "Sea temperature");
        Instant now = Instant.now();
        catalog.add(
                new StyleInfo(UUID.randomUUID().toString(), "thermal", "sld", "thermal.sld", now, now),
                "<StyledLayerDescriptor/>".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        signIn("admin", "ROLE_ADMIN");
        tester.startPage(LayersPage.class);
        assertThat(TagTester.createTagByAttribute(tester.getLastResponseAsString(), "aria-label", "Edit edit:sst")
                        .getAttribute("href"))
                .endsWith("/layer?name=edit:sst");

        tester.startPage(LayerEditPage.class, new PageParameters().add("name", "edit:sst"));
        tester.assertRenderedPage(LayerEditPage.class);
        tester.assertLabel("heading", "Edit layer edit:sst");
        FormTester form = tester.newFormTester("form");
        assertThat(form.getTextComponentValue("title")).isEqualTo("Sea temperature");
        form.setValue("title", "Sea surface temperature");
        form.setValue("abstract", "Daily, 1 km");
        form.select("style", 1); // thermal, after the renderer's default
        form.setValue("enabled", false);
        form.submit();

        tester.assertNoErrorMessage();
        tester.assertInfoMessages("Saved layer edit:sst");
        LayerInfo saved = catalog.layerByName("edit", "sst").orElseThrow();
        assertThat(saved.title()).isEqualTo("Sea surface temperature");
        assertThat(saved.abstractText()).isEqualTo("Daily, 1 km");
        assertThat(saved.defaultStyle()).isEqualTo("thermal");
        assertThat(saved.enabled()).isFalse();
        assertThat(saved.advertised()).isTrue();
        assertThat(dataDir.resolve("workspaces/edit/edit_store/sst/layer.json"))
                .content()
                .contains("Sea surface temperature", "thermal");

        tester.startPage(LayersPage.class);
        assertThat(tableRows())
                .contains(List.of("edit:sst", "Sea surface temperature", "RASTER", "edit_store", "no", "Edit Delete"));
    }

    @Test
    void userWhoDoesNotAdministerTheWorkspaceCannotEditItsLayer() {
        addLayer(addCoverageStore(addWorkspace("guarded"), "guarded_store"), "dem", "Elevation");
        signIn("alice", "ROLE_USER");
        tester.startPage(LayerEditPage.class, new PageParameters().add("name", "guarded:dem"));
        tester.assertRenderedPage(AccessDeniedPage.class);
        assertThat(catalog.layerByName("guarded", "dem").orElseThrow().title()).isEqualTo("Elevation");
    }

    @Test
    void administratorChangesAWorkspaceTitle() {
        addWorkspace("retitled");
        signIn("admin", "ROLE_ADMIN");
        tester.startPage(WorkspacesPage.class);
        FormTester rename = tester.newFormTester(workspaceRow("retitled") + ":rename");
        rename.setValue("title", "Flood mapping");
        rename.submit("save");

        tester.assertNoErrorMessage();
        tester.assertInfoMessages("Saved workspace retitled");
        assertThat(catalog.workspaceByName("retitled").orElseThrow().title()).isEqualTo("Flood mapping");
        assertThat(dataDir.resolve("workspaces/retitled/workspace.json"))
                .content()
                .contains("\"title\" : \"Flood mapping\"");
        assertThat(tableRows())
                .contains(List.of("retitled", "Flood mapping Save", "0", "0", "with its stores and layers Delete"));
    }

    /** Index of a store among the choices of the publish form's store menu. */
    private int storeChoiceIndex(String label) {
        var choice = (org.apache.wicket.markup.html.form.DropDownChoice<?>)
                tester.getComponentFromLastRenderedPage("create:store");
        for (int i = 0; i < choice.getChoices().size(); i++) {
            if (choice.getChoiceRenderer()
                    .getDisplayValue(cast(choice.getChoices().get(i)))
                    .toString()
                    .startsWith(label)) {
                return i;
            }
        }
        throw new AssertionError("no store choice " + label);
    }

    @SuppressWarnings("unchecked")
    private static <T> T cast(Object o) {
        return (T) o;
    }

    /** Wicket path of the table row showing a layer. */
    private String layerRow(String qualifiedName) {
        var rows = (org.apache.wicket.markup.html.list.ListView<?>) tester.getComponentFromLastRenderedPage("layers");
        for (int i = 0; i < rows.size(); i++) {
            var layer =
                    (org.imagelabeler.platform.catalog.LayerInfo) rows.getList().get(i);
            if (catalog.qualifiedName(layer).equals(qualifiedName)) {
                return "layers:" + i;
            }
        }
        throw new AssertionError("no row for " + qualifiedName);
    }

    @Test
    void pagesSurviveSerialisationBetweenRequests() throws Exception {
        signIn("admin", "ROLE_ADMIN");
        for (Class<? extends org.apache.wicket.Page> page :
                List.of(HomePage.class, WorkspacesPage.class, LayersPage.class)) {
            tester.startPage(page);
            try (var out = new java.io.ObjectOutputStream(java.io.OutputStream.nullOutputStream())) {
                out.writeObject(tester.getLastRenderedPage());
            }
        }
    }

    // ---- helpers ----------------------------------------------------------------------------

    private static void signIn(String username, String... roles) {
        var authorities =
                java.util.Arrays.stream(roles).map(SimpleGrantedAuthority::new).toList();
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(username, null, authorities));
    }

    private String contextPath() {
        return tester.getRequest().getContextPath();
    }

    private WorkspaceInfo addWorkspace(String name) {
        Instant now = Instant.now();
        return catalog.add(new WorkspaceInfo(UUID.randomUUID().toString(), name, name + " workspace", now, now));
    }

    private StoreInfo addCoverageStore(WorkspaceInfo ws, String name) {
        Instant now = Instant.now();
        return catalog.add(new StoreInfo(
                UUID.randomUUID().toString(),
                ws.id(),
                name,
                StoreKind.COVERAGE,
                "GeoTIFF",
                null,
                true,
                Map.of(StoreInfo.URL, "file:data/" + name + ".tif"),
                now,
                now));
    }

    private LayerInfo addLayer(StoreInfo store, String name, String title) {
        Instant now = Instant.now();
        return catalog.add(new LayerInfo(
                UUID.randomUUID().toString(),
                store.workspaceId(),
                store.id(),
                name,
                LayerKind.RASTER,
                name,
                title,
                null,
                List.of(),
                true,
                true,
                null,
                List.of(),
                null,
                null,
                null,
                null,
                now,
                now));
    }

    private static List<String> names(List<? extends CatalogInfo> infos) {
        return infos.stream().map(CatalogInfo::name).toList();
    }

    /** The component path of the workspaces table row showing {@code name}. */
    private String workspaceRow(String name) {
        ListView<?> rows = (ListView<?>) tester.getComponentFromLastRenderedPage("workspaces");
        for (var child : rows) {
            ListItem<?> item = (ListItem<?>) child;
            // read the rendered label, not the row's model: loading the page's detachable model
            // here, between requests, would make the next request render the stale list
            if (item.get("name").getDefaultModelObjectAsString().equals(name)) {
                return item.getPageRelativePath();
            }
        }
        throw new AssertionError("no row for workspace " + name);
    }

    /** The path of the menu link titled {@code title}. */
    private String menuLinkPath(String title) {
        ListView<?> categories = (ListView<?>) tester.getComponentFromLastRenderedPage("categories");
        for (var category : categories) {
            ListView<?> entries = (ListView<?>) ((ListItem<?>) category).get("entries");
            for (var child : entries) {
                ListItem<?> entry = (ListItem<?>) child;
                if (((MenuEntry) entry.getModelObject()).title().equals(title)) {
                    return entry.get("link").getPageRelativePath();
                }
            }
        }
        throw new AssertionError("no menu entry " + title);
    }

    // What the browser shows, read from the rendered HTML.

    private String nav() {
        String html = tester.getLastResponseAsString();
        int start = html.indexOf("<nav");
        int end = html.indexOf("</nav>");
        assertThat(start).as("rendered menu").isNotNegative();
        return html.substring(start, end);
    }

    private List<String> menuCategories() {
        return texts(nav(), Pattern.compile("<h2[^>]*>(.*?)</h2>", Pattern.DOTALL));
    }

    private List<String> menuEntries() {
        return texts(nav(), Pattern.compile("<a\\b[^>]*>(.*?)</a>", Pattern.DOTALL));
    }

    /** The texts of the feedback messages shown with the given CSS class. */
    private List<String> feedback(String cssClass) {
        String html = tester.getLastResponseAsString();
        return texts(
                html,
                Pattern.compile(
                        "<li[^>]*class=\"[^\"]*\\b" + cssClass + "\\b[^\"]*\"[^>]*>(.*?)</li>", Pattern.DOTALL));
    }

    /** The status list of the home page: each term with its description. */
    private Map<String, String> statusList() {
        String html = tester.getLastResponseAsString();
        Map<String, String> out = new java.util.LinkedHashMap<>();
        Matcher m = Pattern.compile("<dt>(.*?)</dt>\\s*<dd[^>]*>(.*?)</dd>", Pattern.DOTALL)
                .matcher(html);
        while (m.find()) {
            out.put(text(m.group(1)), text(m.group(2)));
        }
        return out;
    }

    /** The rows of the page's table body, each as the texts of its cells. */
    private List<List<String>> tableRows() {
        String html = tester.getLastResponseAsString();
        int start = html.indexOf("<tbody>");
        int end = html.indexOf("</tbody>");
        assertThat(start).as("rendered table").isNotNegative();
        // a text field shows its value
        String body = html.substring(start, end).replaceAll("<input type=\"text\"[^>]*?value=\"([^\"]*)\"[^>]*>", "$1");
        List<List<String>> rows = new ArrayList<>();
        Matcher row = Pattern.compile("<tr[^>]*>(.*?)</tr>", Pattern.DOTALL).matcher(body);
        while (row.find()) {
            rows.add(texts(row.group(1), Pattern.compile("<td[^>]*>(.*?)</td>", Pattern.DOTALL)));
        }
        return rows;
    }

    private List<String> firstColumn() {
        return tableRows().stream().map(r -> r.get(0)).toList();
    }

    private static List<String> texts(String html, Pattern pattern) {
        List<String> out = new ArrayList<>();
        Matcher m = pattern.matcher(html);
        while (m.find()) {
            out.add(text(m.group(1)));
        }
        return out;
    }

    /** The visible text of an HTML fragment: tags removed, entities decoded, blanks collapsed. */
    private static String text(String html) {
        String noTags = html.replaceAll("<[^>]*>", "");
        return Strings.unescapeMarkup(noTags).toString().replaceAll("\\s+", " ").trim();
    }
}
