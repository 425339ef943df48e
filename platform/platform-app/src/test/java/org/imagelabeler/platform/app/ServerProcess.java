package org.imagelabeler.platform.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.imagelabeler.platform.testing.RestClient;

/**
 * The server in a JVM of its own, started like {@code java -jar}: what a crash test needs, since
 * only a separate process can be killed with SIGKILL.
 */
final class ServerProcess implements AutoCloseable {

    private final Process process;
    private final Path log;
    private final int port;
    private final Duration startup;

    private ServerProcess(Process process, Path log, int port, Duration startup) {
        this.process = process;
        this.log = log;
        this.port = port;
        this.startup = startup;
    }

    /** Starts the server on a free port and waits until it answers. */
    static ServerProcess start(Path dataDir, Map<String, String> environment) throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Path log = Files.createTempFile("labeler-server", ".log");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m",
                "-cp",
                System.getProperty("java.class.path"),
                LabelerServer.class.getName(),
                "--port",
                Integer.toString(port),
                "--data-dir",
                dataDir.toString()));
        ProcessBuilder builder =
                new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().remove("LABELER_ADMIN_PASSWORD");
        builder.environment().remove("LABELER_DB_URL");
        builder.environment().putAll(environment);
        Instant started = Instant.now();
        Process process = builder.start();
        RestClient client = new RestClient("http://localhost:" + port);
        Instant deadline = started.plusSeconds(90);
        while (true) {
            if (!process.isAlive()) {
                throw new IllegalStateException("server exited with " + process.exitValue() + ":\n" + read(log));
            }
            try {
                if (client.get("/rest/about/status", RestClient.Auth.none()).status() == 200) {
                    break;
                }
            } catch (UncheckedIOException e) {
                // not listening yet
            }
            if (Instant.now().isAfter(deadline)) {
                process.destroyForcibly();
                throw new IllegalStateException("server did not start within 90 s:\n" + read(log));
            }
            Thread.sleep(100);
        }
        return new ServerProcess(process, log, port, Duration.between(started, Instant.now()));
    }

    RestClient client() {
        return new RestClient("http://localhost:" + port);
    }

    /** From process start to the first answer of the status endpoint. */
    Duration startup() {
        return startup;
    }

    String output() {
        return read(log);
    }

    /** SIGKILL: no shutdown hook, no flush, no goodbye. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** SIGTERM: a graceful stop. */
    void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }

    @Override
    public void close() throws Exception {
        if (process.isAlive()) {
            kill();
        }
        Files.deleteIfExists(log);
    }

    private static String read(Path log) {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }
}
