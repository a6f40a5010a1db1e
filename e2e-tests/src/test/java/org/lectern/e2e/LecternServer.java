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
    public static final String UNIVERSITY_BUTTON = "Sign in with Test University";
    private static volatile Running running;
    private static volatile com.icegreen.greenmail.util.GreenMail smtp;
    private static volatile TestIdp idp;

    /** The SMTP server the app sends through during the run. */
    public static com.icegreen.greenmail.util.GreenMail smtp() {
        return smtp;
    }

    /** The university's OpenID Connect provider the app's sign-in button leads to. */
    static TestIdp idp() {
        return idp;
    }

    record Running(Process process, int port, Path dataDir) implements AutoCloseable {
        @Override
        public void close() {
            if (smtp != null) {
                smtp.stop();
            }
            if (idp != null) {
                idp.close();
            }
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
        // The SMTP server and the provider bind port 0 and keep it: runs side by side on one machine never collide.
        smtp = new com.icegreen.greenmail.util.GreenMail(new com.icegreen.greenmail.util.ServerSetup(0, "127.0.0.1", "smtp"));
        smtp.start();
        int smtpPort = smtp.getSmtp().getPort();
        try {
            idp = new TestIdp(0, "lectern-e2e", "e2e-client-secret");
        } catch (Exception e) {
            throw new IOException(e);
        }
        ProcessBuilder pb = new ProcessBuilder(List.of(java, "-Xmx768m", "-jar", jar.toString(),
                "--server.port=" + port, "--lectern.demo.enabled=true",
                "--lectern.smtp.host=127.0.0.1", "--lectern.smtp.port=" + smtpPort, "--lectern.smtp.starttls=false",
                "--lectern.mail.send-every=500ms", "--lectern.mail.base-url=http://localhost:" + port,
                "--lectern.oidc.issuer=" + idp.issuer(), "--lectern.oidc.client-id=lectern-e2e",
                "--lectern.oidc.client-secret=e2e-client-secret", "--lectern.oidc.button-label=" + UNIVERSITY_BUTTON));
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
