package org.lectern.grading;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns the runner's events and the sandbox result into points and one sentence about what went wrong. */
final class Scoring {

    private static final Set<String> PASSING = Set.of("passed", "xpassed");
    /** pytest's traceback lines for the exception: "E   SyntaxError: invalid syntax". */
    private static final Pattern EXCEPTION =
            Pattern.compile("^E\\s+([A-Za-z_][\\w.]*(?:Error|Exception|Exit|Interrupt))(?::\\s*(.*))?$");
    /** The location a SyntaxError carries: 'E     File "/job/submission.py", line 3'. */
    private static final Pattern SYNTAX_LOCATION = Pattern.compile("^E\\s+File \"/job/([^\"]+)\", line (\\d+)");
    /** A traceback frame in pytest's short style: "submission.py:3: in <module>". */
    private static final Pattern FRAME = Pattern.compile("^([^\\s:<][^:]*\\.py):(\\d+): in ");

    private Scoring() {
    }

    static GradingReport score(List<TestFile> files, List<PytestResults.Event> events, SandboxResult result,
                               String log) {
        Map<String, Double> collected = new LinkedHashMap<>(); // node id -> points marker (null: none)
        Map<String, PytestResults.Event> collectedEvents = new HashMap<>();
        Map<String, String> collectErrors = new LinkedHashMap<>();
        Map<String, PytestResults.Event> finished = new HashMap<>();
        String running = null;
        Integer exitStatus = null;
        for (PytestResults.Event event : events) {
            switch (event.type()) {
                case "collected" -> {
                    collected.put(event.nodeid(), event.points());
                    collectedEvents.put(event.nodeid(), event);
                }
                case "collect_error" -> collectErrors.put(event.nodeid(), event.message());
                case "start" -> running = event.nodeid();
                case "test" -> {
                    finished.put(event.nodeid(), event);
                    if (event.nodeid().equals(running)) {
                        running = null;
                    }
                }
                case "done" -> exitStatus = event.exitStatus();
                default -> { /* unknown: ignore */ }
            }
        }

        List<TestOutcome> outcomes = new ArrayList<>();
        double possible = 0;
        for (TestFile file : files) {
            if (file.isConftest()) {
                continue;
            }
            possible += file.points();
            List<String> ids = collected.keySet().stream().filter(id -> fileOf(id).equals(file.name())).toList();
            String fileError = collectErrors.get(file.name());
            if (fileError != null || ids.isEmpty()) {
                String message = fileError != null ? fileError
                        : events.isEmpty() || exitStatus == null ? "Not run: " + result.explanation()
                        : "No tests were collected from this file.";
                outcomes.add(new TestOutcome(file.name(), file.name(), false, fileError != null ? "error" : "not run",
                        0, file.points(), message, Duration.ZERO,
                        fileError != null ? importProblem(fileError, files) : message));
            } else {
                double weights = ids.stream().mapToDouble(id -> weight(collected.get(id))).sum();
                for (String id : ids) {
                    double share = weights > 0 ? file.points() * weight(collected.get(id)) / weights : 0;
                    PytestResults.Event about = collectedEvents.get(id);
                    TestOutcome o = outcome(file, id, share, finished.get(id), id.equals(running), result);
                    outcomes.add(new TestOutcome(o.file(), o.name(), o.passed(), o.outcome(), o.pointsEarned(),
                            o.pointsPossible(), o.message(), o.duration(), o.brief(), about.visibility(), about.number()));
                }
            }
            // A class or other node inside the file that failed to collect: its tests are missing, not zero-weighted.
            collectErrors.forEach((id, message) -> {
                if (!id.equals(file.name()) && fileOf(id).equals(file.name())) {
                    outcomes.add(new TestOutcome(file.name(), id, false, "error", 0, 0, message, Duration.ZERO,
                            "Some tests of this file could not be collected."));
                }
            });
        }
        double earned = outcomes.stream().mapToDouble(TestOutcome::pointsEarned).sum();
        String problem = problem(files, collectErrors, running, exitStatus, result);
        return new GradingReport(outcomes, earned, possible, log, result.termination(), problem);
    }

    private static double weight(Double marker) {
        return marker == null ? 1.0 : marker;
    }

    private static TestOutcome outcome(TestFile file, String id, double share, PytestResults.Event event,
                                       boolean wasRunning, SandboxResult result) {
        if (event != null) {
            boolean passed = PASSING.contains(event.outcome());
            // A partial-credit test earns the share it set (gradescope_utils counts it whether or not it then failed).
            double earned = event.score() != null ? share * event.score() : passed ? share : 0;
            return new TestOutcome(file.name(), id, passed, event.outcome(), earned, share,
                    event.message(), Duration.ofNanos((long) (event.duration() * 1e9)),
                    event.brief().isEmpty() && !event.message().isEmpty() && !passed ? event.outcome() : event.brief());
        }
        if (wasRunning) {
            return new TestOutcome(file.name(), id, false, "stopped", 0, share,
                    "Stopped while this test ran: " + result.explanation(), result.wall());
        }
        return new TestOutcome(file.name(), id, false, "not run", 0, share,
                "Not run: the test run ended before this test. " + result.explanation(), Duration.ZERO);
    }

    static String fileOf(String nodeid) {
        int separator = nodeid.indexOf("::");
        return separator < 0 ? nodeid : nodeid.substring(0, separator);
    }

    private static String problem(List<TestFile> files, Map<String, String> collectErrors, String running,
                                  Integer exitStatus, SandboxResult result) {
        String during = running == null ? "" : " (in " + running + ")";
        SandboxLimits limits = result.limits();
        switch (result.termination()) {
            case WALL_TIMEOUT -> {
                return "Tests stopped: your code ran longer than the " + limits.wallSeconds()
                        + " s wall-time limit" + during + ".";
            }
            case CPU_LIMIT -> {
                return "Tests stopped: your code used more than " + limits.cpuSeconds()
                        + " s of CPU time" + during + ".";
            }
            case MEMORY_LIMIT -> {
                return "Tests stopped" + during + ": " + decapitalize(result.explanation());
            }
            default -> { /* below */ }
        }
        for (Map.Entry<String, String> error : collectErrors.entrySet()) {
            if (!error.getKey().contains("::")) {
                return importProblem(error.getValue(), files);
            }
        }
        String duringTest = running == null ? "" : " during " + running;
        if (result.termination() == Termination.KILLED) {
            return "Tests stopped" + duringTest + ": " + decapitalize(result.explanation());
        }
        if (exitStatus == null) { // the runner never finished: os._exit(), or a kill the exit status hides
            return "The test run ended early" + duringTest + ": " + decapitalize(result.explanation())
                    + " Tests after that point did not run.";
        }
        return switch (exitStatus) {
            case 0, 1 -> null; // all passed / some failed: the outcomes say it all
            case 5 -> "No tests were found in the test files.";
            default -> "The grader could not run the tests (pytest exit status " + exitStatus + "); see the log.";
        };
    }

    private static String decapitalize(String sentence) {
        return sentence.isEmpty() ? sentence : Character.toLowerCase(sentence.charAt(0)) + sentence.substring(1);
    }

    /** "Your code did not import: SyntaxError at line 3 of submission.py: invalid syntax". */
    static String importProblem(String message, List<TestFile> files) {
        String type = null;
        String detail = null;
        String where = null;
        String whereFile = null;
        for (String line : message.split("\n")) {
            Matcher exception = EXCEPTION.matcher(line);
            if (exception.find()) {
                type = exception.group(1);
                detail = exception.group(2);
            }
            Matcher syntax = SYNTAX_LOCATION.matcher(line);
            if (syntax.find()) {
                whereFile = syntax.group(1);
                where = " at line " + syntax.group(2) + " of " + whereFile;
            }
        }
        boolean syntax = type != null && (type.endsWith("SyntaxError") || type.endsWith("IndentationError")
                || type.endsWith("TabError"));
        if (!syntax) {
            where = null;
            // The innermost frame outside the system's Python is where the student's code failed.
            for (String line : message.split("\n")) {
                Matcher frame = FRAME.matcher(line);
                if (frame.find() && !frame.group(1).startsWith("/usr/")) {
                    whereFile = frame.group(1).startsWith("/job/") ? frame.group(1).substring(5) : frame.group(1);
                    where = " at line " + frame.group(2) + " of " + whereFile;
                }
            }
            if (type != null && (type.endsWith("ImportError") || type.equals("ModuleNotFoundError"))) {
                where = null; // "cannot import name 'f' from 'submission'" says it better than a test file's line
            }
        }
        if (type == null) {
            return "Your code did not import; see the log for the error.";
        }
        String summary = type + (where == null ? "" : where) + (detail == null || detail.isBlank() ? "" : ": " + detail);
        String brokenTestFile = whereFile;
        if (syntax && files.stream().anyMatch(file -> file.name().equals(brokenTestFile))) {
            return "The test file " + whereFile + " could not be loaded (not your fault): " + summary;
        }
        return "Your code did not import: " + summary;
    }
}
