package org.lectern.livemodel;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.sql.DataSource;
import org.lectern.grading.live.Explanation;
import org.lectern.grading.live.LiveInferenceException;
import org.lectern.livemodel.internal.LiveRequestRepository;
import org.lectern.platform.PgChannelListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import tools.jackson.databind.json.JsonMapper;

/**
 * A pool node's side of live exercises: hears each request's NOTIFY, claims it (the first node wins), asks its own
 * warm worker and writes the answer back. Runs on every node with {@code lectern.live.serve} (the default): app
 * replicas and pool workers alike, so GPU workers answer too.
 */
class LiveRequestServer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(LiveRequestServer.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final LiveRequestRepository requests;
    private final LiveInferencePool pool;
    private final String node;
    private final PgChannelListener notifications;
    private volatile ExecutorService answering = Executors.newVirtualThreadPerTaskExecutor();

    LiveRequestServer(DataSource dataSource, LiveRequestRepository requests, LiveInferencePool pool, String node) {
        this.requests = requests;
        this.pool = pool;
        this.node = node;
        this.notifications = new PgChannelListener(dataSource, LiveRequestRepository.REQUEST_CHANNEL,
                id -> answering.execute(() -> serve(Long.parseLong(id))), () -> { });
    }

    void serve(long id) {
        LiveRequestRepository.Claimed claimed;
        try {
            claimed = requests.claim(id, node).orElse(null);
        } catch (RuntimeException e) {
            log.warn("could not claim live request {}: {}", id, e.toString());
            return;
        }
        if (claimed == null) {
            return; // another node took it
        }
        String answer = null;
        String error = null;
        try {
            float[] image = JSON.readValue(claimed.image(), float[].class);
            Explanation explanation = pool.explain(claimed.modelKey(), image);
            answer = JSON.writeValueAsString(explanation);
        } catch (LiveInferenceException | IllegalArgumentException e) {
            error = e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            error = "the node answering was stopping";
        } catch (RuntimeException e) {
            log.warn("live request {} failed", id, e);
            error = "the model worker failed: " + e.getMessage();
        }
        try {
            requests.answer(id, answer, error);
        } catch (RuntimeException e) {
            log.warn("could not store the answer to live request {}: {}", id, e.toString());
        }
    }

    @Override
    public void start() {
        if (answering.isShutdown()) {
            answering = Executors.newVirtualThreadPerTaskExecutor();
        }
        notifications.start(60_000, this::sweep);
    }

    private void sweep() {
        try {
            requests.sweep();
        } catch (RuntimeException e) {
            log.debug("live request sweep: {}", e.toString());
        }
    }

    @Override
    public void stop() {
        notifications.stop();
        answering.shutdownNow();
    }

    @Override
    public boolean isRunning() {
        return notifications.isRunning();
    }
}
