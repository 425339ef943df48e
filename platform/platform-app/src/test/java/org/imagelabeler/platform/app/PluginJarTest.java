package org.imagelabeler.platform.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.imagelabeler.platform.testing.RestClient;
import org.imagelabeler.platform.testing.RestClient.Auth;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A plugin is a jar: one compiled here, holding a REST controller and a Spring Boot
 * auto-configuration, dropped into {@code <data-dir>/plugins/}, adds its endpoint to the server
 * at the next start. Without the jar, the endpoint does not exist.
 */
class PluginJarTest {

    private static final String CONTROLLER = """
            package org.example.hello;

            import java.util.Map;
            import org.springframework.web.bind.annotation.GetMapping;
            import org.springframework.web.bind.annotation.RestController;

            @RestController
            public class HelloController {
                @GetMapping("/rest/hello")
                public Map<String, String> hello() {
                    return Map.of("greeting", "hello from a plugin");
                }
            }
            """;

    private static final String AUTO_CONFIGURATION = """
            package org.example.hello;

            import org.springframework.boot.autoconfigure.AutoConfiguration;
            import org.springframework.context.annotation.Import;

            @AutoConfiguration
            @Import(HelloController.class)
            public class HelloAutoConfiguration {}
            """;

    @TempDir
    Path work;

    @Test
    void pluginJarInTheDataDirAddsARestEndpoint() throws Exception {
        Path dataDir = work.resolve("data");
        assertThat(get(dataDir, "/rest/hello").status()).isEqualTo(404);

        Path jar = buildPlugin();
        Files.createDirectories(dataDir.resolve("plugins"));
        Files.copy(jar, dataDir.resolve("plugins/hello-plugin.jar"));

        RestClient.Response hello = get(dataDir, "/rest/hello");
        assertThat(hello.status()).isEqualTo(200);
        assertThat(hello.json().path("greeting").asText()).isEqualTo("hello from a plugin");
    }

    /** Starts the server in this JVM on the data dir, asks one thing as admin, and stops it. */
    private static RestClient.Response get(Path dataDir, String path) {
        ClassLoader before = Thread.currentThread().getContextClassLoader();
        try (ConfigurableApplicationContext server = LabelerServer.start(
                "--port", "0", "--data-dir", dataDir.toString(), "--labeler.admin-password=plugin-test-password")) {
            int port = ((WebServerApplicationContext) server).getWebServer().getPort();
            return new RestClient("http://localhost:" + port).get(path, Auth.basic("admin", "plugin-test-password"));
        } finally {
            Thread.currentThread().setContextClassLoader(before);
        }
    }

    private Path buildPlugin() throws IOException {
        Path src = work.resolve("src/org/example/hello");
        Path classes = work.resolve("classes");
        Files.createDirectories(src);
        Files.createDirectories(classes);
        Files.writeString(src.resolve("HelloController.java"), CONTROLLER);
        Files.writeString(src.resolve("HelloAutoConfiguration.java"), AUTO_CONFIGURATION);

        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int status = javac.run(
                null,
                null,
                null,
                "-d",
                classes.toString(),
                "-cp",
                System.getProperty("java.class.path"),
                src.resolve("HelloController.java").toString(),
                src.resolve("HelloAutoConfiguration.java").toString());
        assertThat(status).as("javac exit status").isZero();

        Path jar = work.resolve("hello-plugin.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            try (Stream<Path> files = Files.walk(classes)) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    out.putNextEntry(
                            new JarEntry(classes.relativize(f).toString().replace('\\', '/')));
                    Files.copy(f, out);
                    out.closeEntry();
                }
            }
            out.putNextEntry(
                    new JarEntry("META-INF/spring/org.springframework.boot.autoconfigure.AutoConfiguration.imports"));
            write(out, List.of("org.example.hello.HelloAutoConfiguration"));
            out.closeEntry();
        }
        return jar;
    }

    private static void write(OutputStream out, List<String> lines) throws IOException {
        out.write((String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
    }
}
