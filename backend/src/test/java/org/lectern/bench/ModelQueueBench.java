package org.lectern.bench;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.awaitility.Awaitility;
import org.lectern.LecternTestApplication;
import org.lectern.assignment.Assignment;
import org.lectern.assignment.AssignmentDraft;
import org.lectern.assignment.AssignmentService;
import org.lectern.autograde.ModelAssignmentService;
import org.lectern.autograde.ModelTaskDraft;
import org.lectern.course.CourseDraft;
import org.lectern.course.CourseRole;
import org.lectern.course.CourseService;
import org.lectern.course.NewMember;
import org.lectern.identity.Account;
import org.lectern.identity.AccountService;
import org.lectern.identity.CurrentUser;
import org.lectern.identity.SiteRole;
import org.lectern.submission.SubmissionService;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A deadline burst of model submissions: 300 students upload the course's digits CNN at once; the
 * pool validates each at upload, then evaluates each in its own worker JVM. Prints the makespan and
 * the wait (queued to started) and run (started to finished) percentiles. Asserts nothing.
 *
 * mvn -B -q -pl backend test-compile exec:java -Dexec.mainClass=org.lectern.bench.ModelQueueBench -Dexec.classpathScope=test
 * (--count=N for another burst size)
 */
public final class ModelQueueBench {

    public static void main(String[] args) throws Exception {
        int count = 300;
        for (String a : args) {
            if (a.startsWith("--count=")) {
                count = Integer.parseInt(a.substring("--count=".length()));
            }
        }
        Path root = Files.isRegularFile(Path.of("backend", "pom.xml")) ? Path.of(".") : Path.of("..");
        Path models = root.resolve("models").toAbsolutePath().normalize();
        Path dataDir = root.resolve("backend/target/bench-data").resolve(UUID.randomUUID().toString()).toAbsolutePath().normalize();
        var ctx = new SpringApplicationBuilder(LecternTestApplication.class).web(WebApplicationType.NONE)
                .run("--lectern.data-dir=" + dataDir, "--spring.main.banner-mode=off", "--logging.level.root=WARN");
        try {
            var accounts = ctx.getBean(AccountService.class);
            var courses = ctx.getBean(CourseService.class);
            var assignments = ctx.getBean(AssignmentService.class);
            var submissions = ctx.getBean(SubmissionService.class);
            var models2 = ctx.getBean(ModelAssignmentService.class);
            var jdbc = ctx.getBean(JdbcTemplate.class);
            System.out.printf(Locale.ROOT, "== ModelQueueBench: %d model uploads at once ==%nmachine: nproc %d, java %s; pool threads %s%n",
                    count, Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                    ctx.getEnvironment().getProperty("lectern.pool.threads", "one per core"));
            Account admin = accounts.createWithPassword("bench-admin@uni.edu", "Bench", SiteRole.ADMIN, "bench-password-1");
            Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            long courseId = CurrentUser.runAs(admin, () -> courses.create(new CourseDraft("MQ", "Models", "T", "UTC")).id());
            Assignment a = CurrentUser.runAs(admin, () -> assignments.create(courseId, new AssignmentDraft("M1", "Digits", "model",
                    now.minus(1, ChronoUnit.DAYS), now.plus(1, ChronoUnit.DAYS), java.math.BigDecimal.TEN, null, null, null, null, null,
                    null, null, null)));
            ByteArrayOutputStream zip = new ByteArrayOutputStream();
            try (ZipOutputStream out = new ZipOutputStream(zip)) {
                for (String f : new String[] {"data.json", "images.f32", "labels.csv"}) {
                    out.putNextEntry(new ZipEntry(f));
                    out.write(Files.readAllBytes(models.resolve("digits-eval").resolve(f)));
                    out.closeEntry();
                }
            }
            CurrentUser.runAs(admin, () -> models2.configure(a.id(), ModelTaskDraft.digits(), zip.toByteArray()));
            List<Account> students = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                String email = "m" + i + "@uni.edu";
                CurrentUser.runAs(admin, () -> courses.addMember(courseId, new NewMember("Student", email, CourseRole.STUDENT, null)));
                students.add(accounts.byEmail(email).orElseThrow());
            }
            byte[] cnn = Files.readAllBytes(models.resolve("digits-cnn.onnx"));

            long start = System.nanoTime();
            Instant burstStart = Instant.now();
            for (Account s : students) {
                CurrentUser.runAs(s, () -> submissions.submit(a.id(), "digits-cnn.onnx", cnn));
            }
            double uploadSeconds = (System.nanoTime() - start) / 1e9;
            int total = count;
            Awaitility.await().atMost(Duration.ofMinutes(60)).pollInterval(Duration.ofSeconds(1)).until(() ->
                    jdbc.queryForObject("select count(*) from model_run where finished_at is not null", Integer.class) >= total);
            double makespan = (System.nanoTime() - start) / 1e9;

            List<Double> waits = new ArrayList<>();
            List<Double> runs = new ArrayList<>();
            int[] done = new int[1];
            jdbc.query("select created_at, started_at, finished_at, state from model_run", rs -> {
                Timestamp c = rs.getTimestamp(1);
                Timestamp st = rs.getTimestamp(2);
                Timestamp f = rs.getTimestamp(3);
                if ("DONE".equals(rs.getString(4))) {
                    done[0]++;
                }
                if (st != null) {
                    waits.add((st.getTime() - c.getTime()) / 1000.0);
                    runs.add((f.getTime() - st.getTime()) / 1000.0);
                }
            });
            Collections.sort(waits);
            Collections.sort(runs);
            double sumRuns = runs.stream().mapToDouble(Double::doubleValue).sum();
            System.out.printf(Locale.ROOT, "uploads (validated in the upload transaction) took %.1f s in all, %.0f ms each%n", uploadSeconds,
                    uploadSeconds * 1000 / count);
            System.out.printf(Locale.ROOT, "evaluated %d of %d (DONE %d); makespan from the first upload %.1f s (%.1f models/min)%n",
                    runs.size(), count, done[0], makespan, count * 60 / makespan);
            System.out.printf(Locale.ROOT, "wait queued->started: p50 %.1f s, p95 %.1f s, max %.1f s%n", pct(waits, 50), pct(waits, 95),
                    waits.isEmpty() ? 0 : waits.getLast());
            System.out.printf(Locale.ROOT, "run per model (a fresh worker JVM each): p50 %.2f s, p95 %.2f s; sum of runs / makespan %.2f%n",
                    pct(runs, 50), pct(runs, 95), sumRuns / makespan);
            System.out.println("burst started " + burstStart);
        } finally {
            ctx.close();
        }
    }

    private static double pct(List<Double> sorted, int p) {
        return sorted.isEmpty() ? Double.NaN : sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }
}
