package org.lectern.platform;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.concurrent.Executors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * {@code lectern.metrics.port} (LECTERN_METRICS_PORT): a small HTTP server beside (or, on a worker, instead of) the
 * web server, answering {@code /ready} (200 once the application is ready: migrated, runners done, pool started)
 * and {@code /metrics} (the Prometheus text of {@code /actuator/prometheus}, only with
 * {@code Authorization: Bearer $LECTERN_METRICS_TOKEN}). Pool workers run without a web server, yet Kubernetes must
 * probe them and Prometheus must read the job times they record.
 */
@Component
@ConditionalOnProperty(prefix = "lectern.metrics", name = "port")
public class MetricsPortServer implements SmartLifecycle {

    private final PrometheusMeterRegistry registry;
    private final LecternProperties props;
    private final int wantedPort;
    private volatile HttpServer server;
    private volatile boolean ready;

    public MetricsPortServer(PrometheusMeterRegistry registry, LecternProperties props,
                             @Value("${lectern.metrics.port}") int port) {
        this.registry = registry;
        this.props = props;
        this.wantedPort = port;
    }

    @EventListener(ApplicationReadyEvent.class)
    void ready() {
        ready = true;
    }

    /** The port it listens on (a free one when configured as 0). */
    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void start() {
        try {
            HttpServer s = HttpServer.create(new InetSocketAddress(wantedPort), 16);
            s.createContext("/ready", ex -> answer(ex, ready ? 200 : 503, ready ? "ready\n" : "starting\n"));
            s.createContext("/metrics", ex -> {
                if (!authorised(ex.getRequestHeaders().getFirst("Authorization"))) {
                    answer(ex, 401, "a bearer token (LECTERN_METRICS_TOKEN) is needed\n");
                } else {
                    answer(ex, 200, registry.scrape());
                }
            });
            s.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            s.start();
            server = s;
        } catch (IOException e) {
            throw new UncheckedIOException("could not listen on lectern.metrics.port " + wantedPort, e);
        }
    }

    private boolean authorised(String header) {
        if (!props.metrics().tokenSet() || header == null || !header.startsWith("Bearer ")) {
            return false;
        }
        return MessageDigest.isEqual(header.substring(7).trim().getBytes(StandardCharsets.UTF_8),
                props.metrics().token().getBytes(StandardCharsets.UTF_8));
    }

    private static void answer(HttpExchange ex, int status, String body) throws IOException {
        try (ex) {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().set("Content-Type", "text/plain; version=0.0.4; charset=utf-8");
            ex.sendResponseHeaders(status, bytes.length);
            ex.getResponseBody().write(bytes);
        }
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
    }

    @Override
    public boolean isRunning() {
        return server != null;
    }
}
