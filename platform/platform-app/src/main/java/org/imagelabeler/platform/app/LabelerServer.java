package org.imagelabeler.platform.app;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.DefaultResourceLoader;

/**
 * The server's main class. It declares no beans of its own: every module, and every plugin jar in
 * the data dir, contributes its beans through Spring Boot auto-configuration.
 */
@SpringBootConfiguration
@EnableAutoConfiguration(exclude = FlywayAutoConfiguration.class) // each module migrates its own schema
public class LabelerServer {

    public static void main(String[] args) {
        try {
            start(args);
        } catch (IllegalArgumentException e) {
            System.err.println("labeler: " + e.getMessage());
            System.exit(2);
        }
    }

    public static ConfigurableApplicationContext start(String... args) {
        ServerOptions options = ServerOptions.parse(args, System.getenv());
        ClassLoader loader =
                PluginJars.classLoader(options.dataDir().resolve("plugins"), LabelerServer.class.getClassLoader());
        Thread.currentThread().setContextClassLoader(loader);
        SpringApplication app = new SpringApplication(new DefaultResourceLoader(loader), LabelerServer.class);
        app.setDefaultProperties(options.properties());
        return app.run(options.springArgs().toArray(String[]::new));
    }
}
