package org.lectern.pool;

import org.lectern.pool.internal.PoolRepository;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Per-job needs beyond a job kind's {@link JobNeeds}: the named Python environment one job must run in. Used by
 * features that enqueue (no caller check: they act for the system, after their own).
 */
@Component
public class PoolJobs {

    private final PoolRepository repository;

    PoolJobs(PoolRepository repository) {
        this.repository = repository;
    }

    /** The job just scheduled in this transaction runs only on a node offering {@code environment}. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void requireEnvironment(String taskName, String taskInstance, String environment) {
        if (!WorkerCapabilities.ENVIRONMENTS.contains(environment)) {
            throw new IllegalArgumentException("unknown environment " + environment);
        }
        repository.requireEnvironment(taskName, taskInstance, environment);
    }

    /** Whether any node of the pool (as recorded at its start) offers {@code environment}. */
    @Transactional(readOnly = true)
    public boolean anyNodeOffers(String environment) {
        return repository.anyNodeOffers(environment);
    }
}
