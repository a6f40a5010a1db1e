package org.lectern.grading.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SandboxedRuntimeTest {

    @TempDir
    Path tmp;

    /** A Maven repository under /root is closed to the sandbox's uid: its jars are linked or copied where it can read. */
    @Test
    void classPathEntriesTheSandboxUidCannotReachAreMadeReachableAndRemadeWhenCleanedAway() throws Exception {
        Path closed = Files.createDirectories(tmp.resolve("closed"));
        Path jar = Files.write(closed.resolve("lib.jar"), new byte[] {1, 2, 3});
        Path classes = Files.createDirectories(closed.resolve("classes/org/example"));
        Files.writeString(classes.resolve("A.class"), "bytes");
        Files.setPosixFilePermissions(jar, PosixFilePermissions.fromString("rw-r--r--"));
        Files.setPosixFilePermissions(closed, PosixFilePermissions.fromString("rwx------"));
        WorkerLauncher launcher = new WorkerLauncher(Path.of(System.getProperty("java.home"), "bin", "java"),
                jar + File.pathSeparator + closed.resolve("classes") + File.pathSeparator + tmp.resolve("missing.jar"),
                List.of("-Dx=y"), "org.example.Main");

        SandboxedRuntime.Prepared prepared = SandboxedRuntime.prepare(launcher);

        List<String> entries = List.of(prepared.classpath().split(File.pathSeparator));
        assertThat(entries).hasSize(2).noneMatch(entry -> entry.startsWith(closed.toString()));
        assertThat(SandboxedRuntime.readableByOthers(Path.of(entries.get(0)))).isTrue();
        assertThat(Files.readAllBytes(Path.of(entries.get(0)))).containsExactly(1, 2, 3);
        assertThat(Path.of(entries.get(1), "org/example/A.class")).hasContent("bytes");
        assertThat(SandboxedRuntime.readableByOthers(Path.of(entries.get(1), "org/example/A.class"))).isTrue();
        assertThat(prepared.binds()).allMatch(bind -> {
            try {
                return SandboxedRuntime.readableByOthers(bind);
            } catch (java.io.IOException e) {
                return false;
            }
        });
        assertThat(prepared.launcher(launcher).mainClass()).isEqualTo("org.example.Main");
        assertThat(prepared.launcher(launcher).jvmOptions()).containsExactly("-Dx=y");
        assertThat(SandboxedRuntime.prepare(launcher)).isSameAs(prepared);

        Files.delete(Path.of(entries.get(0)));
        SandboxedRuntime.Prepared again = SandboxedRuntime.prepare(launcher);
        assertThat(again).isNotSameAs(prepared);
        assertThat(Path.of(again.classpath().split(File.pathSeparator)[0])).exists();
    }
}
