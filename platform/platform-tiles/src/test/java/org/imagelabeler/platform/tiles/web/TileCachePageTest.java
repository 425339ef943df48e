package org.imagelabeler.platform.tiles.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.wicket.request.mapper.parameter.PageParameters;
import org.apache.wicket.util.tester.FormTester;
import org.apache.wicket.util.tester.WicketTester;
import org.imagelabeler.platform.catalog.Catalog;
import org.imagelabeler.platform.catalog.LayerInfo;
import org.imagelabeler.platform.catalog.LayerKind;
import org.imagelabeler.platform.catalog.StoreInfo;
import org.imagelabeler.platform.catalog.StoreKind;
import org.imagelabeler.platform.catalog.WorkspaceInfo;
import org.imagelabeler.platform.jobs.Job;
import org.imagelabeler.platform.jobs.JobService;
import org.imagelabeler.platform.rest.ApiProblem;
import org.imagelabeler.platform.security.LayerAccessRules;
import org.imagelabeler.platform.security.Subject;
import org.imagelabeler.platform.tiles.seed.LayerSeeding;
import org.imagelabeler.platform.tiles.seed.SeedRequest;
import org.imagelabeler.platform.tiles.seed.TileSeedJob;
import org.imagelabeler.platform.web.AdminApplication;
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
 * The tile cache page against the real tile and job services: the form submits the same
 * {@code tiles.seed} job as {@code POST /rest/seed/{layer}}, for the same people, refused alike.
 */
@SpringBootTest(
        classes = TileCachePageTest.TestServer.class,
        webEnvironment = SpringBootTest.WebEnvironment.MOCK,
        properties = {"labeler.admin-password=tile-cache-page-test", "labeler.cascade.refresh-hours=0"})
@DirtiesContext
class TileCachePageTest {

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
    Catalog catalog;

    @Autowired
    JobService jobs;

    @Autowired
    LayerSeeding seeding;

    @Autowired
    LayerAccessRules rules;

    WicketTester tester;

    @BeforeEach
    void start() {
        tester = new WicketTester(new AdminApplication(context));
        if (catalog.workspaceByName("tiles").isEmpty()) {
            Instant now = Instant.now();
            WorkspaceInfo ws = catalog.add(new WorkspaceInfo(UUID.randomUUID().toString(), "tiles", "Tiles", now, now));
            StoreInfo store = catalog.add(new StoreInfo(
                    UUID.randomUUID().toString(),
                    ws.id(),
                    "dem_store",
                    StoreKind.COVERAGE,
                    "GeoTIFF",
                    null,
                    true,
                    Map.of(StoreInfo.URL, "file:data/dem.tif"),
                    now,
                    now));
            catalog.add(new LayerInfo(
                    UUID.randomUUID().toString(),
                    ws.id(),
                    store.id(),
                    "dem",
                    LayerKind.RASTER,
                    "dem",
                    "Elevation",
                    null,
                    List.of(),
                    true,
                    true,
                    null,
                    List.of(),
                    null,
                    null,
                    null,
                    Map.of("time.values", "2024-01-01,2024-02-01", "time.default", "2024-02-01"),
                    now,
                    now));
            rules.add(Map.of("tiles.*.a", "TILER"));
        }
    }

    @AfterEach
    void stop() {
        tester.destroy();
        SecurityContextHolder.clearContext();
    }

    @Test
    void administratorSeesTheLayersAndTheCachesDiskUse() {
        signIn("admin", "ROLE_ADMIN");

        tester.startPage(TileCachePage.class);

        tester.assertRenderedPage(TileCachePage.class);
        tester.assertLabel("heading", "Tile cache");
        assertThat(tester.getLastResponseAsString()).contains("MB used", "tiles:dem", "WebMercatorQuad", "image/png");
        // each layer links to its form, at the menu entry's URL
        assertThat(tester.getLastResponseAsString()).contains("href=\"./tile-cache?layer=tiles:dem\"");
        // no layer chosen yet: no form
        assertThat(tester.getLastResponseAsString()).doesNotContain("Seed, reseed or truncate");
    }

    @Test
    void workspaceAdministratorSubmitsTheSameSeedJobAsTheRestApi() throws Exception {
        signIn("tina", "ROLE_TILER");
        tester.startPage(TileCachePage.class, new PageParameters().add("layer", "tiles:dem"));
        tester.assertRenderedPage(TileCachePage.class);
        tester.assertNoErrorMessage();
        tester.assertContains("TIME \\(empty: the default");

        FormTester form = tester.newFormTester("seed");
        form.select("type", 0); // seed
        form.setValue("zoomStart", "1");
        form.setValue("zoomStop", "2");
        form.setValue("minX", "0");
        form.setValue("minY", "0");
        form.setValue("maxX", "1000");
        form.setValue("maxY", "1000");
        form.setValue("timeRow:time", "2024-01-01");
        form.submit();

        tester.assertNoErrorMessage();
        List<Job> mine = jobs.list("tina", 10);
        assertThat(mine).singleElement().satisfies(job -> {
            assertThat(job.type()).isEqualTo(TileSeedJob.TYPE);
            var parameters = new ObjectMapper().readValue(job.parameters(), TileSeedJob.Parameters.class);
            assertThat(parameters.layerId())
                    .isEqualTo(catalog.layerByName("tiles", "dem").orElseThrow().id());
            SeedRequest r = parameters.request();
            assertThat(r.type()).isEqualTo("seed");
            assertThat(r.tileMatrixSet()).isEqualTo("WebMercatorQuad");
            assertThat(r.zoomStart()).isEqualTo(1);
            assertThat(r.zoomStop()).isEqualTo(2);
            assertThat(r.format()).isEqualTo("image/png");
            assertThat(r.time()).isEqualTo("2024-01-01");
            assertThat(r.bounds().maxX()).isEqualTo(1000.0);
        });
        tester.assertInfoMessages(
                "Submitted seed of tiles:dem as job " + mine.get(0).id() + ": follow it on the Jobs page");
        jobs.cancel(mine.get(0).id());
    }

    @Test
    void invalidSeedRequestsAreRefusedWithTheRestApisMessages() {
        signIn("admin", "ROLE_ADMIN");
        tester.startPage(TileCachePage.class, new PageParameters().add("layer", "tiles:dem"));
        int before = jobs.list(null, 1000).size();

        FormTester zoom = tester.newFormTester("seed");
        zoom.setValue("zoomStart", "99");
        zoom.submit();
        String restMessage =
                restRefusal(new SeedRequest("seed", "WebMercatorQuad", 99, null, null, "image/png", null, null));
        assertThat(restMessage).startsWith("zoomStart must be between 0 and ");
        tester.assertErrorMessages(restMessage);

        // the form keeps what was typed: correct the zoom level, get the next refusal
        FormTester time = tester.newFormTester("seed");
        time.setValue("zoomStart", "0");
        time.setValue("timeRow:time", "1999-01-01");
        time.submit();
        tester.assertErrorMessages(restRefusal(
                new SeedRequest("seed", "WebMercatorQuad", 0, null, null, "image/png", null, "1999-01-01")));

        FormTester noSet = tester.newFormTester("seed");
        noSet.setValue("timeRow:time", "");
        noSet.setValue("tileMatrixSet", "");
        noSet.submit();
        tester.assertErrorMessages("name the tile matrix set to seed");

        FormTester halfBounds = tester.newFormTester("seed");
        halfBounds.setValue("minX", "0");
        halfBounds.submit();
        tester.assertErrorMessages("bounds need minX, minY, maxX and maxY, or none of them");

        assertThat(jobs.list(null, 1000)).hasSize(before);
    }

    @Test
    void userWhoAdministersNoWorkspaceIsRefusedAsByTheRestApi() {
        signIn("alice", "ROLE_USER");

        tester.startPage(TileCachePage.class, new PageParameters().add("layer", "tiles:dem"));

        tester.assertRenderedPage(TileCachePage.class);
        tester.assertErrorMessages("only administrators of workspace 'tiles' may seed its layers");
        assertThat(tester.getLastResponseAsString()).doesNotContain("Seed, reseed or truncate", "tiles:dem\n");
        tester.assertInvisible("seed");
        assertThat(((org.apache.wicket.markup.html.list.ListView<?>) tester.getComponentFromLastRenderedPage("layers"))
                        .size())
                .isZero();
    }

    @Test
    void truncatingTheWholeLayerRunsToTheEnd() throws Exception {
        signIn("admin", "ROLE_ADMIN");
        tester.startPage(TileCachePage.class, new PageParameters().add("layer", "tiles:dem"));

        FormTester form = tester.newFormTester("seed");
        form.select("type", 2); // truncate
        form.setValue("tileMatrixSet", "");
        form.setValue("format", "");
        form.setValue("zoomStart", "");
        form.submit();

        tester.assertNoErrorMessage();
        Job job = jobs.list("admin", 1).get(0);
        assertThat(job.type()).isEqualTo(TileSeedJob.TYPE);
        for (int i = 0; i < 250 && !jobs.find(job.id()).orElseThrow().state().isFinal(); i++) {
            Thread.sleep(20);
        }
        assertThat(jobs.find(job.id()).orElseThrow().state())
                .isEqualTo(org.imagelabeler.platform.jobs.JobState.SUCCEEDED);
    }

    @Test
    void pageWithItsFormSurvivesSerialisationBetweenRequests() throws Exception {
        signIn("admin", "ROLE_ADMIN");
        tester.startPage(TileCachePage.class, new PageParameters().add("layer", "tiles:dem"));
        try (var out = new java.io.ObjectOutputStream(java.io.OutputStream.nullOutputStream())) {
            out.writeObject(tester.getLastRenderedPage());
        }
    }

    private String restRefusal(SeedRequest request) {
        Subject admin = new Subject("admin", java.util.Set.of("ADMIN"));
        return catchThrowableOfType(
                        ApiProblem.class,
                        () -> seeding.submit(admin, seeding.administered(admin, "tiles:dem"), request))
                .getMessage();
    }

    private static void signIn(String username, String... roles) {
        var authorities =
                java.util.Arrays.stream(roles).map(SimpleGrantedAuthority::new).toList();
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(username, null, authorities));
    }
}
