package org.lectern.grading;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Reads a child's output stream on its own thread, keeping the first {@code cap} bytes.
 * It keeps reading (and dropping) past the cap: a child blocked on a full pipe would otherwise
 * sit there until the wall limit and look like an infinite loop.
 */
final class BoundedCapture {
    private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
    private final CountDownLatch done = new CountDownLatch(1);
    private final int cap;
    private volatile boolean truncated;

    private BoundedCapture(int cap) {
        this.cap = cap;
    }

    static BoundedCapture start(InputStream in, int cap, String name) {
        BoundedCapture capture = new BoundedCapture(cap);
        Thread.ofPlatform().daemon().name(name).start(() -> capture.pump(in));
        return capture;
    }

    private void pump(InputStream in) {
        byte[] buffer = new byte[64 * 1024];
        try (in) {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                synchronized (kept) {
                    int room = cap - kept.size();
                    if (room > 0) {
                        kept.write(buffer, 0, Math.min(room, n));
                    }
                    if (n > room) {
                        truncated = true;
                    }
                }
            }
        } catch (IOException ignored) {
            // The stream was closed under us after the run: what was read so far stands.
        } finally {
            done.countDown();
        }
    }

    /** Waits for end of stream; a stream kept open by a stray process is cut off after {@code seconds}. */
    boolean await(long seconds) throws InterruptedException {
        return done.await(seconds, TimeUnit.SECONDS);
    }

    boolean truncated() {
        return truncated;
    }

    String text() {
        synchronized (kept) {
            return kept.toString(StandardCharsets.UTF_8);
        }
    }
}
