package org.lectern.plagiarism;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.lectern.assignment.Assignment;
import org.lectern.assignment.AssignmentService;
import org.lectern.course.CourseAccess;
import org.lectern.course.CourseService;
import org.lectern.course.Member;
import org.lectern.gradebook.ScoreReported;
import org.lectern.grading.plagiarism.Fragment;
import org.lectern.notebooks.SubmissionArchive;
import org.lectern.notebooks.SubmissionRejectedException;
import org.lectern.notebooks.SubmittedFile;
import org.lectern.notebooks.UploadLimits;
import org.lectern.plagiarism.internal.PlagiarismRepository;
import org.lectern.platform.ConflictException;
import org.lectern.platform.InvalidInputException;
import org.lectern.platform.NotFoundException;
import org.lectern.platform.audit.AuditLog;
import org.lectern.platform.blob.BlobStore;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Plagiarism checks of an assignment for course staff: run one (on the worker pool), read the ranked pairs, clusters
 * and parse problems, look at a pair side by side, download JPlag's report; instructors upload the reference corpus and
 * import earlier terms; TAs mark pairs, instructors decide confirmed cases (an override in the gradebook). Students
 * never see any of it: every call needs a staff role in the assignment's course.
 */
@Service
public class PlagiarismService {

    /** The code files of a reference: .py and .ipynb, or a zip of them. */
    private static final Set<String> CODE = Set.of(".py", ".ipynb");
    /** What an earlier term's archive may hold besides code (kept out of the check); anything else refuses the archive. */
    private static final Set<String> ARCHIVE_TYPES = Set.of(".py", ".ipynb", ".txt", ".md", ".json", ".csv", ".yaml", ".yml",
            ".cfg", ".toml", ".png", ".jpg", ".jpeg", ".gif", ".svg", ".pdf", ".html", ".npy", ".npz", ".pkl", ".pt");
    private static final long MAX_REFERENCE_BYTES = 20L * 1024 * 1024;
    private static final long MAX_ARCHIVE_BYTES = 200L * 1024 * 1024;
    private static final int MAX_ARCHIVE_FILES = 20_000;
    private static final int MAX_LABEL = 200;

    /** A reference file as uploaded. */
    public record Upload(String fileName, byte[] content) {
    }

    private final PlagiarismRepository repo;
    private final PlagiarismQueue queue;
    private final AssignmentService assignments;
    private final CourseAccess access;
    private final ApplicationEventPublisher events;
    private final CourseService courses;
    private final BlobStore blobs;
    private final AuditLog audit;
    private final Clock clock;
    private final JsonMapper json = JsonMapper.builder().build();

    PlagiarismService(PlagiarismRepository repo, PlagiarismQueue queue, AssignmentService assignments, CourseAccess access,
                      ApplicationEventPublisher events, CourseService courses, BlobStore blobs, AuditLog audit, Clock clock) {
        this.repo = repo;
        this.queue = queue;
        this.assignments = assignments;
        this.access = access;
        this.events = events;
        this.courses = courses;
        this.blobs = blobs;
        this.audit = audit;
        this.clock = clock;
    }

    /** Staff: queues a check of every counted submission; refused while one is queued or running. */
    @Transactional
    public PlagiarismCheckRun runCheck(long assignmentId) {
        Assignment a = assignments.get(assignmentId);
        var grant = access.staff(a.courseId());
        long id = queue.enqueue(a.id(), a.courseId(), CheckTrigger.MANUAL, grant.caller().accountId());
        audit.record(grant.caller().accountId(), a.courseId(), "plagiarism.check", a.shortName() + " check " + id);
        return repo.check(id).orElseThrow();
    }

    /** Staff: the latest check's state and progress (cheap, for polling). */
    @Transactional(readOnly = true)
    public Optional<PlagiarismCheckRun> latestCheck(long assignmentId) {
        Assignment a = assignments.get(assignmentId);
        access.staff(a.courseId());
        return repo.latestCheck(assignmentId);
    }

    /**
     * Staff: the latest check and the results of the latest finished one (while a new check runs, the previous results
     * stay in view), the corpus and the cases.
     */
    @Transactional(readOnly = true)
    public PlagiarismResults results(long assignmentId) {
        Assignment a = assignments.get(assignmentId);
        var grant = access.staff(a.courseId());
        Optional<PlagiarismCheckRun> latest = repo.latestCheck(assignmentId);
        Optional<PlagiarismCheckRun> done = repo.latestDone(assignmentId);
        List<PairSummary> pairs = done.map(c -> repo.pairs(c.id())).orElse(List.of());
        List<ClusterSummary> clusters = done.map(c -> repo.clusters(c.id())).orElse(List.of());
        List<ParseProblemSummary> problems = done.map(c -> repo.problems(c.id())).orElse(List.of());
        return new PlagiarismResults(a.id(), a.courseId(), a.shortName(), grant.isInstructor(), latest, pairs, clusters, problems,
                repo.corpus(assignmentId), repo.cases(assignmentId), done.map(PlagiarismCheckRun::baseCodeWarning).orElse(null));
    }

    /** Staff: one pair side by side, with its fragments and the case on it. */
    @Transactional(readOnly = true)
    public PairDetail pair(long pairId) {
        PlagiarismRepository.StoredPair stored = repo.pair(pairId).orElseThrow(() -> noPair(pairId));
        Assignment a = assignments.get(stored.assignmentId());
        var grant = access.staff(a.courseId());
        PairSummary p = stored.pair();
        List<Fragment> fragments = json.readValue(stored.fragmentsJson(), new TypeReference<List<Fragment>>() { });
        String[] key = key(p.first().id(), p.second().id());
        return new PairDetail(p, a.courseId(), a.id(), a.shortName(), grant.isInstructor(), repo.comparedFiles(p.checkId(), p.first().id()),
                repo.comparedFiles(p.checkId(), p.second().id()), fragments, repo.caseFor(a.id(), key[0], key[1]),
                repo.check(p.checkId()).map(PlagiarismCheckRun::baseCodeWarning).orElse(null));
    }

    /** Staff: JPlag's report zip of the latest finished check (viewable at https://jplag.github.io/JPlag/). */
    @Transactional(readOnly = true)
    public byte[] report(long assignmentId) {
        Assignment a = assignments.get(assignmentId);
        access.staff(a.courseId());
        return repo.latestDone(assignmentId).flatMap(c -> repo.reportSha(c.id())).flatMap(blobs::get)
                .orElseThrow(() -> new NotFoundException("No plagiarism report yet: run a check that compares at least two submissions."));
    }

    @Transactional(readOnly = true)
    public List<CorpusEntry> corpus(long assignmentId) {
        Assignment a = assignments.get(assignmentId);
        access.staff(a.courseId());
        return repo.corpus(assignmentId);
    }

    @Transactional(readOnly = true)
    public List<IntegrityCase> cases(long assignmentId) {
        Assignment a = assignments.get(assignmentId);
        access.staff(a.courseId());
        return repo.cases(assignmentId);
    }

    /**
     * Instructors: a reference solution students are checked against, e.g. label "AI solution", origin "ChatGPT-4o,
     * 2026-10-02". Files are .py or .ipynb, or a zip of them.
     */
    @Transactional
    public CorpusEntry addReference(long assignmentId, String label, String origin, List<Upload> files) {
        Assignment a = assignments.get(assignmentId);
        var grant = access.instructor(a.courseId());
        String l = required(label, "label", "e.g. \"AI solution\" or \"Published solution\"");
        String o = required(origin, "origin", "the tool and date, e.g. \"ChatGPT-4o, 2026-10-02\", or where it was published");
        if (files == null || files.isEmpty()) {
            throw new InvalidInputException("Attach the reference's .py or .ipynb files (or a zip of them).");
        }
        List<SubmittedFile> unpacked = new ArrayList<>();
        Set<String> names = new LinkedHashSet<>();
        for (Upload u : files) {
            try {
                for (SubmittedFile f : SubmissionArchive.unpack(u.fileName(), u.content() == null ? new byte[0] : u.content(),
                        new UploadLimits(CODE, MAX_REFERENCE_BYTES, 200))) {
                    if (!names.add(f.path())) {
                        throw new InvalidInputException("The reference holds " + f.path() + " twice.");
                    }
                    unpacked.add(f);
                }
            } catch (SubmissionRejectedException e) {
                throw new InvalidInputException("The reference was not saved: " + e.getMessage());
            }
        }
        long id = repo.insertEntry(a.id(), CorpusKind.REFERENCE, l, o, grant.caller().accountId());
        for (SubmittedFile f : unpacked) {
            repo.insertCorpusFile(id, "", f.path(), blobs.put(f.content()));
        }
        audit.record(grant.caller().accountId(), a.courseId(), "plagiarism.reference", a.shortName() + " " + l + " (" + o + "): "
                + String.join(", ", names));
        return repo.corpus(a.id()).stream().filter(e -> e.id() == id).findFirst().orElseThrow();
    }

    /**
     * Instructors: an earlier term's submissions, a zip with one folder per student (files at its top level are refused).
     * Imported once per term, all or nothing: a bad archive stores nothing and says why.
     */
    @Transactional
    public CorpusEntry importPreviousTerm(long assignmentId, String term, String fileName, byte[] zip) {
        Assignment a = assignments.get(assignmentId);
        var grant = access.instructor(a.courseId());
        String t = required(term, "term", "e.g. \"2025 autumn\"");
        String name = fileName == null ? "" : fileName.strip();
        if (!name.toLowerCase(Locale.ROOT).endsWith(".zip")) {
            throw new InvalidInputException("An earlier term comes as a .zip with one folder per student.");
        }
        List<SubmittedFile> files;
        try {
            files = SubmissionArchive.unpack(name, zip == null ? new byte[0] : zip, new UploadLimits(ARCHIVE_TYPES, MAX_ARCHIVE_BYTES,
                    MAX_ARCHIVE_FILES));
        } catch (SubmissionRejectedException e) {
            throw new InvalidInputException("Nothing was imported: " + e.getMessage());
        }
        // A single top folder wrapping the student folders (as zipping a folder makes) is looked through.
        String wrapper = commonTopFolder(files);
        List<String[]> rows = new ArrayList<>(); // folder, path, index into files
        Set<String> folders = new LinkedHashSet<>();
        List<String> loose = new ArrayList<>();
        for (SubmittedFile f : files) {
            String path = wrapper == null ? f.path() : f.path().substring(wrapper.length() + 1);
            int slash = path.indexOf('/');
            if (slash <= 0) {
                loose.add(path);
                continue;
            }
            if (CODE.stream().anyMatch(path.toLowerCase(Locale.ROOT)::endsWith)) {
                rows.add(new String[] {path.substring(0, slash), path.substring(slash + 1), String.valueOf(files.indexOf(f))});
                folders.add(path.substring(0, slash));
            }
        }
        if (!loose.isEmpty()) {
            throw new InvalidInputException("Nothing was imported: the archive must hold one folder per student, but "
                    + String.join(", ", loose.subList(0, Math.min(5, loose.size()))) + (loose.size() > 5 ? " and more" : "")
                    + " lie outside any folder.");
        }
        if (folders.isEmpty()) {
            throw new InvalidInputException("Nothing was imported: no student folder in the archive holds a .py or .ipynb file.");
        }
        long id;
        try {
            id = repo.insertEntry(a.id(), CorpusKind.PREVIOUS_TERM, t + " submissions", t, grant.caller().accountId());
        } catch (DuplicateKeyException e) {
            throw new ConflictException("The term " + t + " was already imported for " + a.shortName() + ".");
        }
        for (String[] r : rows) {
            repo.insertCorpusFile(id, r[0], r[1], blobs.put(files.get(Integer.parseInt(r[2])).content()));
        }
        audit.record(grant.caller().accountId(), a.courseId(), "plagiarism.previous_term", a.shortName() + " " + t + ": "
                + folders.size() + " submissions");
        return repo.corpus(a.id()).stream().filter(e -> e.id() == id).findFirst().orElseThrow();
    }

    /** TAs and instructors: marks a pair dismissed, suspicious or confirmed, with notes. The case outlives re-runs. */
    @Transactional
    public IntegrityCase mark(long pairId, CaseStatus status, String notes) {
        PlagiarismRepository.StoredPair stored = repo.pair(pairId).orElseThrow(() -> noPair(pairId));
        Assignment a = assignments.get(stored.assignmentId());
        var grant = access.staff(a.courseId());
        if (status == null) {
            throw new InvalidInputException("Say whether the pair is dismissed, suspicious or confirmed.");
        }
        PairSummary p = stored.pair();
        boolean firstIsA = p.first().id().compareTo(p.second().id()) < 0;
        PairSummary.Party partyA = firstIsA ? p.first() : p.second();
        PairSummary.Party partyB = firstIsA ? p.second() : p.first();
        if (partyA.id().equals(partyB.id())) {
            throw new InvalidInputException("A pair needs two different parties.");
        }
        List<Long> members = new ArrayList<>(partyA.members());
        partyB.members().stream().filter(m -> !members.contains(m)).forEach(members::add);
        Optional<IntegrityCase> before = repo.caseFor(a.id(), partyA.id(), partyB.id());
        if (before.isPresent() && before.get().decided() && status != CaseStatus.CONFIRMED) {
            throw new ConflictException("The instructor has decided this case; it can no longer be " + status.name().toLowerCase(Locale.ROOT) + ".");
        }
        String text = notes == null ? "" : notes.strip();
        long id = repo.upsertCase(a.id(), a.courseId(), partyA.id(), partyB.id(), partyA.describe(), partyB.describe(),
                PlagiarismRepository.members(members), status, text, grant.caller().accountId(), clock.instant());
        audit.record(grant.caller().accountId(), a.courseId(), "plagiarism.case", a.shortName() + " case " + id + " "
                + partyA.describe() + " / " + partyB.describe() + ": " + status + (text.isEmpty() ? "" : " (" + text + ")"));
        return repo.integrityCase(id).orElseThrow();
    }

    /**
     * Instructors: the decision on a confirmed case. With a score (for example 0) it becomes a gradebook override on the
     * assignment for each student in the case, with the reason "integrity case N: decision"; both are audited.
     */
    @Transactional
    public IntegrityCase decide(long caseId, String decision, BigDecimal score) {
        IntegrityCase c = repo.integrityCase(caseId).orElseThrow(() -> new NotFoundException("No integrity case " + caseId + " that you can see."));
        Assignment a = assignments.get(c.assignmentId());
        var grant = access.instructor(a.courseId());
        if (c.status() != CaseStatus.CONFIRMED) {
            throw new InvalidInputException("Only a case a TA confirmed comes to a decision; this one is " + c.status().name().toLowerCase(Locale.ROOT) + ".");
        }
        String text = required(decision, "decision", "e.g. \"Zero on the assignment, reported to the university\"", 2000);
        if (score != null && (score.signum() < 0 || score.compareTo(a.points()) > 0)) {
            throw new InvalidInputException("The score is between 0 and the assignment's " + a.points().stripTrailingZeros().toPlainString() + " points.");
        }
        List<Long> members = repo.caseMembers(caseId);
        if (score != null) {
            if (members.isEmpty()) {
                throw new InvalidInputException("This case names no student whose grade could change.");
            }
            List<Member> roster = courses.roster(a.courseId());
            for (long accountId : members) {
                Member m = roster.stream().filter(r -> r.accountId() == accountId).findFirst()
                        .orElseThrow(() -> new InvalidInputException("A student of this case is no longer in the course."));
                try {
                    events.publishEvent(ScoreReported.override(a.courseId(), a.shortName(), m.accountId(), score, "plagiarism",
                            "integrity case " + caseId + ": " + text));
                } catch (InvalidInputException e) {
                    throw new InvalidInputException("The decision was not saved: " + e.getMessage()
                            + " Put the assignment in the grading policy, or decide without a score.");
                }
            }
        }
        repo.decide(caseId, text, score, grant.caller().accountId(), clock.instant());
        audit.record(grant.caller().accountId(), a.courseId(), "plagiarism.decision", a.shortName() + " case " + caseId + ": " + text
                + (score == null ? "" : " (score " + score.stripTrailingZeros().toPlainString() + ")"));
        return repo.integrityCase(caseId).orElseThrow();
    }

    private static String commonTopFolder(List<SubmittedFile> files) {
        String top = null;
        for (SubmittedFile f : files) {
            int slash = f.path().indexOf('/');
            if (slash <= 0) {
                return null;
            }
            String first = f.path().substring(0, slash);
            if (top == null) {
                top = first;
            } else if (!top.equals(first)) {
                return null;
            }
        }
        // Only a wrapper if everything below it still lies in folders.
        String wrapper = top;
        boolean nested = wrapper != null && files.stream().allMatch(f -> f.path().substring(wrapper.length() + 1).indexOf('/') > 0);
        return nested ? wrapper : null;
    }

    private static String required(String value, String name, String example) {
        return required(value, name, example, MAX_LABEL);
    }

    private static String required(String value, String name, String example, int max) {
        String v = value == null ? "" : value.strip();
        if (v.isEmpty()) {
            throw new InvalidInputException("Give a " + name + ": " + example + ".");
        }
        if (v.length() > max) {
            throw new InvalidInputException("The " + name + " is at most " + max + " characters.");
        }
        return v;
    }

    static String[] key(String x, String y) {
        return x.compareTo(y) < 0 ? new String[] {x, y} : new String[] {y, x};
    }

    private static NotFoundException noPair(long id) {
        return new NotFoundException("No plagiarism pair " + id + " that you can see.");
    }
}
