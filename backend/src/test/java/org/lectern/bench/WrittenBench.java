package org.lectern.bench;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.lectern.LecternTestApplication;
import org.lectern.assignment.Assignment;
import org.lectern.assignment.AssignmentDraft;
import org.lectern.assignment.AssignmentService;
import org.lectern.course.CourseDraft;
import org.lectern.course.CourseRole;
import org.lectern.course.CourseService;
import org.lectern.course.NewMember;
import org.lectern.identity.Account;
import org.lectern.identity.AccountService;
import org.lectern.identity.CurrentUser;
import org.lectern.identity.SiteRole;
import org.lectern.submission.SubmissionService;
import org.lectern.written.WrittenDrafts;
import org.lectern.written.WrittenPages;
import org.lectern.testing.SamplePdfs;
import org.lectern.written.WrittenService;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Written work at course scale. (a) A 20-page PDF uploaded (rendered once, in the PDF worker), then a TA opening its
 * pages one after another: p50/p95 of opening the next page after the first. (b) One rubric item applied to 500
 * students' grades, its points changed: the whole change (re-score, audit, 500 gradebook reports) in one call.
 * Prints figures; asserts nothing.
 *
 * mvn -B -q -pl backend test-compile exec:java -Dexec.mainClass=org.lectern.bench.WrittenBench -Dexec.classpathScope=test
 */
public final class WrittenBench {

    static final int STUDENTS = 500;

    public static void main(String[] args) throws Exception {
        System.out.printf("== WrittenBench == machine: nproc %d, java %s%n", Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        var ctx = new SpringApplicationBuilder(LecternTestApplication.class).web(WebApplicationType.NONE)
                .run("--lectern.data-dir=target/bench-data/" + UUID.randomUUID(), "--lectern.pool.enabled=false");
        try {
            var accounts = ctx.getBean(AccountService.class);
            var courses = ctx.getBean(CourseService.class);
            var assignments = ctx.getBean(AssignmentService.class);
            var submissions = ctx.getBean(SubmissionService.class);
            var written = ctx.getBean(WrittenService.class);
            var pages = ctx.getBean(WrittenPages.class);
            var jdbc = ctx.getBean(JdbcTemplate.class);
            Account admin = accounts.createWithPassword("bench-admin@uni.edu", "Bench", SiteRole.ADMIN, "bench-password-1");
            Account student = accounts.createWithPassword("bench-student@uni.edu", "Student", SiteRole.USER, "bench-password-1");
            long courseId = CurrentUser.runAs(admin, () -> courses.create(new CourseDraft("WBENCH", "Bench", "T", "America/Los_Angeles")).id());
            CurrentUser.runAs(admin, () -> courses.addMember(courseId, new NewMember("Student", student.email(), CourseRole.STUDENT, null)));
            Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            Assignment a = CurrentUser.runAs(admin, () -> assignments.create(courseId, new AssignmentDraft("W1", "Written", null,
                    now.minus(1, ChronoUnit.DAYS), now.plus(7, ChronoUnit.DAYS), BigDecimal.TEN, null, ".pdf", 20L * 1024 * 1024, null, null, null,
                    null, null, null, null)));
            var q = CurrentUser.runAs(admin, () -> written.addQuestion(a.id(), new WrittenDrafts.Question(null, "Q", BigDecimal.TEN, null)));

            byte[] pdf = SamplePdfs.answers(20);
            long t0 = System.nanoTime();
            long id = CurrentUser.runAs(student, () -> submissions.submit(a.id(), "answers.pdf", pdf)).submissionId();
            double uploadMs = (System.nanoTime() - t0) / 1e6;
            System.out.printf(Locale.ROOT, "upload of a 20-page PDF (%d KB), rendered at 110 DPI in the worker JVM: %.0f ms%n", pdf.length / 1024, uploadMs);
            List<Double> opens = new ArrayList<>();
            for (int round = 0; round < 10; round++) {
                for (int p = 1; p <= 20; p++) {
                    int page = p;
                    long s = System.nanoTime();
                    byte[] png = CurrentUser.runAs(admin, () -> pages.page(id, page));
                    opens.add((System.nanoTime() - s) / 1e6);
                    if (png.length < 100) {
                        throw new IllegalStateException("no page");
                    }
                }
            }
            double first = opens.removeFirst();
            double[] sorted = opens.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            System.out.printf(Locale.ROOT, "open the next page (PNG from PostgreSQL, role check included): first %.1f ms, then p50 %.2f ms, p95 %.2f ms over %d%n",
                    first, sorted[sorted.length / 2], sorted[(int) Math.ceil(sorted.length * 0.95) - 1], sorted.length);

            // (b) 500 students, one item applied to all of them.
            List<Object[]> batch = new ArrayList<>();
            for (int s = 0; s < STUDENTS; s++) {
                batch.add(new Object[] {"ws" + s + "@uni.edu", "Student " + s});
            }
            jdbc.batchUpdate("insert into account (email, display_name) values (?, ?)", batch);
            jdbc.update("insert into membership (course_id, account_id, role) select ?, id, 'STUDENT' from account where email like 'ws%@uni.edu'", courseId);
            List<Long> ids = jdbc.queryForList("select id from account where email like 'ws%@uni.edu' order by id", Long.class);
            var item = CurrentUser.runAs(admin, () -> written.addItem(q.id(), new WrittenDrafts.Item(new BigDecimal("6"), "Correct derivation")));
            long g0 = System.nanoTime();
            for (long sid : ids) {
                CurrentUser.runAs(admin, () -> written.saveGrade(q.id(), sid, new WrittenDrafts.Grade(List.of(item.id()), null, "")));
            }
            double gradeMs = (System.nanoTime() - g0) / 1e6 / ids.size();
            System.out.printf(Locale.ROOT, "grading one student's question (save + re-score + report): %.1f ms each%n", gradeMs);
            double[] change = new double[5];
            for (int r = 0; r < change.length; r++) {
                BigDecimal points = new BigDecimal(5 + (r % 2));
                long c0 = System.nanoTime();
                int n = CurrentUser.runAs(admin, () -> written.changeItem(item.id(), new WrittenDrafts.Item(points, "Correct derivation")));
                change[r] = (System.nanoTime() - c0) / 1e6;
                if (n != STUDENTS) {
                    throw new IllegalStateException(n + " grades updated");
                }
            }
            Arrays.sort(change);
            System.out.printf(Locale.ROOT, "rubric item change applied to %d grades (one transaction): median %.0f ms, max %.0f ms of %d%n",
                    STUDENTS, change[change.length / 2], change[change.length - 1], change.length);
        } finally {
            ctx.close();
        }
    }
}
