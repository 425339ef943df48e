package org.imagelabeler.platform.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.apache.wicket.markup.html.list.ListItem;
import org.apache.wicket.markup.html.list.ListView;
import org.apache.wicket.util.tester.FormTester;
import org.apache.wicket.util.tester.WicketTester;
import org.imagelabeler.platform.security.ApiToken;
import org.imagelabeler.platform.security.ApiTokenRepository;
import org.imagelabeler.platform.security.ApiTokens;
import org.imagelabeler.platform.security.UserAccount;
import org.imagelabeler.platform.security.UserAccounts;
import org.imagelabeler.platform.web.AccessDeniedPage;
import org.imagelabeler.platform.web.AdminApplication;
import org.imagelabeler.platform.web.RenderedTable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The users and API tokens pages against the real account services: the same rules and
 * refusals as {@code /rest/security/users} and {@code /rest/security/tokens}.
 */
@SpringBootTest(
        classes = SecurityPagesTest.TestServer.class,
        webEnvironment = SpringBootTest.WebEnvironment.MOCK,
        properties = "labeler.admin-password=security-pages-test-password")
@DirtiesContext
class SecurityPagesTest {

    @SpringBootConfiguration
    @EnableAutoConfiguration(exclude = FlywayAutoConfiguration.class)
    static class TestServer {}

    @TempDir
    static Path dataDir;

    @DynamicPropertySource
    static void dataDirectory(DynamicPropertyRegistry registry) {
        registry.add("labeler.data-dir", () -> dataDir.toString());
    }

    @Autowired
    ApplicationContext context;

    @Autowired
    UserAccounts accounts;

    @Autowired
    ApiTokens tokens;

    @Autowired
    ApiTokenRepository tokenRepository;

    WicketTester tester;

    @BeforeEach
    void start() {
        tester = new WicketTester(new AdminApplication(context));
    }

    @AfterEach
    void stop() {
        tester.destroy();
        SecurityContextHolder.clearContext();
    }

    // ---- users ------------------------------------------------------------------------------

    @Test
    void administratorCreatesAUserWithRolesWhoCanThenSignIn() {
        signIn("admin", "ROLE_ADMIN");
        tester.startPage(UsersPage.class);
        tester.assertRenderedPage(UsersPage.class);
        assertThat(firstColumn()).contains("admin");

        FormTester form = tester.newFormTester("create");
        form.setValue("username", "erin");
        form.setValue("password", "erins-password");
        form.setValue("confirm", "erins-password");
        form.setValue("roles", "EDITOR, ROLE_viewer");
        form.submit();

        tester.assertNoErrorMessage();
        tester.assertInfoMessages("Created user erin");
        UserAccount erin = accounts.find("erin").orElseThrow();
        assertThat(erin.enabled()).isTrue();
        assertThat(erin.roles()).containsExactlyInAnyOrder("EDITOR", "VIEWER");
        assertThat(firstColumn()).contains("erin");
        assertThat(rolesShown("erin")).isEqualTo("EDITOR, VIEWER");
    }

    @Test
    void passwordsThatDifferOrAreTooShortCreateNoUser() {
        signIn("admin", "ROLE_ADMIN");
        tester.startPage(UsersPage.class);

        FormTester differ = tester.newFormTester("create");
        differ.setValue("username", "frank");
        differ.setValue("password", "franks-password");
        differ.setValue("confirm", "franks-passw0rd");
        differ.submit();
        assertThat(tester.getLastResponseAsString()).contains("must be equal");
        assertThat(accounts.find("frank")).isEmpty();

        FormTester shortOne = tester.newFormTester("create");
        shortOne.setValue("username", "frank");
        shortOne.setValue("password", "short");
        shortOne.setValue("confirm", "short");
        shortOne.submit();
        tester.assertErrorMessages("a password has at least 8 characters");
        assertThat(accounts.find("frank")).isEmpty();
    }

    @Test
    void administratorChangesRolesDisablesAndDeletesAUser() {
        accounts.create("grace", "graces-password", true, Set.of("USER"));
        signIn("admin", "ROLE_ADMIN");
        tester.startPage(UsersPage.class);

        FormTester edit = tester.newFormTester(userRow("grace") + ":edit");
        edit.setValue("roles", "USER, EDITOR");
        edit.setValue("enabled", false);
        edit.submit("save");

        tester.assertNoErrorMessage();
        tester.assertInfoMessages("Saved user grace");
        UserAccount grace = accounts.find("grace").orElseThrow();
        assertThat(grace.roles()).containsExactlyInAnyOrder("USER", "EDITOR");
        assertThat(grace.enabled()).isFalse();

        tester.newFormTester(userRow("grace") + ":edit").submit("delete");

        tester.assertInfoMessages("Deleted user grace");
        assertThat(accounts.find("grace")).isEmpty();
        assertThat(firstColumn()).doesNotContain("grace");
    }

    @Test
    void theLastAdministratorCanBeNeitherDemotedDisabledNorDeleted() {
        assertThat(accounts.list().stream().filter(u -> u.roles().contains("ADMIN") && u.enabled()))
                .extracting(UserAccount::username)
                .containsExactly("admin");
        signIn("admin", "ROLE_ADMIN");
        tester.startPage(UsersPage.class);

        FormTester demote = tester.newFormTester(userRow("admin") + ":edit");
        demote.setValue("roles", "USER");
        demote.submit("save");
        tester.assertErrorMessages("'admin' is the last enabled administrator");

        FormTester disable = tester.newFormTester(userRow("admin") + ":edit");
        disable.setValue("enabled", false);
        disable.submit("save");
        tester.assertErrorMessages("'admin' is the last enabled administrator");

        tester.newFormTester(userRow("admin") + ":edit").submit("delete");
        tester.assertErrorMessages("'admin' is the last enabled administrator");

        UserAccount admin = accounts.find("admin").orElseThrow();
        assertThat(admin.roles()).contains("ADMIN");
        assertThat(admin.enabled()).isTrue();
    }

    @Test
    void userWhoIsNotAdministratorIsDeniedTheUsersPage() {
        signIn("alice", "ROLE_USER");

        tester.startPage(UsersPage.class);

        tester.assertRenderedPage(AccessDeniedPage.class);
        assertThat(tester.getLastResponse().getStatus()).isEqualTo(403);
        assertThat(tester.getLastResponseAsString()).doesNotContain("New user");
    }

    // ---- API tokens -------------------------------------------------------------------------

    @Test
    void userCreatesATokenWhoseSecretIsShownOnceAndAuthenticates() {
        accounts.create("heidi", "heidis-password", true, Set.of("USER"));
        signIn("heidi", "ROLE_USER");
        tester.startPage(ApiTokensPage.class);
        tester.assertRenderedPage(ApiTokensPage.class);

        FormTester form = tester.newFormTester("create");
        form.setValue("name", "notebook");
        form.setValue("days", "30");
        form.submit();

        tester.assertNoErrorMessage();
        String html = tester.getLastResponseAsString();
        String secret = html.replaceAll("(?s).*<code>(" + ApiTokens.PREFIX + "[^<]+)</code>.*", "$1");
        assertThat(secret).startsWith(ApiTokens.PREFIX).doesNotContain("<");
        assertThat(tokens.authenticate(secret))
                .get()
                .extracting(UserAccount::username)
                .isEqualTo("heidi");
        ApiToken token = tokenRepository
                .findByUser(accounts.find("heidi").orElseThrow().id())
                .get(0);
        assertThat(token.name()).isEqualTo("notebook");
        assertThat(Duration.between(token.created(), token.expires())).isEqualTo(Duration.ofDays(30));
        assertThat(RenderedTable.rows(html))
                .anySatisfy(r -> assertThat(r).startsWith("notebook", "heidi").contains("active", "Revoke"));

        // shown once: the page rendered again holds no secret
        tester.startPage(ApiTokensPage.class);
        assertThat(tester.getLastResponseAsString()).doesNotContain(secret).doesNotContain("shown this once");
    }

    @Test
    void tokenNamesAndValiditiesAreRefusedAsByTheRestApi() {
        signIn("admin", "ROLE_ADMIN");
        tester.startPage(ApiTokensPage.class);
        int before = tokenRepository.findAll().size();

        tester.newFormTester("create").submit();
        tester.assertErrorMessages("a token needs a name of 1 to 100 characters, to recognise it later");

        FormTester tooLong = tester.newFormTester("create");
        tooLong.setValue("name", "ci");
        tooLong.setValue("days", "4000");
        tooLong.submit();
        tester.assertErrorMessages("expiresInDays must be between 1 and 3650");

        assertThat(tokenRepository.findAll()).hasSize(before);
    }

    @Test
    void userSeesAndRevokesOnlyTheirOwnTokensWhileAdministratorsRevokeAnybodys() {
        UserAccount ivan = accounts.create("ivan", "ivans-password", true, Set.of("USER"));
        UserAccount judy = accounts.create("judy", "judys-password", true, Set.of("USER"));
        var ivans = tokens.issue(ivan, "ivan-ci", null);
        var judys = tokens.issue(judy, "judy-ci", null);
        signIn("ivan", "ROLE_USER");

        tester.startPage(ApiTokensPage.class);

        assertThat(firstColumn()).containsExactly("ivan-ci");
        tester.newFormTester(tokenRow("ivan-ci") + ":revoke").submit("submit");
        tester.assertInfoMessages("Revoked token ivan-ci of ivan");
        assertThat(tokenRepository.findById(ivans.token().id()).orElseThrow().revoked())
                .isNotNull();
        assertThat(tokens.authenticate(ivans.secret())).isEmpty();
        assertThat(RenderedTable.rows(tester.getLastResponseAsString()).get(0)).contains("revoked");

        signIn("admin", "ROLE_ADMIN");
        tester.startPage(ApiTokensPage.class);
        assertThat(firstColumn()).contains("ivan-ci", "judy-ci");
        tester.newFormTester(tokenRow("judy-ci") + ":revoke").submit("submit");
        tester.assertInfoMessages("Revoked token judy-ci of judy");
        assertThat(tokens.authenticate(judys.secret())).isEmpty();
    }

    @Test
    void pagesSurviveSerialisationBetweenRequests() throws Exception {
        signIn("admin", "ROLE_ADMIN");
        for (Class<? extends org.apache.wicket.Page> page : List.of(UsersPage.class, ApiTokensPage.class)) {
            tester.startPage(page);
            try (var out = new java.io.ObjectOutputStream(java.io.OutputStream.nullOutputStream())) {
                out.writeObject(tester.getLastRenderedPage());
            }
        }
    }

    // ---- helpers ----------------------------------------------------------------------------

    private List<String> firstColumn() {
        return RenderedTable.rows(tester.getLastResponseAsString()).stream()
                .map(r -> r.get(0))
                .toList();
    }

    private String rolesShown(String username) {
        var field = tester.getComponentFromLastRenderedPage(userRow(username) + ":edit:roles");
        return field.getDefaultModelObjectAsString();
    }

    /** The path of the row whose first label reads {@code text}, read from the rendered labels. */
    private String row(String listView, String label, String text) {
        ListView<?> rows = (ListView<?>) tester.getComponentFromLastRenderedPage(listView);
        for (var child : rows) {
            ListItem<?> item = (ListItem<?>) child;
            if (item.get(label).getDefaultModelObjectAsString().equals(text)) {
                return item.getPageRelativePath();
            }
        }
        throw new AssertionError("no row for " + text);
    }

    private String userRow(String username) {
        return row("users", "username", username);
    }

    private String tokenRow(String name) {
        return row("tokens", "name", name);
    }

    private static void signIn(String username, String... roles) {
        var authorities =
                java.util.Arrays.stream(roles).map(SimpleGrantedAuthority::new).toList();
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(username, null, authorities));
    }
}
