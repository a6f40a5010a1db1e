package org.lectern.cluster;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A hall of phones voting through the load balancer as their students, over the same REST calls a clicker app makes
 * (each signed in with its own token). They keep no cookie, so HAProxy spreads them over both replicas; each vote's
 * answer says which replica took it (the route cookie HAProxy sets). A phone whose vote got no answer, or a 5xx,
 * sends it again, as a phone app does; "already voted" after such a retry means the first one counted.
 */
final class Phones {

    /** One phone's vote: when it was sent and acknowledged, by which replica, after how many tries (or its error). */
    record Vote(String student, int answer, long sentAtMillis, long ackedAtMillis, String replica, int tries, String error) {
        boolean counted() {
            return error == null;
        }
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;
    private final List<String> students;
    private final List<String> tokens;

    private Phones(String baseUrl, List<String> students, List<String> tokens) {
        this.baseUrl = baseUrl;
        this.students = students;
        this.tokens = tokens;
    }

    /** Signs every student in (eight at a time: each sign-in checks a password hash). */
    static Phones signIn(String baseUrl, List<String> students, String password) throws Exception {
        Phones signing = new Phones(baseUrl, students, List.of());
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            List<Future<String>> tokens = new ArrayList<>();
            for (String s : students) {
                tokens.add(pool.submit(() -> CourseClient.signIn(signing.http, baseUrl, s, password)));
            }
            List<String> out = new ArrayList<>();
            for (Future<String> t : tokens) {
                out.add(t.get());
            }
            return new Phones(baseUrl, students, out);
        }
    }

    int size() {
        return students.size();
    }


    /**
     * Phone {@code i} votes for option {@code answer} in the poll's open round; never throws. A vote that got no answer
     * or a 5xx goes again (Awaitility paces the tries, as a phone app's back-off would) until it gets a definite one.
     */
    Vote vote(int i, long pollId, int answer) {
        long sent = System.currentTimeMillis();
        java.util.concurrent.atomic.AtomicInteger tries = new java.util.concurrent.atomic.AtomicInteger();
        Vote[] outcome = new Vote[1];
        String[] last = new String[1];
        try {
            org.awaitility.Awaitility.await("phone " + i + "'s vote answered").atMost(Duration.ofSeconds(45))
                    .pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(500)).until(() -> {
                        int attempt = tries.incrementAndGet();
                        try {
                            var r = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/polls/" + pollId + "/votes"))
                                    .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + tokens.get(i))
                                    .header("Content-Type", "application/json")
                                    .POST(HttpRequest.BodyPublishers.ofString("{\"answer\":\"" + answer + "\"}")).build(),
                                    HttpResponse.BodyHandlers.ofString());
                            String replica = LocalCluster.routes(r.headers()).stream().findFirst().orElse("?");
                            if (r.statusCode() == 201 || r.statusCode() == 409 && attempt > 1 && r.body().contains("already voted")) {
                                outcome[0] = new Vote(students.get(i), answer, sent, System.currentTimeMillis(), replica, attempt, null);
                                return true;
                            }
                            last[0] = "HTTP " + r.statusCode() + " " + r.body();
                            return r.statusCode() < 500; // refused: sending it again would not change that
                        } catch (IOException e) {
                            last[0] = e.toString();
                            return false;
                        }
                    });
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            // no definite answer in time: the error stands
        }
        return outcome[0] != null ? outcome[0]
                : new Vote(students.get(i), answer, sent, System.currentTimeMillis(), null, 0, last[0]);
    }
}
