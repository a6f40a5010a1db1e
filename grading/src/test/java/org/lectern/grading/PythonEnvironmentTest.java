package org.lectern.grading;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class PythonEnvironmentTest {

    @Test
    @Timeout(value = 150, unit = SECONDS)
    void probeReportsVersionAndImportablePackages() throws Exception {
        PythonEnvironment environment = PythonEnvironment.probe();

        assertThat(environment.pythonVersion()).matches("3\\.\\d+\\.\\d+.*");
        // The worker image installs both; torch only on GPU workers, so it is not asserted either way.
        assertThat(environment.packages()).contains("numpy", "pytest");
        assertThat(environment.has("numpy")).isTrue();
        assertThat(PythonEnvironment.CANDIDATES).containsAll(environment.packages());
    }
}
