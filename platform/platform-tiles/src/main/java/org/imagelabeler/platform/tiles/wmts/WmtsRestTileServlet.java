package org.imagelabeler.platform.tiles.wmts;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.imagelabeler.platform.ows.OwsException;
import org.imagelabeler.platform.security.CurrentSubject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * WMTS RESTful tiles, {@code /wmts/rest/{layer}/{style}/{TileMatrixSet}/{TileMatrix}/{TileRow}/{TileCol}
 * ?format=...&time=...}: a plain servlet rather than a Spring MVC handler, because a cached tile
 * is the most frequent request of the server and MVC's handler lookup and argument binding cost
 * more than reading the tile (measured by bench/wmts-vs-nginx). The security filters run before
 * it as before every request, and the access policy is asked as everywhere else.
 */
public final class WmtsRestTileServlet extends HttpServlet {

    private static final Logger LOG = LoggerFactory.getLogger(WmtsRestTileServlet.class);

    private final transient TileService tiles;

    public WmtsRestTileServlet(TileService tiles) {
        this.tiles = tiles;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo();
        String[] p = path == null ? new String[0] : path.substring(1).split("/", -1);
        try {
            if (p.length != 6) {
                throw new OwsException(
                        OwsException.INVALID_PARAMETER,
                        null,
                        "expected /wmts/rest/{layer}/{style}/{TileMatrixSet}/{TileMatrix}/{TileRow}/{TileCol}",
                        404,
                        null);
            }
            String format = request.getParameter("format");
            TileResponse tile = tiles.tile(new TileRequest(
                    CurrentSubject.get(),
                    null,
                    p[0],
                    p[1],
                    p[2],
                    p[3],
                    p[4],
                    p[5],
                    format == null ? "image/png" : format,
                    request.getParameter("time")));
            TileResponseWriter.write(tile, request, response);
        } catch (OwsException e) {
            WmtsService.write(e, response);
        } catch (RuntimeException e) {
            LOG.error("WMTS tile request {} failed", path, e);
            WmtsService.write(
                    new OwsException(
                            OwsException.NO_APPLICABLE_CODE, null, "internal error: " + e.getMessage(), 500, e),
                    response);
        }
    }
}
