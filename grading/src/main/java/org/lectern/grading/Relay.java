package org.lectern.grading;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The only line between the test process and the student's process: frames from one go to the other through
 * the JVM, over each sandbox's stdin and stdout. Neither side shares a file, a socket or a uid with the other.
 *
 * <p>A frame is a 4-byte big-endian length, a tag byte and a payload. Tag 0 travels between the two Python
 * processes; the relay adds tag 1 frames of its own to tell the test process that the student's process ended
 * or ran past the per-call limit (the student's process cannot forge those: its tag bytes are overwritten).
 * One request is outstanding at a time; a student process that sends what nobody asked for is ended (only code that
 * writes to the server's channel itself does that).
 *
 * <p>The student's process is started with the test process (their startups overlap) and again, up to
 * {@code maxStudentProcesses} times in all, when a request finds it ended.
 */
final class Relay implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Relay.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Largest payload either side may send; larger frames end the student's process (or the run). */
    static final int MAX_FRAME = 64 << 20;
    /** Bytes relayed per run, both directions together. */
    static final long MAX_TOTAL_BYTES = 4L << 30;
    private static final byte TAG_PEER = 0;
    private static final byte TAG_JVM = 1;
    /** How long an ended student process gets to exit by itself before it is killed (to read its exit status). */
    private static final long EXIT_WAIT_MILLIS = 2000;

    private final Sandbox sandbox;
    private final Path studentJob;
    private final List<String> studentCommand;
    private final SandboxLimits studentLimits;
    private final int callSeconds;
    private final int maxStudentProcesses;
    private final Sandbox.Started tests;
    private final Object toTests = new Object();
    private final ScheduledExecutorService timer;
    private final Thread testsReader;
    private final List<Student> students = new ArrayList<>();

    // Guarded by this.
    private Student current;
    private boolean outstanding;
    private long sequence;
    private ScheduledFuture<?> deadline;
    private long relayed;

    private static final class Student {
        final Sandbox.Started process;
        final int number;
        boolean dead;
        boolean reported;
        String reason;
        SandboxResult result;

        Student(Sandbox.Started process, int number) {
            this.process = process;
            this.number = number;
        }
    }

    private Relay(Sandbox sandbox, Path studentJob, List<String> studentCommand, SandboxLimits studentLimits,
                  int callSeconds, int maxStudentProcesses, Sandbox.Started tests) {
        this.sandbox = sandbox;
        this.studentJob = studentJob;
        this.studentCommand = studentCommand;
        this.studentLimits = studentLimits;
        this.callSeconds = callSeconds;
        this.maxStudentProcesses = maxStudentProcesses;
        this.tests = tests;
        this.timer = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("relay-timer").factory());
        this.testsReader = Thread.ofPlatform().daemon().name("relay-tests").unstarted(this::pumpTests);
    }

    /**
     * Starts the test process (job folder read-only to it) and the first student process, and relays between them.
     *
     * @param callSeconds per request to the student's process; not enforced when at least the wall limit
     */
    static Relay start(Sandbox sandbox, Path testsJob, List<String> testsCommand, SandboxLimits limits, Path results,
                       Path studentJob, List<String> studentCommand, SandboxLimits studentLimits, int callSeconds,
                       int maxStudentProcesses) throws IOException, InterruptedException {
        Sandbox.Started tests = sandbox.start(testsJob, testsCommand, limits, results, true);
        Relay relay = new Relay(sandbox, studentJob, studentCommand, studentLimits,
                callSeconds < limits.wallSeconds() ? callSeconds : 0, maxStudentProcesses, tests);
        try {
            synchronized (relay) {
                relay.current = relay.startStudent();
            }
        } catch (IOException | InterruptedException | RuntimeException e) {
            tests.kill();
            relay.timer.shutdownNow();
            throw e;
        }
        relay.testsReader.start();
        return relay;
    }

    /** Waits for the test process to end; the student's process goes with it. */
    SandboxResult awaitTests() throws IOException, InterruptedException {
        try {
            return tests.await();
        } finally {
            close();
        }
    }

    /** What the student's processes printed, each one's output in turn (after {@link #awaitTests()}). */
    synchronized String studentOutput() {
        StringBuilder out = new StringBuilder();
        for (Student s : students) {
            if (s.result == null) {
                continue;
            }
            if (students.size() > 1) {
                out.append("[process ").append(s.number).append("]\n");
            }
            out.append(s.result.stderr());
            if (s.result.stderrTruncated()) {
                out.append("\n[output cut at ").append(SandboxLimits.describeBytes(studentLimits.maxOutputBytes()))
                        .append("]\n");
            }
        }
        return out.toString();
    }

    @Override
    public void close() throws IOException, InterruptedException {
        tests.kill();
        List<Student> all;
        synchronized (this) {
            all = List.copyOf(students);
            current = null;
        }
        for (Student s : all) {
            s.process.kill();
        }
        for (Student s : all) {
            SandboxResult result = awaitQuietly(s);
            synchronized (this) {
                s.result = result;
            }
        }
        timer.shutdownNow();
        testsReader.join(TimeUnit.SECONDS.toMillis(5));
    }

    private static SandboxResult awaitQuietly(Student s) throws InterruptedException {
        try {
            return s.process.await();
        } catch (IOException e) {
            log.debug("student process {} did not report: {}", s.number, e.toString());
            return null;
        }
    }

    /** Guarded by this. */
    private Student startStudent() throws IOException, InterruptedException {
        Student s = new Student(sandbox.start(studentJob, studentCommand, studentLimits, null, false), students.size() + 1);
        students.add(s);
        Thread.ofPlatform().daemon().name("relay-student-" + s.number).start(() -> pumpStudent(s));
        return s;
    }

    private void pumpTests() {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(tests.stdout(), 1 << 16))) {
            while (true) {
                byte[] frame = readFrame(in);
                if (frame == null) {
                    return;
                }
                if (frame[0] == TAG_PEER) {
                    forward(frame);
                }
            }
        } catch (IOException e) {
            log.debug("test process line closed: {}", e.toString());
        }
    }

    private void forward(byte[] frame) {
        Student target = null;
        ObjectNode refusal = null;
        synchronized (this) {
            relayed += frame.length;
            if (current != null && current.dead && !current.reported) {
                current.reported = true;
                refusal = ended(current.reason);
                current = null;
            } else if (relayed > MAX_TOTAL_BYTES) {
                refusal = ended("the tests and your code exchanged more than "
                        + SandboxLimits.describeBytes(MAX_TOTAL_BYTES) + ", the most one run may");
            } else {
                if (current == null || current.dead) {
                    if (students.size() >= maxStudentProcesses) {
                        refusal = ended("it had ended " + students.size() + " times, and a run starts it at most "
                                + maxStudentProcesses + " times");
                    } else {
                        try {
                            current = startStudent();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            refusal = ended("the grader was stopped");
                        } catch (IOException | RuntimeException e) {
                            log.warn("could not start a student process: {}", e.toString());
                            refusal = ended("the grader could not start it again (" + e.getMessage() + ")");
                        }
                    }
                }
                if (refusal == null) {
                    target = current;
                    outstanding = true;
                    long call = ++sequence;
                    if (callSeconds > 0) {
                        Student timed = target;
                        deadline = timer.schedule(() -> timeout(timed, call), callSeconds, TimeUnit.SECONDS);
                    }
                }
            }
        }
        if (refusal != null) {
            send(TAG_JVM, refusal.toString().getBytes(StandardCharsets.UTF_8), 0);
            return;
        }
        try {
            OutputStream out = target.process.stdin();
            out.write(ByteBuffer.allocate(4).putInt(frame.length).array());
            out.write(frame);
            out.flush();
        } catch (IOException e) {
            // The student's process is gone; its reader reports that to the test process.
            log.debug("student process {} does not read: {}", target.number, e.toString());
        }
    }

    private void pumpStudent(Student s) {
        String cause = null;
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(s.process.stdout(), 1 << 16))) {
            while (true) {
                byte[] frame = readFrame(in);
                if (frame == null) {
                    break;
                }
                boolean deliver;
                boolean over;
                synchronized (this) {
                    relayed += frame.length;
                    over = relayed > MAX_TOTAL_BYTES;
                    deliver = current == s && outstanding && !s.dead && !over;
                    if (deliver) {
                        outstanding = false;
                        cancelDeadline();
                    }
                }
                if (over) {
                    cause = "the tests and your code exchanged more than " + SandboxLimits.describeBytes(MAX_TOTAL_BYTES)
                            + ", the most one run may.";
                    break;
                }
                if (!deliver) {
                    // Only code that writes to the server's channel itself sends what nobody asked for.
                    cause = "it wrote to the grader's channel when nothing had been asked of it.";
                    break;
                }
                send(TAG_PEER, frame, 1);
            }
        } catch (FrameTooLarge e) {
            cause = "it sent an answer over " + SandboxLimits.describeBytes(MAX_FRAME) + ", the most one answer may be.";
        } catch (IOException e) {
            log.debug("student process {} line closed: {}", s.number, e.toString());
        }
        try {
            if (!s.process.exited(EXIT_WAIT_MILLIS) || cause != null) {
                s.process.kill();
            }
            SandboxResult result = s.process.await();
            studentEnded(s, cause != null ? cause : reason(result));
            synchronized (this) {
                s.result = result;
            }
        } catch (IOException e) {
            studentEnded(s, "it could not be started (" + e.getMessage() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void studentEnded(Student s, String reason) {
        boolean tell;
        synchronized (this) {
            if (s.dead) {
                return; // already reported (a per-call timeout)
            }
            s.dead = true;
            s.reason = reason;
            tell = current == s && outstanding;
            if (tell) {
                outstanding = false;
                cancelDeadline();
                s.reported = true;
                current = null;
            }
        }
        if (tell) {
            send(TAG_JVM, ended(reason).toString().getBytes(StandardCharsets.UTF_8), 0);
        }
    }

    private void timeout(Student s, long call) {
        synchronized (this) {
            if (current != s || !outstanding || sequence != call) {
                return;
            }
            outstanding = false;
            s.dead = true;
            s.reported = true;
            s.reason = "it ran past the per-call limit";
            current = null;
        }
        s.process.kill();
        ObjectNode event = JSON.createObjectNode().put("event", "timeout").put("seconds", callSeconds);
        send(TAG_JVM, event.toString().getBytes(StandardCharsets.UTF_8), 0);
    }

    /** Guarded by this. */
    private void cancelDeadline() {
        if (deadline != null) {
            deadline.cancel(false);
            deadline = null;
        }
    }

    private static ObjectNode ended(String reason) {
        return JSON.createObjectNode().put("event", "ended").put("reason", reason);
    }

    static String reason(SandboxResult result) {
        if (result.termination() == Termination.NORMAL && result.exitCode() == 0) {
            return "it exited (status 0) before answering.";
        }
        return result.explanation();
    }

    /** Sends to the test process: a tag byte, then {@code body} from {@code offset} (a relayed frame's own tag is skipped). */
    private void send(byte tag, byte[] body, int offset) {
        synchronized (toTests) {
            try {
                OutputStream out = tests.stdin();
                out.write(ByteBuffer.allocate(5).putInt(body.length - offset + 1).put(tag).array());
                out.write(body, offset, body.length - offset);
                out.flush();
            } catch (IOException e) {
                log.debug("test process does not read: {}", e.toString());
            }
        }
    }

    private static final class FrameTooLarge extends IOException {
        FrameTooLarge(long length) {
            super("frame of " + length + " bytes");
        }
    }

    /** A frame (tag byte first), or null at end of stream. */
    private static byte[] readFrame(DataInputStream in) throws IOException {
        int length;
        try {
            length = in.readInt();
        } catch (EOFException e) {
            return null;
        }
        if (length < 1 || length > MAX_FRAME + 1) {
            throw new FrameTooLarge(Integer.toUnsignedLong(length));
        }
        byte[] frame = new byte[length];
        in.readFully(frame);
        return frame;
    }
}
