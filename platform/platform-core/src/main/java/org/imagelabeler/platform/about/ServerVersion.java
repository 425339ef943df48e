package org.imagelabeler.platform.about;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The server's version, written into the jar by the build. */
public final class ServerVersion {

    private static final String VERSION = load();

    private ServerVersion() {}

    public static String get() {
        return VERSION;
    }

    private static String load() {
        try (InputStream in = ServerVersion.class.getResourceAsStream("version.properties")) {
            Properties p = new Properties();
            if (in != null) {
                p.load(in);
            }
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
