package org.lectern.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.lectern.LecternTestApplication;
import org.lectern.course.CourseDraft;
import org.lectern.course.CourseRole;
import org.lectern.course.CourseService;
import org.lectern.course.NewMember;
import org.lectern.identity.Account;
import org.lectern.identity.AccountService;
import org.lectern.identity.CurrentUser;
import org.lectern.identity.SiteRole;
import org.lectern.project.TeamFormationService;
import org.lectern.workspace.NotebookRunService;
import org.lectern.workspace.WorkspaceService;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * 40 teams start a notebook run at once (three code cells: a small numeric loop, a print, a sum). Prints the makespan
 * against the pool's slots, the percentiles of the time from pressing Run to the first line of output, and from the run
 * starting on a worker to that line (the streaming path without the queue). Asserts nothing.
 *
 * mvn -B -q -pl backend test-compile exec:java -Dexec.mainClass=org.lectern.bench.NotebookRunBench -Dexec.classpathScope=test
 * (--teams=N for another count)
 */
public final class NotebookRunBench {

    static final String NOTEBOOK = """
            {"cells": [
              {"cell_type": "code", "source": "print('loop starts')\\ntotal = 0\\nfor i in range(200000):\\n    total += i * i\\nprint(total)", "metadata": {}, "outputs": []},
              {"cell_type": "code", "source": "print('second cell')", "metadata": {}, "outputs": []},
              {"cell_type": "code", "source": "print(sum(range(1000)))", "metadata": {}, "outputs": []}
             ], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}""";

    public static void main(String[] args) throws Exception {
        int teams = 40;
        for (String a : args) {
            if (a.startsWith("--teams=")) {
                teams = Integer.parseInt(a.substring("--teams=".length()));
            }
        }
        Path root = Path.of("backend", "pom.xml").toFile().isFile() ? Path.of(".") : Path.of("..");
        Path dataDir = root.resolve("backend/target/bench-data").resolve(UUID.randomUUID().toString()).toAbsolutePath().normalize();
        // with the web layer: the test classes hold a browser sign-in chain that needs it
        var ctx = new SpringApplicationBuilder(LecternTestApplication.class).web(WebApplicationType.SERVLET)
                .run("--lectern.data-dir=" + dataDir, "--server.port=0", "--spring.main.banner-mode=off", "--logging.level.root=WARN");
        try {
            var accounts = ctx.getBean(AccountService.class);
            var courses = ctx.getBean(CourseService.class);
            var formation = ctx.getBean(TeamFormationService.class);
            var workspaces = ctx.getBean(WorkspaceService.class);
            var runs = ctx.getBean(NotebookRunService.class);
            var jdbc = ctx.getBean(JdbcTemplate.class);
            String slots = ctx.getEnvironment().getProperty("lectern.pool.threads", Integer.toString(Runtime.getRuntime().availableProcessors()));
            System.out.printf(Locale.ROOT, "== NotebookRunBench: %d teams start a notebook run at once ==%nmachine: nproc %d, java %s; pool slots %s%n",
                    teams, Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), slots);
            Account admin = accounts.createWithPassword("bench-admin@uni.edu", "Bench", SiteRole.ADMIN, "bench-password-1");
            long courseId = CurrentUser.runAs(admin, () -> courses.create(new CourseDraft("NB", "Notebooks", "T", "UTC")).id());
            List<Account> students = new ArrayList<>();
            List<Long> files = new ArrayList<>();
            for (int i = 0; i < teams; i++) {
                String email = "nb" + i + "@uni.edu";
                CurrentUser.runAs(admin, () -> courses.addMember(courseId, new NewMember("Student " + email, email, CourseRole.STUDENT, null)));
                Account s = accounts.byEmail(email).orElseThrow();
                students.add(s);
                int n = i;
                files.add(CurrentUser.runAs(s, () -> {
                    long team = formation.start(courseId, "Team " + n).id();
                    return workspaces.upload(team, "train.ipynb", NOTEBOOK.getBytes(StandardCharsets.UTF_8)).id();
                }));
            }
            long start = System.nanoTime();
            for (int i = 0; i < teams; i++) {
                long file = files.get(i);
                CurrentUser.runAs(students.get(i), () -> runs.start(file));
            }
            int total = teams;
            Awaitility.await().atMost(Duration.ofMinutes(60)).pollInterval(Duration.ofMillis(500)).until(() ->
                    jdbc.queryForObject("select count(*) from notebook_run where finished_at is not null", Integer.class) >= total);
            double makespan = (System.nanoTime() - start) / 1e9;
            List<Double> first = new ArrayList<>();
            List<Double> onWorker = new ArrayList<>();
            List<Double> runTimes = new ArrayList<>();
            int[] finished = new int[1];
            jdbc.query("select created_at, first_output_at, seconds, status, started_at from notebook_run", rs -> {
                Timestamp c = rs.getTimestamp(1);
                Timestamp f = rs.getTimestamp(2);
                if (f != null) {
                    first.add((f.getTime() - c.getTime()) / 1000.0);
                    onWorker.add((f.getTime() - rs.getTimestamp(5).getTime()) / 1000.0);
                }
                runTimes.add(rs.getDouble(3));
                if ("FINISHED".equals(rs.getString(4))) {
                    finished[0]++;
                }
            });
            Collections.sort(first);
            Collections.sort(onWorker);
            Collections.sort(runTimes);
            double sum = runTimes.stream().mapToDouble(Double::doubleValue).sum();
            System.out.printf(Locale.ROOT, "finished %d of %d; makespan %.1f s; sum of run times %.1f s (%.2f runs in parallel on average)%n",
                    finished[0], teams, makespan, sum, sum / makespan);
            System.out.printf(Locale.ROOT, "run started on a worker -> first line stored: p50 %.2f s, p95 %.2f s%n", pct(onWorker, 50),
                    pct(onWorker, 95));
            System.out.printf(Locale.ROOT, "Run pressed -> first line of output stored: p50 %.2f s, p95 %.2f s, max %.2f s%n", pct(first, 50),
                    pct(first, 95), first.isEmpty() ? Double.NaN : first.getLast());
            System.out.printf(Locale.ROOT, "one run on the worker (sandbox start to the end): p50 %.2f s, p95 %.2f s%n", pct(runTimes, 50),
                    pct(runTimes, 95));
        } finally {
            ctx.close();
        }
    }

    private static double pct(List<Double> sorted, int p) {
        return sorted.isEmpty() ? Double.NaN : sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }
}
