package org.lectern.bench;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.lectern.LecternTestApplication;
import org.lectern.course.CourseDraft;
import org.lectern.course.CourseService;
import org.lectern.gradebook.Category;
import org.lectern.gradebook.GradeCalculator;
import org.lectern.gradebook.GradeCsv;
import org.lectern.gradebook.GradebookService;
import org.lectern.gradebook.GradedItem;
import org.lectern.gradebook.GradingScheme;
import org.lectern.gradebook.ItemScore;
import org.lectern.gradebook.LetterCutoff;
import org.lectern.gradebook.PolicyDocument;
import org.lectern.identity.AccountService;
import org.lectern.identity.CurrentUser;
import org.lectern.identity.SiteRole;
import org.lectern.latepolicy.ItemRule;
import org.lectern.latepolicy.LateDayLedger;
import org.lectern.latepolicy.LateItem;
import org.lectern.latepolicy.LatePolicy;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The gradebook at scale: 1000 students and 50 items. Measures (a) the pure recompute (every
 * student's late-day ledger and course grade) and its CSV export, and (b) the same through
 * GradebookService on PostgreSQL (load, recompute, CSV). Prints medians; asserts nothing.
 *
 * mvn -B -q -pl backend test-compile exec:java -Dexec.mainClass=org.lectern.bench.GradebookBench -Dexec.classpathScope=test
 */
public final class GradebookBench {

    static final int STUDENTS = 1000;
    static final int REPEATS = 15;
    static final ZoneId ZONE = ZoneId.of("America/Los_Angeles");

    public static void main(String[] args) throws Exception {
        System.out.printf(Locale.ROOT, "== GradebookBench: %d students x 50 items, median of %d runs after warm-up ==%n", STUDENTS, REPEATS);
        System.out.printf("machine: nproc %d, java %s%n", Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        Random random = new Random(42);
        // 50 items: 20 assignments (late days apply), 20 quizzes (drop lowest 2), 10 project parts.
        List<GradedItem> assignments = new ArrayList<>();
        List<GradedItem> quizzes = new ArrayList<>();
        List<GradedItem> project = new ArrayList<>();
        for (int i = 1; i <= 20; i++) {
            assignments.add(GradedItem.of("a" + i, 100));
            quizzes.add(GradedItem.of("q" + i, 10));
        }
        for (int i = 1; i <= 10; i++) {
            project.add(GradedItem.of("p" + i, 100));
        }
        GradingScheme scheme = new GradingScheme(List.of(Category.of("Assignments", "40", 0, assignments),
                Category.of("Quizzes", "24", 2, quizzes), Category.of("Project", "36", 0, project)),
                List.of(LetterCutoff.of("A", "90"), LetterCutoff.of("B", "80"), LetterCutoff.of("C", "70"), LetterCutoff.of("F", "0")));
        LatePolicy policy = LatePolicy.cse493g1();
        ZonedDateTime firstDue = LocalDateTime.parse("2024-01-12T23:59").atZone(ZONE);
        List<Map<String, BigDecimal>> raw = new ArrayList<>();
        List<List<LateItem>> late = new ArrayList<>();
        for (int s = 0; s < STUDENTS; s++) {
            Map<String, BigDecimal> scores = new HashMap<>();
            List<LateItem> items = new ArrayList<>();
            for (int i = 1; i <= 20; i++) {
                ZonedDateTime due = firstDue.plusWeeks(i - 1);
                Instant submitted = due.toInstant().plusSeconds(random.nextInt(10) < 8 ? -3600 : random.nextInt(4 * 86400));
                BigDecimal score = BigDecimal.valueOf(50 + random.nextInt(51));
                items.add(new LateItem("a" + i, BigDecimal.valueOf(100), score, due, submitted, ItemRule.standard()));
            }
            for (int i = 1; i <= 20; i++) {
                scores.put("q" + i, BigDecimal.valueOf(random.nextInt(11)));
            }
            for (int i = 1; i <= 10; i++) {
                scores.put("p" + i, BigDecimal.valueOf(60 + random.nextInt(41)));
            }
            raw.add(scores);
            late.add(items);
        }
        List<GradeCsv.Row> rows = new ArrayList<>();
        Runnable recompute = () -> {
            rows.clear();
            for (int s = 0; s < STUDENTS; s++) {
                LateDayLedger ledger = LateDayLedger.compute(policy, List.of(), late.get(s));
                Map<String, ItemScore> scores = new HashMap<>();
                raw.get(s).forEach((k, v) -> scores.put(k, ItemScore.graded(v)));
                ledger.entries().forEach(e -> scores.put(e.key(), ItemScore.graded(e.finalScore())));
                rows.add(new GradeCsv.Row("Student " + s, "s" + s + "@uni.edu", GradeCalculator.compute(scheme, scores)));
            }
        };
        double recomputeMs = median(recompute);
        double ledgerMs = median(() -> {
            for (int s = 0; s < STUDENTS; s++) {
                LateDayLedger.compute(policy, List.of(), late.get(s));
            }
        });
        System.out.printf(Locale.ROOT, "  of which late-day ledgers alone                  %8.1f ms%n", ledgerMs);
        String[] csv = new String[1];
        double exportMs = median(() -> csv[0] = GradeCsv.export(scheme, rows));
        System.out.printf(Locale.ROOT, "pure recompute (ledger + grade for every student)  %8.1f ms%n", recomputeMs);
        System.out.printf(Locale.ROOT, "pure CSV export (%d KB)                            %8.1f ms%n", csv[0].length() / 1024, exportMs);

        // The same through the service on PostgreSQL: scores entered as gradebook entries.
        var ctx = new SpringApplicationBuilder(LecternTestApplication.class).web(WebApplicationType.NONE)
                .run("--lectern.data-dir=target/bench-data/" + UUID.randomUUID(), "--lectern.pool.enabled=false");
        try {
            var accounts = ctx.getBean(AccountService.class);
            var courses = ctx.getBean(CourseService.class);
            var gradebook = ctx.getBean(GradebookService.class);
            var policies = ctx.getBean(org.lectern.gradebook.GradingPolicyService.class);
            var exports = ctx.getBean(org.lectern.gradebook.GradeExportService.class);
            var jdbc = ctx.getBean(JdbcTemplate.class);
            var admin = accounts.createWithPassword("bench-admin@uni.edu", "Bench", SiteRole.ADMIN, "bench-password-1");
            long courseId = CurrentUser.runAs(admin, () -> courses.create(new CourseDraft("BENCH", "Bench", "T", ZONE.getId())).id());
            List<PolicyDocument.CategoryJson> cats = scheme.categories().stream().map(c -> new PolicyDocument.CategoryJson(c.name(),
                    c.weightPercent(), c.dropLowest(), false, null, c.items().stream()
                    .map(i -> new PolicyDocument.ItemJson(i.key(), i.pointsPossible(), null, null, null)).toList())).toList();
            var doc = new PolicyDocument(PolicyDocument.defaults().lateDays(), cats, PolicyDocument.defaults().letters());
            CurrentUser.runAs(admin, () -> policies.setPolicy(courseId, doc));
            long seedStart = System.nanoTime();
            List<Object[]> accountsBatch = new ArrayList<>();
            for (int s = 0; s < STUDENTS; s++) {
                accountsBatch.add(new Object[] {"s" + s + "@uni.edu", "Student " + s});
            }
            jdbc.batchUpdate("insert into account (email, display_name) values (?, ?)", accountsBatch);
            jdbc.update("insert into membership (course_id, account_id, role) select ?, id, 'STUDENT' from account where email like 's%@uni.edu'", courseId);
            List<Object[]> entries = new ArrayList<>();
            List<Long> ids = jdbc.queryForList("select id from account where email like 's%@uni.edu' order by id", Long.class);
            for (int s = 0; s < STUDENTS; s++) {
                for (var item : scheme.items()) {
                    BigDecimal v = raw.get(s).getOrDefault(item.key(), late.get(s).stream().filter(l -> l.key().equals(item.key()))
                            .findFirst().map(LateItem::rawScore).orElse(BigDecimal.ZERO));
                    entries.add(new Object[] {courseId, item.key(), ids.get(s), v});
                }
            }
            jdbc.batchUpdate("insert into grade_entry (course_id, item_key, account_id, score) values (?, ?, ?, ?)", entries);
            System.out.printf(Locale.ROOT, "seeded %d students and %d scores in %.1f s%n", STUDENTS, entries.size(), (System.nanoTime() - seedStart) / 1e9);
            double serviceMs = median(() -> CurrentUser.runAs(admin, () -> gradebook.gradebook(courseId)));
            String[] out = new String[1];
            double serviceCsvMs = median(() -> out[0] = CurrentUser.runAs(admin, () -> exports.csv(courseId)));
            System.out.printf(Locale.ROOT, "service: load + recompute from PostgreSQL          %8.1f ms%n", serviceMs);
            System.out.printf(Locale.ROOT, "service: CSV export (load + recompute + write, %d KB) %6.1f ms%n", out[0].length() / 1024, serviceCsvMs);
        } finally {
            ctx.close();
        }
    }

    private static double median(Runnable r) {
        for (int i = 0; i < 5; i++) {
            r.run();
        }
        double[] t = new double[REPEATS];
        for (int i = 0; i < REPEATS; i++) {
            long start = System.nanoTime();
            r.run();
            t[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(t);
        return t[REPEATS / 2];
    }
}
