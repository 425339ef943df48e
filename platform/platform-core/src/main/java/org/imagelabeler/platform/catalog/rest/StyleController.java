package org.imagelabeler.platform.catalog.rest;

import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.imagelabeler.platform.catalog.Catalog;
import org.imagelabeler.platform.catalog.StyleInfo;
import org.imagelabeler.platform.rest.ApiProblem;
import org.imagelabeler.platform.security.CurrentSubject;
import org.imagelabeler.platform.security.SecuredCatalog;
import org.imagelabeler.platform.xml.SecureXml;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.w3c.dom.Document;
import org.xml.sax.SAXException;

/**
 * {@code /rest/styles}, as in GeoServer: {@code POST} an SLD document with {@code ?name=}, read
 * the style as JSON or, with {@code Accept: application/vnd.ogc.sld+xml}, its SLD; {@code PUT}
 * replaces the SLD. SLD bodies are parsed (external entities off) and must be a
 * {@code StyledLayerDescriptor}.
 */
@RestController
@RequestMapping("/rest/styles")
public class StyleController {

    public static final String SLD = "application/vnd.ogc.sld+xml";
    private static final int MAX_BYTES = 5 * 1024 * 1024;

    private final SecuredCatalog secured;
    private final Catalog catalog;

    public StyleController(SecuredCatalog secured) {
        this.secured = secured;
        this.catalog = secured.unsecured();
    }

    public record StyleJson(
            String name, String format, String filename, String id, Instant created, Instant modified) {}

    public record StyleBody(StyleJson style) {}

    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    public Map<String, Map<String, List<NamedLink>>> list() {
        List<NamedLink> links = catalog.styles().stream()
                .map(s -> new NamedLink(s.name(), Links.href("/rest/styles/" + s.name())))
                .toList();
        return Map.of("styles", Map.of("style", links));
    }

    @GetMapping(path = "/{name}", produces = MediaType.APPLICATION_JSON_VALUE)
    public StyleBody get(@PathVariable String name) {
        return new StyleBody(json(existing(name)));
    }

    @GetMapping(
            path = "/{name}",
            produces = {SLD, MediaType.APPLICATION_XML_VALUE})
    public ResponseEntity<byte[]> body(@PathVariable String name) {
        StyleInfo style = existing(name);
        if (style.filename() == null) {
            throw ApiProblem.notFound("style '" + name + "' has no SLD body");
        }
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(SLD)).body(catalog.styleBody(style));
    }

    @PostMapping(consumes = {SLD, MediaType.APPLICATION_XML_VALUE, MediaType.TEXT_XML_VALUE})
    public ResponseEntity<StyleBody> create(@RequestParam String name, HttpServletRequest request) throws IOException {
        requireAdmin();
        byte[] sld = readSld(request);
        Instant now = Instant.now();
        StyleInfo style =
                catalog.add(new StyleInfo(UUID.randomUUID().toString(), name, "sld", name + ".sld", now, now), sld);
        return ResponseEntity.created(Links.uri("/rest/styles/" + style.name())).body(new StyleBody(json(style)));
    }

    @PutMapping(
            path = "/{name}",
            consumes = {SLD, MediaType.APPLICATION_XML_VALUE, MediaType.TEXT_XML_VALUE})
    public StyleBody replace(@PathVariable String name, HttpServletRequest request) throws IOException {
        requireAdmin();
        StyleInfo style = existing(name);
        return new StyleBody(json(catalog.saveBody(style, readSld(request))));
    }

    @DeleteMapping("/{name}")
    public void delete(@PathVariable String name) {
        requireAdmin();
        catalog.remove(existing(name));
    }

    private StyleInfo existing(String name) {
        return catalog.styleByName(name).orElseThrow(() -> ApiProblem.notFound("no style '" + name + "'"));
    }

    private void requireAdmin() {
        if (!secured.canAdministerCatalog(CurrentSubject.get())) {
            throw ApiProblem.forbidden("only administrators change styles");
        }
    }

    private static byte[] readSld(HttpServletRequest request) throws IOException {
        byte[] body;
        try (InputStream in = request.getInputStream()) {
            body = in.readNBytes(MAX_BYTES + 1);
        }
        if (body.length > MAX_BYTES) {
            throw new ApiProblem(
                    org.springframework.http.HttpStatus.PAYLOAD_TOO_LARGE,
                    "body",
                    "an SLD document is limited to 5 MiB");
        }
        Document doc = parse(body);
        String root = doc.getDocumentElement().getLocalName();
        if (!"StyledLayerDescriptor".equals(root)) {
            throw ApiProblem.badRequest("body", "expected an SLD document (StyledLayerDescriptor), got <" + root + ">");
        }
        return body;
    }

    private static Document parse(byte[] body) {
        try {
            // no DTDs, no external entities: an SLD needs neither
            return SecureXml.parse(new ByteArrayInputStream(body));
        } catch (SAXException e) {
            throw ApiProblem.badRequest("body", "the SLD is not well-formed XML: " + e.getMessage());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static StyleJson json(StyleInfo s) {
        return new StyleJson(s.name(), s.format(), s.filename(), s.id(), s.created(), s.modified());
    }
}
