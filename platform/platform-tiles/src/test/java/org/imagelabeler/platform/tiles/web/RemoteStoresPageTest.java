package org.imagelabeler.platform.tiles.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Instant;
import java.util.UUID;
import org.apache.wicket.request.mapper.parameter.PageParameters;
import org.apache.wicket.util.tester.FormTester;
import org.apache.wicket.util.tester.WicketTester;
import org.imagelabeler.platform.catalog.Catalog;
import org.imagelabeler.platform.catalog.LayerKind;
import org.imagelabeler.platform.catalog.StoreInfo;
import org.imagelabeler.platform.catalog.StoreKind;
import org.imagelabeler.platform.catalog.WorkspaceInfo;
import org.imagelabeler.platform.web.AdminApplication;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
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
 * The admin pages of remote WMTS stores, rendered by WicketTester against the real platform
 * beans, with a local HTTP server serving a real GIBS capabilities document: create a store
 * from its URL, list the remote's layers, publish one.
 */
@SpringBootTest(
        classes = RemoteStoresPageTest.TestServer.class,
        webEnvironment = SpringBootTest.WebEnvironment.MOCK,
        properties = {"labeler.admin-password=remote-stores-page-test", "labeler.cascade.refresh-hours=0"})
@DirtiesContext
class RemoteStoresPageTest {

    @SpringBootConfiguration
    @EnableAutoConfiguration(exclude = FlywayAutoConfiguration.class)
    static class TestServer {}

    @TempDir
    static Path dataDir;

    static HttpServer remote;

    @DynamicPropertySource
    static void dataDirectory(DynamicPropertyRegistry registry) {
        registry.add("labeler.data-dir", () -> dataDir.toString());
    }

    @BeforeAll
    static void startRemote() throws IOException {
        remote = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        remote.createContext("/wmts.cgi", x -> {
            try (InputStream in = RemoteStoresPageTest.class.getResourceAsStream("/capabilities/eosdis-wmts-cap.xml")) {
                byte[] body = in.readAllBytes();
                x.getResponseHeaders().set("Content-Type", "application/xml");
                x.sendResponseHeaders(200, body.length);
                try (OutputStream out = x.getResponseBody()) {
                    out.write(body);
                }
            }
        });
        remote.start();
    }

    @AfterAll
    static void stopRemote() {
        remote.stop(0);
    }

    @Autowired
    ApplicationContext context;

    @Autowired
    Catalog catalog;

    WicketTester tester;

    @BeforeEach
    void start() {
        tester = new WicketTester(new AdminApplication(context));
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                        "admin", null, java.util.List.of(new SimpleGrantedAuthority("ROLE_ADMIN"))));
        if (catalog.workspaceByName("remote").isEmpty()) {
            Instant now = Instant.now();
            catalog.add(new WorkspaceInfo(UUID.randomUUID().toString(), "remote", "Remote", now, now));
        }
    }

    @AfterEach
    void stop() {
        tester.destroy();
        SecurityContextHolder.clearContext();
    }

    @Test
    void aStoreIsCreatedFromACapabilitiesUrlAndItsLayersPublished() {
        tester.startPage(RemoteStoresPage.class);
        tester.assertRenderedPage(RemoteStoresPage.class);
        FormTester form = tester.newFormTester("create");
        form.select(
                "workspace",
                catalog.workspaces().stream().map(WorkspaceInfo::name).toList().indexOf("remote"));
        form.setValue("name", "map1");
        form.setValue("url", "http://127.0.0.1:" + remote.getAddress().getPort() + "/wmts.cgi?SERVICE=WMTS");
        form.submit();
        tester.assertNoErrorMessage();
        StoreInfo store = catalog.storeByName("remote", "map1").orElseThrow();
        assertThat(store.kind()).isEqualTo(StoreKind.WMTS);
        assertThat(tester.getLastResponseAsString()).contains("remote:map1");

        tester.startPage(RemoteLayersPage.class, new PageParameters().add("store", store.id()));
        tester.assertNoErrorMessage();
        String html = tester.getLastResponseAsString();
        assertThat(html).contains("MODIS_Terra_CorrectedReflectance_TrueColor").contains("EPSG4326_250m");

        // publish the row of MODIS Terra true colour under a name of our own
        var rows = (org.apache.wicket.markup.html.list.ListView<?>) tester.getComponentFromLastRenderedPage("layers");
        int row = -1;
        for (int i = 0; i < rows.getList().size(); i++) {
            var remoteLayer = (org.imagelabeler.platform.tiles.cascade.RemoteLayer)
                    rows.getList().get(i);
            if (remoteLayer.identifier().equals("MODIS_Terra_CorrectedReflectance_TrueColor")) {
                row = i;
            }
        }
        FormTester publish = tester.newFormTester("layers:" + row + ":publish");
        publish.setValue("name", "terra");
        publish.submit();
        tester.assertNoErrorMessage();
        var layer = catalog.layerByName("remote", "terra").orElseThrow();
        assertThat(layer.kind()).isEqualTo(LayerKind.REMOTE);
        assertThat(layer.nativeName()).isEqualTo("MODIS_Terra_CorrectedReflectance_TrueColor");
        assertThat(layer.metadata()).containsEntry("remote.tileMatrixSets", "EPSG4326_250m");
    }

    @Test
    void anEmptyStoreIsDeletedFromItsRow() {
        Instant now = Instant.now();
        catalog.add(new StoreInfo(
                UUID.randomUUID().toString(),
                catalog.workspaceByName("remote").orElseThrow().id(),
                "unused",
                StoreKind.WMTS,
                "WMTS",
                null,
                true,
                java.util.Map.of(StoreInfo.CAPABILITIES_URL, "http://127.0.0.1:1/wmts"),
                now,
                now));
        tester.startPage(RemoteStoresPage.class);
        var rows = (org.apache.wicket.markup.html.list.ListView<?>) tester.getComponentFromLastRenderedPage("stores");
        String row = null;
        for (var child : rows) {
            var item = (org.apache.wicket.markup.html.list.ListItem<?>) child;
            if (item.get("name").getDefaultModelObjectAsString().equals("remote:unused")) {
                row = item.getPageRelativePath();
            }
        }
        assertThat(row).isNotNull();
        tester.newFormTester(row + ":delete").submit("submit");
        tester.assertInfoMessages("Deleted store remote:unused");
        assertThat(catalog.storeByName("remote", "unused")).isEmpty();
        assertThat(tester.getLastResponseAsString()).doesNotContain("<td>remote:unused</td>");
    }

    @Test
    void nonHttpUrlsAreRefused() {
        tester.startPage(RemoteStoresPage.class);
        FormTester form = tester.newFormTester("create");
        form.select("workspace", 0);
        form.setValue("name", "local");
        form.setValue("url", "file:///etc/passwd");
        form.submit();
        assertThat(tester.getMessages(org.apache.wicket.feedback.FeedbackMessage.ERROR))
                .anySatisfy(m -> assertThat(m.toString()).contains("http"));
        assertThat(catalog.workspaces().stream()
                        .flatMap(ws -> catalog.stores(ws).stream())
                        .map(StoreInfo::name))
                .doesNotContain("local");
    }
}
