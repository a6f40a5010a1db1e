package org.lectern.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.lectern.BackendTest;
import org.lectern.platform.MetricsPortServer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What deploy/ promises against the real application: every metric the Grafana dashboard's queries name is one
 * that /actuator/prometheus really exports; a worker's metrics port answers readiness and the same metrics, only
 * with the scrape token; KEDA's queue query runs on Lectern's real schema and counts what the workers must run.
 */
@BackendTest
class DeployMetricsIT {

    static final String TOKEN = "test-metrics-token-0123456789";
    static final Path DASHBOARD = Path.of("../deploy/grafana/lectern-dashboard.json");

    @LocalServerPort int port;
    @Autowired MetricsPortServer metricsPort;
    @Autowired DataSource dataSource;
    @Autowired List<RecurringTask<?>> recurring;

    final HttpClient http = HttpClient.newHttpClient();

    HttpResponse<String> get(String url, String token) throws Exception {
        var b = HttpRequest.newBuilder(URI.create(url));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static Set<String> exported(String exposition) {
        Set<String> names = new TreeSet<>();
        for (String line : exposition.split("\n")) {
            if (!line.isBlank() && !line.startsWith("#")) {
                names.add(line.split("[{ ]", 2)[0]);
            }
        }
        return names;
    }

    @Test
    void everyMetricTheDashboardQueriesIsExported() throws Exception {
        get("http://localhost:" + port + "/actuator/health", null); // so that the HTTP server timer has a sample
        var scrape = get("http://localhost:" + port + "/actuator/prometheus", TOKEN);
        assertThat(scrape.statusCode()).isEqualTo(200);
        Set<String> exported = exported(scrape.body());

        List<String> queried = new ArrayList<>();
        JsonNode dashboard = JsonMapper.builder().build().readTree(DASHBOARD.toFile());
        for (JsonNode panel : dashboard.path("panels")) {
            for (JsonNode target : panel.path("targets")) {
                queried.addAll(PromQl.metricNames(target.path("expr").asString()));
            }
        }
        assertThat(queried).contains("lectern_queue_depth", "lectern_job_wait_seconds_bucket", "lectern_job_seconds_bucket",
                "lectern_job_seconds_count", "lectern_live_answer_seconds_bucket");
        assertThat(exported).containsAll(queried);
    }

    @Test
    void theMetricsPortAnswersReadinessAndMetricsOnlyWithTheToken() throws Exception {
        String base = "http://localhost:" + metricsPort.port();
        assertThat(get(base + "/ready", null).statusCode()).isEqualTo(200);
        assertThat(get(base + "/metrics", null).statusCode()).isEqualTo(401);
        assertThat(get(base + "/metrics", "test-metrics-token-wrong").statusCode()).isEqualTo(401);
        var metrics = get(base + "/metrics", TOKEN);
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(exported(metrics.body())).contains("lectern_queue_depth", "lectern_job_seconds_bucket", "jvm_memory_used_bytes");
    }

    /** Runs in one snapshot that is rolled back, so the pool never sees the probe rows. */
    @Test
    void kedasQueueQueryCountsDueAndRunningJobsButNotTheRecurringOnes() throws Exception {
        String query = DeployManifestsTest.kedaQuery();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            try {
                long before = count(c, query);
                String insert = "insert into scheduled_tasks (task_name, task_instance, execution_time, picked, version) values (?, ?, ?, ?, 1)";
                Object[][] rows = {
                        {"grade", "keda-due", "now() - interval '1 minute'", false},
                        {"grade", "keda-running", "now() - interval '1 minute'", true},
                        {"grade", "keda-later", "now() + interval '1 hour'", false},
                        {"mail-sender", "keda-recurring", "now() - interval '1 minute'", false},
                };
                for (Object[] r : rows) {
                    try (var st = c.prepareStatement(insert.replace("?, ?, ?, ?", "?, ?, " + r[2] + ", ?"))) {
                        st.setString(1, (String) r[0]);
                        st.setString(2, (String) r[1]);
                        st.setBoolean(3, (Boolean) r[3]);
                        st.executeUpdate();
                    }
                }
                assertThat(count(c, query) - before).isEqualTo(2);
            } finally {
                c.rollback();
            }
        }
    }

    /** A recurring job always sits in the table; one the query did not leave out would keep a worker per 4 of them. */
    @Test
    void kedasQueryLeavesOutEveryRecurringJob() throws Exception {
        String query = DeployManifestsTest.kedaQuery();
        assertThat(recurring).isNotEmpty();
        for (RecurringTask<?> task : recurring) {
            assertThat(query).as("KEDA's query leaves out " + task.getName()).contains("'" + task.getName() + "'");
        }
    }

    static long count(Connection c, String query) throws Exception {
        try (var st = c.createStatement(); ResultSet rs = st.executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** The metric names a PromQL expression reads: identifiers that are not functions, keywords or label names. */
    static final class PromQl {
        private static final Pattern IDENT = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
        private static final Set<String> KEYWORDS = Set.of("by", "without", "on", "ignoring", "group_left", "group_right",
                "and", "or", "unless", "bool", "offset");

        static List<String> metricNames(String expr) {
            String s = expr.replaceAll("\"(?:[^\"\\\\]|\\\\.)*\"", "\"\"") // strings
                    .replaceAll("\\{[^}]*}", " ")                                  // label matchers
                    .replaceAll("\\[[^]]*]", " ")                                  // ranges
                    .replaceAll("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", " "); // label lists
            List<String> names = new ArrayList<>();
            Matcher m = IDENT.matcher(s);
            while (m.find()) {
                String id = m.group();
                boolean function = s.substring(m.end()).stripLeading().startsWith("(");
                boolean number = m.start() > 0 && Character.isDigit(s.charAt(m.start() - 1));
                if (!function && !number && !KEYWORDS.contains(id)) {
                    names.add(id);
                }
            }
            return names;
        }
    }
}
