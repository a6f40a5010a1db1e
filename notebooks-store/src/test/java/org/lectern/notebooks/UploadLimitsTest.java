package org.lectern.notebooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UploadLimitsTest {

    @Test
    void normalisesExtensionsAndMatchesNamesIgnoringCase() {
        UploadLimits limits = new UploadLimits(Set.of(" .PY ", ".ipynb"), 1024, 1);

        assertThat(limits.allowedExtensions()).containsExactlyInAnyOrder(".py", ".ipynb");
        assertThat(limits.allows("Main.Py")).isTrue();
        assertThat(limits.allows("main.pyc")).isFalse();
        assertThat(limits.describeAllowed()).isEqualTo("Accepted file types: .ipynb, .py");
    }

    @ParameterizedTest
    @CsvSource({"py, 1024, 1", "., 1024, 1", ".py, 0, 1", ".py, 1024, 0"})
    void rejectsNonsense(String extension, long maxTotalBytes, int maxFiles) {
        assertThatThrownBy(() -> new UploadLimits(Set.of(extension), maxTotalBytes, maxFiles))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @CsvSource({"0, 0 bytes", "1023, 1023 bytes", "1024, 1 KB", "1536, 1.5 KB", "5242880, 5 MB", "10485760, 10 MB", "1153434, 1.1 MB"})
    void formatsSizesForMessages(long bytes, String text) {
        assertThat(Sizes.format(bytes)).isEqualTo(text);
    }
}
