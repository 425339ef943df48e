package org.imagelabeler.labeler;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.imagelabeler.platform.raster.Gdal;
import org.imagelabeler.platform.testing.OgcSchemas;
import org.imagelabeler.platform.testing.RestClient;
import org.imagelabeler.platform.testing.RestClient.Auth;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/**
 * Events' feature types over WFS 2.0.0 and 1.1.0: capabilities, schemas and features valid
 * against the official OGC schemas, GML axis order by srsName, GeoJSON, paging with next links,
 * hits, GetFeatureById, the event's access rules, and real clients (OWSLib, GDAL's ogr2ogr).
 */
class WfsTest extends LabelerServerTestBase {

    private static final String EVENTS = "/rest/labeler/events";

    @TempDir
    Path files;

    private Auth owner;
    private String slug;
    private String shapes;

    @BeforeEach
    void event() {
        owner = user("wfs-owner");
        slug = "wfs-" + UUID.randomUUID().toString().substring(0, 8);
        var e = client.post(
                EVENTS,
                "{\"slug\":\"" + slug + "\",\"title\":\"Flood in the Po valley\",\"visibility\":\"private\","
                        + "\"labelSchema\":{\"classes\":[{\"name\":\"water\",\"colour\":\"#0000ff\"},"
                        + "{\"name\":\"cloud\",\"colour\":\"#ffffff\"}]}}",
                owner);
        assertThat(e.status()).as(e.body()).isEqualTo(201);
        var bulk = client.post(
                EVENTS + "/" + slug + "/annotations/bulk",
                "["
                        + shape(
                                "water",
                                "polygon",
                                "{\"type\":\"Polygon\",\"coordinates\":[[[10,45],[11,45],[11,46],[10,46],[10,45]]]}")
                        + "," + shape("cloud", "point", "{\"type\":\"Point\",\"coordinates\":[12.5,44.25]}")
                        + ","
                        + shape(
                                "water",
                                "line",
                                "{\"type\":\"LineString\",\"coordinates\":[[9,44],[9.5,44.5],[10,44]]}")
                        + "]",
                owner);
        assertThat(bulk.status()).as(bulk.body()).isEqualTo(201);
        shapes = "labeler:" + slug + "_shapes";
    }

    private static String shape(String cls, String shape, String geometry) {
        return "{\"space\":\"map\",\"shape\":\"" + shape + "\",\"class\":\"" + cls + "\",\"geometry\":" + geometry
                + "}";
    }

    private RestClient.Response wfs(String query, Auth who) {
        return client.get("/wfs?service=WFS&" + query, who);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Test
    void capabilitiesOfBothVersionsAreValidAndListTheEventsLayersToItsTeamOnly() throws Exception {
        var v2 = wfs("version=2.0.0&request=GetCapabilities", owner);
        assertThat(v2.status()).isEqualTo(200);
        OgcSchemas.validate(v2.bytes(), "ogc/wfs/2.0/wfs.xsd");
        assertThat(names(v2.bytes(), "//*[local-name()='FeatureType']/*[local-name()='Name']"))
                .contains(shapes, "labeler:" + slug + "_labels", "labeler:" + slug + "_footprints");
        var v1 = wfs("version=1.1.0&request=GetCapabilities", owner);
        OgcSchemas.validate(v1.bytes(), "ogc/wfs/1.1.0/wfs.xsd");
        assertThat(names(v1.bytes(), "//*[local-name()='FeatureType']/*[local-name()='Name']"))
                .contains(shapes);

        // a private event's layers do not exist for others
        Auth outsider = user("wfs-outsider");
        assertThat(names(
                        wfs("version=2.0.0&request=GetCapabilities", outsider).bytes(),
                        "//*[local-name()='FeatureType']/*[local-name()='Name']"))
                .doesNotContain(shapes);
        var hidden = wfs("version=2.0.0&request=GetFeature&typeNames=" + shapes, outsider);
        var unknown = wfs("version=2.0.0&request=GetFeature&typeNames=labeler:nothing_shapes", outsider);
        assertThat(hidden.status()).isEqualTo(400).isEqualTo(unknown.status());
        assertThat(hidden.body().replace(shapes, "X")).isEqualTo(unknown.body().replace("labeler:nothing_shapes", "X"));
        OgcSchemas.validate(hidden.bytes(), "ogc/ows/1.1.0/owsExceptionReport.xsd");
        assertThat(names(
                        wfs("version=2.0.0&request=GetCapabilities", Auth.none())
                                .bytes(),
                        "//*[local-name()='FeatureType']/*[local-name()='Name']"))
                .doesNotContain(shapes);
    }

    @Test
    void getFeatureInGml32IsValidAgainstTheWfsSchemaAndTheDescribedFeatureType() throws Exception {
        var schema = wfs("version=2.0.0&request=DescribeFeatureType&typeNames=" + shapes, owner);
        assertThat(schema.status()).as(schema.body()).isEqualTo(200);
        var features = wfs("version=2.0.0&request=GetFeature&typeNames=" + shapes, owner);
        assertThat(features.status()).as(features.body()).isEqualTo(200);
        assertThat(features.contentType()).startsWith("application/gml+xml");
        OgcSchemas.validate(features.bytes(), "ogc/wfs/2.0/wfs.xsd", schema.bytes(), "http://localhost/dft.xsd");
        Document doc = parse(features.bytes());
        assertThat(doc.getDocumentElement().getAttribute("numberMatched")).isEqualTo("3");
        assertThat(doc.getDocumentElement().getAttribute("numberReturned")).isEqualTo("3");
        // the default srsName is urn:ogc:def:crs:EPSG::4326: latitude first
        assertThat(names(features.bytes(), "//*[local-name()='Point']/*[local-name()='pos']"))
                .containsExactly("44.25 12.5");

        var v1schema = wfs("version=1.1.0&request=DescribeFeatureType&typeName=" + shapes, owner);
        var v1 = wfs("version=1.1.0&request=GetFeature&typeName=" + shapes, owner);
        assertThat(v1.status()).as(v1.body()).isEqualTo(200);
        OgcSchemas.validate(v1.bytes(), "ogc/wfs/1.1.0/wfs.xsd", v1schema.bytes(), "http://localhost/dft.xsd");
        assertThat(parse(v1.bytes()).getDocumentElement().getAttribute("numberOfFeatures"))
                .isEqualTo("3");
    }

    @Test
    void srsNameDecidesAxisOrderAndProjection() throws Exception {
        var lonLat = wfs("version=2.0.0&request=GetFeature&typeNames=" + shapes + "&srsName=EPSG:4326", owner);
        assertThat(names(lonLat.bytes(), "//*[local-name()='Point']/*[local-name()='pos']"))
                .containsExactly("12.5 44.25");
        var mercator = wfs(
                "version=2.0.0&request=GetFeature&typeNames=" + shapes + "&srsName=urn:ogc:def:crs:EPSG::3857", owner);
        String pos = names(mercator.bytes(), "//*[local-name()='Point']/*[local-name()='pos']")
                .get(0);
        String[] xy = pos.split(" ");
        // GDAL's transformation of the same point
        String[] expected = Gdal.run("sh", "-c", "echo 12.5 44.25 | gdaltransform -s_srs EPSG:4326 -t_srs EPSG:3857")
                .trim()
                .split("\\s+");
        assertThat(Double.parseDouble(xy[0]))
                .isCloseTo(Double.parseDouble(expected[0]), org.assertj.core.data.Offset.offset(0.01));
        assertThat(Double.parseDouble(xy[1]))
                .isCloseTo(Double.parseDouble(expected[1]), org.assertj.core.data.Offset.offset(0.01));
        var bad = wfs("version=2.0.0&request=GetFeature&typeNames=" + shapes + "&srsName=EPSG:999999", owner);
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("locator=\"srsName\"");
    }

    @Test
    void geoJsonPagingHitsAndGetFeatureById() throws Exception {
        var json =
                wfs("version=2.0.0&request=GetFeature&typeNames=" + shapes + "&outputFormat=application/json", owner);
        assertThat(json.contentType()).startsWith("application/json");
        JsonNode all = json.json();
        assertThat(all.path("type").asText()).isEqualTo("FeatureCollection");
        assertThat(all.path("features")).hasSize(3);
        List<String> classes = new ArrayList<>();
        all.path("features")
                .forEach(f -> classes.add(f.path("properties").path("class").asText()));
        assertThat(classes).containsExactlyInAnyOrder("water", "cloud", "water");
        JsonNode point = null;
        for (JsonNode f : all.path("features")) {
            if (f.path("geometry").path("type").asText().equals("Point")) {
                point = f;
            }
        }
        assertThat(point.path("geometry").path("coordinates").toString()).isEqualTo("[12.5,44.25]");
        assertThat(point.path("properties").path("author").asText()).isEqualTo("wfs-owner");

        var page1 = wfs("version=2.0.0&request=GetFeature&typeNames=" + shapes + "&count=2&outputFormat=json", owner)
                .json();
        assertThat(page1.path("numberMatched").asLong()).isEqualTo(3);
        assertThat(page1.path("features")).hasSize(2);
        String next = page1.path("links").get(0).path("href").asText();
        var page2 = client.get(next.substring(next.indexOf("/wfs")), owner).json();
        assertThat(page2.path("features")).hasSize(1);
        List<String> ids = new ArrayList<>();
        page1.path("features").forEach(f -> ids.add(f.path("id").asText()));
        page2.path("features").forEach(f -> ids.add(f.path("id").asText()));
        assertThat(ids).doesNotHaveDuplicates().hasSize(3);

        var hits = wfs("version=2.0.0&request=GetFeature&typeNames=" + shapes + "&resultType=hits", owner);
        Document h = parse(hits.bytes());
        assertThat(h.getDocumentElement().getAttribute("numberMatched")).isEqualTo("3");
        assertThat(h.getDocumentElement().getAttribute("numberReturned")).isEqualTo("0");

        String id = point.path("id").asText();
        var byId = wfs(
                "version=2.0.0&request=GetFeature&storedQuery_id=" + enc("urn:ogc:def:query:OGC-WFS::GetFeatureById")
                        + "&id=" + id,
                owner);
        assertThat(byId.status()).as(byId.body()).isEqualTo(200);
        assertThat(parse(byId.bytes()).getDocumentElement().getLocalName()).isEqualTo(slug + "_shapes");
        var resource = wfs("version=2.0.0&request=GetFeature&resourceId=" + id + "&outputFormat=json", owner)
                .json();
        assertThat(resource.path("features")).hasSize(1);
        var sorted = wfs(
                        "version=2.0.0&request=GetFeature&typeNames=" + shapes + "&sortBy=class+DESC&outputFormat=json",
                        owner)
                .json();
        assertThat(sorted.path("features")
                        .get(0)
                        .path("properties")
                        .path("class")
                        .asText())
                .isEqualTo("water");
        var stored = wfs("version=2.0.0&request=DescribeStoredQueries", owner);
        OgcSchemas.validate(stored.bytes(), "ogc/wfs/2.0/wfs.xsd");
        OgcSchemas.validate(
                wfs("version=2.0.0&request=ListStoredQueries", owner).bytes(), "ogc/wfs/2.0/wfs.xsd");
    }

    @Test
    void bboxAndFilterSelectFeaturesInBothAxisOrders() throws Exception {
        String base = "version=2.0.0&request=GetFeature&outputFormat=json&typeNames=" + shapes;
        // WFS 2.0 with the URN form: latitude first
        assertThat(classes(wfs(base + "&bbox=" + enc("44.9,9.9,46.1,11.1,urn:ogc:def:crs:EPSG::4326"), owner)))
                .containsExactly("water");
        assertThat(classes(wfs(base + "&bbox=" + enc("9.9,44.9,11.1,46.1,EPSG:4326"), owner)))
                .containsExactly("water");
        String equal = "<fes:Filter xmlns:fes=\"http://www.opengis.net/fes/2.0\"><fes:PropertyIsEqualTo>"
                + "<fes:ValueReference>labeler:class</fes:ValueReference><fes:Literal>water</fes:Literal>"
                + "</fes:PropertyIsEqualTo></fes:Filter>";
        assertThat(classes(wfs(base + "&filter=" + enc(equal), owner))).containsExactly("water", "water");
        String v1 = "<ogc:Filter xmlns:ogc=\"http://www.opengis.net/ogc\"><ogc:PropertyIsEqualTo>"
                + "<ogc:PropertyName>class</ogc:PropertyName><ogc:Literal>cloud</ogc:Literal>"
                + "</ogc:PropertyIsEqualTo></ogc:Filter>";
        var old = wfs("version=1.1.0&request=GetFeature&typeName=" + shapes + "&filter=" + enc(v1), owner);
        assertThat(parse(old.bytes()).getDocumentElement().getAttribute("numberOfFeatures"))
                .isEqualTo("1");

        String post = "<wfs:GetFeature service=\"WFS\" version=\"2.0.0\" outputFormat=\"application/json\""
                + " xmlns:wfs=\"http://www.opengis.net/wfs/2.0\" xmlns:fes=\"http://www.opengis.net/fes/2.0\""
                + " xmlns:labeler=\"urn:x-imagelabeler:labeler\">"
                + "<wfs:Query typeNames=\"" + shapes + "\"><fes:Filter><fes:And>"
                + "<fes:PropertyIsLike wildCard=\"*\" singleChar=\"?\" escapeChar=\"\\\">"
                + "<fes:ValueReference>author</fes:ValueReference><fes:Literal>wfs-*</fes:Literal></fes:PropertyIsLike>"
                + "<fes:Not><fes:PropertyIsEqualTo><fes:ValueReference>class</fes:ValueReference>"
                + "<fes:Literal>water</fes:Literal></fes:PropertyIsEqualTo></fes:Not>"
                + "</fes:And></fes:Filter></wfs:Query></wfs:GetFeature>";
        var posted = client.send(client.request("/wfs", owner)
                .header("Content-Type", "application/xml")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(post)));
        assertThat(posted.status()).as(posted.body()).isEqualTo(200);
        assertThat(classes(posted)).containsExactly("cloud");

        String unknown = equal.replace("labeler:class", "colour");
        var refused = wfs(base + "&filter=" + enc(unknown), owner);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("InvalidParameterValue").contains("colour");
        var xxe = client.send(client.request("/wfs", owner)
                .header("Content-Type", "application/xml")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("<?xml version=\"1.0\"?><!DOCTYPE x ["
                        + "<!ENTITY e SYSTEM \"file:///etc/passwd\">]><wfs:GetFeature"
                        + " xmlns:wfs=\"http://www.opengis.net/wfs/2.0\" service=\"WFS\">&e;</wfs:GetFeature>")));
        assertThat(xxe.status()).isEqualTo(400);
        assertThat(xxe.body()).doesNotContain("root:");
    }

    private static List<String> classes(RestClient.Response r) {
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        List<String> list = new ArrayList<>();
        r.json()
                .path("features")
                .forEach(f -> list.add(f.path("properties").path("class").asText()));
        return list;
    }

    @Test
    void getPropertyValueAndTheOtherEndpoints() throws Exception {
        var values = wfs(
                "version=2.0.0&request=GetPropertyValue&typeNames=" + shapes + "&valueReference=class"
                        + "&sortBy=class",
                owner);
        assertThat(values.status()).as(values.body()).isEqualTo(200);
        var schema = wfs("version=2.0.0&request=DescribeFeatureType&typeNames=" + shapes, owner);
        OgcSchemas.validate(values.bytes(), "ogc/wfs/2.0/wfs.xsd", schema.bytes(), "http://localhost/dft.xsd");
        assertThat(names(values.bytes(), "//*[local-name()='member']")).containsExactly("cloud", "water", "water");
        var geometries = wfs(
                "version=2.0.0&request=GetPropertyValue&typeNames=" + shapes
                        + "&valueReference=geometry&resourceId=&srsName=EPSG:4326",
                owner);
        assertThat(geometries.status()).isEqualTo(200);
        assertThat(names(geometries.bytes(), "//*[local-name()='pos']")).containsExactly("12.5 44.25");

        // the same service at /ows and, limited to the workspace, at /labeler/wfs
        var ows = client.get(
                "/ows?service=WFS&version=2.0.0&request=GetFeature&typeNames=" + shapes + "&resultType=hits", owner);
        assertThat(parse(ows.bytes()).getDocumentElement().getAttribute("numberMatched"))
                .isEqualTo("3");
        var virtual = client.get(
                "/labeler/wfs?service=WFS&version=2.0.0&request=GetFeature&typeNames=" + slug
                        + "_shapes&resultType=hits",
                owner);
        assertThat(parse(virtual.bytes()).getDocumentElement().getAttribute("numberMatched"))
                .isEqualTo("3");
        var elsewhere = client.get("/gibs/wfs?service=WFS&version=2.0.0&request=GetFeature&typeNames=" + shapes, owner);
        assertThat(elsewhere.status()).isIn(400, 404);
    }

    @Test
    void owslibReadsTheFeatures() throws Exception {
        String script = String.join(
                "\n",
                "import sys",
                "from owslib.wfs import WebFeatureService",
                "wfs = WebFeatureService(sys.argv[1], version='2.0.0', username=sys.argv[3], password=sys.argv[4])",
                "print('types', sorted(t for t in wfs.contents if t.endswith('_shapes')))",
                "r = wfs.getfeature(typename=[sys.argv[2]], outputFormat='application/json')",
                "import json",
                "data = json.loads(r.read())",
                "print('features', len(data['features']))");
        Path py = Files.writeString(files.resolve("owslib_wfs.py"), script);
        String out = Gdal.run(
                "/usr/bin/python3", py.toString(), client.base() + "/wfs", shapes, "wfs-owner", "wfs-owner-password");
        assertThat(out).contains(shapes).contains("features 3");
    }

    @Test
    void ogr2ogrCopiesTheLayerToAGeoPackage() throws Exception {
        Path gpkg = files.resolve("shapes.gpkg");
        String url = "WFS:" + client.base() + "/wfs?version=2.0.0";
        Gdal.run(
                "ogr2ogr",
                "--config",
                "GDAL_HTTP_AUTH",
                "BASIC",
                "--config",
                "GDAL_HTTP_USERPWD",
                "wfs-owner:wfs-owner-password",
                "-f",
                "GPKG",
                gpkg.toString(),
                url,
                shapes);
        String info = Gdal.run("ogrinfo", "-al", "-so", gpkg.toString());
        assertThat(info).contains("Feature Count: 3");
        String values = Gdal.run(
                "ogrinfo",
                "-al",
                "-q",
                "-sql",
                "SELECT class, author FROM \"" + gpkgLayer(gpkg) + "\" ORDER BY class",
                gpkg.toString());
        assertThat(values)
                .contains("class (String) = cloud")
                .contains("class (String) = water")
                .contains("author (String) = wfs-owner");
    }

    private static String gpkgLayer(Path gpkg) {
        String list = Gdal.run("ogrinfo", "-q", gpkg.toString());
        String line =
                list.lines().filter(l -> l.contains("_shapes")).findFirst().orElseThrow();
        return line.substring(line.indexOf(':') + 1).trim().split(" ")[0];
    }

    private static Document parse(byte[] xml) throws Exception {
        var f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    }

    private static List<String> names(byte[] xml, String xpath) throws Exception {
        NodeList nodes =
                (NodeList) XPathFactory.newInstance().newXPath().evaluate(xpath, parse(xml), XPathConstants.NODESET);
        List<String> list = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            list.add(nodes.item(i).getTextContent().trim());
        }
        return list;
    }
}
