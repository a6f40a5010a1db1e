package org.lectern.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Faults of a term against the real multi-node shape (deploy/cluster): replicas killed under uploads, a worker killed
 * mid-job, a deadline burst over two workers, PostgreSQL restarted under load. One cluster serves every scenario (its
 * start is the costly part), in an order that lets a killed node come back while the next scenario runs: replicas
 * killed, the burst (both workers), a worker killed, the database restart last. CI sizes by default; {@code -Dlectern.cluster.full=true}
 * runs the sizes (figures in docs/RELIABILITY.md).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterFaultsIT {

    static final boolean FULL = Boolean.getBoolean("lectern.cluster.full");
    /** Pool slots per worker: one each in CI (two cores shared with the replicas and the database). */
    static final int THREADS = Integer.getInteger("lectern.cluster.threads", FULL ? 2 : 1);
    static final int SLOTS = 2 * THREADS;

    /** Each scenario's uploads go to distinct students, so that no version supersedes another in the queue. */
    static final int STUDENTS = FULL ? 1300 : 60;

    static LocalCluster cluster;
    static CourseClient staff;
    static long courseId;

    @BeforeAll
    static void startCluster() throws Exception {
        cluster = LocalCluster.start(THREADS);
        staff = new CourseClient(cluster.baseUrl(), LocalCluster.ADMIN_EMAIL, LocalCluster.ADMIN_PASSWORD);
        courseId = staff.createCourse("CLUSTER 101", STUDENTS);
    }

    @AfterAll
    static void stopCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    /**
     * Scenario 1: uploads under load while a random app replica is SIGKILLed every few seconds (20 s at full size):
     * every acknowledged upload is stored byte for byte and graded exactly once; a failed upload got an error, never a
     * receipt.
     */
    @Test
    @Order(1)
    void everyAcknowledgedUploadSurvivesReplicaKills() throws Exception {
        int uploads = FULL ? 1000 : 16;
        double perSecond = FULL ? 10 : 4;
        Duration killEvery = FULL ? Duration.ofSeconds(20) : Duration.ofSeconds(2);
        long assignment = staff.createAssignment(courseId, "K1");

        AtomicInteger kills = new AtomicInteger();
        ScheduledExecutorService killer = Executors.newSingleThreadScheduledExecutor();
        // A replica is killed only while both answer, so one always serves (as a rolling supervisor would keep it).
        killer.scheduleAtFixedRate(() -> {
            try {
                if (cluster.replicaReady(1) && cluster.replicaReady(2)) {
                    cluster.kill("app" + ThreadLocalRandom.current().nextInt(1, 3));
                    kills.incrementAndGet();
                }
            } catch (RuntimeException e) {
                System.out.println("[cluster] could not kill a replica: " + e);
            }
        }, killEvery.toMillis(), killEvery.toMillis(), TimeUnit.MILLISECONDS);
        List<CourseClient.Upload> results;
        try {
            results = paced(uploads, perSecond, i -> staff.upload(assignment, CourseClient.student(i % STUDENTS + 1)));
        } finally {
            killer.shutdownNow();
            killer.awaitTermination(1, TimeUnit.MINUTES);
        }
        List<CourseClient.Upload> acked = results.stream().filter(CourseClient.Upload::acknowledged).toList();
        long failed = results.size() - acked.size();
        assertThat(kills.get()).as("replicas killed").isPositive();
        assertThat(acked).as("some uploads acknowledged").isNotEmpty();
        for (CourseClient.Upload u : acked) {
            assertThat(u.receiptSha256()).as("the receipt's hash is the hash of the bytes sent").isEqualTo(u.sha256());
        }
        awaitGraded(assignment, Duration.ofMinutes(FULL ? 30 : 4));
        int storedWithoutReceipt = checkStoredAndGradedOnce(assignment, acked, results);
        System.out.printf("[cluster] scenario 1: %d uploads at %.0f/s, %d replica kills: %d acknowledged, %d failed with an error %s"
                + " (%d of them stored anyway, without a receipt); every acknowledged one stored byte for byte and graded once%n",
                uploads, perSecond, kills.get(), acked.size(), failed, errors(results), storedWithoutReceipt);
    }

    /** Scenario 2: a worker killed mid-job: exactly one result per submission; the other worker finishes the queue. */
    @Test
    @Order(3)
    void aWorkerKilledMidJobLeavesExactlyOneResultPerSubmission() throws Exception {
        int submissions = FULL ? 40 : 4;
        long assignment = staff.createAssignment(courseId, "W1");
        List<CourseClient.Upload> results = all(submissions, i -> staff.upload(assignment, CourseClient.student(i + 1)));
        assertThat(results).allMatch(CourseClient.Upload::acknowledged);
        Map<String, String> nodes = new HashMap<>();
        for (String node : List.of("worker1", "worker2")) {
            nodes.put(cluster.workerName(node), node);
        }
        String[] running = new String[2];
        await("a grading run held by a worker").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(50)).until(() -> {
            try (Connection db = cluster.database();
                 var st = db.prepareStatement("""
                         select r.id, r.worker from grading_run r join submission s on s.id = r.submission_id
                         where s.assignment_id = ? and r.status = 'RUNNING' and r.worker is not null limit 1""")) {
                st.setLong(1, assignment);
                ResultSet rs = st.executeQuery();
                if (rs.next() && nodes.containsKey(rs.getString(2))) {
                    running[0] = rs.getString(1);
                    running[1] = rs.getString(2);
                    return true;
                }
                return false;
            }
        });
        String victim = nodes.get(running[1]);
        cluster.kill(victim);
        awaitGraded(assignment, Duration.ofMinutes(FULL ? 15 : 4));
        checkStoredAndGradedOnce(assignment, results, results);
        try (Connection db = cluster.database();
             var st = db.prepareStatement("select worker, attempts from grading_run where id = ?")) {
            st.setLong(1, Long.parseLong(running[0]));
            ResultSet rs = st.executeQuery();
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).as("the killed worker's run finished elsewhere").isNotEqualTo(running[1]);
            System.out.printf("[cluster] scenario 2: %d submissions, %s killed running run %s; it was finished by %s"
                    + " (attempt %d); every submission has exactly one result%n", submissions, victim, running[0], rs.getString(1), rs.getInt(2));
        }
    }

    /** Scenario 5: a deadline burst over two worker processes: makespan against the ideal for their combined slots. */
    @Test
    @Order(2)
    void aDeadlineBurstKeepsBothWorkersBusy() throws Exception {
        int submissions = FULL ? 300 : 8;
        long assignment = staff.createAssignment(courseId, "D1");
        List<CourseClient.Upload> results = all(submissions, i -> staff.upload(assignment, CourseClient.student(i + 1)));
        assertThat(results).allMatch(CourseClient.Upload::acknowledged);
        awaitGraded(assignment, Duration.ofMinutes(FULL ? 30 : 4));
        checkStoredAndGradedOnce(assignment, results, results);
        try (Connection db = cluster.database();
             var st = db.prepareStatement("""
                     select extract(epoch from max(r.finished_at) - min(r.queued_at)),
                            extract(epoch from sum(r.finished_at - r.started_at)),
                            count(distinct r.worker)
                     from grading_run r join submission s on s.id = r.submission_id where s.assignment_id = ?""")) {
            st.setLong(1, assignment);
            ResultSet rs = st.executeQuery();
            rs.next();
            double makespan = rs.getDouble(1);
            double busy = rs.getDouble(2);
            double ideal = busy / SLOTS;
            assertThat(rs.getInt(3)).as("workers that graded the burst").isEqualTo(2);
            System.out.printf("[cluster] scenario 5: %d submissions at once over 2 workers x %d slots: makespan %.1f s,"
                    + " ideal %.1f s (sum of run times %.1f s / %d slots), ratio %.2f%n", submissions, THREADS, makespan, ideal, busy,
                    SLOTS, makespan / ideal);
        }
    }

    /**
     * Scenario 3: PostgreSQL stopped as by a crash and started again under load: replicas and workers recover by
     * themselves, no acknowledged write is lost, the queue drains, and cross-node notifications (LISTEN/NOTIFY) resume.
     */
    @Test
    @Order(4)
    void theClusterRecoversFromADatabaseRestartUnderLoad() throws Exception {
        int uploads = FULL ? 200 : 10;
        double perSecond = FULL ? 10 : 2;
        long assignment = staff.createAssignment(courseId, "P1");
        long live = staff.createLiveModel(courseId);
        // Live answers cross nodes by LISTEN/NOTIFY (the asking replica, the serving node): the same channels that push
        // polls, runs and Q&A to pages. Answered before the restart, and again after it without anyone restarting them.
        await("a live answer before the restart").atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500))
                .until(() -> staff.liveAnswer(live) == 200);
        Instant[] backUp = new Instant[1];
        ScheduledExecutorService restarter = Executors.newSingleThreadScheduledExecutor();
        restarter.schedule(() -> {
            cluster.restartDatabase(true);
            backUp[0] = Instant.now();
        }, (long) (uploads / perSecond * 1000 / 3), TimeUnit.MILLISECONDS);
        List<CourseClient.Upload> results;
        try {
            results = paced(uploads, perSecond, i -> staff.upload(assignment, CourseClient.student(i + 1)));
        } finally {
            restarter.shutdown();
            restarter.awaitTermination(2, TimeUnit.MINUTES);
        }
        assertThat(backUp[0]).as("PostgreSQL restarted during the uploads").isNotNull();
        // Recovered: both replicas answer (the one killed in scenario 1 is back by now), and a write through the balancer
        // is acknowledged.
        List<CourseClient.Upload> after = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger next = new AtomicInteger(uploads);
        await("an upload acknowledged after the restart").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200)).until(() -> {
            var u = staff.upload(assignment, CourseClient.student(next.incrementAndGet() % STUDENTS + 1));
            after.add(u);
            return u.acknowledged() && cluster.replicaReady(1) && cluster.replicaReady(2);
        });
        double recovery = Duration.between(backUp[0], Instant.now()).toMillis() / 1000.0;
        await("a live answer after the restart").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(250))
                .until(() -> staff.liveAnswer(live) == 200);
        double liveRecovery = Duration.between(backUp[0], Instant.now()).toMillis() / 1000.0;
        List<CourseClient.Upload> all = new ArrayList<>(results);
        all.addAll(after);
        List<CourseClient.Upload> acked = all.stream().filter(CourseClient.Upload::acknowledged).toList();
        // A call that meets the database down is told to retry (503), never "something went wrong on our side" (500).
        assertThat(all).filteredOn(u -> !u.acknowledged()).extracting(CourseClient.Upload::error).doesNotContain("HTTP 500");
        awaitGraded(assignment, Duration.ofMinutes(FULL ? 15 : 4));
        int storedWithoutReceipt = checkStoredAndGradedOnce(assignment, acked, all);
        System.out.printf("[cluster] scenario 3: %d uploads at %.0f/s with PostgreSQL restarted: %d acknowledged, %d failed with an"
                + " error (%d stored anyway); writes acknowledged again %.1f s and live answers (LISTEN/NOTIFY across nodes) %.1f s"
                + " after PostgreSQL was back; every acknowledged one stored and graded once; errors: %s%n", all.size(), perSecond,
                acked.size(), all.size() - acked.size(), storedWithoutReceipt, recovery, liveRecovery, errors(all));
    }

    // ---- helpers ----

    /** The errors failed uploads got, counted by kind (e.g. {HTTP 502=5}). */
    static Map<String, Long> errors(List<CourseClient.Upload> uploads) {
        return uploads.stream().filter(u -> !u.acknowledged())
                .collect(java.util.stream.Collectors.groupingBy(u -> u.error().length() > 60 ? u.error().substring(0, 60) : u.error(),
                        java.util.TreeMap::new, java.util.stream.Collectors.counting()));
    }

    interface Step {
        CourseClient.Upload run(int i);
    }

    /** n uploads started at a steady rate (each on its own virtual thread), then waited for. */
    static List<CourseClient.Upload> paced(int n, double perSecond, Step step) throws InterruptedException {
        ConcurrentLinkedQueue<CourseClient.Upload> done = new ConcurrentLinkedQueue<>();
        CountDownLatch finished = new CountDownLatch(n);
        AtomicInteger started = new AtomicInteger();
        try (ExecutorService uploads = Executors.newVirtualThreadPerTaskExecutor();
             ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor()) {
            clock.scheduleAtFixedRate(() -> {
                int i = started.getAndIncrement();
                if (i < n) {
                    uploads.submit(() -> {
                        try {
                            done.add(step.run(i));
                        } finally {
                            finished.countDown();
                        }
                    });
                }
            }, 0, (long) (1_000_000 / perSecond), TimeUnit.MICROSECONDS);
            assertThat(finished.await(30, TimeUnit.MINUTES)).as("uploads finished").isTrue();
            clock.shutdownNow();
        }
        return new ArrayList<>(done);
    }

    /** n uploads at once (a deadline). */
    static List<CourseClient.Upload> all(int n, Step step) throws Exception {
        try (ExecutorService uploads = Executors.newFixedThreadPool(Math.min(n, 16))) {
            List<java.util.concurrent.Future<CourseClient.Upload>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int k = i;
                futures.add(uploads.submit(() -> step.run(k)));
            }
            List<CourseClient.Upload> out = new ArrayList<>();
            for (var f : futures) {
                out.add(f.get());
            }
            return out;
        }
    }

    /** Every submission of the assignment has a finished run and none is queued or running. */
    static void awaitGraded(long assignment, Duration atMost) {
        await("every submission graded").atMost(atMost).pollInterval(Duration.ofMillis(500)).until(() -> {
            try (Connection db = cluster.database();
                 var st = db.prepareStatement("""
                         select count(*) from submission s
                         where s.assignment_id = ? and not exists (select 1 from grading_run r where r.submission_id = s.id
                                                                     and r.status in ('DONE', 'FAILED'))
                            or s.assignment_id = ? and exists (select 1 from grading_run r where r.submission_id = s.id
                                                                 and r.status in ('QUEUED', 'RUNNING'))""")) {
                st.setLong(1, assignment);
                st.setLong(2, assignment);
                ResultSet rs = st.executeQuery();
                rs.next();
                return rs.getInt(1) == 0;
            }
        });
    }

    /**
     * Each acknowledged upload is its submission, stored byte for byte (the blob's SHA-256 is the client's), graded
     * by exactly one run that ended DONE with full marks and one row per test. Returns how many failed uploads were
     * stored anyway (the replica died between commit and answer): allowed, the student got an error and no receipt.
     */
    static int checkStoredAndGradedOnce(long assignment, List<CourseClient.Upload> acked, List<CourseClient.Upload> all) throws Exception {
        Map<Long, String> stored = new HashMap<>();
        Map<Long, List<String>> runs = new HashMap<>();
        Map<Long, Integer> results = new HashMap<>();
        try (Connection db = cluster.database()) {
            try (var st = db.prepareStatement("""
                    select s.id, s.receipt_sha256, encode(sha256(b.content), 'hex') from submission s
                    join submission_file f on f.submission_id = s.id join blob b on b.sha256 = f.blob_sha256
                    where s.assignment_id = ?""")) {
                st.setLong(1, assignment);
                ResultSet rs = st.executeQuery();
                while (rs.next()) {
                    assertThat(rs.getString(3)).as("stored bytes of submission %d", rs.getLong(1)).isEqualTo(rs.getString(2));
                    stored.put(rs.getLong(1), rs.getString(3));
                }
            }
            try (var st = db.prepareStatement("""
                    select r.submission_id, r.status || ' ' || coalesce(r.public_earned + r.private_earned, -1)
                           || '/' || coalesce(r.public_possible + r.private_possible, -1),
                           (select count(*) from test_result t where t.run_id = r.id)
                    from grading_run r join submission s on s.id = r.submission_id where s.assignment_id = ?""")) {
                st.setLong(1, assignment);
                ResultSet rs = st.executeQuery();
                while (rs.next()) {
                    runs.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2));
                    results.merge(rs.getLong(1), rs.getInt(3), Integer::sum);
                }
            }
        }
        for (CourseClient.Upload u : acked) {
            assertThat(stored.get(u.submissionId())).as("acknowledged submission %d stored byte for byte", u.submissionId())
                    .isEqualTo(u.sha256());
            assertThat(runs.get(u.submissionId())).as("runs of submission %d", u.submissionId()).containsExactly("DONE 10.00/10.00");
            assertThat(results.get(u.submissionId())).as("test results of submission %d", u.submissionId()).isEqualTo(3);
        }
        var ackedIds = acked.stream().map(CourseClient.Upload::submissionId).collect(java.util.stream.Collectors.toSet());
        var failedShas = all.stream().filter(u -> !u.acknowledged()).map(CourseClient.Upload::sha256)
                .collect(java.util.stream.Collectors.toSet());
        int storedWithoutReceipt = 0;
        for (var e : stored.entrySet()) {
            if (!ackedIds.contains(e.getKey())) {
                assertThat(failedShas).as("a stored submission nobody acknowledged is one whose upload got an error").contains(e.getValue());
                storedWithoutReceipt++;
            }
        }
        return storedWithoutReceipt;
    }
}
