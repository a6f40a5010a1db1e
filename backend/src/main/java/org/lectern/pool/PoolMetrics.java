package org.lectern.pool;

import com.github.kagkarlsson.scheduler.stats.StatsRegistry;
import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import com.github.kagkarlsson.scheduler.task.Task;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.lectern.pool.internal.PoolRepository;
import org.lectern.pool.internal.PoolRepository.QueueRow;

/**
 * The pool's Prometheus metrics, the figures the Grafana dashboard (deploy/grafana) and the workers' autoscaler
 * watch. Queue figures come from the shared table, so every node reports the same ones (dashboards take the max);
 * run and wait times are recorded by the node that ran the job, when it ends.
 * <ul>
 *   <li>{@code lectern_queue_depth{kind}}: jobs due and not yet taken;</li>
 *   <li>{@code lectern_queue_running{kind}}: jobs taken by a node;</li>
 *   <li>{@code lectern_queue_oldest_wait_seconds{kind}}: how long the oldest due job has waited;</li>
 *   <li>{@code lectern_job_wait_seconds{kind}}, {@code lectern_job_seconds{kind,outcome}}: timers with histogram
 *       buckets, outcome {@code ok} or {@code failed}.</li>
 * </ul>
 */
public final class PoolMetrics implements MeterBinder, StatsRegistry {

    /** A scrape reads the queue at most this often, however many series ask. */
    private static final Duration FRESH = Duration.ofSeconds(2);

    private final PoolRepository repository;
    private final List<String> kinds;
    private final AtomicReference<Snapshot> last = new AtomicReference<>(new Snapshot(0, Map.of()));
    private volatile MeterRegistry registry;

    private record Snapshot(long takenAtNanos, Map<String, QueueRow> rows) {
    }

    public PoolMetrics(PoolRepository repository, List<Task<?>> tasks) {
        this.repository = repository;
        this.kinds = tasks.stream().map(Task::getName).sorted().toList();
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        this.registry = registry;
        for (String kind : kinds) {
            Gauge.builder("lectern.queue.depth", () -> row(kind).due()).tag("kind", kind)
                    .description("pool jobs due and not yet taken").register(registry);
            Gauge.builder("lectern.queue.running", () -> row(kind).running()).tag("kind", kind)
                    .description("pool jobs a node has taken").register(registry);
            Gauge.builder("lectern.queue.oldest.wait", () -> row(kind).oldestWaitSeconds()).tag("kind", kind)
                    .baseUnit("seconds").description("how long the oldest due job has waited").register(registry);
            waitTimer(kind);
            runTimer(kind, "ok");
            runTimer(kind, "failed");
        }
    }

    private QueueRow row(String kind) {
        Snapshot s = last.get();
        if (System.nanoTime() - s.takenAtNanos() > FRESH.toNanos() || s.takenAtNanos() == 0) {
            try {
                s = new Snapshot(System.nanoTime(), repository.queue());
            } catch (RuntimeException e) {
                // The database is away: report nothing rather than stale figures as fresh.
                s = new Snapshot(System.nanoTime(), Map.of());
            }
            last.set(s);
        }
        return s.rows().getOrDefault(kind, new QueueRow(0, 0, 0));
    }

    private Timer waitTimer(String kind) {
        return Timer.builder("lectern.job.wait").tag("kind", kind).publishPercentileHistogram()
                .maximumExpectedValue(Duration.ofHours(2))
                .description("from a job being due to a node starting it").register(registry);
    }

    private Timer runTimer(String kind, String outcome) {
        return Timer.builder("lectern.job").tag("kind", kind).tag("outcome", outcome).publishPercentileHistogram()
                .maximumExpectedValue(Duration.ofHours(1))
                .description("how long a pool job ran on this node").register(registry);
    }

    @Override
    public void registerSingleCompletedExecution(ExecutionComplete done) {
        if (registry == null) {
            return;
        }
        String kind = done.getExecution().getTaskName();
        Duration ran = done.getDuration();
        runTimer(kind, done.getResult() == ExecutionComplete.Result.OK ? "ok" : "failed").record(ran);
        Duration waited = Duration.between(done.getExecution().executionTime, done.getTimeDone().minus(ran));
        if (!waited.isNegative()) {
            waitTimer(kind).record(waited);
        }
    }

    @Override
    public void register(SchedulerStatsEvent e) {
    }

    @Override
    public void register(CandidateStatsEvent e) {
    }

    @Override
    public void register(ExecutionStatsEvent e) {
    }
}
