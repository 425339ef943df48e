package org.imagelabeler.labeler;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.xml.parsers.DocumentBuilderFactory;
import org.imagelabeler.platform.raster.Gdal;
import org.imagelabeler.platform.testing.OgcSchemas;
import org.imagelabeler.platform.testing.RestClient;
import org.imagelabeler.platform.testing.RestClient.Auth;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

/**
 * WFS-T on an event's map shapes: Insert, Update and Delete go through the labeling domain's
 * rules (classes, geometry, roles, versions) and its audit log, show up in the REST API, and a
 * refused transaction changes nothing and names the feature and the property. GDAL's WFS driver
 * edits the layer in update mode, as QGIS users do.
 */
class WfsTransactionTest extends LabelerServerTestBase {

    private static final String EVENTS = "/rest/labeler/events";
    private static final String WFS2 = "xmlns:wfs=\"http://www.opengis.net/wfs/2.0\""
            + " xmlns:fes=\"http://www.opengis.net/fes/2.0\" xmlns:gml=\"http://www.opengis.net/gml/3.2\""
            + " xmlns:labeler=\"urn:x-imagelabeler:labeler\"";

    @TempDir
    Path files;

    private Auth owner;
    private String slug;
    private String layer;

    @BeforeEach
    void event() {
        owner = user("wfst-owner");
        slug = "wfst-" + UUID.randomUUID().toString().substring(0, 8);
        var e = client.post(
                EVENTS,
                "{\"slug\":\"" + slug + "\",\"title\":\"Dust storm\",\"labelSchema\":{\"classes\":["
                        + "{\"name\":\"dust\",\"colour\":\"#c08040\"},{\"name\":\"cloud\",\"colour\":\"#ffffff\"}]}}",
                owner);
        assertThat(e.status()).as(e.body()).isEqualTo(201);
        layer = slug + "_shapes";
    }

    private RestClient.Response transaction(String body, Auth who) {
        return client.send(client.request("/wfs", who)
                .header("Content-Type", "application/xml")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private static String insert(String cls, String posList) {
        return "<labeler:" + "%LAYER%" + "><labeler:class>" + cls + "</labeler:class><labeler:geometry>"
                + "<gml:Polygon gml:id=\"p1\" srsName=\"urn:ogc:def:crs:EPSG::4326\"><gml:exterior><gml:LinearRing>"
                + "<gml:posList>" + posList + "</gml:posList></gml:LinearRing></gml:exterior></gml:Polygon>"
                + "</labeler:geometry></labeler:" + "%LAYER%" + ">";
    }

    private String doc(String actions) {
        return ("<wfs:Transaction service=\"WFS\" version=\"2.0.0\" " + WFS2 + ">" + actions + "</wfs:Transaction>")
                .replace("%LAYER%", layer);
    }

    private JsonNode shapes() {
        return client.get(EVENTS + "/" + slug + "/annotations?space=map", owner).json();
    }

    @Test
    void insertUpdateAndDeleteGoThroughTheDomainAndItsAuditLog() throws Exception {
        // latitude first, as the URN srsName says
        var inserted = transaction(
                doc("<wfs:Insert handle=\"plume\">" + insert("dust", "30 10 30 12 32 12 32 10 30 10")
                        + "</wfs:Insert>"),
                owner);
        assertThat(inserted.status()).as(inserted.body()).isEqualTo(200);
        OgcSchemas.validate(inserted.bytes(), "ogc/wfs/2.0/wfs.xsd");
        Document response = parse(inserted.bytes());
        assertThat(text(response, "totalInserted")).isEqualTo("1");
        String rid = ((org.w3c.dom.Element)
                        response.getElementsByTagNameNS("http://www.opengis.net/fes/2.0", "ResourceId")
                                .item(0))
                .getAttribute("rid");
        assertThat(rid).startsWith(layer + ".");
        String id = rid.substring(layer.length() + 1);

        JsonNode shape =
                client.get(EVENTS + "/" + slug + "/annotations/" + id, owner).json();
        assertThat(shape.path("class").asText()).isEqualTo("dust");
        assertThat(shape.path("author").asText()).isEqualTo("wfst-owner");
        JsonNode corner = shape.path("geometry").path("coordinates").get(0).get(1);
        assertThat(corner.get(0).asDouble()).isEqualTo(12.0);
        assertThat(corner.get(1).asDouble()).isEqualTo(30.0);

        var updated = transaction(
                doc("<wfs:Update typeName=\"labeler:" + layer + "\"><wfs:Property><wfs:ValueReference>class"
                        + "</wfs:ValueReference><wfs:Value>cloud</wfs:Value></wfs:Property><fes:Filter>"
                        + "<fes:ResourceId rid=\"" + rid + "\"/></fes:Filter></wfs:Update>"),
                owner);
        assertThat(updated.status()).as(updated.body()).isEqualTo(200);
        assertThat(text(parse(updated.bytes()), "totalUpdated")).isEqualTo("1");
        shape = client.get(EVENTS + "/" + slug + "/annotations/" + id, owner).json();
        assertThat(shape.path("class").asText()).isEqualTo("cloud");
        assertThat(shape.path("version").asInt()).isEqualTo(2);

        // a client that read version 1 may not overwrite version 2
        var stale = transaction(
                doc("<wfs:Update typeName=\"labeler:" + layer + "\"><wfs:Property><wfs:ValueReference>class"
                        + "</wfs:ValueReference><wfs:Value>dust</wfs:Value></wfs:Property><fes:Filter>"
                        + "<fes:ResourceId rid=\"" + rid + "\" version=\"1\"/></fes:Filter></wfs:Update>"),
                owner);
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.body()).contains("version 2");

        var deleted = transaction(
                doc("<wfs:Delete typeName=\"labeler:" + layer + "\"><fes:Filter><fes:ResourceId rid=\"" + rid
                        + "\"/></fes:Filter></wfs:Delete>"),
                owner);
        assertThat(deleted.status()).as(deleted.body()).isEqualTo(200);
        assertThat(text(parse(deleted.bytes()), "totalDeleted")).isEqualTo("1");
        assertThat(client.get(EVENTS + "/" + slug + "/annotations/" + id, owner).status())
                .isEqualTo(404);

        List<String> actions = new ArrayList<>();
        client.get(EVENTS + "/" + slug + "/audit", owner).json().path("items").forEach(a -> {
            if (a.path("targetId").asText().equals(id)) {
                actions.add(a.path("action").asText() + " by " + a.path("actor").asText());
            }
        });
        assertThat(actions)
                .containsExactlyInAnyOrder("add by wfst-owner", "update by wfst-owner", "delete by wfst-owner");
    }

    @Test
    void aRefusedTransactionChangesNothingAndSaysWhichFeatureAndProperty() throws Exception {
        var refused = transaction(
                doc("<wfs:Insert>" + insert("dust", "30 10 30 12 32 12 32 10 30 10")
                        + insert("smoke", "40 10 40 12 42 12 42 10 40 10") + "</wfs:Insert>"),
                owner);
        assertThat(refused.status()).isEqualTo(400);
        OgcSchemas.validate(refused.bytes(), "ogc/ows/1.1.0/owsExceptionReport.xsd");
        assertThat(refused.body())
                .contains("exceptionCode=\"InvalidValue\"")
                .contains("Insert[1] feature 2, property class")
                .contains("'smoke' is not a class of this event");
        assertThat(shapes().path("total").asLong()).isZero();

        var selfIntersecting = transaction(
                doc("<wfs:Insert>" + insert("dust", "30 10 32 12 30 12 32 10 30 10") + "</wfs:Insert>"), owner);
        assertThat(selfIntersecting.status()).isEqualTo(400);
        assertThat(selfIntersecting.body()).contains("property geometry").contains("not valid");

        var unknownProperty = transaction(
                doc("<wfs:Update typeName=\"labeler:" + layer + "\"><wfs:Property><wfs:ValueReference>colour"
                        + "</wfs:ValueReference><wfs:Value>red</wfs:Value></wfs:Property></wfs:Update>"),
                owner);
        assertThat(unknownProperty.status()).isEqualTo(400);
        assertThat(unknownProperty.body()).contains("'colour' is not a property");

        // insert then a refused insert in one transaction: the first is undone too
        var mixed = transaction(
                doc("<wfs:Insert>" + insert("dust", "30 10 30 12 32 12 32 10 30 10") + "</wfs:Insert>"
                        + "<wfs:Insert handle=\"bad\">" + insert("nothing", "30 10 30 12 32 12 32 10 30 10")
                        + "</wfs:Insert>"),
                owner);
        assertThat(mixed.status()).isEqualTo(400);
        assertThat(mixed.body()).contains("locator=\"bad\"");
        assertThat(shapes().path("total").asLong()).isZero();
    }

    @Test
    void pointsLinesAndMultiGeometriesOfOneMember() throws Exception {
        String point = "<labeler:%LAYER%><labeler:class>dust</labeler:class><labeler:geometry>"
                + "<gml:Point gml:id=\"a\" srsName=\"urn:ogc:def:crs:EPSG::4326\"><gml:pos>30 10</gml:pos></gml:Point>"
                + "</labeler:geometry></labeler:%LAYER%>";
        String line = "<labeler:%LAYER%><labeler:class>dust</labeler:class><labeler:geometry>"
                + "<gml:LineString gml:id=\"b\" srsName=\"EPSG:4326\"><gml:posList>10 30 11 31 12 30</gml:posList>"
                + "</gml:LineString></labeler:geometry></labeler:%LAYER%>";
        String multi = "<labeler:%LAYER%><labeler:class>cloud</labeler:class><labeler:geometry>"
                + "<gml:MultiSurface gml:id=\"c\" srsName=\"urn:ogc:def:crs:EPSG::4326\"><gml:surfaceMember>"
                + "<gml:Polygon gml:id=\"d\"><gml:exterior><gml:LinearRing><gml:posList>30 10 30 12 32 12 32 10 30 10"
                + "</gml:posList></gml:LinearRing></gml:exterior></gml:Polygon></gml:surfaceMember></gml:MultiSurface>"
                + "</labeler:geometry></labeler:%LAYER%>";
        var r = transaction(doc("<wfs:Insert>" + point + line + multi + "</wfs:Insert>"), owner);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(text(parse(r.bytes()), "totalInserted")).isEqualTo("3");
        List<String> shapes = new ArrayList<>();
        shapes().path("items")
                .forEach(a -> shapes.add(a.path("shape").asText() + " "
                        + a.path("geometry").path("type").asText() + " "
                        + a.path("geometry").path("coordinates").toString()));
        assertThat(shapes)
                .containsExactlyInAnyOrder(
                        "point Point [10,30]",
                        "line LineString [[10,30],[11,31],[12,30]]",
                        "polygon Polygon [[[10,30],[12,30],[12,32],[10,32],[10,30]]]");

        String two = multi.replace(
                "</gml:MultiSurface>",
                "<gml:surfaceMember><gml:Polygon gml:id=\"e\"><gml:exterior>"
                        + "<gml:LinearRing><gml:posList>40 10 40 12 42 12 42 10 40 10</gml:posList></gml:LinearRing>"
                        + "</gml:exterior></gml:Polygon></gml:surfaceMember></gml:MultiSurface>");
        var refused = transaction(doc("<wfs:Insert>" + two + "</wfs:Insert>"), owner);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("Insert[1] feature 1, property geometry");
    }

    @Test
    void rolesDecideWhoMayEdit() {
        Auth viewer = user("wfst-viewer");
        Auth labeler = user("wfst-labeler");
        client.put(EVENTS + "/" + slug + "/members/wfst-viewer", "{\"role\":\"viewer\"}", owner);
        client.put(EVENTS + "/" + slug + "/members/wfst-labeler", "{\"role\":\"labeler\"}", owner);
        String body = doc("<wfs:Insert>" + insert("dust", "30 10 30 12 32 12 32 10 30 10") + "</wfs:Insert>");
        assertThat(transaction(body, viewer).status()).isEqualTo(403);
        assertThat(transaction(body, user("wfst-outsider")).status()).isEqualTo(400);
        assertThat(transaction(body, Auth.none()).status()).isEqualTo(400);
        assertThat(transaction(body, labeler).status()).isEqualTo(200);
        assertThat(shapes().path("total").asLong()).isEqualTo(1);
        var footprints = transaction(
                doc("<wfs:Delete typeName=\"labeler:" + slug + "_footprints\"><fes:Filter><fes:ResourceId rid=\"x.1\"/>"
                        + "</fes:Filter></wfs:Delete>"),
                owner);
        assertThat(footprints.status()).isEqualTo(403);
    }

    @Test
    void gdalEditsTheLayerInUpdateMode() throws Exception {
        String script = String.join(
                "\n",
                "import sys",
                "from osgeo import gdal, ogr",
                "gdal.UseExceptions()",
                "gdal.SetConfigOption('GDAL_HTTP_AUTH', 'BASIC')",
                "gdal.SetConfigOption('GDAL_HTTP_USERPWD', sys.argv[3])",
                "gdal.SetConfigOption('GDAL_ENABLE_WMS_CACHE', 'NO')",
                "ds = gdal.OpenEx('WFS:' + sys.argv[1] + '?VERSION=1.1.0', gdal.OF_VECTOR | gdal.OF_UPDATE)",
                "lyr = ds.GetLayerByName(sys.argv[2])",
                "f = ogr.Feature(lyr.GetLayerDefn())",
                "f.SetField('class', 'dust')",
                "f.SetField('shape', 'polygon')",
                "f.SetGeometry(ogr.CreateGeometryFromWkt('POLYGON ((20 40,21 40,21 41,20 41,20 40))'))",
                "if lyr.CreateFeature(f) != 0: sys.exit('insert failed')",
                "gml_id = f.GetField('gml_id')",
                "print('inserted', gml_id)",
                "f.SetField('class', 'cloud')",
                "if lyr.SetFeature(f) != 0: sys.exit('update failed')",
                "print('updated')",
                "ds.ExecuteSQL(\"DELETE FROM \" + sys.argv[2] + \" WHERE gml_id = '\" + gml_id + \"'\")",
                "print('deleted')");
        Path py = Files.writeString(files.resolve("gdal_wfst.py"), script);
        // a second shape, left alone, shows the delete takes only its own
        var keep = transaction(
                doc("<wfs:Insert>" + insert("dust", "30 10 30 12 32 12 32 10 30 10") + "</wfs:Insert>"), owner);
        assertThat(keep.status()).isEqualTo(200);
        String out = Gdal.run(
                "/usr/bin/python3", py.toString(), client.base() + "/wfs", layer, "wfst-owner:wfst-owner-password");
        assertThat(out).contains("inserted " + layer + ".").contains("updated").contains("deleted");
        String id = out.lines()
                .filter(l -> l.startsWith("inserted "))
                .findFirst()
                .orElseThrow()
                .substring(("inserted " + layer + ".").length())
                .trim();

        List<String> actions = new ArrayList<>();
        client.get(EVENTS + "/" + slug + "/audit", owner).json().path("items").forEach(a -> {
            if (a.path("targetId").asText().equals(id)) {
                actions.add(a.path("action").asText());
            }
        });
        assertThat(actions).containsExactlyInAnyOrder("add", "update", "delete");
        JsonNode update = null;
        for (JsonNode a :
                client.get(EVENTS + "/" + slug + "/audit", owner).json().path("items")) {
            if (a.path("targetId").asText().equals(id)
                    && a.path("action").asText().equals("update")) {
                update = a;
            }
        }
        // the log keeps each state as the JSON text of the annotation
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        JsonNode before = json.readTree(update.path("before").asText());
        JsonNode after = json.readTree(update.path("after").asText());
        assertThat(before.path("class").asText()).isEqualTo("dust");
        assertThat(after.path("class").asText()).isEqualTo("cloud");
        JsonNode corner = after.path("geometry").path("coordinates").get(0).get(0);
        assertThat(corner.get(0).asDouble()).isEqualTo(20.0);
        assertThat(corner.get(1).asDouble()).isEqualTo(40.0);
        assertThat(shapes().path("total").asLong()).isEqualTo(1);
    }

    private static Document parse(byte[] xml) throws Exception {
        var f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    }

    private static String text(Document doc, String localName) {
        return doc.getElementsByTagNameNS("*", localName)
                .item(0)
                .getTextContent()
                .trim();
    }
}
