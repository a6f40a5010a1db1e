package org.lectern.cluster;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * The cluster of {@code deploy/cluster/cluster.sh} (the script {@code ./lectern cluster} runs), started on free ports in a
 * folder under target/, with the jar the reactor just packaged: PostgreSQL, HAProxy, two app replicas, two workers.
 * Faults go through the same script (SIGKILL a node, restart PostgreSQL); {@link #close()} stops everything, also when
 * a test failed (and a shutdown hook does if the JVM ends first).
 */
final class LocalCluster implements AutoCloseable {

    static final String ADMIN_EMAIL = "admin@cluster.lectern";
    static final String ADMIN_PASSWORD = "cluster-test-admin-" + UUID.randomUUID();

    private final Path dir;
    private final Path script;
    private final int lbPort;
    private final List<Integer> appPorts;
    private final int pgPort;
    private final Thread hook;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private LocalCluster(Path dir, Path script, int lbPort, List<Integer> appPorts, int pgPort) {
        this.dir = dir;
        this.script = script;
        this.lbPort = lbPort;
        this.appPorts = appPorts;
        this.pgPort = pgPort;
        this.hook = new Thread(this::down, "cluster-down");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** Starts the cluster and returns once both replicas answer readiness and both workers run. */
    static LocalCluster start(int workerThreads) throws IOException, InterruptedException {
        Path jar = Path.of(System.getProperty("lectern.jar", "../frontend/target/lectern.jar")).toAbsolutePath().normalize();
        Path script = Path.of(System.getProperty("lectern.cluster.script", "../deploy/cluster/cluster.sh")).toAbsolutePath().normalize();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("No packaged app at " + jar + ": build it in the reactor (mvn -pl cluster-tests -am verify).");
        }
        Path target = Path.of("target").toAbsolutePath();
        Path dir = target.resolve("cluster-" + UUID.randomUUID().toString().substring(0, 8));
        Files.createDirectories(dir);
        List<Integer> ports = freePorts(4);
        LocalCluster cluster = new LocalCluster(dir, script, ports.get(0), ports.subList(1, 3), ports.get(3));
        ProcessBuilder pb = cluster.command("up");
        pb.environment().put("LECTERN_JAR", jar.toString());
        pb.environment().put("LECTERN_CLUSTER_WORKER_THREADS", Integer.toString(workerThreads));
        pb.environment().put("LECTERN_ADMIN_EMAIL", ADMIN_EMAIL);
        pb.environment().put("LECTERN_ADMIN_PASSWORD", ADMIN_PASSWORD);
        String javaHome = System.getProperty("lectern.java.home", System.getProperty("java.home"));
        pb.environment().put("JAVA_HOME", javaHome);
        pb.redirectErrorStream(true).redirectOutput(dir.resolve("cluster-up.log").toFile());
        Process up = pb.start();
        if (!up.waitFor(6, TimeUnit.MINUTES) || up.exitValue() != 0) {
            up.destroyForcibly();
            String log = Files.readString(dir.resolve("cluster-up.log"));
            cluster.close();
            throw new IllegalStateException("The cluster did not start (logs in " + dir.resolve("logs") + "):\n" + log);
        }
        return cluster;
    }

    private ProcessBuilder command(String... args) {
        List<String> cmd = new ArrayList<>(List.of("bash", script.toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().put("LECTERN_CLUSTER_DIR", dir.toString());
        pb.environment().put("LECTERN_CLUSTER_PORT", Integer.toString(lbPort));
        pb.environment().put("LECTERN_CLUSTER_APP_PORTS", appPorts.get(0) + " " + appPorts.get(1));
        pb.environment().put("LECTERN_CLUSTER_PG_PORT", Integer.toString(pgPort));
        return pb;
    }

    private int run(String... args) {
        try {
            ProcessBuilder pb = command(args);
            pb.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("cluster-commands.log").toFile()));
            Process p = pb.start();
            if (!p.waitFor(2, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                return -1;
            }
            return p.exitValue();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** The load balancer's address: what students and scripts reach. */
    String baseUrl() {
        return "http://127.0.0.1:" + lbPort;
    }

    String replicaUrl(int replica) {
        return "http://127.0.0.1:" + appPorts.get(replica - 1);
    }

    /** SIGKILL one node (app1, app2, worker1, worker2); its supervisor restarts it, as Kubernetes would. */
    void kill(String node) {
        if (run("kill", node) != 0) {
            throw new IllegalStateException("could not kill " + node);
        }
    }

    /** PostgreSQL restarted; immediate: stopped as by a crash (every connection cut, recovery from the WAL at start). */
    void restartDatabase(boolean immediate) {
        if (run("restart-db", immediate ? "immediate" : "fast") != 0) {
            throw new IllegalStateException("PostgreSQL did not restart; see " + dir.resolve("logs/postgresql.log"));
        }
    }

    boolean replicaReady(int replica) {
        try {
            var r = http.send(HttpRequest.newBuilder(URI.create(replicaUrl(replica) + "/actuator/health/readiness"))
                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
            return r.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Both replicas in HAProxy's rotation (it takes a replica in after a check of its own passes): requests without the
     * route cookie go round robin, and each answer names its replica in the cookie it sets.
     */
    boolean bothInRotation() {
        java.util.Set<String> seen = new java.util.TreeSet<>();
        for (int i = 0; i < 4; i++) {
            try {
                var r = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health/readiness"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
                seen.addAll(routes(r.headers()));
            } catch (IOException e) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return seen.containsAll(List.of("app1", "app2"));
    }

    /** The replica HAProxy named in an answer's route cookie (none when the request carried a valid one). */
    static List<String> routes(java.net.http.HttpHeaders headers) {
        return headers.allValues("set-cookie").stream().filter(c -> c.startsWith("LECTERN_ROUTE="))
                .map(c -> c.substring("LECTERN_ROUTE=".length()).split(";")[0]).toList();
    }

    /** The pool node name a worker logged at start (its latest start), to tell which worker holds a job. */
    String workerName(String node) throws IOException {
        String name = null;
        for (String line : Files.readAllLines(dir.resolve("logs/" + node + ".log"))) {
            int i = line.indexOf("Grading pool worker ");
            if (i >= 0 && line.contains(" started with ")) {
                name = line.substring(i + "Grading pool worker ".length()).split(" ")[0];
            }
        }
        return name;
    }

    /** A direct connection to the cluster's database, for checking what it holds. */
    Connection database() throws SQLException, IOException {
        return DriverManager.getConnection(databaseUrl(), "lectern", databasePassword());
    }

    /** The database's JDBC address and password, as the nodes get them (LECTERN_DB_URL, LECTERN_DB_PASSWORD). */
    String databaseUrl() {
        return "jdbc:postgresql://127.0.0.1:" + pgPort + "/lectern";
    }

    String databasePassword() throws IOException {
        return Files.readString(dir.resolve("db.password")).trim();
    }

    Path dir() {
        return dir;
    }

    private void down() {
        run("down");
    }

    @Override
    public void close() {
        down();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down: the hook runs down() itself
        }
    }

    private static List<Integer> freePorts(int n) throws IOException {
        // Held open together so that the four differ; the script binds them right after.
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < n; i++) {
                sockets.add(new ServerSocket(0));
            }
            return sockets.stream().map(ServerSocket::getLocalPort).toList();
        } finally {
            for (ServerSocket s : sockets) {
                s.close();
            }
        }
    }
}
