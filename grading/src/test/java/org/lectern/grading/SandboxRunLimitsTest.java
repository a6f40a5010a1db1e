package org.lectern.grading;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Whole-run limits (control group, capped job folder) and the seccomp filter, against the real sandbox. */
class SandboxRunLimitsTest {

    private static final String PYTHON = "/usr/bin/python3";
    private static final SandboxLimits LIMITS = SandboxLimits.DEFAULT.withWallSeconds(30).withCpuSeconds(20);

    private final Sandbox sandbox = new Sandbox();

    @TempDir
    Path job;

    @BeforeAll
    static void requireSandbox() {
        assumeTrue(Sandbox.available(), () -> "sandbox unavailable: " + Sandbox.unavailableReason());
    }

    private static void requireCgroups() {
        assumeTrue(RunCgroups.get().mode() != RunCgroups.Mode.NONE, RunCgroups.get()::description);
    }

    private SandboxResult python(SandboxLimits limits, String code) throws Exception {
        return sandbox.run(job, List.of(PYTHON, "-c", code), limits);
    }

    @Test
    @Timeout(value = 90, unit = SECONDS)
    void manyProcessesEachUnderTheLimitEndTheRunAtTheMemoryLimitAndTheWorkerLivesOn() throws Exception {
        requireCgroups();
        // 8 × 200 MiB: each process is under its 256 MiB cap, together they are far over the run's 304 MiB.
        SandboxLimits limits = LIMITS.withMemoryBytes(256L << 20).withJobBytes(16L << 20)
                .withMaxProcesses(32);
        limits = new SandboxLimits(limits.cpuSeconds(), limits.wallSeconds(), limits.memoryBytes(),
                limits.maxProcesses(), limits.maxOutputBytes(), limits.maxFileBytes(), 16L << 20, 16L << 20);
        SandboxResult bomb = python(limits, """
                import os, time
                for _ in range(8):
                    if os.fork() == 0:
                        block = b"x" * (200 * 1024 * 1024)
                        time.sleep(60)
                        os._exit(0)
                for _ in range(8):
                    os.wait()
                print("survived")
                """);

        assertThat(bomb.stdout()).doesNotContain("survived");
        assertThat(bomb.termination()).isEqualTo(Termination.MEMORY_LIMIT);
        assertThat(bomb.explanation()).isEqualTo("Your code used more than 304 MiB of memory for the whole run (all"
                + " its processes, /tmp, /dev/shm and its folder together; the memory limit) and was stopped.");
        assertThat(bomb.timedOut()).isFalse();

        SandboxResult next = python(LIMITS, "print('next')");
        assertThat(next.stdout()).isEqualTo("next\n");
    }

    @Test
    @Timeout(value = 90, unit = SECONDS)
    void aTestThatForksPastTheRunsMemoryIsReportedAsTheMemoryLimit() throws Exception {
        requireCgroups();
        SandboxLimits limits = new SandboxLimits(20, 30, 256L << 20, 32, 1 << 20, 64L << 20, 16L << 20, 16L << 20);
        TestFile tests = new TestFile("test_fork.py", """
                import os, time

                def test_many_workers():
                    for _ in range(8):
                        if os.fork() == 0:
                            block = b"x" * (200 * 1024 * 1024)
                            time.sleep(60)
                            os._exit(0)
                    for _ in range(8):
                        os.wait()
                """.getBytes(java.nio.charset.StandardCharsets.UTF_8), 1);

        GradingReport report = new PytestHarness(sandbox, limits).run(job, List.of(tests));

        assertThat(report.termination()).isEqualTo(Termination.MEMORY_LIMIT);
        assertThat(report.earned()).isZero();
        assertThat(report.problem()).isEqualTo("Tests stopped (in test_fork.py::test_many_workers): your code used more"
                + " than 304 MiB of memory for the whole run (all its processes, /tmp, /dev/shm and its folder together;"
                + " the memory limit) and was stopped.");
    }

    @Test
    @Timeout(value = 90, unit = SECONDS)
    void filesInTmpAndShmCountAgainstTheRunsMemory() throws Exception {
        requireCgroups();
        // /tmp and /dev/shm may hold 256 MiB each and are filled; processes at 48 MiB each stay under their own
        // 64 MiB cap. Run limit: 64 MiB + 2 × 256 MiB + 16 MiB = 592 MiB; the total here is about 800 MiB.
        SandboxLimits limits = new SandboxLimits(20, 30, 64L << 20, 32, 1 << 20, 300L << 20, 256L << 20, 16L << 20);
        SandboxResult result = python(limits, """
                import os, time
                chunk = b"x" * (1024 * 1024)
                for path in ["/tmp/fill", "/dev/shm/fill"]:
                    with open(path, "wb") as f:
                        for _ in range(250):
                            f.write(chunk)
                print("filled", flush=True)
                for _ in range(6):
                    if os.fork() == 0:
                        block = b"x" * (48 * 1024 * 1024)
                        time.sleep(60)
                        os._exit(0)
                for _ in range(6):
                    os.wait()
                print("survived")
                """);

        assertThat(result.stdout()).isEqualTo("filled\n");
        assertThat(result.termination()).isEqualTo(Termination.MEMORY_LIMIT);
    }

    @Test
    @Timeout(value = 60, unit = SECONDS)
    void aForkBombIsHeldByTheRunsProcessCount() throws Exception {
        requireCgroups();
        SandboxResult bomb = python(LIMITS.withMaxProcesses(32).withWallSeconds(4), """
                import os
                while True:
                    try:
                        os.fork()
                    except OSError:
                        pass
                """);
        assertThat(bomb.termination()).isEqualTo(Termination.WALL_TIMEOUT);
        assertThat(Sandbox.processesOf(bomb.uid())).isEmpty();
        assertThat(python(LIMITS, "print('next')").stdout()).isEqualTo("next\n");
    }

    @Test
    @Timeout(value = 30, unit = SECONDS)
    void kernelFacingCallsFailWithEperm() throws Exception {
        SandboxResult result = python(LIMITS, """
                import ctypes, os, platform
                numbers = {"x86_64": {"ptrace": 101, "keyctl": 250, "unshare": 272, "mount": 165, "bpf": 321,
                                      "userfaultfd": 323, "process_vm_readv": 310, "setns": 308},
                           "aarch64": {"ptrace": 117, "keyctl": 219, "unshare": 97, "mount": 40, "bpf": 280,
                                       "userfaultfd": 282, "process_vm_readv": 270, "setns": 268}}[platform.machine()]
                libc = ctypes.CDLL(None, use_errno=True)
                args = {"ptrace": (0, 0, 0, 0),                  # PTRACE_TRACEME: allowed without any capability
                        "keyctl": (0, -3, 0, 0),                 # KEYCTL_GET_KEYRING_ID of the session keyring
                        "unshare": (0x10000000, 0, 0, 0),        # CLONE_NEWUSER
                        "mount": (b"none", b"/tmp", b"tmpfs", 0),
                        "bpf": (0, 0, 0, 0),
                        "userfaultfd": (0, 0, 0, 0),
                        "process_vm_readv": (1, 0, 0, 0),
                        "setns": (0, 0, 0, 0)}
                for name, nr in sorted(numbers.items()):
                    ctypes.set_errno(0)
                    ret = libc.syscall(nr, *args[name])
                    print(name, ret, os.strerror(ctypes.get_errno()) if ret == -1 else "-")
                """);

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(result.stdout().lines().toList()).containsExactly(
                "bpf -1 Operation not permitted",
                "keyctl -1 Operation not permitted",
                "mount -1 Operation not permitted",
                "process_vm_readv -1 Operation not permitted",
                "ptrace -1 Operation not permitted",
                "setns -1 Operation not permitted",
                "unshare -1 Operation not permitted",
                "userfaultfd -1 Operation not permitted");
    }

    @Test
    @Timeout(value = 30, unit = SECONDS)
    void writingPastTheJobFolderCapFailsWithAClearMessage() throws Exception {
        assumeTrue(JobMount.available(), JobMount::description);
        SandboxResult result = python(LIMITS.withJobBytes(8L << 20), """
                with open("/job/small.txt", "w") as f:
                    f.write("kept")
                with open("/job/big.bin", "wb") as f:
                    for _ in range(32):
                        f.write(b"x" * (1024 * 1024))
                """);

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stderr()).contains("No space left on device");
        assertThat(result.explanation()).isEqualTo("Your code ran out of disk space (No space left on device): its"
                + " folder holds at most 8 MiB, /tmp and /dev/shm 256 MiB each.");
        assertThat(job.resolve("small.txt")).hasContent("kept"); // what the run wrote comes back to the host folder
    }

    @Test
    void theMachinesLimitsAreDescribed() {
        String description = Sandbox.limitsDescription();
        assertThat(description).startsWith("sandbox limits: ").contains("seccomp filter");
        assertThat(description).containsAnyOf("cgroup v2 at ", "cgroup v1 at ", "rlimits only, because ");
    }
}
