package org.lectern.grading;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;

/** The BPF program, run by a tiny interpreter of the three instructions it uses. */
class SeccompFilterTest {

    private static int run(int arch, int nr) {
        ByteBuffer program = ByteBuffer.wrap(SeccompFilter.program()).order(ByteOrder.nativeOrder());
        int pc = 0;
        int a = 0;
        for (int steps = 0; steps < 1000; steps++) {
            int code = program.getShort(pc * 8) & 0xffff;
            int jt = program.get(pc * 8 + 2) & 0xff;
            int jf = program.get(pc * 8 + 3) & 0xff;
            int k = program.getInt(pc * 8 + 4);
            switch (code) {
                case 0x20 -> { a = k == 4 ? arch : nr; pc++; }
                case 0x15 -> pc += 1 + (a == k ? jt : jf);
                case 0x35 -> pc += 1 + (Integer.compareUnsigned(a, k) >= 0 ? jt : jf);
                case 0x06 -> { return k; }
                default -> throw new AssertionError("unknown opcode " + code);
            }
        }
        throw new AssertionError("no return");
    }

    @Test
    void deniesTheListedCallsOnBothArchitecturesAndAllowsTheRest() {
        int eperm = SeccompFilter.RET_ERRNO | SeccompFilter.EPERM;
        for (String name : SeccompFilter.DENIED) {
            assertThat(run(SeccompFilter.AUDIT_ARCH_X86_64, SeccompFilter.X86_64.get(name))).as(name).isEqualTo(eperm);
            assertThat(run(SeccompFilter.AUDIT_ARCH_AARCH64, SeccompFilter.AARCH64.get(name))).as(name).isEqualTo(eperm);
        }
        // read, write, openat, clone, execve on x86_64; read, write, openat, clone, execve on aarch64
        for (int nr : new int[] {0, 1, 257, 56, 59}) {
            assertThat(run(SeccompFilter.AUDIT_ARCH_X86_64, nr)).isEqualTo(SeccompFilter.RET_ALLOW);
        }
        for (int nr : new int[] {63, 64, 56, 220, 221}) {
            assertThat(run(SeccompFilter.AUDIT_ARCH_AARCH64, nr)).isEqualTo(SeccompFilter.RET_ALLOW);
        }
        assertThat(run(SeccompFilter.AUDIT_ARCH_X86_64, 0x40000000 | 101)).isEqualTo(eperm); // x32 numbering
        assertThat(run(0x40000003, 26)).isEqualTo(SeccompFilter.RET_KILL_PROCESS); // i386 ptrace
    }
}
