package org.imagelabeler.platform.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
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
}
