package org.imagelabeler.platform.tiles.wmts;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import org.imagelabeler.platform.ows.OwsException;
import org.imagelabeler.platform.ows.XmlDocument;
import org.imagelabeler.platform.security.CurrentSubject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The RESTful capabilities document, {@code /wmts/1.0.0/WMTSCapabilities.xml}, whose ResourceURL
 * templates name the tiles that {@link WmtsRestTileServlet} serves. Errors are WMTS exception
 * reports.
 */
@Controller
public class WmtsRestController {

    private static final Logger LOG = LoggerFactory.getLogger(WmtsRestController.class);

    private final TileService tiles;
    private final WmtsGetCapabilities capabilities;

    public WmtsRestController(TileService tiles) {
        this.tiles = tiles;
        this.capabilities = new WmtsGetCapabilities(tiles.layers());
    }

    @GetMapping("/wmts/1.0.0/WMTSCapabilities.xml")
    public void capabilities(HttpServletRequest request, HttpServletResponse response) throws IOException {
        try {
            String base =
                    ServletUriComponentsBuilder.fromContextPath(request).build().toUriString();
            XmlDocument doc = capabilities.document(CurrentSubject.get(), null, base);
            response.setContentType(doc.contentType());
            response.setContentLength(doc.content().length);
            try (OutputStream out = response.getOutputStream()) {
                out.write(doc.content());
            }
        } catch (OwsException e) {
            WmtsService.write(e, response);
        } catch (Exception e) {
            fail(e, response);
        }
    }

    private static void fail(Exception e, HttpServletResponse response) throws IOException {
        LOG.error("WMTS request failed", e);
        WmtsService.write(
                new OwsException(OwsException.NO_APPLICABLE_CODE, null, "internal error: " + e.getMessage(), 500, e),
                response);
    }
}
