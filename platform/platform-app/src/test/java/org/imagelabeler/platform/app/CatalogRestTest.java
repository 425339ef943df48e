package org.imagelabeler.platform.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import org.imagelabeler.platform.testing.RestClient;
import org.junit.jupiter.api.Test;

/** The catalog REST API: GeoServer's shapes and status codes, and every change on disk first. */
class CatalogRestTest extends ServerTestBase {

    @Test
    void newDataDirIsCreatedFromTheTemplate() {
        assertThat(dataDir.resolve("security/layers.properties")).exists();
        var r = client.get("/rest/workspaces/demo", admin);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().at("/workspace/title").asText()).isEqualTo("Demonstration workspace");
    }

    @Test
    void createdWorkspaceIsOnDiskWhenTheResponseArrives() {
        var r = client.post("/rest/workspaces", "{\"workspace\":{\"name\":\"floods\",\"title\":\"Floods\"}}", admin);
        assertThat(r.status()).isEqualTo(201);
        assertThat(r.header("Location")).isEqualTo(client.base() + "/rest/workspaces/floods");
        assertThat(dataDir.resolve("workspaces/floods/workspace.json"))
                .exists()
                .content()
                .contains("\"title\" : \"Floods\"");

        var got = client.get("/rest/workspaces/floods", admin);
        assertThat(got.status()).isEqualTo(200);
        assertThat(got.json().at("/workspace/name").asText()).isEqualTo("floods");
        assertThat(got.json().at("/workspace/coverageStores").asText())
                .isEqualTo(client.base() + "/rest/workspaces/floods/coveragestores");
        assertThat(client.get("/rest/workspaces", admin)
                        .json()
                        .at("/workspaces/workspace")
                        .findValuesAsText("name"))
                .contains("demo", "floods");
    }

    @Test
    void duplicateWorkspaceIsAConflict() {
        assertThat(client.post("/rest/workspaces", "{\"workspace\":{\"name\":\"dup\"}}", admin)
                        .status())
                .isEqualTo(201);
        var r = client.post("/rest/workspaces", "{\"workspace\":{\"name\":\"dup\",\"title\":\"other\"}}", admin);
        assertThat(r.status()).isEqualTo(409);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.json().path("detail").asText()).contains("already exists");
        assertThat(dataDir.resolve("workspaces/dup/workspace.json")).content().doesNotContain("other");
    }

    @Test
    void invalidBodiesAreRefusedWithTheFieldAtFault() {
        var badName = client.post("/rest/workspaces", "{\"workspace\":{\"name\":\"has space\"}}", admin);
        assertThat(badName.status()).isEqualTo(400);
        assertThat(badName.json().path("field").asText()).isEqualTo("name");
        assertThat(dataDir.resolve("workspaces/has space")).doesNotExist();

        var notJson = client.post("/rest/workspaces", "{\"workspace\":", admin);
        assertThat(notJson.status()).isEqualTo(400);
        assertThat(notJson.json().path("detail").asText()).contains("not valid JSON");

        var unwrapped = client.post("/rest/workspaces", "{\"name\":\"x\"}", admin);
        assertThat(unwrapped.status()).isEqualTo(400);
        assertThat(unwrapped.json().path("field").asText()).isEqualTo("workspace");

        var wrongType = client.post("/rest/workspaces", "{\"workspace\":{\"name\":[1,2]}}", admin);
        assertThat(wrongType.status()).isEqualTo(400);
        assertThat(wrongType.json().path("field").asText()).isEqualTo("workspace.name");
    }

    @Test
    void unknownNamesAnswer404() {
        assertThat(client.get("/rest/workspaces/nope", admin).status()).isEqualTo(404);
        assertThat(client.get("/rest/workspaces/nope/coveragestores", admin).status())
                .isEqualTo(404);
        assertThat(client.get("/rest/workspaces/demo/coveragestores/nope", admin)
                        .status())
                .isEqualTo(404);
        assertThat(client.get("/rest/layers/demo:nope", admin).status()).isEqualTo(404);
        assertThat(client.get("/rest/layers/no-colon", admin).status()).isEqualTo(404);
        var r = client.delete("/rest/workspaces/nope", admin);
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.contentType()).startsWith("application/problem+json");
    }

    @Test
    void coverageStoreAndLayerLifecycle() {
        client.post("/rest/workspaces", "{\"workspace\":{\"name\":\"dem\"}}", admin);
        var store = client.post(
                "/rest/workspaces/dem/coveragestores",
                "{\"coverageStore\":{\"name\":\"srtm\",\"type\":\"GeoTIFF\",\"url\":\"file:data/srtm.tif\"}}",
                admin);
        assertThat(store.status()).isEqualTo(201);
        assertThat(store.header("Location")).endsWith("/rest/workspaces/dem/coveragestores/srtm");
        assertThat(store.json().at("/coverageStore/url").asText()).isEqualTo("file:data/srtm.tif");
        assertThat(dataDir.resolve("workspaces/dem/srtm/store.json")).exists();

        assertThat(client.post("/rest/workspaces/dem/coveragestores", "{\"coverageStore\":{\"name\":\"nourl\"}}", admin)
                        .json()
                        .path("field")
                        .asText())
                .isEqualTo("coverageStore.url");

        var layer = client.post(
                "/rest/layers",
                "{\"layer\":{\"name\":\"dem:elevation\",\"store\":\"srtm\",\"kind\":\"RASTER\",\"title\":\"Elevation\","
                        + "\"nativeCrs\":\"EPSG:4326\",\"latLonBoundingBox\":{\"minX\":5,\"minY\":40,\"maxX\":15,"
                        + "\"maxY\":50,\"crs\":\"EPSG:4326\"}}}",
                admin);
        assertThat(layer.status()).isEqualTo(201);
        assertThat(layer.header("Location")).endsWith("/rest/layers/dem:elevation");
        assertThat(dataDir.resolve("workspaces/dem/srtm/elevation/layer.json")).exists();

        var listed =
                client.get("/rest/layers", admin).json().at("/layers/layer").findValuesAsText("name");
        assertThat(listed).contains("dem:elevation");
        var got = client.get("/rest/workspaces/dem/layers/elevation", admin).json();
        assertThat(got.at("/layer/title").asText()).isEqualTo("Elevation");
        assertThat(got.at("/layer/store").asText()).isEqualTo("srtm");
        assertThat(got.at("/layer/latLonBoundingBox/maxY").asDouble()).isEqualTo(50.0);

        var bbox = client.post(
                "/rest/workspaces/dem/layers",
                "{\"layer\":{\"name\":\"bad\",\"store\":\"srtm\",\"kind\":\"RASTER\",\"latLonBoundingBox\":"
                        + "{\"minX\":15,\"minY\":40,\"maxX\":5,\"maxY\":50}}}",
                admin);
        assertThat(bbox.status()).isEqualTo(400);
        assertThat(bbox.json().path("field").asText()).isEqualTo("layer.latLonBoundingBox");

        var updated = client.put("/rest/layers/dem:elevation", "{\"layer\":{\"title\":\"SRTM elevation\"}}", admin);
        assertThat(updated.status()).isEqualTo(200);
        assertThat(dataDir.resolve("workspaces/dem/srtm/elevation/layer.json"))
                .content()
                .contains("SRTM elevation");

        var busy = client.delete("/rest/workspaces/dem/coveragestores/srtm", admin);
        assertThat(busy.status()).isEqualTo(409);
        assertThat(client.delete("/rest/workspaces/dem", admin).status()).isEqualTo(409);

        assertThat(client.delete("/rest/layers/dem:elevation", admin).status()).isEqualTo(200);
        assertThat(dataDir.resolve("workspaces/dem/srtm/elevation")).doesNotExist();
        assertThat(client.get("/rest/layers/dem:elevation", admin).status()).isEqualTo(404);
        assertThat(client.delete("/rest/workspaces/dem?recurse=true", admin).status())
                .isEqualTo(200);
        assertThat(Files.exists(dataDir.resolve("workspaces/dem"))).isFalse();
    }

    @Test
    void wmtsStoreAcceptsOnlyHttpCapabilitiesUrls() {
        client.post("/rest/workspaces", "{\"workspace\":{\"name\":\"remote\"}}", admin);
        var fileUrl = client.post(
                "/rest/workspaces/remote/wmtsstores",
                "{\"wmtsStore\":{\"name\":\"local\",\"capabilitiesURL\":\"file:///etc/passwd\"}}",
                admin);
        assertThat(fileUrl.status()).isEqualTo(400);
        assertThat(fileUrl.json().path("field").asText()).isEqualTo("wmtsStore.capabilitiesURL");
        assertThat(dataDir.resolve("workspaces/remote/local")).doesNotExist();

        var gibs = client.post(
                "/rest/workspaces/remote/wmtsstores",
                "{\"wmtsStore\":{\"name\":\"gibs\",\"capabilitiesURL\":"
                        + "\"https://gibs.earthdata.nasa.gov/wmts/epsg4326/best/1.0.0/WMTSCapabilities.xml\","
                        + "\"readTimeout\":20}}",
                admin);
        assertThat(gibs.status()).isEqualTo(201);
        assertThat(gibs.json().at("/wmtsStore/readTimeout").asInt()).isEqualTo(20);
        assertThat(gibs.json().at("/wmtsStore/maxConnections").asInt()).isEqualTo(4);

        var tooMany = client.put(
                "/rest/workspaces/remote/wmtsstores/gibs", "{\"wmtsStore\":{\"maxConnections\":1000}}", admin);
        assertThat(tooMany.status()).isEqualTo(400);
        assertThat(tooMany.json().path("field").asText()).isEqualTo("wmtsStore.maxConnections");

        var list = client.get("/rest/workspaces/remote/wmtsstores", admin);
        assertThat(list.json().at("/wmtsstores/wmtsStore").findValuesAsText("name"))
                .containsExactly("gibs");
        // a WMTS store is not a coverage store
        assertThat(client.get("/rest/workspaces/remote/coveragestores/gibs", admin)
                        .status())
                .isEqualTo(404);
    }

    private static final String SLD = """
            <?xml version="1.0" encoding="UTF-8"?>
            <StyledLayerDescriptor version="1.0.0" xmlns="http://www.opengis.net/sld"
                xmlns:ogc="http://www.opengis.net/ogc">
              <NamedLayer><Name>roads</Name><UserStyle><FeatureTypeStyle><Rule>
                <LineSymbolizer><Stroke><CssParameter name="stroke">#%s</CssParameter></Stroke></LineSymbolizer>
              </Rule></FeatureTypeStyle></UserStyle></NamedLayer>
            </StyledLayerDescriptor>
            """;

    private RestClient.Response sendSld(String method, String path, String body) {
        return client.send(client.request(path, admin)
                .header("Content-Type", "application/vnd.ogc.sld+xml")
                .method(method, java.net.http.HttpRequest.BodyPublishers.ofString(body)));
    }

    @Test
    void styleIsUploadedAsSldReadBackAndProtectedWhileInUse() {
        var created = sendSld("POST", "/rest/styles?name=roads", SLD.formatted("ff0000"));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.header("Location")).endsWith("/rest/styles/roads");
        assertThat(dataDir.resolve("styles/roads.sld")).content().contains("#ff0000");
        assertThat(dataDir.resolve("styles/roads.json")).exists();

        assertThat(client.get("/rest/styles/roads", admin)
                        .json()
                        .at("/style/format")
                        .asText())
                .isEqualTo("sld");
        var sld = client.send(
                client.request("/rest/styles/roads", admin).header("Accept", "application/vnd.ogc.sld+xml"));
        assertThat(sld.status()).isEqualTo(200);
        assertThat(sld.body()).isEqualTo(SLD.formatted("ff0000"));

        assertThat(sendSld("PUT", "/rest/styles/roads", SLD.formatted("00ff00")).status())
                .isEqualTo(200);
        assertThat(dataDir.resolve("styles/roads.sld")).content().contains("#00ff00");

        client.post("/rest/workspaces", "{\"workspace\":{\"name\":\"styled\"}}", admin);
        client.post("/rest/workspaces/styled/datastores", "{\"dataStore\":{\"name\":\"db\"}}", admin);
        var layer = client.post(
                "/rest/workspaces/styled/layers",
                "{\"layer\":{\"name\":\"roads\",\"store\":\"db\",\"kind\":\"VECTOR\",\"defaultStyle\":\"roads\"}}",
                admin);
        assertThat(layer.status()).isEqualTo(201);
        var unknownStyle = client.post(
                "/rest/workspaces/styled/layers",
                "{\"layer\":{\"name\":\"rivers\",\"store\":\"db\",\"kind\":\"VECTOR\",\"defaultStyle\":\"nope\"}}",
                admin);
        assertThat(unknownStyle.status()).isEqualTo(400);
        assertThat(unknownStyle.json().path("field").asText()).isEqualTo("styles");

        var inUse = client.delete("/rest/styles/roads", admin);
        assertThat(inUse.status()).isEqualTo(409);
        assertThat(inUse.json().path("detail").asText()).contains("styled:roads");
        client.delete("/rest/layers/styled:roads", admin);
        assertThat(client.delete("/rest/styles/roads", admin).status()).isEqualTo(200);
        assertThat(dataDir.resolve("styles/roads.sld")).doesNotExist();
    }

    @Test
    void sldThatIsNotSldOrCarriesEntitiesIsRefused() {
        var notXml = sendSld("POST", "/rest/styles?name=broken", "<StyledLayerDescriptor>");
        assertThat(notXml.status()).isEqualTo(400);
        assertThat(notXml.json().path("detail").asText()).contains("not well-formed");

        var otherRoot = sendSld("POST", "/rest/styles?name=other", "<html/>");
        assertThat(otherRoot.status()).isEqualTo(400);
        assertThat(otherRoot.json().path("detail").asText()).contains("StyledLayerDescriptor");

        var entity = sendSld(
                "POST",
                "/rest/styles?name=xxe",
                "<?xml version=\"1.0\"?><!DOCTYPE s [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                        + "<StyledLayerDescriptor>&x;</StyledLayerDescriptor>");
        assertThat(entity.status()).isEqualTo(400);
        assertThat(entity.body()).doesNotContain("root:");
        assertThat(client.get("/rest/styles/xxe", admin).status()).isEqualTo(404);
        assertThat(dataDir.resolve("styles/xxe.sld")).doesNotExist();
    }

    @Test
    void serviceSettingsAreReadAndSavedInTheDataDir() {
        var wms = client.get("/rest/services/wms/settings", admin);
        assertThat(wms.status()).isEqualTo(200);
        assertThat(wms.json().at("/settings/enabled").asBoolean()).isTrue();
        assertThat(wms.json().at("/settings/title").asText()).isEqualTo("ImageLabeler WMS");

        var changed = client.put(
                "/rest/services/wms/settings",
                "{\"settings\":{\"title\":\"Flood imagery\",\"keywords\":[\"flood\",\"MODIS\"]}}",
                admin);
        assertThat(changed.status()).isEqualTo(200);
        assertThat(dataDir.resolve("settings/services/wms.json")).content().contains("Flood imagery");
        var again = client.get("/rest/services/wms/settings", admin).json();
        assertThat(again.at("/settings/title").asText()).isEqualTo("Flood imagery");
        assertThat(again.at("/settings/keywords/1").asText()).isEqualTo("MODIS");
        assertThat(again.at("/settings/enabled").asBoolean()).isTrue();

        assertThat(client.get("/rest/services/ftp/settings", admin).status()).isEqualTo(404);
        createUser("settingsreader", "settings-password", "USER");
        RestClient.Auth user = RestClient.Auth.basic("settingsreader", "settings-password");
        assertThat(client.get("/rest/services/wfs/settings", user).status()).isEqualTo(200);
        assertThat(client.put("/rest/services/wfs/settings", "{\"settings\":{\"enabled\":false}}", user)
                        .status())
                .isEqualTo(403);
        assertThat(dataDir.resolve("settings/services/wfs.json")).doesNotExist();
    }
}
