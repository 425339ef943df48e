package org.imagelabeler.platform.tiles.cascade;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import javax.imageio.ImageIO;

/**
 * A local stand-in for NASA GIBS, which cannot be reached from here: it serves two real-shaped
 * capabilities documents with their URLs rewritten to itself (the 2013 "map1" document, KVP only,
 * at {@code /map1/wmts.cgi}; a document in today's GIBS style with RESTful templates and a
 * {@code Time} dimension at {@code /best/1.0.0/WMTSCapabilities.xml}), and tiles generated on
 * request whose flat colour encodes the tile (see {@link #colour}), so a test can tell which
 * tile landed where. Every tile request is recorded. It can be told to stall or to fail.
 */
public final class StandInGibs implements AutoCloseable {

    public enum Mode {
        NORMAL,
        STALL,
        DOWN
    }

    /** A tile request as GIBS would see it. */
    public record TileHit(String layer, String time, String tileMatrix, long row, long column) {}

    private final HttpServer server;
    private final List<TileHit> hits = new CopyOnWriteArrayList<>();
    private volatile Mode mode = Mode.NORMAL;

    public StandInGibs() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "stand-in-gibs");
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/map1/wmts.cgi", this::kvp);
        server.createContext("/best/", this::rest);
        server.start();
    }

    public String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The KVP endpoint of the 2013 document. */
    public String map1Capabilities() {
        return base() + "/map1/wmts.cgi?SERVICE=WMTS&REQUEST=GetCapabilities";
    }

    /** The RESTful capabilities of the present-day document. */
    public String bestCapabilities() {
        return base() + "/best/1.0.0/WMTSCapabilities.xml";
    }

    public void mode(Mode mode) {
        this.mode = mode;
    }

    public List<TileHit> hits() {
        return List.copyOf(hits);
    }

    public void clearHits() {
        hits.clear();
    }

    /** The colour of a tile: red from the column, green from the row, blue from the date. */
    public static Color colour(String time, long row, long column) {
        int day = time == null ? 0 : Math.floorMod(time.hashCode(), 6);
        return new Color((int) (30 + 40 * (column % 6)), (int) (30 + 40 * (row % 6)), 30 + 40 * day);
    }

    private void kvp(HttpExchange x) throws IOException {
        Map<String, String> q = query(x);
        if ("GetCapabilities".equalsIgnoreCase(q.get("REQUEST"))) {
            document(
                    x,
                    "/capabilities/eosdis-wmts-cap.xml",
                    "http://map1b.vis.earthdata.nasa.gov/wmts-geo/wmts.cgi?",
                    base() + "/map1/wmts.cgi?");
            return;
        }
        tile(
                x,
                new TileHit(
                        q.get("LAYER"),
                        q.get("TIME"),
                        q.get("TILEMATRIX"),
                        Long.parseLong(q.get("TILEROW")),
                        Long.parseLong(q.get("TILECOL"))));
    }

    /** {@code /best/{layer}/default/{time}/{set}/{z}/{row}/{col}.jpg} or the capabilities. */
    private void rest(HttpExchange x) throws IOException {
        String path = x.getRequestURI().getPath();
        if (path.equals("/best/1.0.0/WMTSCapabilities.xml")) {
            document(
                    x,
                    "/capabilities/gibs-modern-wmts-cap.xml",
                    "https://gibs.earthdata.nasa.gov/wmts/epsg4326/best/",
                    base() + "/best/");
            return;
        }
        String[] p = path.split("/");
        if (p.length != 9) {
            send(x, 404, "text/plain", "no such resource".getBytes(StandardCharsets.UTF_8));
            return;
        }
        String col = p[8].substring(0, p[8].indexOf('.'));
        tile(x, new TileHit(p[2], p[4], p[6], Long.parseLong(p[7]), Long.parseLong(col)));
    }

    private void tile(HttpExchange x, TileHit hit) throws IOException {
        hits.add(hit);
        switch (mode) {
            case STALL -> {
                try {
                    Thread.sleep(60_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                x.close();
            }
            case DOWN -> send(x, 503, "text/plain", "down for maintenance".getBytes(StandardCharsets.UTF_8));
            default -> {
                BufferedImage image = new BufferedImage(512, 512, BufferedImage.TYPE_INT_RGB);
                var g = image.createGraphics();
                g.setColor(colour(hit.time(), hit.row(), hit.column()));
                g.fillRect(0, 0, 512, 512);
                g.dispose();
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                ImageIO.write(image, "jpeg", out);
                send(x, 200, "image/jpeg", out.toByteArray());
            }
        }
    }

    private void document(HttpExchange x, String resource, String from, String to) throws IOException {
        try (InputStream in = StandInGibs.class.getResourceAsStream(resource)) {
            String xml = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace(from, to);
            send(x, 200, "application/xml", xml.getBytes(StandardCharsets.UTF_8));
        }
    }

    private static void send(HttpExchange x, int status, String type, byte[] body) throws IOException {
        x.getResponseHeaders().set("Content-Type", type);
        x.sendResponseHeaders(status, body.length);
        try (OutputStream out = x.getResponseBody()) {
            out.write(body);
        }
    }

    private static Map<String, String> query(HttpExchange x) {
        Map<String, String> q = new HashMap<>();
        String raw = x.getRequestURI().getRawQuery();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    q.put(
                            pair.substring(0, eq).toUpperCase(Locale.ROOT),
                            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return q;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
