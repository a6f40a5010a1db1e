package org.lectern.submission;

import java.time.Clock;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.lectern.assignment.Assignment;
import org.lectern.assignment.AssignmentService;
import org.lectern.course.CourseAccess;
import org.lectern.course.CourseRole;
import org.lectern.course.CourseService;
import org.lectern.course.Member;
import org.lectern.grading.pdf.PdfPages;
import org.lectern.identity.EmailAddress;
import org.lectern.notebooks.Notebook;
import org.lectern.notebooks.NotebookFormatException;
import org.lectern.notebooks.SubmissionArchive;
import org.lectern.notebooks.SubmissionRejectedException;
import org.lectern.notebooks.SubmittedFile;
import org.lectern.notebooks.UploadLimits;
import org.lectern.platform.ForbiddenException;
import org.lectern.platform.InvalidInputException;
import org.lectern.platform.NotFoundException;
import org.lectern.platform.UnavailableException;
import org.lectern.platform.audit.AuditLog;
import org.lectern.project.TeamFormationService;
import org.lectern.platform.blob.BlobStore;
import org.lectern.submission.internal.SubmissionRepository;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Uploads: checked (types, size, zip safety, notebook JSON), stored with every file before the
 * receipt is returned, every version kept. Students see only their own; staff see everyone's.
 * <p>Team items ({@code Assignment.team}): one submission per team. Any member submits; the version belongs to the
 * team (numbered per team, the maker recorded), every member sees the team's versions, and the team's latest counts
 * for every member. A student in no team cannot submit to a team item, nor can a team outside the item's team sizes
 * (its own where set, else the course's; {@code TeamRules.ItemSizes}).
 * <p>Where an item takes PDFs (written answers), PNG/JPEG images (one, or several in one upload) are joined into one
 * PDF by {@link PdfPages} (a worker JVM) before anything is stored: the version is that PDF, one page per image in order.
 */
@Service
public class SubmissionService {

    private static final int MAX_FILES = 50;

    private final SubmissionRepository repo;
    private final AssignmentService assignments;
    private final CourseAccess access;
    private final CourseService courses;
    private final BlobStore blobs;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final PdfPages pdf;
    private final TeamFormationService teams;

    SubmissionService(SubmissionRepository repo, AssignmentService assignments, CourseAccess access, CourseService courses,
                      BlobStore blobs, AuditLog audit, ApplicationEventPublisher events, Clock clock, PdfPages pdf,
                      TeamFormationService teams) {
        this.pdf = pdf;
        this.teams = teams;
        this.repo = repo;
        this.assignments = assignments;
        this.access = access;
        this.courses = courses;
        this.blobs = blobs;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /** The caller submits their own work. */
    @Transactional
    public Receipt submit(long assignmentId, String fileName, byte[] bytes) {
        return submit(assignmentId, List.of(new Upload(fileName, bytes)));
    }

    /** Whether these bytes are a PNG or JPEG image (by magic bytes), which an item taking PDFs joins into one. */
    public static boolean isImage(byte[] bytes) {
        return PdfPages.isImage(bytes);
    }

    /** One file sent, or several in one upload: several are taken only as images, joined into one PDF (written answers). */
    public record Upload(String fileName, byte[] bytes) {
    }

    /** The caller submits their own work, as one file or several images to be joined into one PDF. */
    @Transactional
    public Receipt submit(long assignmentId, List<Upload> uploads) {
        Assignment a = assignments.get(assignmentId);
        var grant = access.member(a.courseId());
        long me = grant.caller().accountId();
        Long team = teamFor(a, me, "You");
        Upload one = asOne(a, uploads);
        return store(a, me, team, me, null, null, false, one.fileName(), one.bytes());
    }

    /**
     * The upload as the one file a version stores: itself when it is one file; PNG/JPEG images (recognised by their
     * bytes) joined into one PDF when the item takes PDFs; anything else several at once is refused.
     */
    private Upload asOne(Assignment a, List<Upload> uploads) {
        if (uploads == null || uploads.isEmpty() || uploads.stream().anyMatch(u -> u == null || u.bytes() == null)) {
            throw new InvalidInputException("No file was sent.");
        }
        boolean images = a.allowedExtensions().contains(".pdf") && uploads.stream().anyMatch(u -> PdfPages.isImage(u.bytes()));
        if (!images) {
            if (uploads.size() > 1) {
                throw new InvalidInputException("Send one file (a .zip for several)" + (a.allowedExtensions().contains(".pdf")
                        ? ", or several PNG/JPEG images to be joined into one PDF." : "."));
            }
            return uploads.getFirst();
        }
        long total = uploads.stream().mapToLong(u -> u.bytes().length).sum();
        if (total > a.maxUploadBytes()) {
            throw new InvalidInputException("The images are " + total / 1024 + " KB together; at most " + a.maxUploadBytes() / 1024
                    + " KB are taken in one upload.");
        }
        byte[] joined;
        try {
            joined = pdf.joinImages(uploads.stream().map(Upload::bytes).toList());
        } catch (PdfPages.Refused r) {
            throw new InvalidInputException(r.getMessage());
        } catch (IOException e) {
            throw new UnavailableException("The images could not be joined now; try again in a minute.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UnavailableException("The images could not be joined now; try again in a minute.");
        }
        String first = uploads.getFirst().fileName() == null ? "" : uploads.getFirst().fileName().strip();
        String base = first.replaceAll("^.*[/\\\\]", "").replaceAll("\\.[^.]*$", "");
        return new Upload((base.isBlank() ? "answers" : base) + ".pdf", joined);
    }

    /** The team a version of a team item belongs to; null for other items. */
    private Long teamFor(Assignment a, long accountId, String who) {
        if (!a.team()) {
            return null;
        }
        long team = repo.teamOf(a.courseId(), accountId).orElseThrow(() -> new InvalidInputException(a.shortName()
                + " is a team item: " + who + (who.equals("You") ? " are" : " is") + " in no team yet. Join or start one on the Teams tab"
                + " (or ask staff to place you) before submitting."));
        // The item's own team sizes, else the course's: a team outside them cannot submit, nor can staff for it.
        teams.itemSizes(a.courseId(), a.teamMinSize(), a.teamMaxSize()).submit(repo.teamMembers(team).size(), who.equals("You"))
                .ifPresent(refusal -> {
                    throw new InvalidInputException(refusal);
                });
        return team;
    }

    /** Staff submit for a student (an outage, an e-mailed file) with the time that counts, recorded in the audit log. */
    @Transactional
    public Receipt submitOnBehalf(long assignmentId, String studentEmail, Instant submittedAt, String reason, String fileName,
                                  byte[] bytes) {
        return submitOnBehalf(assignmentId, studentEmail, submittedAt, reason, List.of(new Upload(fileName, bytes)));
    }

    /** As {@link #submitOnBehalf(long, String, Instant, String, String, byte[])}, several images joined into one PDF. */
    @Transactional
    public Receipt submitOnBehalf(long assignmentId, String studentEmail, Instant submittedAt, String reason, List<Upload> uploads) {
        Assignment a = assignments.get(assignmentId);
        var grant = access.staff(a.courseId());
        if (reason == null || reason.isBlank()) {
            throw new InvalidInputException("Say why you submit on the student's behalf (it goes into the audit log).");
        }
        String email = EmailAddress.normalise(studentEmail);
        Member student = courses.roster(a.courseId()).stream()
                .filter(m -> m.email().equals(email) && m.role() == CourseRole.STUDENT).findFirst()
                .orElseThrow(() -> new InvalidInputException(studentEmail + " is not a student in this course."));
        Instant when = submittedAt == null ? clock.instant() : submittedAt;
        if (when.isAfter(clock.instant())) {
            throw new InvalidInputException("The submission time cannot be in the future.");
        }
        Long team = teamFor(a, student.accountId(), student.name());
        Upload one = asOne(a, uploads);
        Receipt r = store(a, student.accountId(), team, grant.caller().accountId(), when,
                reason.strip(), false, one.fileName(), one.bytes());
        audit.record(grant.caller().accountId(), a.courseId(), "submission.on_behalf",
                a.shortName() + " for " + email + " at " + when + " (" + reason.strip() + "), sha256 " + r.sha256());
        return r;
    }

    /** The instructor's reference solution: graded at once to check the autograder gives it full marks. */
    @Transactional
    public Receipt submitReference(long assignmentId, String fileName, byte[] bytes) {
        Assignment a = assignments.get(assignmentId);
        var grant = access.instructor(a.courseId());
        Receipt r = store(a, grant.caller().accountId(), null, grant.caller().accountId(), null, null, true, fileName, bytes);
        audit.record(grant.caller().accountId(), a.courseId(), "reference.uploaded", a.shortName() + " " + r.sha256());
        return r;
    }

    @Transactional(readOnly = true)
    public Submission get(long submissionId) {
        Submission s = repo.byId(submissionId).orElseThrow(() -> notFound(submissionId));
        Assignment a = assignments.get(s.assignmentId());
        var grant = access.member(a.courseId());
        long me = grant.caller().accountId();
        // A team's version is every current member's; the member who made it keeps seeing it after leaving.
        if (!grant.isStaff() && s.accountId() != me && (s.teamId() == null || !repo.teamMembers(s.teamId()).contains(me))) {
            throw notFound(submissionId);
        }
        return s;
    }

    @Transactional(readOnly = true)
    public List<StoredFile> files(long submissionId) {
        get(submissionId);
        return repo.files(submissionId).stream().map(f -> new StoredFile(f[0], blobs.get(f[1]).orElseThrow())).toList();
    }

    /**
     * The caller's versions, newest first, and which one counts; on a team item, their team's versions (each naming
     * the member who made it).
     */
    @Transactional(readOnly = true)
    public MyVersions mine(long assignmentId) {
        Assignment a = assignments.get(assignmentId);
        var grant = access.member(a.courseId());
        long me = grant.caller().accountId();
        Long team = a.team() ? repo.teamOf(a.courseId(), me).orElse(null) : null;
        List<Submission> versions = team == null ? repo.versions(assignmentId, me) : repo.teamVersions(assignmentId, team);
        return new MyVersions(versions, repo.countedId(assignmentId, me).orElse(null), team);
    }

    /** @param teamId the caller's team when the assignment is a team item (null otherwise, or when in no team) */
    public record MyVersions(List<Submission> versions, Long countedId, Long teamId) {
    }

    /**
     * Staff: the students whose grade the given student's counted version decides: the members of their team on a team
     * item, else the student alone. Graders use it so that grading a team's work grades every member.
     */
    @Transactional(readOnly = true)
    public List<Long> sharingWork(long assignmentId, long accountId) {
        Assignment a = assignments.get(assignmentId);
        access.staff(a.courseId());
        return repo.countedId(assignmentId, accountId).flatMap(repo::byId).map(this::countsFor).orElse(List.of(accountId));
    }

    /** Who a version counts for: its team's members now, or the student who made it. */
    List<Long> countsFor(Submission s) {
        return repo.countsFor(s);
    }

    /** Before the deadline a student may pick an earlier version to count. */
    @Transactional
    public void choose(long submissionId) {
        Submission s = get(submissionId);
        Assignment a = assignments.get(s.assignmentId());
        var grant = access.member(a.courseId());
        if (s.accountId() != grant.caller().accountId()) {
            throw new ForbiddenException("Only the student picks which of their versions counts.");
        }
        if (s.teamId() != null) {
            throw new InvalidInputException("A team's latest version counts: submit again to change it.");
        }
        if (clock.instant().isAfter(a.dueAt())) {
            throw new InvalidInputException("The deadline has passed: the version that counts can no longer change.");
        }
        repo.choose(s.assignmentId(), s.accountId(), s.id());
        audit.record(grant.caller().accountId(), a.courseId(), "submission.chosen", a.shortName() + " v" + s.version());
        events.publishEvent(new SubmissionChosen(s.id(), a.id(), a.courseId()));
    }

    /** Staff: per student, the version that counts. */
    @Transactional(readOnly = true)
    public List<Submission> counted(long assignmentId) {
        Assignment a = assignments.get(assignmentId);
        access.staff(a.courseId());
        return repo.counted(assignmentId);
    }

    /** One student's counted version as a class-wide table (a leaderboard) may name it: never its files or e-mail. */
    public record CountedVersion(long submissionId, long accountId, String studentName) {
    }

    /**
     * Every student's counted version, for any member who may see the assignment (a leaderboard ranks them); the
     * calling feature decides whether classmates see names or nicknames.
     */
    @Transactional(readOnly = true)
    public List<CountedVersion> countedVersions(long assignmentId) {
        Assignment a = assignments.get(assignmentId); // unreleased: 404 for students
        access.member(a.courseId());
        return repo.counted(assignmentId).stream().map(s -> new CountedVersion(s.id(), s.accountId(), s.studentName())).toList();
    }

    @Transactional(readOnly = true)
    public Optional<Submission> reference(long assignmentId) {
        Assignment a = assignments.get(assignmentId);
        access.staff(a.courseId());
        return repo.latestReference(assignmentId);
    }

    private Receipt store(Assignment a, long accountId, Long teamId, long submittedBy, Instant submittedAt, String reason,
                          boolean reference, String fileName, byte[] bytes) {
        String name = fileName == null ? "" : fileName.strip();
        if (name.contains("/") || name.contains("\\")) {
            name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        }
        if (bytes == null) {
            throw new InvalidInputException("No file was sent.");
        }
        List<SubmittedFile> files;
        try {
            files = SubmissionArchive.unpack(name, bytes, new UploadLimits(a.allowedExtensions(), a.maxUploadBytes(), MAX_FILES));
        } catch (SubmissionRejectedException e) {
            throw new InvalidInputException(e.getMessage());
        }
        for (SubmittedFile f : files) {
            if (f.path().endsWith(".ipynb")) {
                try {
                    Notebook.parse(f.content());
                } catch (NotebookFormatException e) {
                    throw new InvalidInputException(f.path() + ": " + e.getMessage());
                }
            }
        }
        String sha = blobs.put(bytes);
        Instant received = clock.instant();
        // The time that counts is the moment of receipt, unless staff back-date an on-behalf upload.
        long id = repo.insert(a.id(), accountId, teamId, submittedAt == null ? received : submittedAt, received, submittedBy, reason, name,
                sha, bytes.length, reference);
        List<String> paths = new ArrayList<>();
        for (SubmittedFile f : files) {
            repo.insertFile(id, f.path(), blobs.put(f.content()));
            paths.add(f.path());
        }
        Submission s = repo.byId(id).orElseThrow();
        events.publishEvent(new SubmissionReceived(id, a.id(), a.courseId(), reference));
        return new Receipt(id, a.id(), s.version(), name, bytes.length, sha, s.submittedAt(), s.receivedAt(),
                s.submittedAt().isAfter(a.dueAt()), paths);
    }

    private static NotFoundException notFound(long id) {
        return new NotFoundException("No submission " + id + " that you can see.");
    }
}
