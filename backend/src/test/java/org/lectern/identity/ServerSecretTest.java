package org.lectern.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server secret: LECTERN_SECRET when set, else generated once into the data folder, owner-only. */
class ServerSecretTest {

    @Test
    void isGeneratedOnceOwnerOnlyAndKeptAcrossRestarts(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("data").resolve(ServerSecret.FILE_NAME);
        String first = ServerSecret.load(null, file);
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(first).hasSizeGreaterThanOrEqualTo(40);
        assertThat(ServerSecret.load("  ", file)).isEqualTo(first);
        assertThat(ServerSecret.load(null, dir.resolve("other").resolve(ServerSecret.FILE_NAME))).isNotEqualTo(first);
    }

    @Test
    void theEnvironmentWinsAndMustBeLongEnough(@TempDir Path dir) {
        Path file = dir.resolve(ServerSecret.FILE_NAME);
        assertThat(ServerSecret.load("a-configured-secret-value", file)).isEqualTo("a-configured-secret-value");
        assertThat(file).doesNotExist();
        assertThatThrownBy(() -> ServerSecret.load("short", file)).hasMessageContaining("LECTERN_SECRET must hold at least 16");
    }

    @Test
    void macsDifferBySecretAndByMessage() {
        ServerSecret a = ServerSecret.of("secret-number-one-xx");
        ServerSecret b = ServerSecret.of("secret-number-two-xx");
        assertThat(a.mac64("m")).isEqualTo(ServerSecret.of("secret-number-one-xx").mac64("m")).isNotEqualTo(b.mac64("m"))
                .isNotEqualTo(a.mac64("n"));
    }
}
