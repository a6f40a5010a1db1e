package org.lectern.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.lectern.LecternTestApplication;
import org.lectern.course.CourseDraft;
import org.lectern.course.CourseRole;
import org.lectern.course.CourseService;
import org.lectern.course.NewMember;
import org.lectern.identity.Account;
import org.lectern.identity.AccountService;
import org.lectern.identity.CurrentUser;
import org.lectern.identity.SiteRole;
import org.lectern.officehours.OfficeHoursBroadcaster;
import org.lectern.officehours.OfficeHoursService;
import org.lectern.platform.Broadcaster;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * 300 students with the queue page open: each is a real subscriber of the office-hours broadcaster whose redraw loads
 * the queue as that student (what the page does on a push). A TA takes the next student 40 times; for each click the
 * bench times from the click to the moment the last of the 300 pages has redrawn (the NOTIFY round trip, coalescing,
 * and 300 queue loads). Prints p50/p95/max; asserts nothing.
 *
 * mvn -B -q -pl backend test-compile exec:java -Dexec.mainClass=org.lectern.bench.OfficeHoursBench -Dexec.classpathScope=test
 */
public final class OfficeHoursBench {

    static final int PAGES = 300;
    static final int WAITING = 60;
    static final int CLICKS = 40;

    public static void main(String[] args) throws Exception {
        var ctx = new SpringApplicationBuilder(LecternTestApplication.class).web(WebApplicationType.SERVLET)
                .run("--server.port=0", "--lectern.data-dir=target/bench-data/" + UUID.randomUUID(), "--lectern.pool.enabled=false",
                        "--logging.level.root=WARN");
        try {
            var accounts = ctx.getBean(AccountService.class);
            var courses = ctx.getBean(CourseService.class);
            var hours = ctx.getBean(OfficeHoursService.class);
            var broadcaster = ctx.getBean(OfficeHoursBroadcaster.class);
            System.out.printf(Locale.ROOT, "== OfficeHoursBench: %d queue pages, %d waiting, %d takes ==%nmachine: nproc %d, java %s%n",
                    PAGES, WAITING, CLICKS, Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
            Account admin = accounts.createWithPassword("bench-admin@uni.edu", "Bench Admin", SiteRole.ADMIN, "bench-password-1");
            Account ta = accounts.createWithPassword("bench-ta@uni.edu", "Bench TA", SiteRole.USER, "bench-password-1");
            long courseId = CurrentUser.runAs(admin, () -> courses.create(new CourseDraft("OH", "Office hours", "T", "UTC")).id());
            List<Account> students = new ArrayList<>();
            CurrentUser.runAs(admin, () -> {
                courses.addMember(courseId, new NewMember("TA", ta.email(), CourseRole.TA, null));
                for (int i = 0; i < PAGES; i++) {
                    String email = "s" + i + "@uni.edu";
                    courses.addMember(courseId, new NewMember("Student " + i, email, CourseRole.STUDENT, null));
                    students.add(accounts.byEmail(email).orElseThrow());
                }
                return null;
            });
            long sessionId = CurrentUser.runAs(ta, () -> hours.open(courseId, "CSE2 152", java.time.Instant.now().plus(Duration.ofHours(3))).id());
            for (int i = 0; i < WAITING; i++) {
                Account s = students.get(i);
                CurrentUser.runAs(s, () -> hours.join(sessionId, "Question " + s.id(), s.id() % 3 == 0));
            }

            AtomicReference<CountDownLatch> round = new AtomicReference<>(new CountDownLatch(PAGES));
            AtomicLong lastRedraw = new AtomicLong();
            List<Broadcaster.Subscription> pages = new ArrayList<>();
            for (Account s : students) {
                pages.add(broadcaster.subscribe(sessionId, () -> {
                    CurrentUser.runAs(s, () -> hours.queue(sessionId));
                    lastRedraw.set(System.nanoTime());
                    round.get().countDown();
                }));
            }
            List<Double> ms = new ArrayList<>();
            for (int k = 0; k < CLICKS + 3; k++) {
                CountDownLatch all = new CountDownLatch(PAGES);
                round.set(all);
                long click = System.nanoTime();
                CurrentUser.runAs(ta, () -> hours.takeNext(sessionId));
                if (!all.await(60, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("not every page redrew within a minute");
                }
                if (k >= 3) { // the first takes warm up the JIT and the pool
                    ms.add((lastRedraw.get() - click) / 1e6);
                }
            }
            pages.forEach(Broadcaster.Subscription::close);
            Collections.sort(ms);
            System.out.printf(Locale.ROOT, "TA click -> all %d pages redrawn: p50 %.0f ms, p95 %.0f ms, max %.0f ms (%d takes)%n",
                    PAGES, pct(ms, 50), pct(ms, 95), ms.getLast(), ms.size());
        } finally {
            ctx.close();
        }
    }

    static double pct(List<Double> sorted, int p) {
        return sorted.get(Math.max(0, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }
}
