package org.lectern.livemodel;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import io.micrometer.core.instrument.Timer;
import javax.sql.DataSource;
import org.lectern.grading.live.Explanation;
import org.lectern.livemodel.internal.LiveRequestRepository;
import org.lectern.platform.PgChannelListener;
import org.lectern.platform.UnavailableException;
import org.springframework.context.SmartLifecycle;
import tools.jackson.databind.json.JsonMapper;

/**
 * The asking side of live exercises: a request row and a NOTIFY to the pool, then a wait (no transaction, no
 * connection held) until a node's answer NOTIFY names it, or the deadline passes. A request that no node has
 * claimed by the deadline is refused then; one a node has claimed is that node's work in progress (a worker
 * starting cold on a busy machine takes seconds), so it gets up to the longer claimed deadline.
 */
class LiveAnswers implements SmartLifecycle {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The answer and the node that gave it. */
    record Answered(Explanation explanation, String servedBy) {
    }

    private final LiveRequestRepository requests;
    private final Duration deadline;
    private final Duration claimedDeadline;
    private final PgChannelListener notifications;
    private final Map<Long, CompletableFuture<Void>> waiting = new ConcurrentHashMap<>();
    private final Timer answerTime;

    LiveAnswers(DataSource dataSource, LiveRequestRepository requests, Duration deadline, Duration claimedDeadline,
                Timer answerTime) {
        this.requests = requests;
        this.answerTime = answerTime;
        this.deadline = deadline;
        this.claimedDeadline = claimedDeadline.compareTo(deadline) > 0 ? claimedDeadline : deadline;
        this.notifications = new PgChannelListener(dataSource, LiveRequestRepository.ANSWER_CHANNEL, this::answered,
                // A lost connection may have lost an answer's NOTIFY: let every waiter look at its row.
                () -> waiting.values().forEach(f -> f.complete(null)));
    }

    Answered ask(String modelKey, float[] image) {
        long id = requests.insert(modelKey, JSON.writeValueAsString(image));
        waiting.put(id, new CompletableFuture<>()); // before the pool hears of it, so no answer can come unseen
        long asked = System.nanoTime();
        long until = asked + deadline.toNanos();
        boolean extended = false;
        try {
            requests.wake(id);
            while (true) {
                long left = until - System.nanoTime();
                if (left > 0) {
                    try {
                        waiting.get(id).get(left, TimeUnit.NANOSECONDS);
                    } catch (TimeoutException e) {
                        // one last look at the row below
                    }
                }
                var outcome = requests.take(id);
                if (outcome.isPresent()) {
                    if (outcome.get().error() != null) {
                        throw new UnavailableException("The model could not answer: " + outcome.get().error() + ".");
                    }
                    return new Answered(JSON.readValue(outcome.get().answer(), Explanation.class), outcome.get().servedBy());
                }
                if (System.nanoTime() >= until && !extended && requests.claimed(id)) {
                    extended = true;
                    until = asked + claimedDeadline.toNanos();
                } else if (System.nanoTime() >= until) {
                    requests.abandon(id);
                    throw new UnavailableException("The model could not answer: no model worker answered within "
                            + deadline.toMillis() + " ms; try again in a moment.");
                }
                waiting.put(id, new CompletableFuture<>()); // woken by a reconnect, not an answer: wait again
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            requests.abandon(id);
            throw new UnavailableException("The model could not answer: the request was interrupted.");
        } catch (ExecutionException e) {
            throw new IllegalStateException("a waiter's signal failed", e);
        } finally {
            waiting.remove(id);
            answerTime.record(System.nanoTime() - asked, TimeUnit.NANOSECONDS);
        }
    }

    private void answered(String payload) {
        CompletableFuture<Void> f = waiting.get(Long.parseLong(payload));
        if (f != null) {
            f.complete(null);
        }
    }

    @Override
    public void start() {
        notifications.start(60_000, () -> { });
    }

    @Override
    public void stop() {
        notifications.stop();
    }

    @Override
    public boolean isRunning() {
        return notifications.isRunning();
    }
}
