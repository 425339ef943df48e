package org.imagelabeler.platform.app;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The command line of the server: {@code --port N} and {@code --data-dir DIR} (also as
 * {@code --port=N}), everything else passed on to Spring Boot. The data dir is needed before
 * Spring starts, to find plugin jars: it comes from the argument, else the {@code labeler.data-dir}
 * system property, else {@code LABELER_DATA_DIR}, else {@code ./data}.
 */
public record ServerOptions(Path dataDir, Integer port, List<String> springArgs) {

    public static ServerOptions parse(String[] args, Map<String, String> env) {
        String dataDir = null;
        Integer port = null;
        List<String> rest = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--data-dir") || a.equals("--port")) {
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException(a + " needs a value");
                }
                String value = args[++i];
                if (a.equals("--port")) {
                    port = parsePort(value);
                } else {
                    dataDir = value;
                }
            } else if (a.startsWith("--data-dir=")) {
                dataDir = a.substring("--data-dir=".length());
            } else if (a.startsWith("--port=")) {
                port = parsePort(a.substring("--port=".length()));
            } else {
                rest.add(a);
            }
        }
        if (dataDir == null) {
            dataDir = System.getProperty("labeler.data-dir", env.getOrDefault("LABELER_DATA_DIR", "data"));
        }
        return new ServerOptions(Path.of(dataDir).toAbsolutePath().normalize(), port, List.copyOf(rest));
    }

    /** Spring properties that the options set; they win over defaults, not over explicit arguments. */
    public Map<String, Object> properties() {
        Map<String, Object> p = new HashMap<>();
        p.put("labeler.data-dir", dataDir.toString());
        if (port != null) {
            p.put("server.port", port);
        }
        return p;
    }

    private static int parsePort(String value) {
        try {
            int port = Integer.parseInt(value);
            if (port < 0 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--port takes a number from 0 to 65535, got '" + value + "'");
        }
    }
}
