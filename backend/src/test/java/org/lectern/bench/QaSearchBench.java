package org.lectern.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import org.lectern.LecternTestApplication;
import org.lectern.course.CourseDraft;
import org.lectern.course.CourseRole;
import org.lectern.course.CourseService;
import org.lectern.course.NewMember;
import org.lectern.identity.Account;
import org.lectern.identity.AccountService;
import org.lectern.identity.CurrentUser;
import org.lectern.identity.SiteRole;
import org.lectern.qa.PostFilter;
import org.lectern.qa.QaService;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Q&A search at scale: 10,000 posts (a fifth private, a tenth anonymous) with 10,000 answers, in one course, searched by
 * a student through QaService (visibility filter, full-text match on posts and answers, ranking, the first 200).
 * 300 searches of one or two course words; prints p50/p95/max. Asserts nothing.
 *
 * mvn -B -q -pl backend test-compile exec:java -Dexec.mainClass=org.lectern.bench.QaSearchBench -Dexec.classpathScope=test
 */
public final class QaSearchBench {

    static final int POSTS = 10_000;
    static final int SEARCHES = 300;
    static final String[] WORDS = ("softmax gradient backpropagation convolution kernel stride padding batch normalization dropout "
            + "overfitting regularization learning rate momentum adam transformer attention embedding tokenizer loss cross entropy "
            + "svm hinge knn distance colab gpu cuda memory tensor numpy pytorch autograd layer relu sigmoid tanh initialization "
            + "vanishing exploding lstm rnn sequence caption detection segmentation diffusion gan vae latent sampling deadline "
            + "extension regrade midterm quiz lecture slides notebook submission autograder test failing nan inf shape broadcast").split(" ");

    public static void main(String[] args) {
        var ctx = new SpringApplicationBuilder(LecternTestApplication.class).web(WebApplicationType.NONE)
                .run("--lectern.data-dir=target/bench-data/" + UUID.randomUUID(), "--lectern.pool.enabled=false", "--logging.level.root=WARN");
        try {
            var accounts = ctx.getBean(AccountService.class);
            var courses = ctx.getBean(CourseService.class);
            var qa = ctx.getBean(QaService.class);
            var jdbc = ctx.getBean(JdbcClient.class);
            System.out.printf(Locale.ROOT, "== QaSearchBench: %d posts + %d answers, %d searches ==%nmachine: nproc %d, java %s%n",
                    POSTS, POSTS, SEARCHES, Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
            Account admin = accounts.createWithPassword("bench-admin@uni.edu", "Bench Admin", SiteRole.ADMIN, "bench-password-1");
            long courseId = CurrentUser.runAs(admin, () -> courses.create(new CourseDraft("QA", "Q&A", "T", "UTC")).id());
            CurrentUser.runAs(admin, () -> courses.addMember(courseId, new NewMember("Student", "s@uni.edu", CourseRole.STUDENT, null)));
            Account student = accounts.byEmail("s@uni.edu").orElseThrow();

            long seed = System.nanoTime();
            String words = "array['" + String.join("','", WORDS) + "']";
            // Titles of 6 words, bodies of 60, answers of 40, drawn from the course vocabulary (generated in the database: fast).
            jdbc.sql("""
                    insert into qa_post (course_id, author_id, title, body, private, anonymous)
                    select ?, ?, (select string_agg((%1$s)[1 + floor(random() * %2$d)::int], ' ') from generate_series(1, 6 + g * 0)),
                           (select string_agg((%1$s)[1 + floor(random() * %2$d)::int], ' ') from generate_series(1, 60 + g * 0)),
                           g %% 5 = 0, g %% 10 = 1
                    from generate_series(1, ?) g""".formatted(words, WORDS.length))
                    .params(courseId, admin.id(), POSTS).update();
            jdbc.sql("""
                    insert into qa_answer (post_id, author_id, by_staff, body)
                    select p.id, ?, true, (select string_agg((%1$s)[1 + floor(random() * %2$d)::int], ' ') from generate_series(1, 40 + p.id * 0))
                    from qa_post p where p.course_id = ?""".formatted(words, WORDS.length))
                    .params(admin.id(), courseId).update();
            jdbc.sql("analyze qa_post").update();
            jdbc.sql("analyze qa_answer").update();
            System.out.printf(Locale.ROOT, "seeded in %.1f s%n", (System.nanoTime() - seed) / 1e9);

            Random random = new Random(7);
            List<Double> ms = new ArrayList<>();
            int found = 0;
            for (int i = 0; i < SEARCHES + 20; i++) {
                String q = WORDS[random.nextInt(WORDS.length)] + (i % 2 == 0 ? " " + WORDS[random.nextInt(WORDS.length)] : "");
                long t = System.nanoTime();
                int n = CurrentUser.runAs(student, () -> qa.posts(courseId, new PostFilter(PostFilter.Show.ALL, null, null, q))).size();
                if (i >= 20) { // after warm-up
                    ms.add((System.nanoTime() - t) / 1e6);
                    found += n;
                }
            }
            Collections.sort(ms);
            System.out.printf(Locale.ROOT, "search as a student (first 200 by rank): p50 %.1f ms, p95 %.1f ms, max %.1f ms; %.0f results on average%n",
                    pct(ms, 50), pct(ms, 95), ms.getLast(), found / (double) SEARCHES);
        } finally {
            ctx.close();
        }
    }

    static double pct(List<Double> sorted, int p) {
        return sorted.get(Math.max(0, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }
}
