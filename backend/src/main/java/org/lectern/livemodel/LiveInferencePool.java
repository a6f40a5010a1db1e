package org.lectern.livemodel;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.lectern.grading.live.Explanation;
import org.lectern.grading.live.LiveInferenceException;
import org.lectern.grading.live.LiveInferenceProcess;
import org.lectern.grading.live.LiveInferenceWorker;
import org.lectern.grading.model.DevicePreference;
import org.lectern.grading.model.EvaluationLimits;
import org.lectern.grading.model.WorkerLauncher;
import org.lectern.platform.LecternProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;

/**
 * One warm {@link LiveInferenceWorker} per course model on this node, started when the app is ready (so the
 * first student does not wait for a JVM) or on first use, stopped with the app. {@link LiveRequestServer} feeds it
 * the pool's requests. A worker that breaks is started
 * again by the next request.
 */
public class LiveInferencePool implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(LiveInferencePool.class);

    private final CourseModels models;
    private final LiveModelConfiguration.LiveSettings settings;
    private final Path workRoot;
    private final Map<String, LiveInferenceWorker> workers = new ConcurrentHashMap<>();

    LiveInferencePool(CourseModels models, LiveModelConfiguration.LiveSettings settings, LecternProperties props) {
        this.models = models;
        this.settings = settings;
        this.workRoot = props.dataDir().toAbsolutePath().resolve("live-workers");
    }

    @EventListener(ApplicationReadyEvent.class)
    void prewarm() {
        if (!settings.prewarm() || !settings.serve()) {
            return;
        }
        Thread.ofVirtual().name("live-inference-prewarm").start(() -> {
            try {
                worker(CourseModels.DIGITS).start();
            } catch (LiveInferenceException e) {
                log.warn("the live exercise worker did not start: {}", e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    public Explanation explain(String modelKey, float[] image) throws LiveInferenceException, InterruptedException {
        return worker(modelKey).explain(image);
    }

    /** The worker's state, device and last error, for staff. */
    public LiveInferenceWorker worker(String modelKey) {
        return workers.computeIfAbsent(modelKey, key -> {
            CourseModel model = models.find(key).orElseThrow(() -> new IllegalArgumentException("no course model " + key));
            long memory = settings.memoryMb() * 1024L * 1024L;
            return new LiveInferenceWorker(model.onnx(), new EvaluationLimits(settings.startTimeout(), memory, memory / 4),
                    settings.answerTimeout(), DevicePreference.AUTO, WorkerLauncher.forThisApplication(LiveInferenceProcess.class),
                    workRoot.resolve(key), workRoot.resolve("djl-cache").toString());
        });
    }

    @Override
    public void destroy() {
        workers.values().forEach(LiveInferenceWorker::close);
    }
}
