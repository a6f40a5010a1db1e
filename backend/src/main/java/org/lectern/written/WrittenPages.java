package org.lectern.written;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.lectern.course.CourseAccess;
import org.lectern.grading.pdf.PdfPages;
import org.lectern.platform.InvalidInputException;
import org.lectern.platform.NotFoundException;
import org.lectern.platform.UnavailableException;
import org.lectern.platform.audit.AuditLog;
import org.lectern.platform.blob.BlobStore;
import org.lectern.submission.StoredFile;
import org.lectern.submission.Submission;
import org.lectern.submission.SubmissionService;
import org.lectern.submission.SubmissionReceived;
import org.lectern.written.internal.WrittenRepository;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The PDF of a written (or hybrid) version: it arrives as an ordinary submission (versions, receipts, late days are
 * the submission feature's), and when the assignment has written questions its PDF is rendered to one PNG per page
 * in the receiving transaction, so a PDF that cannot be drawn refuses the whole upload in words and stores nothing.
 * Students mark which pages answer which question. Only the version's student and the course's staff see its pages.
 */
@Service
public class WrittenPages {

    private final WrittenRepository repo;
    private final SubmissionService submissions;
    private final CourseAccess access;
    private final BlobStore blobs;
    private final AuditLog audit;
    private final PdfPages pdf;
    private final WrittenService written;
    private final GradingSplitService split;

    WrittenPages(WrittenRepository repo, SubmissionService submissions, CourseAccess access, BlobStore blobs, AuditLog audit, PdfPages pdf,
                 WrittenService written, GradingSplitService split) {
        this.written = written;
        this.split = split;
        this.repo = repo;
        this.submissions = submissions;
        this.access = access;
        this.blobs = blobs;
        this.audit = audit;
        this.pdf = pdf;
    }

    /** In the uploading transaction, as the uploader (the student, or staff on their behalf): files are read role-checked. */
    @EventListener
    void onSubmission(SubmissionReceived e) {
        if (repo.questions(e.assignmentId()).isEmpty()) {
            return;
        }
        List<StoredFile> pdfs = submissions.files(e.submissionId()).stream()
                .filter(f -> f.path().toLowerCase(Locale.ROOT).endsWith(".pdf")).toList();
        if (pdfs.size() > 1) {
            throw new InvalidInputException("Upload one PDF with all your written answers (this upload has " + pdfs.size() + ").");
        }
        if (pdfs.isEmpty()) {
            return; // a hybrid version with code only
        }
        List<byte[]> pages;
        try {
            pages = pdf.render(pdfs.getFirst().content());
        } catch (PdfPages.Refused r) {
            throw new InvalidInputException(pdfs.getFirst().path() + ": " + r.getMessage());
        } catch (IOException ex) {
            throw new UnavailableException("The PDF could not be processed now; try again in a minute.");
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new UnavailableException("The PDF could not be processed now; try again in a minute.");
        }
        for (int i = 0; i < pages.size(); i++) {
            repo.insertPage(e.submissionId(), i + 1, blobs.put(pages.get(i)));
        }
    }

    @Transactional(readOnly = true)
    public PageSet pages(long submissionId) {
        Submission s = visible(submissionId);
        return pageSet(s);
    }

    /**
     * One student's answer to a question in the grading queue: their counted version, its pages for the question, the
     * grade, and who grades it when the assignment's grading is split ({@code graderId} null: anyone). {@code student}
     * is "Answer k" while the question is graded anonymously and not finished.
     */
    public record QueueEntry(long accountId, String student, long submissionId, List<Integer> pages, boolean graded, java.math.BigDecimal score,
                             Long graderId) {
    }

    /**
     * Staff: every counted version with PDF pages, for one question, in a stable order (by submission): the pages the
     * student marked for it (all pages when they marked none), whether it is graded and its score. The grading page's
     * "next ungraded" walks this list.
     */
    @Transactional(readOnly = true)
    public List<QueueEntry> queue(long questionId) {
        var owner = repo.ownerOfQuestion(questionId).orElseThrow(() -> new NotFoundException("No written question " + questionId + "."));
        List<Submission> counted;
        try {
            access.staff(owner.courseId());
            counted = submissions.counted(owner.assignmentId());
        } catch (NotFoundException e) {
            throw new NotFoundException("No written question " + questionId + ".");
        }
        Map<Long, GradingSplitService.AnswerState> states = new HashMap<>();
        List<GradingSplitService.AnswerState> answers = split.answers(owner);
        answers.stream().filter(x -> x.questionId() == questionId).forEach(x -> states.put(x.studentId(), x));
        boolean hidden = split.namesHidden(owner, questionId, answers);
        List<QueueEntry> out = new ArrayList<>();
        for (Submission s : counted.stream().sorted(java.util.Comparator.comparingLong(Submission::id)).toList()) {
            int count = repo.pageCount(s.id());
            if (count == 0) {
                continue;
            }
            List<Integer> marked = repo.marks(s.id()).getOrDefault(questionId, List.of());
            List<Integer> pages = marked.isEmpty() ? java.util.stream.IntStream.rangeClosed(1, count).boxed().toList() : marked;
            var grade = written.grade(questionId, s.accountId());
            var state = states.get(s.accountId());
            out.add(new QueueEntry(s.accountId(), hidden ? "Answer " + (out.size() + 1) : s.studentName(), s.id(), pages, grade.graded(), grade.score(),
                    state == null ? null : state.graderId()));
        }
        return out;
    }

    /** One page as PNG. */
    @Transactional(readOnly = true)
    public byte[] page(long submissionId, int page) {
        visible(submissionId);
        return repo.pageBlob(submissionId, page).flatMap(blobs::get)
                .orElseThrow(() -> new NotFoundException("No page " + page + " in submission " + submissionId + "."));
    }

    /** Replaces the version's page marks: question id → its pages (1-based). The student or staff. */
    @Transactional
    public PageSet mark(long submissionId, Map<Long, List<Integer>> marks) {
        Submission s = visible(submissionId);
        if (marks == null) {
            throw new InvalidInputException("marks: question id -> the pages that answer it.");
        }
        int count = repo.pageCount(submissionId);
        if (count == 0) {
            throw new InvalidInputException("This version has no PDF pages to mark.");
        }
        var questions = repo.questions(s.assignmentId()).stream().map(WrittenQuestion::id).toList();
        Map<Long, TreeSet<Integer>> clean = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        marks.forEach((q, pages) -> {
            if (q == null || !questions.contains(q)) {
                problems.add("question " + q + " is not a written question of this assignment");
                return;
            }
            for (Integer p : pages == null ? List.<Integer>of() : pages) {
                if (p == null || p < 1 || p > count) {
                    problems.add("page " + p + " of question " + q + " is not between 1 and " + count);
                } else {
                    clean.computeIfAbsent(q, k -> new TreeSet<>()).add(p);
                }
            }
        });
        if (!problems.isEmpty()) {
            throw new InvalidInputException("marks: " + String.join("; ", problems) + ".");
        }
        repo.replaceMarks(submissionId, clean);
        var owner = repo.assignment(s.assignmentId()).orElseThrow();
        audit.record(access.member(owner.courseId()).caller().accountId(), owner.courseId(), "written.pages.marked",
                "submission " + submissionId + " " + clean);
        return pageSet(s);
    }

    private PageSet pageSet(Submission s) {
        Map<Long, List<Integer>> marks = new HashMap<>(repo.marks(s.id()));
        List<Integer> unmarked = repo.questions(s.assignmentId()).stream().filter(q -> !marks.containsKey(q.id())).map(WrittenQuestion::number)
                .toList();
        return new PageSet(s.id(), repo.pageCount(s.id()), marks, unmarked);
    }

    /** The version if the caller is its student or the course's staff (the submission feature's rule); anyone else learns nothing (404). */
    private Submission visible(long submissionId) {
        try {
            return submissions.get(submissionId);
        } catch (NotFoundException e) {
            throw new NotFoundException("No submission " + submissionId + " that you can see.");
        }
    }
}
