package org.lectern.plagiarism;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.lectern.assignment.Assignment;
import org.lectern.assignment.AssignmentCreated;
import org.lectern.assignment.GradingMaterials;
import org.lectern.grading.JobFolder;
import org.lectern.grading.plagiarism.Candidate;
import org.lectern.grading.plagiarism.CheckInput;
import org.lectern.grading.plagiarism.CheckResult;
import org.lectern.grading.plagiarism.ComparedFile;
import org.lectern.grading.plagiarism.Pair;
import org.lectern.grading.plagiarism.ParseProblem;
import org.lectern.grading.plagiarism.PlagiarismCheck;
import org.lectern.grading.plagiarism.Progress;
import org.lectern.grading.plagiarism.SourceLanguage;
import org.lectern.plagiarism.internal.PlagiarismRepository;
import org.lectern.platform.blob.BlobStore;
import org.lectern.submission.StoredFile;
import org.lectern.submission.Submission;
import org.lectern.submission.SubmissionMaterials;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The plagiarism job on the worker pool, without a caller: reads every student's counted submission, the starter files
 * (base code) and the corpus, runs the engine with its progress written to the check row (throttled), and stores the
 * result, the compared files and JPlag's report zip in one transaction. Also the automatic run after the deadline.
 */
@Component
class PlagiarismWorker {

    private static final Logger log = LoggerFactory.getLogger(PlagiarismWorker.class);
    /** At most one progress write per this many milliseconds, plus one at every phase change. */
    static final long PROGRESS_EVERY_MS = 300;
    static final String STARTER_LABEL = "starter code";

    private final PlagiarismRepository repo;
    private final PlagiarismQueue queue;
    private final GradingMaterials materials;
    private final SubmissionMaterials submissions;
    private final BlobStore blobs;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final PlagiarismCheck engine = new PlagiarismCheck();
    private final JsonMapper json = JsonMapper.builder().build();

    /** How long one check may run ({@code lectern.plagiarism.time-limit}). */
    private volatile Duration timeLimit;

    PlagiarismWorker(PlagiarismRepository repo, PlagiarismQueue queue, GradingMaterials materials, SubmissionMaterials submissions,
                     BlobStore blobs, TransactionTemplate tx, Clock clock,
                     @Value("${lectern.plagiarism.time-limit:30m}") Duration timeLimit) {
        this.timeLimit = timeLimit;
        this.repo = repo;
        this.queue = queue;
        this.materials = materials;
        this.submissions = submissions;
        this.blobs = blobs;
        this.tx = tx;
        this.clock = clock;
    }

    /** A new assignment gets its automatic check at the deadline (none for a deadline already past). */
    @EventListener
    void onAssignmentCreated(AssignmentCreated e) {
        materials.assignment(e.assignmentId()).filter(a -> a.dueAt().isAfter(clock.instant()))
                .ifPresent(a -> queue.scheduleDeadlineCheck(a.id(), a.dueAt()));
    }

    /**
     * The deadline task fired. The deadline is read again: if it has moved later, the check waits for the new one; if a
     * check is already running, that one serves.
     */
    void deadlineReached(long assignmentId) {
        tx.executeWithoutResult(s -> {
            Assignment a = materials.assignment(assignmentId).orElse(null);
            if (a == null) {
                return;
            }
            if (a.dueAt().isAfter(clock.instant())) {
                queue.scheduleDeadlineCheck(a.id(), a.dueAt());
            } else if (!repo.hasActiveCheck(assignmentId)) {
                queue.enqueue(a.id(), a.courseId(), CheckTrigger.DEADLINE, null);
            }
        });
    }

    void check(long checkId) {
        PlagiarismCheckRun run = tx.execute(s -> {
            PlagiarismCheckRun r = repo.lockCheck(checkId).orElse(null);
            if (r == null || r.finished()) {
                return null; // finished by an earlier attempt: record nothing twice
            }
            repo.markRunning(checkId, clock.instant());
            return r;
        });
        if (run == null) {
            return;
        }
        Assignment assignment = materials.assignment(run.assignmentId()).orElse(null);
        if (assignment == null) {
            giveUp(checkId, "The assignment no longer exists.");
            return;
        }
        CheckInput input = input(assignment);
        Path dir = null;
        try {
            dir = Files.createTempDirectory("lectern-plagiarism-" + checkId + "-");
            CheckResult result = runWithinTimeLimit(checkId, input, dir.resolve("check"));
            if (result == null) {
                return;
            }
            byte[] report = result.reportFile() == null ? null : Files.readAllBytes(result.reportFile());
            tx.executeWithoutResult(s -> {
                if (!store(checkId, input, result, report)) {
                    s.setRollbackOnly();
                    log.info("Plagiarism check {} was already finished; this attempt's result is discarded", checkId);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the plagiarism check's working folder", e);
        } finally {
            JobFolder.delete(dir);
        }
    }

    /**
     * Runs the engine on a thread of its own and waits at most the time limit; past it, the check ends with a
     * message saying so (and null is returned). The engine's thread is interrupted; JPlag may finish its current
     * step before it notices, and whatever it returns then is dropped.
     */
    private CheckResult runWithinTimeLimit(long checkId, CheckInput input, Path dir) throws IOException {
        Duration limit = timeLimit;
        FutureTask<CheckResult> task = new FutureTask<>(() -> engine.run(input, dir, new ProgressWriter(checkId)));
        Thread.ofPlatform().name("plagiarism-check-" + checkId).daemon(true).start(task);
        try {
            return task.get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            task.cancel(true);
            giveUp(checkId, "The check stopped at its time limit of " + describe(limit) + " before it finished; "
                    + "nothing was stored. Fewer references or earlier terms make it faster; an administrator can raise "
                    + "the limit (lectern.plagiarism.time-limit).");
            return null;
        } catch (InterruptedException e) {
            task.cancel(true);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("The plagiarism check was interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private static String describe(Duration d) {
        if (d.toSeconds() < 1) {
            return d.toMillis() + " ms";
        }
        return d.toSeconds() % 60 == 0 ? d.toMinutes() + " min" : d.toSeconds() + " s";
    }

    /** For tests: the time limit from now on. */
    void timeLimit(Duration limit) {
        this.timeLimit = limit;
    }

    Duration timeLimit() {
        return timeLimit;
    }

    /** Called when the job has failed for good. */
    void giveUp(long checkId, String reason) {
        tx.executeWithoutResult(s -> repo.finish(checkId, CheckState.FAILED, null, reason, 0, 0, null, null, clock.instant()));
    }

    CheckInput input(Assignment assignment) {
        SourceLanguage language = SourceLanguage.PYTHON;
        List<Candidate> candidates = new ArrayList<>();
        // One candidate per student; on a team item one per team (the counted versions are one per team), standing for
        // all its members, so a team's work counts once and a decision reaches every member.
        for (Submission s : submissions.counted(assignment.id())) {
            Map<String, String> code = code(submissions.files(s.id()), language);
            if (s.teamId() != null) {
                candidates.add(Candidate.team(teamParty(s.teamId()), "Team " + submissions.teamName(s.teamId()) + " (version by " + s.studentName() + ")",
                        submissions.countsFor(s).stream().map(String::valueOf).toList(), code));
            } else {
                candidates.add(new Candidate(studentParty(s.accountId()), s.studentName() + " (" + s.studentEmail() + ")",
                        Candidate.Kind.STUDENT, null, List.of(String.valueOf(s.accountId())), code));
            }
        }
        for (CorpusEntry entry : repo.corpus(assignment.id())) {
            Map<String, Map<String, String>> byFolder = new LinkedHashMap<>();
            for (String[] f : repo.corpusFiles(entry.id())) {
                if (language.accepts(f[1])) {
                    byFolder.computeIfAbsent(f[0], k -> new LinkedHashMap<>()).put(f[1], text(blobs.get(f[2]).orElseThrow()));
                }
            }
            if (entry.kind() == CorpusKind.REFERENCE) {
                candidates.add(Candidate.reference("r" + entry.id(), entry.label(), entry.origin(),
                        byFolder.values().stream().findFirst().orElse(Map.of())));
            } else {
                int n = 0;
                for (var folder : byFolder.entrySet()) {
                    candidates.add(Candidate.previousTerm("p" + entry.id() + "-" + (++n), folder.getKey(), entry.origin(), folder.getValue()));
                }
            }
        }
        Map<String, String> base = new LinkedHashMap<>();
        materials.starterFiles(assignment.id()).forEach((name, bytes) -> {
            if (language.accepts(name)) {
                base.put(name, text(bytes));
            }
        });
        return new CheckInput(language, candidates, base);
    }

    static String teamParty(long teamId) {
        return "team" + teamId;
    }

    static String studentParty(long accountId) {
        return "u" + accountId;
    }

    private boolean store(long checkId, CheckInput input, CheckResult result, byte[] report) {
        String sha = report == null ? null : blobs.put(report);
        if (!repo.finish(checkId, CheckState.DONE, result.outcome().name(), result.message(), result.comparisons(), result.flaggedPairs(),
                sha, result.baseCodeWarning(), clock.instant())) {
            return false;
        }
        Map<String, Candidate> byId = new HashMap<>();
        input.candidates().forEach(c -> byId.put(c.id(), c));
        int rank = 0;
        Set<String> shown = new LinkedHashSet<>();
        for (Pair p : result.pairs()) {
            repo.insertPair(checkId, ++rank, party(p.first(), byId), party(p.second(), byId), p.averageSimilarity(), p.maximumSimilarity(),
                    p.matchedTokens(), p.flagged(), json.writeValueAsString(p.fragments()));
            shown.add(p.first().id());
            shown.add(p.second().id());
        }
        for (String party : shown) {
            int position = 0;
            for (ComparedFile f : result.files().getOrDefault(party, List.of())) {
                repo.insertComparedFile(checkId, party, position++, f.name(), f.text());
            }
        }
        int position = 0;
        for (var c : result.clusters()) {
            repo.insertCluster(checkId, position++, new ClusterSummary(c.members().stream().map(id -> label(id, byId)).toList(), c.links(),
                    c.strongestSimilarity(), c.meanSimilarity()));
        }
        position = 0;
        for (ParseProblem p : result.problems()) {
            repo.insertProblem(checkId, position++, new ParseProblemSummary(p.candidateId(), label(p.candidateId(), byId), p.file(),
                    p.kind().name(), p.message()));
        }
        return true;
    }

    private static PairSummary.Party party(Pair.Party p, Map<String, Candidate> byId) {
        Candidate c = byId.get(p.id());
        List<Long> members = c == null || !c.isStudent() ? List.of() : c.members().stream().map(Long::valueOf).toList();
        return new PairSummary.Party(p.id(), p.label(), p.kind().name(), p.origin(), members);
    }

    private static String label(String id, Map<String, Candidate> byId) {
        if (ParseProblem.STARTER_CODE.equals(id)) {
            return STARTER_LABEL;
        }
        Candidate c = byId.get(id);
        return c == null ? id : c.origin() == null ? c.label() : c.label() + " (" + c.origin() + ")";
    }

    private static Map<String, String> code(List<StoredFile> files, SourceLanguage language) {
        Map<String, String> code = new LinkedHashMap<>();
        for (StoredFile f : files) {
            if (language.accepts(f.path())) {
                code.put(f.path(), text(f.content()));
            }
        }
        return code;
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** Writes the engine's progress to the check row, throttled; called one at a time from the engine's threads. */
    private final class ProgressWriter implements Consumer<Progress> {
        private final long checkId;
        private Progress.Phase lastPhase;
        private long lastWrite;

        ProgressWriter(long checkId) {
            this.checkId = checkId;
        }

        @Override
        public void accept(Progress progress) {
            long now = System.nanoTime() / 1_000_000;
            if (progress.phase() == lastPhase && now - lastWrite < PROGRESS_EVERY_MS) {
                return;
            }
            lastPhase = progress.phase();
            lastWrite = now;
            tx.executeWithoutResult(s -> repo.progress(checkId, progress.phase().text(), progress.overall()));
        }
    }

}
