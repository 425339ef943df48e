package org.imagelabeler.platform.tiles.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.wicket.feedback.FeedbackMessage;
import org.apache.wicket.util.tester.FormTester;
import org.apache.wicket.util.tester.WicketTester;
import org.imagelabeler.platform.catalog.BoundingBox;
import org.imagelabeler.platform.catalog.Catalog;
import org.imagelabeler.platform.catalog.LayerInfo;
import org.imagelabeler.platform.catalog.LayerKind;
import org.imagelabeler.platform.catalog.StoreInfo;
import org.imagelabeler.platform.catalog.StoreKind;
import org.imagelabeler.platform.catalog.WorkspaceInfo;
import org.imagelabeler.platform.jobs.JobService;
import org.imagelabeler.platform.jobs.JobState;
import org.imagelabeler.platform.raster.GeoTiffWriter;
import org.imagelabeler.platform.web.AccessDeniedPage;
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
 * The coverage stores page against the real platform beans: a GeoTIFF on the server becomes a
 * store and a published layer through the same ingest as the REST upload; refusals are shown on
 * their field; stores are deleted only with their layers when asked; the WMTS and coverage
 * store pages are in the Data menu.
 */
@SpringBootTest(
        classes = CoverageStoresPageTest.TestServer.class,
        webEnvironment = SpringBootTest.WebEnvironment.MOCK,
        properties = "labeler.admin-password=coverage-stores-page-test")
@DirtiesContext
class CoverageStoresPageTest {

    @SpringBootConfiguration
    @EnableAutoConfiguration(exclude = FlywayAutoConfiguration.class)
    static class TestServer {}

    @TempDir
    static Path dataDir;

    @TempDir
    Path outside;

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

    WicketTester tester;

    @BeforeEach
    void start() {
        tester = new WicketTester(new AdminApplication(context));
        signIn("admin", "ROLE_ADMIN");
        if (catalog.workspaceByName("rasters").isEmpty()) {
            Instant now = Instant.now();
            catalog.add(new WorkspaceInfo(UUID.randomUUID().toString(), "rasters", "Rasters", now, now));
        }
    }

    @AfterEach
    void stop() {
        tester.destroy();
        SecurityContextHolder.clearContext();
    }

    @Test
    void aGeoTiffOnTheServerBecomesAStoreAndAPublishedLayer() throws Exception {
        Path tif = geoTiff("delta.tif");

        tester.startPage(CoverageStoresPage.class);
        tester.assertRenderedPage(CoverageStoresPage.class);
        FormTester form = tester.newFormTester("create");
        form.select("workspace", workspaceIndex("rasters"));
        form.setValue("name", "delta");
        form.setValue("path", tif.toString());
        form.submit();

        tester.assertNoErrorMessage();
        String message = tester.getMessages(FeedbackMessage.INFO).get(0).toString();
        assertThat(message).startsWith("Publishing rasters:delta from " + tif + ": job ");
        String jobId = message.replaceAll(".*: job (\\S+) \\(see Jobs\\)$", "$1");
        waitForJob(jobId);

        LayerInfo layer = catalog.layerByName("rasters", "delta").orElseThrow();
        assertThat(layer.kind()).isEqualTo(LayerKind.RASTER);
        assertThat(layer.geographicBounds().minX()).isCloseTo(30, org.assertj.core.data.Offset.offset(1e-6));
        StoreInfo store = catalog.storeByName("rasters", "delta").orElseThrow();
        assertThat(store.kind()).isEqualTo(StoreKind.COVERAGE);
        // the data directory holds its own copy; the server's file is left as it was
        assertThat(store.parameter(StoreInfo.URL)).startsWith("file:coverages/rasters/delta/");
        assertThat(tif).isRegularFile();

        tester.startPage(CoverageStoresPage.class);
        assertThat(tester.getLastResponseAsString()).contains("<td>rasters:delta</td>");
        assertThat(text()).contains("rasters:delta file:coverages/rasters/delta/");
    }

    @Test
    void anUploadedGeoTiffBecomesAStoreAndAPublishedLayer() throws Exception {
        Path tif = geoTiff("upload.tif");
        tester.startPage(CoverageStoresPage.class);
        FormTester form = tester.newFormTester("create");
        form.select("workspace", workspaceIndex("rasters"));
        form.setValue("name", "uploaded");
        form.setFile("file", new org.apache.wicket.util.file.File(tif.toFile()), "image/tiff");
        form.submit();

        tester.assertNoErrorMessage();
        String message = tester.getMessages(FeedbackMessage.INFO).get(0).toString();
        assertThat(message).startsWith("Publishing rasters:uploaded from upload.tif: job ");
        waitForJob(message.replaceAll(".*: job (\\S+) \\(see Jobs\\)$", "$1"));
        assertThat(catalog.layerByName("rasters", "uploaded")).isPresent();
    }

    @Test
    void eitherAnUploadOrAServerPathIsAsked() {
        tester.startPage(CoverageStoresPage.class);
        FormTester neither = tester.newFormTester("create");
        neither.select("workspace", workspaceIndex("rasters"));
        neither.setValue("name", "nothing");
        neither.submit();
        tester.assertErrorMessages("Choose a GeoTIFF to upload, or give the path of one on the server (not both)");
        assertThat(tester.getTagById("coverage-file").getAttribute("aria-invalid"))
                .isEqualTo("true");
        assertThat(catalog.storeByName("rasters", "nothing")).isEmpty();
    }

    @Test
    void aMissingFileABadNameAndANonGeoTiffAreRefusedOnTheirField() throws Exception {
        tester.startPage(CoverageStoresPage.class);
        FormTester missing = tester.newFormTester("create");
        missing.select("workspace", workspaceIndex("rasters"));
        missing.setValue("name", "ghost");
        missing.setValue("path", outside.resolve("nothing.tif").toString());
        missing.submit();
        assertThat(tester.getMessages(FeedbackMessage.ERROR))
                .singleElement()
                .asString()
                .contains("no readable file");
        assertThat(tester.getTagById("coverage-path").getAttribute("aria-invalid"))
                .isEqualTo("true");

        Path text = Files.writeString(outside.resolve("notes.tif"), "not a picture");
        FormTester notTiff = tester.newFormTester("create");
        notTiff.select("workspace", workspaceIndex("rasters"));
        notTiff.setValue("name", "notes");
        notTiff.setValue("path", text.toString());
        notTiff.submit();
        assertThat(tester.getMessages(FeedbackMessage.ERROR)).hasSize(1);
        assertThat(tester.getTagById("coverage-path").getAttribute("aria-invalid"))
                .isEqualTo("true");

        FormTester badName = tester.newFormTester("create");
        badName.select("workspace", workspaceIndex("rasters"));
        badName.setValue("name", "1 bad");
        badName.setValue("path", text.toString());
        badName.submit();
        assertThat(tester.getMessages(FeedbackMessage.ERROR))
                .singleElement()
                .asString()
                .contains("1 bad");
        assertThat(tester.getTagById("coverage-name").getAttribute("aria-invalid"))
                .isEqualTo("true");

        assertThat(catalog.storeByName("rasters", "ghost")).isEmpty();
        assertThat(catalog.storeByName("rasters", "notes")).isEmpty();
        assertThat(dataDir.resolve("coverages/rasters/notes"))
                .satisfiesAnyOf(
                        p -> assertThat(p).doesNotExist(), p -> assertThat(p).isEmptyDirectory());
    }

    @Test
    void aStoreWithLayersIsDeletedOnlyWithThem() {
        StoreInfo store = addCoverageStore("full");
        addLayer(store, "full");
        tester.startPage(CoverageStoresPage.class);

        FormTester delete = tester.newFormTester(storeRow("rasters:full") + ":delete");
        delete.submit("submit");
        assertThat(tester.getMessages(FeedbackMessage.ERROR))
                .singleElement()
                .asString()
                .contains("store 'full' still publishes 1 layer(s)");
        assertThat(catalog.storeByName("rasters", "full")).isPresent();

        FormTester recurse = tester.newFormTester(storeRow("rasters:full") + ":delete");
        recurse.setValue("recurse", true);
        recurse.submit("submit");
        tester.assertInfoMessages("Deleted store rasters:full");
        assertThat(catalog.storeByName("rasters", "full")).isEmpty();
        assertThat(catalog.layerByName("rasters", "full")).isEmpty();
        assertThat(tester.getLastResponseAsString()).doesNotContain("<td>rasters:full</td>");
    }

    @Test
    void theStorePagesAreInTheDataMenuForAdministratorsOnly() {
        tester.startPage(CoverageStoresPage.class);
        String html = tester.getLastResponseAsString();
        assertThat(html).contains(">Coverage stores<", ">Remote WMTS stores<", ">Tile cache<");

        SecurityContextHolder.clearContext();
        signIn("alice", "ROLE_USER");
        tester.startPage(CoverageStoresPage.class);
        tester.assertRenderedPage(AccessDeniedPage.class);
    }

    // ---- helpers ----------------------------------------------------------------------------

    private static void signIn(String username, String role) {
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                        username, null, List.of(new SimpleGrantedAuthority(role))));
    }

    /**
     * A blue GeoTIFF of 64 x 48 px in EPSG:4326: smaller than one tile, served as it is written.
     */
    Path geoTiff(String name) {
        Path tif = outside.resolve(name);
        BufferedImage picture = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        var g = picture.createGraphics();
        g.setColor(Color.BLUE);
        g.fillRect(0, 0, 64, 48);
        g.dispose();
        GeoTiffWriter.write(picture, "EPSG:4326", new BoundingBox(30, 30, 32, 31.5, "EPSG:4326"), tif);
        return tif;
    }

    private int workspaceIndex(String name) {
        return catalog.workspaces().stream().map(WorkspaceInfo::name).toList().indexOf(name);
    }

    private void waitForJob(String id) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            var job = jobs.find(id).orElseThrow();
            if (job.state() == JobState.SUCCEEDED) {
                return;
            }
            assertThat(job.state()).as(job.message()).isIn(JobState.QUEUED, JobState.RUNNING);
            Thread.sleep(100);
        }
        throw new AssertionError("job " + id + " did not finish");
    }

    private String storeRow(String qualifiedName) {
        var rows = (org.apache.wicket.markup.html.list.ListView<?>) tester.getComponentFromLastRenderedPage("stores");
        for (var child : rows) {
            var item = (org.apache.wicket.markup.html.list.ListItem<?>) child;
            if (item.get("name").getDefaultModelObjectAsString().equals(qualifiedName)) {
                return item.getPageRelativePath();
            }
        }
        throw new AssertionError("no row for store " + qualifiedName);
    }

    private String text() {
        return tester.getLastResponseAsString().replaceAll("<[^>]*>", " ").replaceAll("\\s+", " ");
    }

    private StoreInfo addCoverageStore(String name) {
        Instant now = Instant.now();
        return catalog.add(new StoreInfo(
                UUID.randomUUID().toString(),
                catalog.workspaceByName("rasters").orElseThrow().id(),
                name,
                StoreKind.COVERAGE,
                "GeoTIFF",
                null,
                true,
                java.util.Map.of(StoreInfo.URL, "file:data/" + name + ".tif"),
                now,
                now));
    }

    private void addLayer(StoreInfo store, String name) {
        Instant now = Instant.now();
        catalog.add(new LayerInfo(
                UUID.randomUUID().toString(),
                store.workspaceId(),
                store.id(),
                name,
                LayerKind.RASTER,
                name,
                name,
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
}
