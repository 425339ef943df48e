package org.imagelabeler.platform.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The jars in {@code <data-dir>/plugins/}: each is a plugin, as a jar in GeoServer's
 * {@code WEB-INF/lib} is. Their Spring Boot auto-configurations are found because the
 * application context loads classes and resources through this class loader.
 */
final class PluginJars {

    private static final Logger LOG = LoggerFactory.getLogger(PluginJars.class);

    private PluginJars() {}

    static ClassLoader classLoader(Path pluginDir, ClassLoader parent) {
        List<Path> jars = list(pluginDir);
        if (jars.isEmpty()) {
            return parent;
        }
        URL[] urls = jars.stream().map(PluginJars::url).toArray(URL[]::new);
        jars.forEach(j -> LOG.info("Loading plugin {}", j.getFileName()));
        return new URLClassLoader("labeler-plugins", urls, parent);
    }

    static List<Path> list(Path pluginDir) {
        if (!Files.isDirectory(pluginDir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(pluginDir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".jar"))
                    .filter(Files::isRegularFile)
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list plugins in " + pluginDir, e);
        }
    }

    private static URL url(Path jar) {
        try {
            return jar.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException(jar.toString(), e);
        }
    }
}
