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
import org.lectern.testing.OidcProvider;
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
    private static volatile OidcProvider idp;

    /** The SMTP server the app sends through during the run. */
    public static com.icegreen.greenmail.util.GreenMail smtp() {
        return smtp;
    }

    /** The university's OpenID Connect provider the app's sign-in button leads to. */
    static OidcProvider idp() {
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
        Path target = Path.of("target").toAbsolutePath();
        Files.createDirectories(target);
        Path data = Files.createTempDirectory(target, "e2e-data-");
        Path log = target.resolve("e2e-app.log");
        // The SMTP server and the provider bind port 0 and keep it: runs side by side on one machine never collide.
        smtp = new com.icegreen.greenmail.util.GreenMail(new com.icegreen.greenmail.util.ServerSetup(0, "127.0.0.1", "smtp"));
        smtp.start();
        try {
            idp = new OidcProvider(0, "lectern-e2e", "e2e-client-secret");
        } catch (Exception e) {
            throw new IOException(e);
        }
        // The app must know its own address before it starts (mail links, the OpenID Connect redirect), so it cannot
        // bind port 0; a free port is picked, and should another process take it before the app binds it, the app
        // stops saying so and is started again on another.
        for (int attempt = 1; ; attempt++) {
            int port = freePort();
            Process process = launch(java, jar, port, data, log);
            if (awaitReady(process, port, log)) {
                return new Running(process, port, data);
            }
            if (attempt == 5 || !Files.readString(log).contains("was already in use")) {
                throw new IllegalStateException("Lectern exited with " + process.exitValue() + "; see " + log);
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static Process launch(String java, Path jar, int port, Path data, Path log) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(List.of(java, "-Xmx768m", "-jar", jar.toString(),
                "--server.port=" + port, "--lectern.demo.enabled=true",
                "--lectern.smtp.host=127.0.0.1", "--lectern.smtp.port=" + smtp.getSmtp().getPort(), "--lectern.smtp.starttls=false",
                "--lectern.mail.send-every=500ms", "--lectern.mail.base-url=http://localhost:" + port,
                "--lectern.oidc.issuer=" + idp.issuer(), "--lectern.oidc.client-id=lectern-e2e",
                "--lectern.oidc.client-secret=e2e-client-secret", "--lectern.oidc.button-label=" + UNIVERSITY_BUTTON));
        pb.environment().put("LECTERN_DATA_DIR", data.toString());
        pb.environment().put("LECTERN_DEMO_PASSWORD", DEMO_PASSWORD);
        pb.environment().remove("LECTERN_DB_URL");
        pb.redirectErrorStream(true).redirectOutput(log.toFile());
        return pb.start();
    }

    /** True once the app answers ready; false if it exited first. */
    private static boolean awaitReady(Process process, int port, Path log) {
        HttpClient http = HttpClient.newHttpClient();
        URI health = URI.create("http://localhost:" + port + "/actuator/health/readiness");
        // Waits on readiness, not time; the bound only ends a hung start. Under a loaded 2-core machine a start took 261 s.
        await("Lectern to become ready (log: " + log + ")").atMost(Duration.ofMinutes(8)).pollInterval(Duration.ofMillis(250))
                .until(() -> {
                    if (!process.isAlive()) {
                        return true;
                    }
                    try {
                        var r = http.send(HttpRequest.newBuilder(health).build(), HttpResponse.BodyHandlers.ofString());
                        return r.statusCode() == 200 && r.body().contains("UP");
                    } catch (IOException e) {
                        return false;
                    }
                });
        return process.isAlive();
    }
}
