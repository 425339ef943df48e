package org.imagelabeler.platform.datadir;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The server's data directory, laid out like GeoServer's: one readable file per catalog object,
 * plus folders for security rules, plugins, the embedded database, blobs and tiles.
 *
 * <pre>
 * settings/global.json, settings/services/{service}.json
 * workspaces/{ws}/workspace.json
 * workspaces/{ws}/{store}/store.json
 * workspaces/{ws}/{store}/{layer}/layer.json
 * styles/{style}.json
 * security/layers.properties
 * plugins/*.jar     db/     blobs/     tiles/
 * </pre>
 */
public final class DataDirectory {

    /** Classpath folder holding the files copied into a new data directory. */
    public static final String TEMPLATE_LOCATION = "datadir-template";

    private static final Logger LOG = LoggerFactory.getLogger(DataDirectory.class);

    private final Path root;

    private DataDirectory(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    /**
     * Opens {@code root}, creating it from the template on the classpath when it does not exist
     * or is empty, and removing files left half-written by a crash.
     */
    public static DataDirectory open(Path root, ClassLoader templateSource) {
        DataDirectory dir = new DataDirectory(root);
        try {
            boolean fresh = !Files.isDirectory(dir.root) || isEmpty(dir.root);
            AtomicFileWriter.createDirectories(dir.root);
            if (fresh) {
                int copied = dir.copyTemplate(templateSource);
                LOG.info("Created data directory {} ({} files from the template)", dir.root, copied);
            }
            AtomicFileWriter.removeLeftovers(dir.root.resolve("workspaces"));
            AtomicFileWriter.removeLeftovers(dir.root.resolve("styles"));
            AtomicFileWriter.removeLeftovers(dir.root.resolve("settings"));
            AtomicFileWriter.removeLeftovers(dir.root.resolve("security"));
            AtomicFileWriter.removeLeftovers(dir.root.resolve("coverages"));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open data directory " + dir.root, e);
        }
        return dir;
    }

    public Path root() {
        return root;
    }

    public Path workspaces() {
        return root.resolve("workspaces");
    }

    public Path styles() {
        return root.resolve("styles");
    }

    public Path settings() {
        return root.resolve("settings");
    }

    public Path security() {
        return root.resolve("security");
    }

    public Path plugins() {
        return root.resolve("plugins");
    }

    public Path database() {
        return root.resolve("db");
    }

    public Path blobs() {
        return root.resolve("blobs");
    }

    public Path tiles() {
        return root.resolve("tiles");
    }

    private int copyTemplate(ClassLoader loader) throws IOException {
        var resolver = new PathMatchingResourcePatternResolver(loader);
        Resource base = resolver.getResource("classpath:" + TEMPLATE_LOCATION + "/");
        if (!base.exists()) {
            return 0;
        }
        String baseUrl = base.getURL().toString();
        int count = 0;
        for (Resource r : resolver.getResources("classpath*:" + TEMPLATE_LOCATION + "/**")) {
            String url = r.getURL().toString();
            if (!url.startsWith(baseUrl) || url.endsWith("/") || !r.isReadable()) {
                continue;
            }
            Path target = root.resolve(url.substring(baseUrl.length())).normalize();
            if (!target.startsWith(root)) {
                continue;
            }
            try (InputStream in = r.getInputStream()) {
                AtomicFileWriter.write(target, in.readAllBytes());
            }
            count++;
        }
        return count;
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (var entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        }
    }

    @Override
    public String toString() {
        return root.toString();
    }
}
