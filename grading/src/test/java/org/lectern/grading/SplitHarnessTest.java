package org.lectern.grading;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** What tests can do with the student's code across the process boundary, and the files an autograder ships. */
class SplitHarnessTest {

    private static final SandboxLimits LIMITS = SandboxLimits.DEFAULT.withWallSeconds(60).withCpuSeconds(30);

    @TempDir
    Path job;

    @BeforeAll
    static void requireSandbox() {
        assumeTrue(Sandbox.available(), () -> "sandbox unavailable: " + Sandbox.unavailableReason());
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    @Timeout(value = 90, unit = SECONDS)
    void testsUseTheStudentsModuleThroughTheProxyAndShipTheirOwnFiles() throws Exception {
        Files.writeString(job.resolve("knn.py"), """
                import numpy as np
                K_DEFAULT = 3
                calls = []

                class Classifier:
                    def __init__(self, k=K_DEFAULT):
                        self.k = k
                        self.X = None

                    def train(self, X, y):
                        self.X, self.y = X, y
                        calls.append("train")
                        return self

                    def predict(self, X):
                        if self.X is None:
                            raise ValueError("train first")
                        d = ((X[:, None, :] - self.X[None, :, :]) ** 2).sum(axis=2)
                        return self.y[np.argsort(d, axis=1)[:, 0]]

                    def __len__(self):
                        return 0 if self.X is None else len(self.X)

                def scale_from_file():
                    with open("inputs/factor.txt") as f:
                        return float(f.read()) * 2

                def home():
                    import os
                    return os.environ.get("HOME"), os.getcwd()
                """);
        TestFile tests = new TestFile("test_knn.py", utf8("""
                import os
                import numpy as np
                import pytest
                import knn
                import lectern
                from checks.util import expected_labels

                def test_module_variables_and_instances():
                    assert knn.K_DEFAULT == 3
                    model = knn.Classifier()
                    assert model.k == 3
                    with pytest.raises(ValueError, match="train first"):
                        model.predict(np.zeros((1, 2)))
                    X = np.array([[0.0, 0.0], [5.0, 5.0]])
                    trained = model.train(X, np.array([0, 1]))
                    assert len(trained) == 2
                    assert model.predict(np.array([[4.0, 4.5]])).tolist() == expected_labels()
                    assert knn.calls == ["train"]

                def test_setting_a_module_variable_to_plain_data():
                    knn.K_DEFAULT = 5
                    assert knn.K_DEFAULT == 5

                def test_source_is_readable_but_not_importable(data_dir):
                    text = lectern.source("knn")
                    assert "for " not in text and "while " not in text
                    assert knn.__source__ == text
                    assert lectern.SOURCE_DIR == "/job/.lectern/student"
                    assert os.path.exists(data_dir / "expected.txt")

                def test_student_side_files_and_environment():
                    assert knn.scale_from_file() == 42.0
                    assert knn.home() == ("/tmp", "/job")
                    assert os.environ["HOME"] == "/tmp"

                def test_the_tests_folder_is_read_only():
                    with pytest.raises(OSError):
                        open("/job/test_knn.py", "a").close()
                    with pytest.raises(OSError):
                        open("/job/new_file.py", "w").close()

                def test_star_import_takes_the_public_names_but_not_modules():
                    namespace = {"np": np}
                    exec("from knn import *", namespace)
                    assert namespace["K_DEFAULT"] in (3, 5) and "scale_from_file" in namespace
                    assert namespace["np"] is np  # the student's `import numpy as np` does not replace the test's

                def test_functions_cannot_be_passed_in():
                    with pytest.raises(TypeError, match="cannot pass a function"):
                        knn.Classifier(k=lambda: 1)
                """), 7);
        List<SupportFile> support = List.of(
                new SupportFile("conftest.py", utf8("""
                        import pathlib
                        import pytest

                        @pytest.fixture
                        def data_dir():
                            return pathlib.Path(__file__).parent / "data"
                        """), false),
                new SupportFile("checks/__init__.py", new byte[0], false),
                new SupportFile("checks/util.py", utf8("def expected_labels():\n    return [1]\n"), false),
                new SupportFile("data/expected.txt", utf8("1\n"), false),
                new SupportFile("inputs/factor.txt", utf8("21\n"), true));

        GradingReport report = new PytestHarness(new Sandbox(), LIMITS).run(job, List.of(tests), support);

        assertThat(report.problem()).as(report.log()).isNull();
        assertThat(report.tests()).as(report.log()).allSatisfy(t -> assertThat(t.passed()).as(t.message()).isTrue());
        assertThat(report.earned()).isEqualTo(7.0);
    }

    @Test
    @Timeout(value = 90, unit = SECONDS)
    void theBriefOfAFailureHoldsTheTestsMessageButNotItsSource() throws Exception {
        Files.writeString(job.resolve("submission.py"), "def relu(x):\n    return abs(x)\n");
        TestFile tests = new TestFile("test_private.py", utf8("""
                from submission import relu

                def test_hidden():
                    hidden_SOURCE_value = -7.25
                    assert relu(hidden_SOURCE_value) == 0.0, "negative inputs give zero"

                def test_hidden_without_message():
                    assert relu(-3) == 0
                """), 2);

        GradingReport report = new PytestHarness(new Sandbox(), LIMITS).run(job, List.of(tests));

        assertThat(report.tests()).extracting(TestOutcome::brief).containsExactly(
                "AssertionError: negative inputs give zero", "AssertionError (a check of the test failed)");
        assertThat(report.tests().getFirst().message()).contains("hidden_SOURCE_value");
    }
}
