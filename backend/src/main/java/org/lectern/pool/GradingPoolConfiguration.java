package org.lectern.pool;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.task.Task;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import javax.sql.DataSource;
import org.lectern.pool.internal.PoolRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;

/**
 * The worker pool: db-scheduler on PostgreSQL. Every Lectern process can enqueue; processes with
 * {@code lectern.pool.enabled} (the default, and every worker started with {@code --lectern.pool.worker=true})
 * also execute jobs. Jobs carry a priority so that one course's deadline burst does not starve another's.
 * A worker that dies stops heartbeating; once its lease lapses another worker runs the job again, once
 * ({@link DeadWorkers}). Each node probes what it can run ({@link WorkerCapabilities}) and claims only the job
 * kinds whose {@link JobNeeds} it meets ({@link ClaimFilter}); it logs both and records them for the admin page.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(GradingPoolConfiguration.PoolSettings.class)
public class GradingPoolConfiguration {

    private static final Logger log = LoggerFactory.getLogger(GradingPoolConfiguration.class);

    @ConfigurationProperties(prefix = "lectern.pool")
    public record PoolSettings(Boolean enabled, Integer threads, Duration heartbeat, Duration pollingInterval) {
        public PoolSettings {
            enabled = enabled == null || enabled;
            threads = threads == null ? Math.max(1, Runtime.getRuntime().availableProcessors()) : threads;
            heartbeat = heartbeat == null ? Duration.ofSeconds(5) : heartbeat;
            pollingInterval = pollingInterval == null ? Duration.ofMillis(500) : pollingInterval;
        }
    }

    /** Enqueues join the caller's transaction: a submission and its grading job commit together. */
    @Bean
    SchedulerClient schedulerClient(DataSource dataSource, List<Task<?>> tasks) {
        return SchedulerClient.Builder.create(new TransactionAwareDataSourceProxy(dataSource), tasks).enablePriority().build();
    }

    /** Probed once per node, before the pool starts claiming jobs. */
    @Bean
    WorkerCapabilities workerCapabilities(PoolSettings settings) {
        return settings.enabled() ? WorkerCapabilities.probe()
                : new WorkerCapabilities(false, "this process does not run pool jobs", null, Set.of(), false);
    }

    /** Queue depth, waits, run times and failures for Prometheus (a MeterBinder: Spring binds it to the registry). */
    @Bean
    PoolMetrics poolMetrics(PoolRepository repository, List<Task<?>> tasks) {
        return new PoolMetrics(repository, tasks);
    }

    @Bean
    PoolLifecycle gradingPool(DataSource dataSource, List<Task<?>> tasks, List<JobNeeds> needs, PoolSettings settings,
                              WorkerCapabilities capabilities, PoolRepository repository, PoolMetrics metrics) {
        String name = hostName() + "-" + UUID.randomUUID().toString().substring(0, 8);
        Set<String> unfit = new TreeSet<>();
        needs.stream().filter(n -> !capabilities.canRun(n)).forEach(n -> unfit.add(n.taskName()));
        ClaimFilter claims = new ClaimFilter(unfit, java.util.Set.copyOf(capabilities.environments()));
        Scheduler scheduler = Scheduler.create(dataSource, tasks)
                .jdbcCustomization(claims)
                .schedulerName(new SchedulerName.Fixed(name))
                .threads(settings.threads())
                .pollingInterval(settings.pollingInterval())
                .pollUsingLockAndFetch(0.5, 1.0) // no more jobs held than slots, so priorities order what runs next
                .heartbeatInterval(settings.heartbeat())
                .missedHeartbeatsLimit(4)
                .enablePriority()
                .enableImmediateExecution()
                .statsRegistry(metrics)
                .shutdownMaxWait(Duration.ofSeconds(30))
                .build();
        List<String> claimed = tasks.stream().map(Task::getName).filter(t -> !unfit.contains(t)).sorted().toList();
        return new PoolLifecycle(scheduler, settings.enabled(), name, settings.threads(), capabilities,
                String.join(", ", claimed) + (unfit.isEmpty() ? "" : "; not " + String.join(", ", unfit)), repository);
    }

    /** Starts the scheduler with the application and stops it (letting running jobs finish briefly) at shutdown. */
    public static final class PoolLifecycle implements SmartLifecycle {
        private final Scheduler scheduler;
        private final boolean enabled;
        private final String name;
        private final int threads;
        private final WorkerCapabilities capabilities;
        private final String claims;
        private final PoolRepository repository;
        private volatile boolean running;

        PoolLifecycle(Scheduler scheduler, boolean enabled, String name, int threads, WorkerCapabilities capabilities,
                      String claims, PoolRepository repository) {
            this.scheduler = scheduler;
            this.enabled = enabled;
            this.name = name;
            this.threads = threads;
            this.capabilities = capabilities;
            this.claims = claims;
            this.repository = repository;
        }

        @Override
        public void start() {
            if (enabled) {
                log.info("Pool node {} can run: {}", name, capabilities.describe());
                log.info("Pool node {} claims: {}", name, claims);
                try {
                    repository.saveNode(name, capabilities.describe(), claims, capabilities.environments());
                } catch (RuntimeException e) {
                    log.warn("could not record this pool node for the admin page: {}", e.toString());
                }
                scheduler.start();
                log.info("Grading pool worker {} started with {} slots", name, threads);
            } else {
                log.info("This process only enqueues grading jobs (lectern.pool.enabled=false)");
            }
            running = true;
        }

        @Override
        public void stop() {
            if (enabled) {
                scheduler.stop();
                try {
                    repository.removeNode(name);
                } catch (RuntimeException e) {
                    log.debug("could not remove this pool node's row: {}", e.toString());
                }
            }
            running = false;
        }

        @Override
        public boolean isRunning() {
            return running;
        }

        /**
         * Looks for due jobs now instead of at the next poll. Jobs are enqueued through a separate
         * client, whose commits the scheduler does not hear about; enqueuers call this after commit.
         */
        public void checkNow() {
            if (enabled && running) {
                scheduler.triggerCheckForDueExecutions();
            }
        }

        public String workerName() {
            return name;
        }

        public int threads() {
            return threads;
        }

        /** What this node can run (found at start). */
        public WorkerCapabilities capabilities() {
            return capabilities;
        }
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            return "worker";
        }
    }
}
