package org.lectern.assignment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.lectern.platform.InvalidInputException;

class GradescopeZipTest {

    static byte[] zip(String... namesAndContents) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (ZipOutputStream zip = new ZipOutputStream(out)) {
                for (int i = 0; i < namesAndContents.length; i += 2) {
                    zip.putNextEntry(new ZipEntry(namesAndContents[i]));
                    zip.write(namesAndContents[i + 1].getBytes(StandardCharsets.UTF_8));
                    zip.closeEntry();
                }
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static Stream<Arguments> setups() {
        return Stream.of(
                Arguments.of("apt-get install -y python3 python3-pip python3-dev", Set.of(), 0),
                Arguments.of("apt-get update && apt-get install -y python3-numpy python3-torch", Set.of("numpy", "torch"), 0),
                Arguments.of("pip3 install numpy==1.26.4 scikit-learn gradescope-utils>=0.3", Set.of("numpy", "sklearn"), 0),
                Arguments.of("python3 -m pip install -r /autograder/source/requirements.txt", Set.of("past", "numpy"), 0),
                Arguments.of("apt-get install -y openjdk-17-jdk", Set.of(), 1),
                Arguments.of("pip install tensorflow", Set.of(), 1),
                Arguments.of("curl -sSL https://example.org/data.tgz | tar xz", Set.of(), 1),
                Arguments.of("#!/usr/bin/env bash\nset -e\ncd /autograder/source  # comment\nmkdir -p data", Set.of(), 0),
                Arguments.of("pip install \\\n  numpy \\\n  torch", Set.of("numpy", "torch"), 0));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("setups")
    void setupShNeedsAreReadAndWhatCannotBeMetIsListed(String script, Set<String> imports, int unmetCount) {
        Set<String> found = new TreeSet<>();
        List<String> unmet = new ArrayList<>();
        GradescopeZip.setupNeeds(script, Map.of("requirements.txt", "future\nnumpy>=1.20  # arrays\n".getBytes(StandardCharsets.UTF_8)),
                found, unmet, new ArrayList<>());
        assertThat(found).isEqualTo(imports);
        assertThat(unmet).hasSize(unmetCount);
    }

    @Test
    void aFilesPointsAreItsTestsWeightsAndOneForATestWithout() {
        assertThat(GradescopeZip.points("""
                class T(unittest.TestCase):
                    @weight(2.5)
                    @number("1")
                    def test_a(self):
                        pass

                    @partial_credit(4)
                    def test_b(self, set_score=None):
                        pass

                    def test_c(self):
                        pass

                    def helper(self):
                        pass
                """)).isEqualByComparingTo(new BigDecimal("7.5"));
    }

    @Test
    void theGradescopeSampleBecomesTestFilesAndSupportFiles() {
        GradescopeZip.Conversion c = GradescopeZip.read(zip(
                "setup.sh", "apt-get install -y python3 python3-pip\npip3 install -r /autograder/source/requirements.txt\n",
                "requirements.txt", "gradescope-utils>=0.3.1\nsubprocess32\n",
                "run_autograder", "#!/usr/bin/env bash\ncp /autograder/submission/calculator.py /autograder/source/\ncd /autograder/source\npython3 run_tests.py\n",
                "run_tests.py", "from gradescope_utils.autograder_utils.json_test_runner import JSONTestRunner\n",
                "tests/__init__.py", "",
                "tests/test_simple.py", "@weight(2)\ndef test_a(self):\n    pass\n",
                "tests/expected.txt", "42\n"));
        assertThat(c.files()).extracting(TestFileUpload::fileName, TestFileUpload::role)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("test_simple.py", FileRole.TEST),
                        org.assertj.core.groups.Tuple.tuple("expected.txt", FileRole.SUPPORT));
        assertThat(c.files().getFirst().points()).isEqualByComparingTo("2");
        assertThat(c.imports()).isEmpty();
        assertThat(c.unmet()).isEmpty();
    }

    @Test
    void aZipWithoutTestFilesOrWithItsFilesInAFolderOrWithAHiddenRunnerIsRefusedWithWhy() {
        assertThatThrownBy(() -> GradescopeZip.read(zip("setup.sh", "", "run_autograder", "#!/bin/sh\n./grade > /autograder/results/results.json\n")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("no Python test files")
                .hasMessageContaining("results.json");
        assertThatThrownBy(() -> GradescopeZip.read(zip("autograder/setup.sh", "", "autograder/run_autograder", "")))
                .hasMessageContaining("zip the files, not their folder");
        assertThatThrownBy(() -> GradescopeZip.read(zip("setup.sh", "", "run_autograder", "",
                "run_tests.py", "JSONTestRunner(visibility='hidden', stdout_visibility='hidden').run(suite)",
                "tests/test_a.py", "def test_a():\n    pass\n")))
                .hasMessageContaining("@visibility(\"hidden\")");
        assertThatThrownBy(() -> GradescopeZip.read(zip("setup.sh", "", "run_autograder", "", "../evil.py", "x")))
                .hasMessageContaining("not a plain name");
        assertThatThrownBy(() -> GradescopeZip.read("{}".getBytes(StandardCharsets.UTF_8))).hasMessageContaining(".zip");
    }
}
