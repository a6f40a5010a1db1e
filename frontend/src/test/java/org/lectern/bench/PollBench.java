package org.lectern.bench;

import java.lang.management.ManagementFactory;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.lectern.LecternApplication;
import org.lectern.course.CourseDraft;
import org.lectern.course.CourseRole;
import org.lectern.course.CourseService;
import org.lectern.course.NewMember;
import org.lectern.identity.Account;
import org.lectern.identity.AccountService;
import org.lectern.identity.CurrentUser;
import org.lectern.identity.SiteRole;
import org.lectern.poll.Poll;
import org.lectern.poll.PollBroadcaster;
import org.lectern.poll.PollDraft;
import org.lectern.poll.PollKind;
import org.lectern.poll.PollPhase;
import org.lectern.poll.PollService;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A lecture hall: 500 students vote within 10 s through PollService.vote (what the phone page and the
 * REST endpoint call: row lock, one-vote key, NOTIFY), while a projector subscription redraws from a
 * staff snapshot as the broadcaster pushes. Prints throughput, the p50/p95 from a vote's commit to the
 * first projector redraw that counts it, and the heap each connected phone costs: students sign in
 * over HTTP and open the poll page, which builds their Vaadin session, UI and live subscription.
 *
 * mvn -B -q -pl frontend test-compile exec:java -Dexec.mainClass=org.lectern.bench.PollBench -Dexec.classpathScope=test
 */
public final class PollBench {

    static final int VOTERS = 500;
    static final int PHONES = 200;
    static final Duration SPREAD = Duration.ofSeconds(10);

    public static void main(String[] args) throws Exception {
        ConfigurableApplicationContext ctx = SpringApplication.run(LecternApplication.class, "--server.port=0",
                "--lectern.data-dir=target/bench-data/" + UUID.randomUUID(), "--lectern.pool.enabled=false",
                "--logging.level.root=WARN", "--vaadin.productionMode=true");
        try {
            run(ctx);
        } finally {
            ctx.close();
        }
    }

    static void run(ConfigurableApplicationContext ctx) throws Exception {
        var accounts = ctx.getBean(AccountService.class);
        var courses = ctx.getBean(CourseService.class);
        var polls = ctx.getBean(PollService.class);
        var broadcaster = ctx.getBean(PollBroadcaster.class);
        int port = Integer.parseInt(ctx.getEnvironment().getProperty("local.server.port"));
        System.out.printf(Locale.ROOT, "== PollBench: %d voters within %d s, %d phones ==%nmachine: nproc %d, java %s%n", VOTERS,
                SPREAD.toSeconds(), PHONES, Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));

        Account admin = accounts.createWithPassword("bench-admin@uni.edu", "Bench Admin", SiteRole.ADMIN, "bench-password-1");
        long courseId = CurrentUser.runAs(admin, () -> courses.create(new CourseDraft("POLL", "Polls", "T", "UTC")).id());
        List<Account> students = new ArrayList<>();
        CurrentUser.runAs(admin, () -> {
            for (int i = 0; i < VOTERS; i++) {
                String email = "s" + i + "@uni.edu";
                courses.addMember(courseId, new NewMember("Student " + i, email, CourseRole.STUDENT, null));
                students.add(accounts.byEmail(email).orElseThrow());
            }
            return null;
        });
        Poll poll = CurrentUser.runAs(admin, () -> polls.create(courseId, new PollDraft(null, "Output size?", PollKind.CHOICE,
                List.of("2x2", "3x3", "5x5", "7x7"), "1", null, 300, 300)));
        CurrentUser.runAs(admin, () -> polls.advance(poll.id(), PollPhase.THINK));

        // The projector: on each push, a staff snapshot (as PollHostView draws), noting when and how many votes it showed.
        record Redraw(long nanos, int votes) {
        }
        ConcurrentLinkedQueue<Redraw> redraws = new ConcurrentLinkedQueue<>();
        CountDownLatch allShown = new CountDownLatch(1);
        var projector = broadcaster.subscribe(poll.id(), true, () -> {
            int votes = CurrentUser.runAs(admin, () -> polls.snapshot(poll.id())).votes1();
            redraws.add(new Redraw(System.nanoTime(), votes));
            if (votes >= VOTERS) {
                allShown.countDown();
            }
        });

        List<Long> committed = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger failures = new AtomicInteger();
        ScheduledExecutorService hall = Executors.newScheduledThreadPool(32);
        long intervalMicros = SPREAD.toNanos() / 1000 / VOTERS;
        long start = System.nanoTime();
        CountDownLatch voted = new CountDownLatch(VOTERS);
        for (int i = 0; i < VOTERS; i++) {
            Account s = students.get(i);
            String answer = Integer.toString(i % 7 == 0 ? 0 : 1);
            hall.schedule(() -> {
                try {
                    CurrentUser.runAs(s, () -> polls.vote(poll.id(), answer));
                    committed.add(System.nanoTime());
                } catch (RuntimeException e) {
                    failures.incrementAndGet();
                } finally {
                    voted.countDown();
                }
            }, i * intervalMicros, TimeUnit.MICROSECONDS);
        }
        voted.await();
        long lastVote = System.nanoTime();
        boolean shown = allShown.await(30, TimeUnit.SECONDS);
        hall.shutdown();
        projector.close();

        List<Long> commits = new ArrayList<>(committed);
        Collections.sort(commits);
        List<Redraw> draws = new ArrayList<>(redraws);
        List<Double> latencies = new ArrayList<>();
        for (int k = 0; k < commits.size(); k++) {
            // The (k+1)-th commit is on screen at the first redraw after it that shows at least k+1 votes.
            long t = commits.get(k);
            int needed = k + 1;
            draws.stream().filter(d -> d.nanos() >= t && d.votes() >= needed).findFirst()
                    .ifPresent(d -> latencies.add((d.nanos() - t) / 1e6));
        }
        Collections.sort(latencies);
        System.out.printf(Locale.ROOT, "votes taken %d of %d (refused %d) in %.2f s; projector redraws %d; all shown: %s%n",
                commits.size(), VOTERS, failures.get(), (lastVote - start) / 1e9, draws.size(), shown);
        System.out.printf(Locale.ROOT, "vote commit -> projector redraw: p50 %.0f ms, p95 %.0f ms, max %.0f ms (%d matched)%n",
                pct(latencies, 50), pct(latencies, 95), latencies.isEmpty() ? 0 : latencies.getLast(), latencies.size());

        phones(ctx, accounts, courses, admin, courseId, poll, broadcaster, port);
    }

    /** Heap per connected phone: sign in over HTTP and open /poll/CODE, as a phone's first load does. */
    static void phones(ConfigurableApplicationContext ctx, AccountService accounts, CourseService courses, Account admin, long courseId,
                       Poll poll, PollBroadcaster broadcaster, int port) throws Exception {
        List<String> emails = new ArrayList<>();
        for (int i = 0; i < PHONES; i++) {
            String email = "phone" + i + "@uni.edu";
            accounts.createWithPassword(email, "Phone " + i, SiteRole.USER, "phone-password-1");
            emails.add(email);
        }
        CurrentUser.runAs(admin, () -> {
            emails.forEach(e -> courses.addMember(courseId, new NewMember(e, e, CourseRole.STUDENT, null)));
            return null;
        });
        int before = broadcaster.subscribers(poll.id());
        long heapBefore = usedHeapAfterGc();
        List<HttpClient> clients = new ArrayList<>(); // kept alive so their sessions stay referenced the whole time
        for (String email : emails) {
            HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NORMAL).build();
            signIn(client, port, email);
            var page = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/poll/" + poll.code())).build(),
                    HttpResponse.BodyHandlers.ofString());
            // The page is a shell; the browser's init request then builds the UI and the view (and its live subscription).
            var init = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/?v-r=init&location="
                    + URLEncoder.encode("poll/" + poll.code(), StandardCharsets.UTF_8) + "&query=&v-wn=bench-" + email)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (page.statusCode() != 200 || init.statusCode() != 200) {
                throw new IllegalStateException("poll page answered " + page.statusCode() + ", init " + init.statusCode() + ": "
                        + init.body().substring(0, Math.min(300, init.body().length())));
            }
            // Then the client router asks the server to navigate (a UIDL event on the UI's root node), which runs the view.
            Matcher key = Pattern.compile("\"Vaadin-Security-Key\":\"([^\"]+)\"").matcher(init.body());
            Matcher ui = Pattern.compile("\"v-uiId\":(\\d+)").matcher(init.body());
            if (!key.find() || !ui.find()) {
                throw new IllegalStateException("no security key or UI id in the init answer");
            }
            String uidl = """
                    {"csrfToken":"%s","rpc":[{"type":"event","node":1,"event":"ui-navigate","data":{"route":"poll/%s","query":"",\
                    "appShellTitle":"","historyState":{"idx":0},"trigger":""}}],"syncId":0,"clientId":0}""".formatted(key.group(1), poll.code());
            var nav = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/?v-r=uidl&v-uiId=" + ui.group(1)))
                    .header("Content-Type", "application/json; charset=UTF-8").POST(HttpRequest.BodyPublishers.ofString(uidl)).build(),
                    HttpResponse.BodyHandlers.ofString());
            clients.add(client);
        }
        long heapAfter = usedHeapAfterGc();
        int connected = broadcaster.subscribers(poll.id()) - before;
        System.out.printf(Locale.ROOT, "phones connected %d (live subscriptions %d); heap %.1f MB -> %.1f MB: %.0f KB per connected student%n",
                clients.size(), connected, heapBefore / 1e6, heapAfter / 1e6, (heapAfter - heapBefore) / 1024.0 / Math.max(1, connected));
    }

    private static void signIn(HttpClient client, int port, String email) throws Exception {
        String base = "http://localhost:" + port;
        String login = client.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(), HttpResponse.BodyHandlers.ofString()).body();
        Matcher token = Pattern.compile("name=\"_csrf\" content=\"([^\"]+)\"").matcher(login);
        Matcher param = Pattern.compile("name=\"_csrf_parameter\" content=\"([^\"]+)\"").matcher(login);
        String form = "username=" + URLEncoder.encode(email, StandardCharsets.UTF_8) + "&password=phone-password-1"
                + (token.find() ? "&" + (param.find() ? param.group(1) : "_csrf") + "=" + token.group(1) : "");
        var r = client.send(HttpRequest.newBuilder(URI.create(base + "/login")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.uri().getPath().startsWith("/login")) {
            throw new IllegalStateException("sign-in failed for " + email + " (" + r.statusCode() + " at " + r.uri() + ")");
        }
    }

    private static long usedHeapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static double pct(List<Double> sorted, int p) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }
}
