package org.lectern.pool;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class WorkerEnvironmentsTest {

    static Stream<Arguments> nodes() {
        return Stream.of(
                Arguments.of("3.11.2", Set.of("numpy", "pytest"), false, List.of("numpy")),
                Arguments.of("3.11.2", Set.of("numpy", "torch", "past"), false, List.of("numpy", "pytorch-cpu")),
                Arguments.of("3.11.2", Set.of("numpy", "torch"), true, List.of("numpy", "pytorch-cpu", "pytorch-cuda")),
                Arguments.of(null, Set.of(), true, List.of()));
    }

    @ParameterizedTest(name = "python {0} with {1}, gpu {2}: {3}")
    @MethodSource("nodes")
    void aNodeNamesTheEnvironmentsItOffers(String python, Set<String> packages, boolean gpu, List<String> environments) {
        assertThat(new WorkerCapabilities(true, "", python, packages, gpu).environments()).isEqualTo(environments);
    }

    @org.junit.jupiter.api.Test
    void aRunRecordsThePythonAndTheVersionsOfThePackagesItNeeded() {
        WorkerCapabilities node = new WorkerCapabilities(true, "", "3.11.2", Set.of("numpy", "torch", "past"), false,
                Map.of("numpy", "1.24.2", "torch", "1.13.1", "past", "0.18.2"));
        assertThat(node.environment(Set.of("numpy", "torch"))).isEqualTo("Python 3.11.2; numpy 1.24.2, torch 1.13.1");
        assertThat(node.environment(Set.of())).isEqualTo("Python 3.11.2; numpy 1.24.2");
        assertThat(new WorkerCapabilities(false, "", null, Set.of(), false).environment(Set.of("numpy"))).isNull();
    }
}
