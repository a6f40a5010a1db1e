package org.lectern.assignment;

import java.util.Set;
import org.lectern.grading.PythonEnvironment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The Python packages this installation's workers offer to autograders (numpy always; torch where
 * installed), probed once. Assignments may only ask for these, so a test never fails on a missing import.
 */
@Component
class WorkerPackages {
    private static final Logger log = LoggerFactory.getLogger(WorkerPackages.class);

    private volatile Set<String> offered;

    Set<String> offered() {
        Set<String> o = offered;
        if (o == null) {
            try {
                o = PythonEnvironment.probe().packages();
            } catch (Exception e) {
                log.warn("Could not probe the workers' Python packages", e);
                o = Set.of("numpy");
            }
            offered = o;
        }
        return o;
    }
}
