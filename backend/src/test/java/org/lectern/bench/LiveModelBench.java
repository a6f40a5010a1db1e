package org.lectern.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.lectern.LecternTestApplication;
import org.lectern.course.CourseDraft;
import org.lectern.course.CourseRole;
import org.lectern.course.CourseService;
import org.lectern.course.NewMember;
import org.lectern.identity.Account;
import org.lectern.identity.AccountService;
import org.lectern.identity.CurrentUser;
import org.lectern.identity.SiteRole;
import org.lectern.livemodel.LiveAnswer;
import org.lectern.livemodel.LiveModelExercise;
import org.lectern.livemodel.LiveModelExerciseDraft;
import org.lectern.livemodel.LiveModelService;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * Latency of a live exercise answer through LiveModelService: access check, the request to the warm worker
 * process and back (probabilities, 49 occluded copies, filters, activations), the answer row written. Prints the
 * cold start (first answer, the worker JVM started by it), then percentiles of answers one at a time, then of a
 * lecture hall's burst (many students at once). Asserts nothing.
 *
 * mvn -pl backend dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
 * cd backend && java -cp target/test-classes:target/classes:$(cat target/bench.classpath) org.lectern.bench.LiveModelBench
 * (--answers=N one at a time, --students=N and --each=N for the burst)
 */
public final class LiveModelBench {

    public static void main(String[] args) throws Exception {
        int answers = 500;
        int studentsAtOnce = 40;
        int each = 10;
        for (String a : args) {
            if (a.startsWith("--answers=")) {
                answers = Integer.parseInt(a.substring("--answers=".length()));
            } else if (a.startsWith("--students=")) {
                studentsAtOnce = Integer.parseInt(a.substring("--students=".length()));
            } else if (a.startsWith("--each=")) {
                each = Integer.parseInt(a.substring("--each=".length()));
            }
        }
        Path root = Files.isRegularFile(Path.of("backend", "pom.xml")) ? Path.of(".") : Path.of("..");
        Path dataDir = root.resolve("backend/target/bench-data").resolve(UUID.randomUUID().toString()).toAbsolutePath().normalize();
        var ctx = new SpringApplicationBuilder(LecternTestApplication.class).web(WebApplicationType.NONE)
                .run("--lectern.data-dir=" + dataDir, "--spring.main.banner-mode=off", "--logging.level.root=WARN",
                        "--lectern.live.prewarm=false");
        try {
            var accounts = ctx.getBean(AccountService.class);
            var courses = ctx.getBean(CourseService.class);
            var live = ctx.getBean(LiveModelService.class);
            System.out.printf(Locale.ROOT, "== LiveModelBench ==%nmachine: nproc %d, java %s%n",
                    Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
            Account admin = accounts.createWithPassword("bench-admin@uni.edu", "Bench", SiteRole.ADMIN, "bench-password-1");
            long courseId = CurrentUser.runAs(admin, () -> courses.create(new CourseDraft("LIVE", "Live", "T", "UTC")).id());
            LiveModelExercise e = CurrentUser.runAs(admin, () -> live.create(courseId, new LiveModelExerciseDraft(null, "LIVE", null, null)));
            List<Account> students = new ArrayList<>();
            for (int i = 0; i < studentsAtOnce; i++) {
                String email = "l" + i + "@uni.edu";
                CurrentUser.runAs(admin, () -> courses.addMember(courseId, new NewMember("Student", email, CourseRole.STUDENT, null)));
                students.add(accounts.byEmail(email).orElseThrow());
            }
            Account first = students.getFirst();
            int samples = CurrentUser.runAs(first, () -> live.sampleCount(e.id()));

            long coldStart = System.nanoTime();
            LiveAnswer cold = CurrentUser.runAs(first, () -> live.explainSample(e.id(), 0));
            System.out.printf(Locale.ROOT, "cold: first answer %.0f ms (starts the worker JVM and loads the model); device %s%n",
                    (System.nanoTime() - coldStart) / 1e6, cold.explanation().device());
            for (int i = 0; i < 20; i++) { // JIT warm-up of both JVMs, not measured
                int index = i;
                CurrentUser.runAs(first, () -> live.explainSample(e.id(), index));
            }

            List<Double> total = new ArrayList<>();
            List<Double> model = new ArrayList<>();
            for (int i = 0; i < answers; i++) {
                int index = i % samples;
                LiveAnswer a = CurrentUser.runAs(first, () -> live.explainSample(e.id(), index));
                total.add(a.totalMillis());
                model.add(a.explanation().millis());
            }
            System.out.printf(Locale.ROOT, "one at a time, %d answers: total p50 %.2f ms, p95 %.2f ms, max %.2f ms; in the model p50 %.2f ms"
                    + " (a batch of 50: the image and 49 occluded copies)%n", answers, pct(total, 50), pct(total, 95), pct(total, 100),
                    pct(model, 50));

            ExecutorService pool = Executors.newFixedThreadPool(studentsAtOnce);
            List<Future<List<Double>>> futures = new ArrayList<>();
            int perStudent = each;
            long burstStart = System.nanoTime();
            for (Account s : students) {
                futures.add(pool.submit(() -> {
                    List<Double> mine = new ArrayList<>();
                    for (int i = 0; i < perStudent; i++) {
                        int index = (int) ((s.id() * 31 + i) % samples);
                        long t = System.nanoTime();
                        CurrentUser.runAs(s, () -> live.explainSample(e.id(), index));
                        mine.add((System.nanoTime() - t) / 1e6);
                    }
                    return mine;
                }));
            }
            List<Double> burst = new ArrayList<>();
            for (Future<List<Double>> f : futures) {
                burst.addAll(f.get());
            }
            double seconds = (System.nanoTime() - burstStart) / 1e9;
            pool.shutdown();
            System.out.printf(Locale.ROOT, "burst: %d students at once, %d answers each: p50 %.1f ms, p95 %.1f ms, max %.1f ms;"
                    + " %.0f answers/s through one worker%n", studentsAtOnce, each, pct(burst, 50), pct(burst, 95), pct(burst, 100),
                    burst.size() / seconds);
        } finally {
            ctx.close();
        }
    }

    private static double pct(List<Double> values, double p) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.clamp(rank, 0, sorted.size() - 1));
    }
}
