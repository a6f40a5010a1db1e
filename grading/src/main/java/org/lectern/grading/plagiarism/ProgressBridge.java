package org.lectern.grading.plagiarism;

import de.jplag.logging.ProgressBar;
import de.jplag.logging.ProgressBarLogger;
import de.jplag.logging.ProgressBarProvider;
import de.jplag.logging.ProgressBarType;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Routes JPlag's progress bars to the check that runs on the current thread. JPlag's progress hook is one static
 * provider for the whole JVM, but it creates each bar on the thread that called {@code JPlag.run}, so a thread-local
 * tells concurrent checks apart; bars are then stepped from JPlag's worker threads.
 */
final class ProgressBridge implements ProgressBarProvider {

    private static final ThreadLocal<Reporter> CURRENT = new ThreadLocal<>();
    private static final ProgressBar SILENT = new ProgressBar() {
        @Override
        public void step(int number) {
            // JPlag's fallback bar logs every step at INFO: tens of thousands of lines in a large check
        }

        @Override
        public void dispose() {
        }
    };

    static {
        ProgressBarLogger.setProgressBarProvider(new ProgressBridge());
    }

    private ProgressBridge() {
    }

    /** Sends this thread's JPlag progress to the reporter until {@link #unbind()}. */
    static void bind(Reporter reporter) {
        CURRENT.set(reporter);
    }

    static void unbind() {
        CURRENT.remove();
    }

    @Override
    public ProgressBar initProgressBar(ProgressBarType type, int totalSteps) {
        Reporter reporter = CURRENT.get();
        // Parsing is reported by PerFileLanguage.parseAhead, after which JPlag's own parsing bar only collects tokens;
        // loading, clustering and merging are short or have no steps.
        Progress.Phase phase = type == ProgressBarType.COMPARING ? Progress.Phase.COMPARING : null;
        if (reporter == null || phase == null || totalSteps <= 0) {
            return SILENT;
        }
        AtomicInteger done = new AtomicInteger();
        return new ProgressBar() {
            @Override
            public void step(int number) {
                reporter.report(phase, done.addAndGet(number) / (double) totalSteps);
            }

            @Override
            public void dispose() {
                reporter.report(phase, 1.0);
            }
        };
    }

    /**
     * Passes progress on at most once per percent of the whole check and never backwards, one call at a time, so that a
     * slow consumer does not see 45,000 calls from several threads.
     */
    static final class Reporter {
        private final Consumer<Progress> consumer;
        private int lastPercent = -1;
        private Progress.Phase lastPhase;

        Reporter(Consumer<Progress> consumer) {
            this.consumer = consumer == null ? progress -> { } : consumer;
        }

        synchronized void report(Progress.Phase phase, double fraction) {
            Progress progress = Progress.of(phase, fraction);
            int percent = (int) Math.floor(progress.overall() * 100);
            boolean newPhase = phase != lastPhase;
            if (!newPhase && percent <= lastPercent || lastPhase != null && phase.ordinal() < lastPhase.ordinal()) {
                return;
            }
            lastPercent = percent;
            lastPhase = phase;
            consumer.accept(progress);
        }
    }
}
