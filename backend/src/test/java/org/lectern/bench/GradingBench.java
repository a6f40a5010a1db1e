package org.lectern.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.lectern.Coursework;
import org.lectern.LecternTestApplication;
import org.lectern.People;
import org.lectern.assignment.Assignment;
import org.lectern.course.CourseRole;
import org.lectern.course.CourseService;
import org.lectern.course.Member;
import org.lectern.course.NewMember;
import org.lectern.grading.GradingReport;
import org.lectern.grading.PytestHarness;
import org.lectern.grading.Sandbox;
import org.lectern.grading.SandboxLimits;
import org.lectern.grading.TestFile;
import org.lectern.identity.Account;
import org.lectern.identity.AccountService;
import org.lectern.notebooks.Notebook;
import org.lectern.notebooks.NotebookCode;
import org.lectern.pool.GradingPoolConfiguration;
import org.lectern.submission.SubmissionService;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Grading latency and throughput: Lectern's queue + worker path against the bare sandbox it wraps.
 *
 * <pre>
 * cd /work/main &amp;&amp; mvn -B -q -o -pl backend test-compile exec:java \
 *     -Dexec.mainClass=org.lectern.bench.GradingBench -Dexec.classpathScope=test \
 *     [-Dexec.args="--burst=20 --repeats=5"]
 * </pre>
 *
 * Options: {@code --repeats=15} sequential runs per overhead measurement, {@code --warmup=3} runs before those
 * (not counted), {@code --gap-ms=0} a random pause of up to this long before each sequential submission (so that
 * arrivals are not in step with the pool's polling cycle), {@code --burst=200} submissions in the
 * deadline burst, {@code --interval-ms=300} between burst arrivals, {@code --courses=1} courses the burst's
 * students are spread over, {@code --poll=100ms} the pool's polling interval, {@code --threads=N} pool slots
 * (default: the pool's own default, one per core), {@code --no-bare-burst} to skip the bare parallel baseline,
 * {@code --keep-data} to keep the embedded database folder. Prints only; asserts nothing.
 */
public final class GradingBench {

    private static final String NOTEBOOK_NAME = "a1.ipynb";
    private static final Duration POLL = Duration.ofMillis(50);

    private GradingBench() {
    }

    record Options(int repeats, int warmup, long gapMs, int burst, long intervalMs, int courses, String poll, Integer threads, boolean bareBurst,
                   boolean keepData) {
        static Options parse(String[] args) {
            int repeats = 15;
            int warmup = 3;
            long gap = 0;
            int burst = 200;
            long interval = 300;
            int courses = 1;
            String poll = "100ms";
            Integer threads = null;
            boolean bareBurst = true;
            boolean keep = false;
            for (String a : args) {
                for (String arg : a.trim().split("\\s+")) {
                    if (arg.isEmpty()) {
                        continue;
                    }
                    String key = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
                    String value = arg.contains("=") ? arg.substring(arg.indexOf('=') + 1) : "";
                    switch (key) {
                        case "--repeats" -> repeats = Integer.parseInt(value);
                        case "--warmup" -> warmup = Integer.parseInt(value);
                        case "--gap-ms" -> gap = Long.parseLong(value);
                        case "--burst" -> burst = Integer.parseInt(value);
                        case "--interval-ms" -> interval = Long.parseLong(value);
                        case "--courses" -> courses = Integer.parseInt(value);
                        case "--poll" -> poll = value;
                        case "--threads" -> threads = Integer.parseInt(value);
                        case "--no-bare-burst" -> bareBurst = false;
                        case "--keep-data" -> keep = true;
                        default -> throw new IllegalArgumentException("unknown option " + arg
                                + " (known: --repeats=N --warmup=N --gap-ms=N --burst=N --interval-ms=N --courses=N --poll=100ms --threads=N"
                                + " --no-bare-burst --keep-data)");
                    }
                }
            }
            if (repeats < 1 || warmup < 0 || gap < 0 || burst < 0 || interval < 0 || courses < 1) {
                throw new IllegalArgumentException("repeats >= 1, warmup >= 0, gap-ms >= 0, burst >= 0, interval-ms >= 0, courses >= 1");
            }
            return new Options(repeats, warmup, gap, burst, interval, courses, poll, threads, bareBurst, keep);
        }
    }

    /** The student's code as the worker lays it out (StudentCode is package-private): a1.py and submission.py. */
    record Student(String python) {
        Path write() throws IOException {
            Path dir = Files.createTempDirectory("lectern-bench-");
            Files.writeString(dir.resolve("a1.py"), python, StandardCharsets.UTF_8);
            Files.writeString(dir.resolve("submission.py"), python, StandardCharsets.UTF_8);
            return dir;
        }
    }

    /** One run's DB timestamps. */
    record Run(long submissionId, long courseId, String status, int attempts, Instant received, Instant queued,
               Instant started, Instant publicDone, Instant finished) {
        double publicLatency() {
            return secs(received, publicDone);
        }

        double totalLatency() {
            return secs(received, finished);
        }
    }

    public static void main(String[] args) throws Exception {
        Options o = Options.parse(args);
        List<String> out = new ArrayList<>();
        machine(out);
        print(out);

        Path base = Files.isRegularFile(Path.of("backend", "pom.xml")) ? Path.of("backend", "target") : Path.of("target");
        Path dataDir = base.resolve("bench-data").resolve(UUID.randomUUID().toString()).toAbsolutePath();
        List<String> springArgs = new ArrayList<>(List.of(
                // Command-line arguments: they win over the test application.properties (default properties would not).
                "--lectern.data-dir=" + dataDir,
                "--lectern.pool.polling-interval=" + o.poll(),
                "--spring.main.banner-mode=off",
                "--logging.level.root=WARN",
                "--logging.level.org.lectern=WARN"));
        if (o.threads() != null) {
            springArgs.add("--lectern.pool.threads=" + o.threads());
        }
        long ctxStart = System.nanoTime();
        ConfigurableApplicationContext ctx = new SpringApplicationBuilder(LecternTestApplication.class)
                .web(WebApplicationType.NONE)
                .run(springArgs.toArray(String[]::new));
        try {
            System.out.printf(Locale.ROOT, "context started in %.1f s; data in %s%n", secs(System.nanoTime() - ctxStart), dataDir);
            new Bench(ctx, o).runAll();
        } finally {
            ctx.close();
            if (!o.keepData()) {
                deleteTree(dataDir);
            }
        }
    }

    private static final class Bench {
        private final Options o;
        private final Coursework coursework;
        private final SubmissionService submissions;
        private final CourseService courses;
        private final AccountService accounts;
        private final JdbcClient jdbc;
        private final TransactionTemplate tx;
        private final int slots;
        private final byte[] notebook = Coursework.correct();
        private final Student student;

        Bench(ConfigurableApplicationContext ctx, Options o) {
            this.o = o;
            this.coursework = ctx.getBean(Coursework.class);
            this.submissions = ctx.getBean(SubmissionService.class);
            this.courses = ctx.getBean(CourseService.class);
            this.accounts = ctx.getBean(AccountService.class);
            this.jdbc = ctx.getBean(JdbcClient.class);
            this.tx = ctx.getBean(TransactionTemplate.class);
            this.slots = ctx.getBean(GradingPoolConfiguration.PoolLifecycle.class).threads();
            this.student = new Student(NotebookCode.extract(Notebook.parse(notebook)).python());
        }

        void runAll() throws Exception {
            List<String> out = new ArrayList<>();
            out.add("pool: " + slots + " worker slots, polling interval " + o.poll() + "; sandbox available: "
                    + (Sandbox.available() ? "yes" : "NO (" + Sandbox.unavailableReason() + ")"));
            print(out);

            Coursework.Setup s = coursework.setup(true);
            Assignment.Limits l = s.assignment().limits();
            SandboxLimits limits = SandboxLimits.DEFAULT
                    .withCpuSeconds(l.cpuSeconds())
                    .withWallSeconds(l.wallSeconds())
                    .withMemoryBytes(l.memoryMb() * 1024L * 1024L)
                    .withMaxOutputBytes(l.outputKb() * 1024);
            List<TestFile> pub = List.of(new TestFile("test_public.py", Coursework.PUBLIC_TEST.getBytes(StandardCharsets.UTF_8), 4));
            List<TestFile> priv = List.of(new TestFile("test_private.py", Coursework.PRIVATE_TEST.getBytes(StandardCharsets.UTF_8), 6));
            PytestHarness harness = new PytestHarness(new Sandbox(), limits);

            // ---- 1. overhead ----
            // Bare python (no sandbox), for context.
            for (int i = 0; i < o.warmup(); i++) {
                barePython("test_public.py"); // warm the page cache
            }
            List<Double> pyPub = new ArrayList<>();
            List<Double> pyPriv = new ArrayList<>();
            for (int i = 0; i < o.repeats(); i++) {
                pyPub.add(barePython("test_public.py"));
                pyPriv.add(barePython("test_private.py"));
            }
            // Warm-up of both paths (the first Lectern run also checks the sandbox, once per JVM).
            Account stu = s.student();
            double[] check = bareSandbox(harness, pub, priv); // and a sanity check of the scores
            for (int i = 0; i < Math.max(1, o.warmup()); i++) {
                if (i > 0) {
                    bareSandbox(harness, pub, priv);
                }
                sequentialRun(stu, s.assignment().id());
            }
            // Interleaved, so that both see the same background load: a bare sandbox grading (public then private,
            // each in a fresh folder, as the worker does), then one Lectern submission graded before the next.
            List<Double> sbPub = new ArrayList<>();
            List<Double> sbPriv = new ArrayList<>();
            List<Double> sbBoth = new ArrayList<>();
            List<Run> seq = new ArrayList<>();
            List<Double> submitCall = new ArrayList<>();
            ScheduledExecutorService pacer = Executors.newSingleThreadScheduledExecutor();
            for (int i = 0; i < o.repeats(); i++) {
                double[] t = bareSandbox(harness, pub, priv);
                sbPub.add(t[0]);
                sbPriv.add(t[1]);
                sbBoth.add(t[0] + t[1]);
                // A student's think time: arrivals then fall at random points of the pool's polling cycle.
                long gap = o.gapMs() > 0 ? java.util.concurrent.ThreadLocalRandom.current().nextLong(o.gapMs()) : 0;
                double[] call = new double[1];
                long id = pacer.schedule(() -> {
                    long t0 = System.nanoTime();
                    long sid = People.as(stu, () -> submissions.submit(s.assignment().id(), NOTEBOOK_NAME, notebook)).submissionId();
                    call[0] = secs(System.nanoTime() - t0);
                    return sid;
                }, gap, TimeUnit.MILLISECONDS).get();
                submitCall.add(call[0]);
                seq.add(awaitRun(id));
            }
            pacer.shutdown();
            // What one small write transaction costs here (the worker commits about five per run).
            long someRun = jdbc.sql("select min(id) from grading_run").query(Long.class).single();
            List<Double> commits = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                long c0 = System.nanoTime();
                tx.executeWithoutResult(st -> jdbc.sql("update grading_run set attempts = attempts where id = ?").param(someRun).update());
                commits.add(secs(System.nanoTime() - c0));
            }
            double barePub = median(sbPub);
            double bareBoth = median(sbBoth);
            double lecPub = median(seq.stream().map(Run::publicLatency).toList());
            double lecBoth = median(seq.stream().map(Run::totalLatency).toList());

            out.add("");
            out.add(String.format(Locale.ROOT, "== 1. Overhead (medians of %d sequential runs, seconds; %d warm-up runs excluded; random gap < %d ms) ==",
                    o.repeats(), o.warmup(), o.gapMs()));
            out.add(String.format(Locale.ROOT, "warm-up bare sandbox scores: public %.1f/4, private %.1f/6", check[2], check[3]));
            out.add(row("measure", "public", "private", "pub+priv"));
            out.add(row("python3 -m pytest (no bwrap)", median(pyPub), median(pyPriv), median(sum(pyPub, pyPriv))));
            out.add(row("bare sandbox (PytestHarness)", barePub, median(sbPriv), bareBoth));
            out.add(row("  min / max of pub+priv", "", "", String.format(Locale.ROOT, "%.3f / %.3f", min(sbBoth), max(sbBoth))));
            out.add(row("Lectern (received -> done)", lecPub, Double.NaN, lecBoth));
            out.add(row("  min / max", String.format(Locale.ROOT, "%.3f / %.3f", min(seq.stream().map(Run::publicLatency).toList()),
                    max(seq.stream().map(Run::publicLatency).toList())), "",
                    String.format(Locale.ROOT, "%.3f / %.3f", min(seq.stream().map(Run::totalLatency).toList()),
                            max(seq.stream().map(Run::totalLatency).toList()))));
            out.add("Lectern breakdown (medians): submit() call " + f(median(submitCall))
                    + ", received->started " + f(median(seq.stream().map(r -> secs(r.received(), r.started())).toList()))
                    + ", started->public done " + f(median(seq.stream().map(r -> secs(r.started(), r.publicDone())).toList()))
                    + ", public done->finished " + f(median(seq.stream().map(r -> secs(r.publicDone(), r.finished())).toList())));
            out.add("one-row write transaction p50 / max: " + f(median(commits)) + " / " + f(max(commits)) + " s");
            out.add(String.format(Locale.ROOT, "RATIO public result: Lectern %.3f / bare public-only %.3f = %.3f   (target <= 1.25) %s",
                    lecPub, barePub, lecPub / barePub, verdict(lecPub / barePub, 1.25)));
            out.add(String.format(Locale.ROOT, "RATIO whole run:     Lectern %.3f / bare pub+priv    %.3f = %.3f   (target <= 1.25) %s",
                    lecBoth, bareBoth, lecBoth / bareBoth, verdict(lecBoth / bareBoth, 1.25)));
            print(out);

            // ---- 2. deadline burst ----
            if (o.burst() > 0) {
                burst(harness, pub, priv, bareBoth, out);
                print(out);
            }
        }

        private void burst(PytestHarness harness, List<TestFile> pub, List<TestFile> priv, double bareBoth, List<String> out)
                throws Exception {
            int n = o.burst();
            // Courses, each with the assignment, and n students spread over them.
            long setupStart = System.nanoTime();
            List<Coursework.Setup> setups = new ArrayList<>();
            for (int c = 0; c < o.courses(); c++) {
                setups.add(coursework.setup(true));
            }
            List<Account> students = new ArrayList<>();
            List<Long> assignmentOf = new ArrayList<>();
            String tag = UUID.randomUUID().toString().substring(0, 8);
            for (int i = 0; i < n; i++) {
                Coursework.Setup cs = setups.get(i % setups.size());
                NewMember person = new NewMember("Bench Student " + i, "bench-" + tag + "-" + i + "@test.lectern",
                        CourseRole.STUDENT, null);
                Member m = People.as(cs.instructor(), () -> courses.addMember(cs.courseId(), person));
                students.add(accounts.byId(m.accountId()).orElseThrow());
                assignmentOf.add(cs.assignment().id());
            }
            List<Long> assignmentIds = setups.stream().map(cs -> cs.assignment().id()).toList();
            out.add("");
            out.add(String.format(Locale.ROOT, "== 2. Deadline burst: %d submissions, one every %d ms (%d students in %d course(s), set up in %.1f s) ==",
                    n, o.intervalMs(), n, o.courses(), secs(System.nanoTime() - setupStart)));
            print(out);

            // Arrivals on a fixed timetable, from their own threads (a slow submit() does not delay the next arrival).
            ScheduledExecutorService arrivals = Executors.newScheduledThreadPool(8);
            ConcurrentLinkedQueue<Long> submitted = new ConcurrentLinkedQueue<>();
            ConcurrentLinkedQueue<String> rejected = new ConcurrentLinkedQueue<>();
            ConcurrentLinkedQueue<Double> submitCalls = new ConcurrentLinkedQueue<>();
            CountDownLatch sent = new CountDownLatch(n);
            long t0 = System.nanoTime();
            for (int i = 0; i < n; i++) {
                int k = i;
                arrivals.schedule(() -> {
                    try {
                        long c0 = System.nanoTime();
                        long id = People.as(students.get(k), () -> submissions.submit(assignmentOf.get(k), NOTEBOOK_NAME, notebook))
                                .submissionId();
                        submitCalls.add(secs(System.nanoTime() - c0));
                        submitted.add(id);
                    } catch (RuntimeException e) {
                        rejected.add(e.toString());
                    } finally {
                        sent.countDown();
                    }
                }, k * o.intervalMs(), TimeUnit.MILLISECONDS);
            }
            // Meanwhile: sample every 50 ms how many slots are busy, and wait until every arrival is graded.
            java.util.concurrent.atomic.AtomicLong busyTotal = new java.util.concurrent.atomic.AtomicLong();
            java.util.concurrent.atomic.AtomicLong sampleCount = new java.util.concurrent.atomic.AtomicLong();
            AtomicInteger busiest = new AtomicInteger();
            ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
            sampler.scheduleAtFixedRate(() -> {
                if (sent.getCount() < n) { // the burst has begun
                    int busy = counts(assignmentIds)[0];
                    busyTotal.addAndGet(busy);
                    sampleCount.incrementAndGet();
                    busiest.accumulateAndGet(busy, Math::max);
                }
            }, 0, POLL.toMillis(), TimeUnit.MILLISECONDS);
            boolean timedOut = false;
            try {
                Awaitility.await().atMost(Duration.ofMinutes(30).plusMillis(n * o.intervalMs())).pollInterval(POLL)
                        .until(() -> sent.getCount() == 0 && counts(assignmentIds)[1] >= submitted.size());
            } catch (ConditionTimeoutException e) {
                timedOut = true;
            }
            sampler.shutdownNow();
            long busySamples = busyTotal.get();
            long samples = sampleCount.get();
            int maxBusy = busiest.get();
            long wall = System.nanoTime() - t0;
            arrivals.shutdown();
            arrivals.awaitTermination(1, TimeUnit.MINUTES);

            List<Run> runs = runsOf(assignmentIds);
            List<Run> finished = runs.stream().filter(r -> r.finished() != null).toList();
            long done = runs.stream().filter(r -> "DONE".equals(r.status())).count();
            long failed = runs.stream().filter(r -> "FAILED".equals(r.status())).count();
            long retried = runs.stream().filter(r -> r.attempts() > 1).count();
            Instant firstIn = runs.stream().map(Run::received).min(Comparator.naturalOrder()).orElseThrow();
            Instant lastIn = runs.stream().map(Run::received).max(Comparator.naturalOrder()).orElseThrow();
            Instant lastOut = finished.stream().map(Run::finished).max(Comparator.naturalOrder()).orElse(null);
            double makespan = lastOut == null ? Double.NaN : secs(firstIn, lastOut);
            double arrivalSpan = secs(firstIn, lastIn);
            double work = n * bareBoth;
            double workPerSlot = work / slots;
            double ideal = Math.max(arrivalSpan + bareBoth, workPerSlot);
            List<Double> pubLat = runs.stream().filter(r -> r.publicDone() != null).map(Run::publicLatency).toList();
            List<Double> totLat = finished.stream().map(Run::totalLatency).toList();
            List<Double> wait = runs.stream().filter(r -> r.started() != null).map(r -> secs(r.received(), r.started())).toList();
            List<Double> service = finished.stream().filter(r -> r.started() != null).map(r -> secs(r.started(), r.finished())).toList();
            int inversions = fifoInversions(runs);

            out.add(row2("submissions sent / rejected", submitted.size() + " / " + rejected.size()
                    + (rejected.isEmpty() ? "" : "  first: " + rejected.peek())));
            out.add(row2("runs done / failed / unfinished", done + " / " + failed + " / " + (runs.size() - finished.size())
                    + (retried > 0 ? "  (" + retried + " needed a retry)" : "") + (timedOut ? "  TIMED OUT" : "")));
            out.add(row2("submit() call p50 / max", f(median(new ArrayList<>(submitCalls))) + " / " + f(max(new ArrayList<>(submitCalls))) + " s"));
            out.add(row2("arrival span (first..last received)", f(arrivalSpan) + " s"));
            out.add(row2("makespan (first received..last finished)", f(makespan) + " s"));
            out.add(row2("work = n x bare pub+priv median", String.format(Locale.ROOT, "%d x %.3f = %.1f s", n, bareBoth, work)));
            out.add(row2("ideal A = work / slots", String.format(Locale.ROOT, "%.1f / %d = %.1f s", work, slots, workPerSlot)));
            out.add(row2("ideal B = max(arrival span + 1 job, A)", f(ideal) + " s"));
            out.add(row2("RATIO makespan / A", String.format(Locale.ROOT, "%.3f", makespan / workPerSlot)));
            out.add(row2("RATIO makespan / B  (target <= 1.2)", String.format(Locale.ROOT, "%.3f %s", makespan / ideal, verdict(makespan / ideal, 1.2))));
            out.add(row2("busy slots mean / max (sampled 50 ms)", String.format(Locale.ROOT, "%.2f / %d of %d",
                    samples == 0 ? 0.0 : (double) busySamples / samples, maxBusy, slots)));
            out.add(row2("public result latency p50/p95/max", pct(pubLat)));
            out.add(row2("whole run latency     p50/p95/max", pct(totLat)));
            out.add(row2("queue wait (received->started) p50/p95/max", pct(wait)));
            out.add(row2("service (started->finished) p50/p95/max", pct(service)));
            out.add(row2("FIFO inversions (later arrival started first)", Integer.toString(inversions)));
            out.add(row2("wall time of the burst phase", f(secs(wall)) + " s"));
            print(out);

            if (o.bareBurst()) {
                // The same n jobs through `slots` threads calling the sandbox directly, all available at once:
                // what the machine can do with this many slots, contention between concurrent runs included.
                ExecutorService pool = Executors.newFixedThreadPool(slots);
                AtomicInteger errors = new AtomicInteger();
                long b0 = System.nanoTime();
                List<java.util.concurrent.Future<?>> fs = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    fs.add(pool.submit(() -> {
                        try {
                            bareSandbox(harness, pub, priv);
                        } catch (Exception e) {
                            errors.incrementAndGet();
                        }
                    }));
                }
                for (var fu : fs) {
                    fu.get();
                }
                double bareMakespan = secs(System.nanoTime() - b0);
                pool.shutdown();
                double bareIdeal = Math.max(arrivalSpan + bareBoth, bareMakespan);
                out.add(row2("bare sandbox, n jobs on " + slots + " threads, no queue", f(bareMakespan) + " s"
                        + (errors.get() > 0 ? " (" + errors.get() + " errors)" : "")));
                out.add(row2("  per job (bare makespan x slots / n)", f(bareMakespan * slots / n) + " s  vs sequential " + f(bareBoth)));
                out.add(row2("ideal C = max(arrival span + 1 job, bare parallel)", f(bareIdeal) + " s"));
                out.add(row2("RATIO makespan / C", String.format(Locale.ROOT, "%.3f", makespan / bareIdeal)));
            }
        }

        /** Submits once and waits for the run. */
        private Run sequentialRun(Account who, long assignmentId) throws InterruptedException {
            long id = People.as(who, () -> submissions.submit(assignmentId, NOTEBOOK_NAME, notebook)).submissionId();
            return awaitRun(id);
        }

        private Run awaitRun(long submissionId) throws InterruptedException {
            return Awaitility.await("submission " + submissionId + " graded").atMost(Duration.ofMinutes(5)).pollInterval(POLL)
                    .until(() -> jdbc.sql(RUNS + "where r.submission_id = ? order by r.id desc limit 1").param(submissionId)
                            .query(Bench::run).list().stream().findFirst().filter(r -> r.finished() != null).orElse(null),
                            java.util.Objects::nonNull);
        }

        private static final String RUNS = """
                select s.id as sid, r.course_id, r.status, r.attempts, s.received_at, r.queued_at, r.started_at,
                       r.public_done_at, r.finished_at
                from grading_run r join submission s on s.id = r.submission_id
                """;

        private static Run run(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
            return new Run(rs.getLong("sid"), rs.getLong("course_id"), rs.getString("status"), rs.getInt("attempts"),
                    instant(rs.getTimestamp("received_at")), instant(rs.getTimestamp("queued_at")),
                    instant(rs.getTimestamp("started_at")), instant(rs.getTimestamp("public_done_at")),
                    instant(rs.getTimestamp("finished_at")));
        }

        private List<Run> runsOf(List<Long> assignmentIds) {
            return jdbc.sql(RUNS + "where s.assignment_id in (:ids) and not s.is_reference order by s.received_at")
                    .param("ids", assignmentIds).query(Bench::run).list();
        }

        /** {running, finished} runs of the burst's assignments. */
        private int[] counts(List<Long> assignmentIds) {
            return jdbc.sql("""
                    select count(*) filter (where r.status = 'RUNNING'), count(*) filter (where r.finished_at is not null)
                    from grading_run r join submission s on s.id = r.submission_id
                    where s.assignment_id in (:ids) and not s.is_reference""")
                    .param("ids", assignmentIds).query((rs, i) -> new int[] {rs.getInt(1), rs.getInt(2)}).single();
        }

        /** Pairs (a, b) in one course where a was received before b but b started before a. */
        private static int fifoInversions(List<Run> runs) {
            int count = 0;
            for (int i = 0; i < runs.size(); i++) {
                for (int j = i + 1; j < runs.size(); j++) {
                    Run a = runs.get(i);
                    Run b = runs.get(j);
                    if (a.courseId() == b.courseId() && a.started() != null && b.started() != null
                            && a.received().isBefore(b.received()) && b.started().isBefore(a.started())) {
                        count++;
                    }
                }
            }
            return count;
        }

        /** One bare sandbox grading: {public s, private s, public earned, private earned}. */
        private double[] bareSandbox(PytestHarness harness, List<TestFile> pub, List<TestFile> priv) throws Exception {
            double[] r = new double[4];
            int k = 0;
            for (List<TestFile> group : List.of(pub, priv)) {
                Path dir = student.write();
                try {
                    long t0 = System.nanoTime();
                    GradingReport report = harness.run(dir, group);
                    r[k] = secs(System.nanoTime() - t0);
                    r[k + 2] = report.earned();
                } finally {
                    deleteTree(dir);
                }
                k++;
            }
            return r;
        }

        /** /usr/bin/python3 -m pytest on one test file, no sandbox; seconds. */
        private double barePython(String testFile) throws Exception {
            Path dir = student.write();
            try {
                Files.writeString(dir.resolve("test_public.py"), Coursework.PUBLIC_TEST, StandardCharsets.UTF_8);
                Files.writeString(dir.resolve("test_private.py"), Coursework.PRIVATE_TEST, StandardCharsets.UTF_8);
                ProcessBuilder pb = new ProcessBuilder("/usr/bin/python3", "-B", "-m", "pytest", "-q", "-p", "no:cacheprovider",
                        "--color=no", testFile)
                        .directory(dir.toFile())
                        .redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD);
                pb.environment().clear();
                pb.environment().put("PATH", "/usr/bin:/bin");
                pb.environment().put("LANG", "C.UTF-8");
                pb.environment().put("PYTHONDONTWRITEBYTECODE", "1");
                pb.environment().put("HOME", dir.toString());
                long t0 = System.nanoTime();
                Process p = pb.start();
                int exit = p.waitFor();
                double t = secs(System.nanoTime() - t0);
                if (exit != 0) {
                    throw new IllegalStateException("bare pytest exited " + exit);
                }
                return t;
            } finally {
                deleteTree(dir);
            }
        }
    }

    // ---- printing and statistics ----

    private static void machine(List<String> out) {
        String model = "?";
        try (Stream<String> lines = Files.lines(Path.of("/proc/cpuinfo"))) {
            model = lines.filter(l -> l.startsWith("model name")).findFirst().map(l -> l.substring(l.indexOf(':') + 1).strip()).orElse("?");
        } catch (IOException ignored) {
            // not Linux
        }
        String load = "?";
        try {
            load = Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (IOException ignored) {
            // not Linux
        }
        out.add("== GradingBench ==");
        out.add("machine: nproc " + Runtime.getRuntime().availableProcessors() + ", " + command("uname", "-m") + ", CPU " + model
                + ", memory " + memory() + ", loadavg " + load);
        out.add("java " + System.getProperty("java.version") + ", python " + command("/usr/bin/python3", "--version")
                + ", uid " + command("id", "-u") + ", started " + Instant.now());
    }

    private static String memory() {
        try (Stream<String> lines = Files.lines(Path.of("/proc/meminfo"))) {
            return lines.filter(l -> l.startsWith("MemTotal")).findFirst().map(l -> l.replaceAll("\\D+", "")).map(kb -> (Long.parseLong(kb) >> 20) + " GiB")
                    .orElse("?");
        } catch (IOException e) {
            return "?";
        }
    }

    private static String command(String... argv) {
        try {
            Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
            String s = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            p.waitFor();
            return s;
        } catch (IOException | InterruptedException e) {
            return "?";
        }
    }

    private static void print(List<String> out) {
        out.forEach(System.out::println);
        System.out.flush();
        out.clear();
    }

    private static String row(String label, Object a, Object b, Object c) {
        return String.format(Locale.ROOT, "%-32s %12s %12s %18s", label, cell(a), cell(b), cell(c));
    }

    private static String row2(String label, String value) {
        return String.format(Locale.ROOT, "%-52s %s", label, value);
    }

    private static String cell(Object o) {
        if (o instanceof Double d) {
            return d.isNaN() ? "-" : String.format(Locale.ROOT, "%.3f", d);
        }
        return String.valueOf(o);
    }

    private static String f(double d) {
        return String.format(Locale.ROOT, "%.3f", d);
    }

    private static String verdict(double ratio, double target) {
        return Double.isNaN(ratio) ? "" : ratio <= target ? "OK" : "OVER";
    }

    private static String pct(List<Double> xs) {
        if (xs.isEmpty()) {
            return "-";
        }
        return String.format(Locale.ROOT, "%.3f / %.3f / %.3f s", percentile(xs, 50), percentile(xs, 95), max(xs));
    }

    static double median(List<Double> xs) {
        if (xs.isEmpty()) {
            return Double.NaN;
        }
        List<Double> s = new ArrayList<>(xs);
        Collections.sort(s);
        int n = s.size();
        return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
    }

    /** Nearest rank. */
    static double percentile(List<Double> xs, double p) {
        List<Double> s = new ArrayList<>(xs);
        Collections.sort(s);
        int rank = (int) Math.ceil(p / 100.0 * s.size());
        return s.get(Math.max(0, Math.min(s.size() - 1, rank - 1)));
    }

    private static double min(List<Double> xs) {
        return xs.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
    }

    private static double max(List<Double> xs) {
        return xs.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
    }

    private static List<Double> sum(List<Double> a, List<Double> b) {
        List<Double> s = new ArrayList<>();
        for (int i = 0; i < a.size(); i++) {
            s.add(a.get(i) + b.get(i));
        }
        return s;
    }

    private static double secs(long nanos) {
        return nanos / 1e9;
    }

    private static double secs(Instant from, Instant to) {
        return from == null || to == null ? Double.NaN : Duration.between(from, to).toNanos() / 1e9;
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    private static void deleteTree(Path root) {
        if (root == null || !Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            System.err.println("could not delete " + root + ": " + e);
        }
    }
}
