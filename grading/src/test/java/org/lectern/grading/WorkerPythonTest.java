package org.lectern.grading;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real course code grades on the default worker as students wrote it: a CS231n solution that begins
 * {@code from past.builtins import xrange} (Debian's python3-future), and a PyTorch autograder (python3-torch).
 * Both packages are installed by {@code ./lectern}'s install step.
 */
class WorkerPythonTest {

    private static final SandboxLimits LIMITS = SandboxLimits.DEFAULT.withWallSeconds(120).withCpuSeconds(100)
            .withMemoryBytes(2048L << 20);

    @TempDir
    Path job;

    @BeforeAll
    static void requireSandbox() {
        assumeTrue(Sandbox.available(), () -> "sandbox unavailable: " + Sandbox.unavailableReason());
    }

    @Test
    @Timeout(value = 150, unit = SECONDS)
    void theWorkerOffersFutureAndTorchWithTheirVersions() throws Exception {
        PythonEnvironment environment = PythonEnvironment.probe();
        assertThat(environment.packages()).contains("numpy", "past", "torch");
        assertThat(environment.versions().get("numpy")).matches("\\d+\\.\\d+.*");
        assertThat(environment.versions().get("torch")).matches("\\d+\\.\\d+.*");
        assertThat(environment.describe(List.of("numpy", "torch", "scipy")))
                .startsWith("Python " + environment.pythonVersion() + "; numpy ").contains(", torch ");
    }

    @Test
    @Timeout(value = 150, unit = SECONDS)
    void aCs231nSolutionThatImportsXrangeFromPastGrades() throws Exception {
        // A real student's solution (test resources, plagiarism/knn/README.md names its repository and commit).
        try (InputStream in = getClass().getResourceAsStream("/plagiarism/knn/students/s01/k_nearest_neighbor.py")) {
            Files.write(job.resolve("k_nearest_neighbor.py"), in.readAllBytes());
        }
        assertThat(Files.readString(job.resolve("k_nearest_neighbor.py"))).contains("from past.builtins import xrange");
        TestFile tests = new TestFile("test_knn.py", """
                import numpy as np
                from k_nearest_neighbor import KNearestNeighbor

                def test_distances_agree_and_predict():
                    rng = np.random.default_rng(0)
                    X, y = rng.normal(size=(20, 5)), np.arange(20) % 3
                    knn = KNearestNeighbor()
                    knn.train(X, y)
                    two = knn.compute_distances_two_loops(X[:4])
                    none = knn.compute_distances_no_loops(X[:4])
                    assert np.allclose(two, none)
                    assert np.allclose(np.diag(two[:, :4]), 0)
                    assert knn.predict(X[:4], k=1).tolist() == y[:4].tolist()
                """.getBytes(StandardCharsets.UTF_8), 5);

        GradingReport report = new PytestHarness(new Sandbox(), LIMITS).run(job, List.of(tests));

        assertThat(report.problem()).as(report.log()).isNull();
        assertThat(report.earned()).as(report.log()).isEqualTo(5.0);
    }

    @Test
    @Timeout(value = 150, unit = SECONDS)
    void aPytorchAutograderGradesOnTheDefaultWorker() throws Exception {
        Files.writeString(job.resolve("two_layer.py"), """
                import torch

                torch.manual_seed(0)

                class TwoLayer(torch.nn.Module):
                    def __init__(self, d_in, hidden, d_out):
                        super().__init__()
                        self.fc1 = torch.nn.Linear(d_in, hidden)
                        self.fc2 = torch.nn.Linear(hidden, d_out)

                    def forward(self, x):
                        return self.fc2(torch.relu(self.fc1(x)))

                def fit_and_predict(X, y, epochs=200):
                    net = TwoLayer(X.shape[1], 16, int(y.max()) + 1)
                    opt = torch.optim.Adam(net.parameters(), lr=0.05)
                    xt, yt = torch.from_numpy(X).float(), torch.from_numpy(y).long()
                    for _ in range(epochs):
                        opt.zero_grad()
                        torch.nn.functional.cross_entropy(net(xt), yt).backward()
                        opt.step()
                    return net(xt).argmax(dim=1).numpy()
                """);
        TestFile tests = new TestFile("test_torch.py", """
                import numpy as np
                import torch
                from two_layer import fit_and_predict

                def test_learns_xor():
                    X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]] * 8, dtype=np.float32)
                    y = (X[:, 0] != X[:, 1]).astype(np.int64)
                    predicted = fit_and_predict(X, y)
                    assert torch.equal(torch.from_numpy(np.asarray(predicted)), torch.from_numpy(y))
                """.getBytes(StandardCharsets.UTF_8), 3);

        GradingReport report = new PytestHarness(new Sandbox(), LIMITS).run(job, List.of(tests));

        assertThat(report.problem()).as(report.log()).isNull();
        assertThat(report.earned()).as(report.log()).isEqualTo(3.0);
    }
}
