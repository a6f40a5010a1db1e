package org.lectern.grading.plagiarism;

/**
 * How far a check is.
 *
 * @param phase the step it is in
 * @param fraction done of this phase, 0..1
 * @param overall done of the whole check, 0..1, never decreasing; phases are weighted by their share of a
 *     300-submission check in PlagiarismBench (parsing 45%, comparing 43%, report and mapping 11%, files 1%)
 */
public record Progress(Phase phase, double fraction, double overall) {

    public enum Phase {
        WRITING_FILES("writing files", 0.00, 0.02),
        PARSING("parsing", 0.02, 0.45),
        COMPARING("comparing", 0.45, 0.88),
        WRITING_REPORT("writing report", 0.88, 1.00),
        DONE("done", 1.00, 1.00);

        private final String text;
        private final double start;
        private final double end;

        Phase(String text, double start, double end) {
            this.text = text;
            this.start = start;
            this.end = end;
        }

        /** What a progress bar can show, e.g. "comparing". */
        public String text() {
            return text;
        }

        double overall(double fraction) {
            return Math.min(end, start + (end - start) * fraction); // rounding must not pass the next phase's start
        }
    }

    static Progress of(Phase phase, double fraction) {
        double clamped = Math.clamp(fraction, 0.0, 1.0);
        return new Progress(phase, clamped, phase.overall(clamped));
    }

    @Override
    public String toString() {
        return "%s %.0f%% (overall %.0f%%)".formatted(phase.text(), fraction * 100, overall * 100);
    }
}
