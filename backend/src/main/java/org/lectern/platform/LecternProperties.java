package org.lectern.platform;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings read from the environment (LECTERN_DATA_DIR, LECTERN_DB_URL, LECTERN_DEMO_PASSWORD, ...):
 * Spring's relaxed binding maps those variables onto these properties.
 */
@ConfigurationProperties(prefix = "lectern")
public record LecternProperties(Path dataDir, Db db, Demo demo, Admin admin, Tokens tokens, Metrics metrics, String secret) {

    public LecternProperties {
        demo = demo == null ? new Demo(false, null) : demo;
        if (dataDir == null) {
            // The demo never shares a folder with a real install: its accounts' password is public.
            dataDir = Path.of(System.getProperty("user.home"), demo.enabled() ? ".lectern-demo" : ".lectern");
        }
        db = db == null ? new Db(null, null, null) : db;
        metrics = metrics == null ? new Metrics(null) : metrics;
        admin = admin == null ? new Admin(null, null) : admin;
        tokens = tokens == null ? new Tokens(null) : tokens;
    }

    /** An external PostgreSQL; when url is blank Lectern starts its embedded one. */
    public record Db(String url, String user, String password) {
        public boolean external() {
            return url != null && !url.isBlank();
        }
    }

    public record Demo(boolean enabled, String password) {
        public Demo {
            if (password == null || password.isBlank()) {
                password = "lectern-demo";
            }
        }
    }

    /** The first site admin, created at start when both are set and the account does not exist. */
    public record Admin(String email, String password) {
        public boolean configured() {
            return email != null && !email.isBlank() && password != null && !password.isBlank();
        }
    }

    /** The bearer token Prometheus scrapes /actuator/prometheus with (LECTERN_METRICS_TOKEN); unset, only site admins may. */
    public record Metrics(String token) {
        public boolean tokenSet() {
            return token != null && !token.isBlank();
        }
    }

    public record Tokens(Duration lifetime) {
        public Tokens {
            if (lifetime == null) {
                lifetime = Duration.ofDays(30);
            }
        }
    }
}
