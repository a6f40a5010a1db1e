package org.lectern.e2e;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts the packaged Lectern jar once for the whole e2e run, in demo mode, on a free port, with a
 * fresh data folder, and stops it at the end. Tests reach it at {@link #baseUrl()}.
 */
public class LecternServer implements BeforeAllCallback {

    public static final String DEMO_PASSWORD = "e2e-demo-password";
    private static volatile Running running;

    record Running(Process process, int port, Path dataDir) implements AutoCloseable {
        @Override
        public void close() {
            process.destroy();
            try {
                if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    public static String baseUrl() {
        return "http://localhost:" + running.port();
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        synchronized (LecternServer.class) {
            if (running == null) {
                running = start();
                context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL).put("lectern-server",
                        (ExtensionContext.Store.CloseableResource) running::close);
            }
        }
    }

    private static Running start() throws IOException {
        Path jar = Path.of(System.getProperty("lectern.jar", "../frontend/target/lectern.jar")).toAbsolutePath().normalize();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("No packaged app at " + jar + ": build it first (mvn package).");
        }
        String java = System.getProperty("lectern.java", Path.of(System.getProperty("java.home"), "bin", "java").toString());
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Path target = Path.of("target").toAbsolutePath();
        Files.createDirectories(target);
        Path data = Files.createTempDirectory(target, "e2e-data-");
        Path log = target.resolve("e2e-app.log");
        ProcessBuilder pb = new ProcessBuilder(List.of(java, "-Xmx768m", "-jar", jar.toString(),
                "--server.port=" + port, "--lectern.demo.enabled=true"));
        pb.environment().put("LECTERN_DATA_DIR", data.toString());
        pb.environment().put("LECTERN_DEMO_PASSWORD", DEMO_PASSWORD);
        pb.environment().remove("LECTERN_DB_URL");
        pb.redirectErrorStream(true).redirectOutput(log.toFile());
        Process process = pb.start();
        HttpClient http = HttpClient.newHttpClient();
        URI health = URI.create("http://localhost:" + port + "/actuator/health/readiness");
        await("Lectern to become ready (log: " + log + ")").atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(250))
                .until(() -> {
                    if (!process.isAlive()) {
                        throw new IllegalStateException("Lectern exited with " + process.exitValue() + "; see " + log);
                    }
                    try {
                        var r = http.send(HttpRequest.newBuilder(health).build(), HttpResponse.BodyHandlers.ofString());
                        return r.statusCode() == 200 && r.body().contains("UP");
                    } catch (IOException e) {
                        return false;
                    }
                });
        return new Running(process, port, data);
    }
}
