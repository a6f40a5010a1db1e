package org.lectern.grading;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.Map;

/**
 * The seccomp filter bubblewrap installs on top of its namespaces ({@code bwrap --seccomp FD}): a classic BPF
 * program, written here byte by byte so that no C toolchain or libseccomp is needed to build or run it.
 *
 * <p>It checks the architecture first (a 32-bit or x32 call would otherwise reach the kernel under different
 * numbers) and kills the process for any architecture but x86_64 and aarch64. On those, the calls that
 * reach into other processes or the kernel itself fail with EPERM: debugging and memory access of other
 * processes (ptrace, process_vm_readv/writev), eBPF, perf events, the kernel keyring, userfaultfd (a classic
 * exploit helper), mounts and namespaces (mount, the new mount API, umount2, pivot_root, unshare, setns), and
 * kernel modules and kexec. Without capabilities most of these fail anyway; the filter also shuts the ones
 * that do not need any (ptrace, keyctl, userfaultfd, process_vm_*), and keeps shutting them should a kernel bug
 * hand out a capability.
 */
public final class SeccompFilter {

    /** The syscalls denied, by name; numbers per architecture below. */
    static final List<String> DENIED = List.of(
            "ptrace", "process_vm_readv", "process_vm_writev", "bpf", "perf_event_open", "userfaultfd",
            "keyctl", "add_key", "request_key", "mount", "umount2", "pivot_root", "unshare", "setns",
            "open_tree", "move_mount", "fsopen", "fsconfig", "fsmount", "fspick", "mount_setattr",
            "init_module", "finit_module", "delete_module", "kexec_load", "kexec_file_load");

    static final int AUDIT_ARCH_X86_64 = 0xC000003E;
    static final int AUDIT_ARCH_AARCH64 = 0xC00000B7;
    /** x32 calls on x86_64 carry this bit in their number. */
    private static final int X32_SYSCALL_BIT = 0x40000000;

    static final Map<String, Integer> X86_64 = Map.ofEntries(
            Map.entry("ptrace", 101), Map.entry("process_vm_readv", 310), Map.entry("process_vm_writev", 311),
            Map.entry("bpf", 321), Map.entry("perf_event_open", 298), Map.entry("userfaultfd", 323),
            Map.entry("keyctl", 250), Map.entry("add_key", 248), Map.entry("request_key", 249),
            Map.entry("mount", 165), Map.entry("umount2", 166), Map.entry("pivot_root", 155),
            Map.entry("unshare", 272), Map.entry("setns", 308), Map.entry("open_tree", 428),
            Map.entry("move_mount", 429), Map.entry("fsopen", 430), Map.entry("fsconfig", 431),
            Map.entry("fsmount", 432), Map.entry("fspick", 433), Map.entry("mount_setattr", 442),
            Map.entry("init_module", 175), Map.entry("finit_module", 313), Map.entry("delete_module", 176),
            Map.entry("kexec_load", 246), Map.entry("kexec_file_load", 320));

    /** aarch64 uses the kernel's generic syscall table. */
    static final Map<String, Integer> AARCH64 = Map.ofEntries(
            Map.entry("ptrace", 117), Map.entry("process_vm_readv", 270), Map.entry("process_vm_writev", 271),
            Map.entry("bpf", 280), Map.entry("perf_event_open", 241), Map.entry("userfaultfd", 282),
            Map.entry("keyctl", 219), Map.entry("add_key", 217), Map.entry("request_key", 218),
            Map.entry("mount", 40), Map.entry("umount2", 39), Map.entry("pivot_root", 41),
            Map.entry("unshare", 97), Map.entry("setns", 268), Map.entry("open_tree", 428),
            Map.entry("move_mount", 429), Map.entry("fsopen", 430), Map.entry("fsconfig", 431),
            Map.entry("fsmount", 432), Map.entry("fspick", 433), Map.entry("mount_setattr", 442),
            Map.entry("init_module", 105), Map.entry("finit_module", 273), Map.entry("delete_module", 106),
            Map.entry("kexec_load", 104), Map.entry("kexec_file_load", 294));

    // Classic BPF opcodes (linux/filter.h) and seccomp return values (linux/seccomp.h).
    private static final int LD_W_ABS = 0x00 | 0x00 | 0x20; // BPF_LD | BPF_W | BPF_ABS
    private static final int JEQ_K = 0x05 | 0x10;           // BPF_JMP | BPF_JEQ | BPF_K
    private static final int JGE_K = 0x05 | 0x30;           // BPF_JMP | BPF_JGE | BPF_K
    private static final int RET_K = 0x06;                  // BPF_RET | BPF_K
    static final int RET_KILL_PROCESS = 0x80000000;
    static final int RET_ERRNO = 0x00050000;
    static final int RET_ALLOW = 0x7fff0000;
    static final int EPERM = 1;
    /** struct seccomp_data: int nr; __u32 arch; … */
    private static final int OFFSET_NR = 0;
    private static final int OFFSET_ARCH = 4;

    private SeccompFilter() {
    }

    /** The program as {@code struct sock_filter[]} in the machine's byte order, what bwrap reads from the fd. */
    public static byte[] program() {
        ByteBuffer out = ByteBuffer.allocate(8 * instructionCount()).order(ByteOrder.nativeOrder());
        int x86Block = 2 + blockLength(true);
        // 0: A = arch; 1: x86_64? fall into its block, else jump to the aarch64 check after it.
        put(out, LD_W_ABS, 0, 0, OFFSET_ARCH);
        put(out, JEQ_K, 0, x86Block - 2, AUDIT_ARCH_X86_64);
        block(out, X86_64, true);
        put(out, JEQ_K, 0, blockLength(false), AUDIT_ARCH_AARCH64);
        block(out, AARCH64, false);
        put(out, RET_K, 0, 0, RET_KILL_PROCESS); // i386, x32 by arch, anything else
        if (out.hasRemaining()) {
            throw new IllegalStateException("seccomp program length mismatch");
        }
        return out.array();
    }

    static int instructionCount() {
        return 2 + blockLength(true) + 1 + blockLength(false) + 1;
    }

    /** load nr, [x32 check], one jeq per denied call, allow, deny. */
    private static int blockLength(boolean x86) {
        return 1 + (x86 ? 1 : 0) + DENIED.size() + 2;
    }

    private static void block(ByteBuffer out, Map<String, Integer> numbers, boolean x86) {
        int n = DENIED.size();
        put(out, LD_W_ABS, 0, 0, OFFSET_NR);
        if (x86) {
            put(out, JGE_K, n + 1, 0, X32_SYSCALL_BIT); // jump to the deny below
        }
        for (int i = 0; i < n; i++) {
            Integer nr = numbers.get(DENIED.get(i));
            // jt: past the remaining jeqs and the allow, onto the deny
            put(out, JEQ_K, n - i, 0, nr);
        }
        put(out, RET_K, 0, 0, RET_ALLOW);
        put(out, RET_K, 0, 0, RET_ERRNO | EPERM);
    }

    private static void put(ByteBuffer out, int code, int jt, int jf, int k) {
        if (jt > 255 || jf > 255) {
            throw new IllegalStateException("jump too far for classic BPF");
        }
        out.putShort((short) code).put((byte) jt).put((byte) jf).putInt(k);
    }
}
