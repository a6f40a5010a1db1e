package org.lectern.plagiarism;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.lectern.People.as;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lectern.BackendTest;
import org.lectern.Coursework;
import org.lectern.People;
import org.lectern.assignment.Assignment;
import org.lectern.assignment.AssignmentDraft;
import org.lectern.assignment.AssignmentService;
import org.lectern.course.CourseRole;
import org.lectern.course.CourseService;
import org.lectern.course.NewMember;
import org.lectern.gradebook.GradebookService;
import org.lectern.identity.Account;
import org.lectern.platform.ConflictException;
import org.lectern.platform.ForbiddenException;
import org.lectern.platform.InvalidInputException;
import org.lectern.platform.audit.AuditLog;
import org.lectern.submission.SubmissionService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Plagiarism checks through the service on the real database and the real pool: the engine's fixtures (near-copies
 * with renamed variables and reordered functions, independent solutions sharing starter code, a copy of an AI
 * answer) submitted on the students' behalf, the check awaited, cases marked and decided into the gradebook.
 */
@BackendTest
class PlagiarismServiceIT {

    @Autowired Coursework coursework;
    @Autowired People people;
    @Autowired CourseService courses;
    @Autowired AssignmentService assignments;
    @Autowired SubmissionService submissions;
    @Autowired PlagiarismService plagiarism;
    @Autowired PlagiarismWorker worker;
    @Autowired GradebookService gradebook;
    @Autowired AuditLog audit;
    @Autowired JdbcClient jdbc;

    /** Short fixture names ("alice.py", "starter.py", "chatgpt-4o.py") in the engine's layout under grading's test resources. */
    static String fixturePath(String name) {
        String stem = name.replaceFirst("\\.py$", "");
        return switch (stem) {
            case "starter" -> "/plagiarism/starter/two_layer_net.py";
            case "chatgpt-4o" -> "/plagiarism/references/chatgpt-4o.py";
            default -> "/plagiarism/students/" + stem + "/two_layer_net.py";
        };
    }

    static byte[] fixture(String name) {
        try (var in = PlagiarismServiceIT.class.getResourceAsStream(fixturePath(name))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    record Class(Coursework.Setup s, Account third, Account fourth) {
        long assignmentId() {
            return s.assignment().id();
        }
    }

    private Class course() {
        var s = coursework.setup(false);
        Account third = people.user("third");
        Account fourth = people.user("fourth");
        as(s.instructor(), () -> {
            courses.addMember(s.courseId(), new NewMember("Third", third.email(), CourseRole.STUDENT, null));
            courses.addMember(s.courseId(), new NewMember("Fourth", fourth.email(), CourseRole.STUDENT, null));
        });
        return new Class(s, third, fourth);
    }

    private void submit(Class c, Account student, String fixture) {
        as(c.s().ta(), () -> submissions.submitOnBehalf(c.assignmentId(), student.email(), null, "plagiarism test", "two_layer_net.py",
                fixture(fixture)));
    }

    private PlagiarismCheckRun awaitCheck(Account who, long assignmentId) {
        return await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200))
                .until(() -> as(who, () -> plagiarism.latestCheck(assignmentId)).orElseThrow(), PlagiarismCheckRun::finished);
    }

    private static PairSummary pairOf(PlagiarismResults r, String a, String b) {
        return r.pairs().stream().filter(p -> p.first().id().equals(a) && p.second().id().equals(b)
                || p.first().id().equals(b) && p.second().id().equals(a)).findFirst().orElseThrow();
    }

    private static String party(Account a) {
        return PlagiarismWorker.studentParty(a.id());
    }

    @Test
    void nearCopiesAndACopiedAiAnswerAreFlaggedIndependentWorkIsNotAndAConfirmedCaseEndsInTheGradebook() {
        Class c = course();
        var s = c.s();
        as(s.instructor(), () -> {
            assignments.uploadStarterFile(c.assignmentId(), "two_layer_net.py", fixture("starter.py"));
            plagiarism.addReference(c.assignmentId(), "AI solution", "ChatGPT-4o, 2026-10-02",
                    List.of(new PlagiarismService.Upload("chatgpt-4o.py", fixture("chatgpt-4o.py"))));
        });
        submit(c, s.student(), "alice.py");
        submit(c, s.otherStudent(), "dana.py"); // alice's code, variables renamed and functions reordered
        submit(c, c.third(), "bob.py");         // independent, on the same starter code
        submit(c, c.fourth(), "eve.py");        // a lightly edited copy of the AI answer

        PlagiarismCheckRun queued = as(s.ta(), () -> plagiarism.runCheck(c.assignmentId()));
        assertThat(queued.trigger()).isEqualTo(CheckTrigger.MANUAL);
        assertThatThrownBy(() -> as(s.ta(), () -> plagiarism.runCheck(c.assignmentId())))
                .isInstanceOf(ConflictException.class).hasMessageContaining("already running");
        PlagiarismCheckRun done = awaitCheck(s.ta(), c.assignmentId());
        assertThat(done.state()).isEqualTo(CheckState.DONE);
        assertThat(done.outcome()).isEqualTo("COMPARED");
        assertThat(done.progress()).isEqualTo(1.0);
        assertThat(done.hasReport()).isTrue();
        assertThat(done.comparisons()).isEqualTo(6 + 4); // 4 students with each other, and each against the reference

        PlagiarismResults r = as(s.ta(), () -> plagiarism.results(c.assignmentId()));
        PairSummary copy = pairOf(r, party(s.student()), party(s.otherStudent()));
        assertThat(copy.flagged()).isTrue();
        assertThat(copy.maximumSimilarity()).isGreaterThan(0.75); // 0.78 at the 12-token minimum match
        assertThat(r.baseCodeWarning()).isNull(); // the starter file was base code
        assertThat(r.pairs()).filteredOn(p -> p.first().id().equals(party(c.third())) || p.second().id().equals(party(c.third())))
                .isNotEmpty().allSatisfy(p -> assertThat(p.flagged()).isFalse());
        PairSummary ai = r.pairs().stream().filter(p -> p.second().kind().equals("REFERENCE") && p.first().id().equals(party(c.fourth())))
                .findFirst().orElseThrow();
        assertThat(ai.flagged()).isTrue();
        assertThat(ai.second().describe()).isEqualTo("AI solution (ChatGPT-4o, 2026-10-02)");
        assertThat(r.pairs().getFirst().maximumSimilarity()).isGreaterThanOrEqualTo(r.pairs().getLast().maximumSimilarity());
        assertThat(r.clusters()).singleElement().satisfies(cl -> assertThat(cl.members()).hasSize(2)
                .allSatisfy(m -> assertThat(m).containsAnyOf(s.student().email(), s.otherStudent().email())));
        assertThat(r.problems()).isEmpty();
        assertThat(as(s.ta(), () -> plagiarism.report(c.assignmentId()))).startsWith((byte) 'P', (byte) 'K');

        // Side by side: both files as compared, the fragments on real lines of each.
        PairDetail detail = as(s.ta(), () -> plagiarism.pair(copy.id()));
        assertThat(detail.firstFiles()).singleElement().satisfies(f -> assertThat(f.name()).isEqualTo("two_layer_net.py"));
        assertThat(detail.secondFiles()).hasSize(1);
        int firstLines = detail.firstFiles().getFirst().text().split("\n", -1).length;
        assertThat(detail.fragments()).isNotEmpty().allSatisfy(f -> {
            assertThat(f.first().startLine()).isPositive().isLessThanOrEqualTo(f.first().endLine());
            assertThat(f.first().endLine()).isLessThanOrEqualTo(firstLines);
        });
        assertThat(detail.integrityCase()).isEmpty();

        // A TA confirms; the case survives a re-run; the instructor decides a zero, which lands in the gradebook.
        IntegrityCase marked = as(s.ta(), () -> plagiarism.mark(copy.id(), CaseStatus.CONFIRMED, "Same structure, renamed variables."));
        assertThat(marked.status()).isEqualTo(CaseStatus.CONFIRMED);
        assertThat(marked.notes()).isEqualTo("Same structure, renamed variables.");
        assertThatThrownBy(() -> as(s.ta(), () -> plagiarism.decide(marked.id(), "Zero", BigDecimal.ZERO)))
                .isInstanceOf(ForbiddenException.class);
        as(s.ta(), () -> plagiarism.runCheck(c.assignmentId()));
        awaitCheck(s.ta(), c.assignmentId());
        PlagiarismResults again = as(s.ta(), () -> plagiarism.results(c.assignmentId()));
        PairSummary copyAgain = pairOf(again, party(s.student()), party(s.otherStudent()));
        assertThat(copyAgain.id()).isNotEqualTo(copy.id());
        assertThat(copyAgain.caseId()).isEqualTo(marked.id());
        assertThat(copyAgain.caseStatus()).isEqualTo(CaseStatus.CONFIRMED);

        IntegrityCase decided = as(s.instructor(), () -> plagiarism.decide(marked.id(), "Zero on A1 for both.", BigDecimal.ZERO));
        assertThat(decided.decided()).isTrue();
        assertThat(decided.decisionScore()).isEqualByComparingTo("0");
        var book = as(s.instructor(), () -> gradebook.gradebook(s.courseId()));
        for (Account student : List.of(s.student(), s.otherStudent())) {
            var row = book.students().stream().filter(x -> x.email().equals(student.email())).findFirst().orElseThrow();
            var line = row.items().get("a1"); // gradebook keys are lower case
            assertThat(line.score()).isEqualByComparingTo("0");
            assertThat(line.overrideReason()).isEqualTo("integrity case " + marked.id() + ": Zero on A1 for both.");
        }
        assertThat(audit.forCourse(s.courseId())).extracting(AuditLog.Entry::action)
                .contains("plagiarism.check", "plagiarism.reference", "plagiarism.case", "plagiarism.decision", "grade.override");
        assertThat(as(s.instructor(), () -> plagiarism.cases(c.assignmentId()))).singleElement()
                .satisfies(k -> assertThat(k.decision()).isEqualTo("Zero on A1 for both."));
        // A decided case is not quietly dismissed afterwards.
        assertThatThrownBy(() -> as(s.ta(), () -> plagiarism.mark(copyAgain.id(), CaseStatus.DISMISSED, "")))
                .isInstanceOf(ConflictException.class);

        // Students see none of it.
        long pairId = copyAgain.id();
        long caseId = marked.id();
        long aid = c.assignmentId();
        List<Runnable> everything = List.of(
                () -> plagiarism.runCheck(aid), () -> plagiarism.latestCheck(aid), () -> plagiarism.results(aid),
                () -> plagiarism.pair(pairId), () -> plagiarism.report(aid), () -> plagiarism.corpus(aid), () -> plagiarism.cases(aid),
                () -> plagiarism.mark(pairId, CaseStatus.DISMISSED, "mine"), () -> plagiarism.decide(caseId, "none", null),
                () -> plagiarism.addReference(aid, "x", "y", List.of(new PlagiarismService.Upload("x.py", "x = 1\n".getBytes(StandardCharsets.UTF_8)))),
                () -> plagiarism.importPreviousTerm(aid, "2020", "old.zip", new byte[] {1}));
        for (Account student : List.of(s.student(), c.fourth())) {
            for (Runnable call : everything) {
                assertThatThrownBy(() -> People.as(student, call)).isInstanceOf(ForbiddenException.class);
            }
        }
    }

    @Test
    void anEmptyAssignmentAndASingleSubmissionSaySoAndUnparsableFilesAreListed() {
        Class c = course();
        var s = c.s();
        as(s.ta(), () -> plagiarism.runCheck(c.assignmentId()));
        PlagiarismCheckRun empty = awaitCheck(s.ta(), c.assignmentId());
        assertThat(empty.state()).isEqualTo(CheckState.DONE);
        assertThat(empty.outcome()).isEqualTo("NO_SUBMISSIONS");
        assertThat(empty.message()).isEqualTo("No submissions to compare.");
        assertThatThrownBy(() -> as(s.ta(), () -> plagiarism.report(c.assignmentId()))).hasMessageContaining("No plagiarism report");

        submit(c, s.student(), "alice.py");
        as(s.ta(), () -> plagiarism.runCheck(c.assignmentId()));
        PlagiarismCheckRun one = awaitCheck(s.ta(), c.assignmentId());
        assertThat(one.outcome()).isEqualTo("ONE_SUBMISSION");
        assertThat(one.message()).startsWith("Only one submission");

        submit(c, s.otherStudent(), "bob.py");
        as(s.ta(), () -> submissions.submitOnBehalf(c.assignmentId(), c.third().email(), null, "plagiarism test", "broken.py",
                "def broken(:\n    return ((\n".repeat(5).getBytes(StandardCharsets.UTF_8)));
        as(s.ta(), () -> plagiarism.runCheck(c.assignmentId()));
        PlagiarismCheckRun compared = awaitCheck(s.ta(), c.assignmentId());
        assertThat(compared.state()).isEqualTo(CheckState.DONE);
        assertThat(compared.outcome()).isEqualTo("COMPARED");
        PlagiarismResults r = as(s.ta(), () -> plagiarism.results(c.assignmentId()));
        assertThat(r.problems()).isNotEmpty().anySatisfy(p -> {
            assertThat(p.party()).isEqualTo(party(c.third()));
            assertThat(p.label()).contains(c.third().email());
        });
        assertThat(r.pairs()).anySatisfy(p -> assertThat(p.between(party(s.student()), party(s.otherStudent()))).isTrue());
    }

    @Test
    void aCheckPastItsTimeLimitEndsWithAClearMessage() {
        Class c = course();
        var s = c.s();
        submit(c, s.student(), "alice.py");
        submit(c, s.otherStudent(), "bob.py");
        Duration before = worker.timeLimit();
        worker.timeLimit(Duration.ofMillis(1));
        try {
            as(s.ta(), () -> plagiarism.runCheck(c.assignmentId()));
            PlagiarismCheckRun stopped = awaitCheck(s.ta(), c.assignmentId());
            assertThat(stopped.state()).isEqualTo(CheckState.FAILED);
            assertThat(stopped.message()).isEqualTo("The check stopped at its time limit of 1 ms before it finished; nothing was"
                    + " stored. Fewer references or earlier terms make it faster; an administrator can raise the limit"
                    + " (lectern.plagiarism.time-limit).");
        } finally {
            worker.timeLimit(before);
        }
        as(s.ta(), () -> plagiarism.runCheck(c.assignmentId()));
        assertThat(awaitCheck(s.ta(), c.assignmentId()).state()).isEqualTo(CheckState.DONE);
    }

    @Test
    void anEarlierTermIsImportedOnceAllOrNothingAndACopyFromItIsFlagged() throws Exception {
        Class c = course();
        var s = c.s();
        byte[] loose = Coursework.zip("zoe/two_layer_net.py", new String(fixture("alice.py"), StandardCharsets.UTF_8), "README.py", "x = 1\n");
        assertThatThrownBy(() -> as(s.instructor(), () -> plagiarism.importPreviousTerm(c.assignmentId(), "2025 autumn", "old.zip", loose)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("one folder per student").hasMessageContaining("README.py");
        assertThatThrownBy(() -> as(s.instructor(), () -> plagiarism.importPreviousTerm(c.assignmentId(), "2025 autumn", "old.zip",
                "not a zip".getBytes(StandardCharsets.UTF_8)))).isInstanceOf(InvalidInputException.class).hasMessageContaining("Nothing was imported");
        assertThat(as(s.instructor(), () -> plagiarism.corpus(c.assignmentId()))).isEmpty();
        assertThatThrownBy(() -> as(s.ta(), () -> plagiarism.importPreviousTerm(c.assignmentId(), "2025 autumn", "old.zip", loose)))
                .isInstanceOf(ForbiddenException.class);

        byte[] archive = Coursework.zip("autumn/zoe/two_layer_net.py", new String(fixture("alice.py"), StandardCharsets.UTF_8),
                "autumn/yan/two_layer_net.py", new String(fixture("bob.py"), StandardCharsets.UTF_8), "autumn/yan/notes.txt", "hello");
        CorpusEntry term = as(s.instructor(), () -> plagiarism.importPreviousTerm(c.assignmentId(), "2025 autumn", "old.zip", archive));
        assertThat(term.kind()).isEqualTo(CorpusKind.PREVIOUS_TERM);
        assertThat(term.submissions()).isEqualTo(2);
        assertThat(term.files()).isEqualTo(2);
        assertThatThrownBy(() -> as(s.instructor(), () -> plagiarism.importPreviousTerm(c.assignmentId(), "2025 autumn", "old.zip", archive)))
                .isInstanceOf(ConflictException.class).hasMessageContaining("already imported");

        as(s.instructor(), () -> assignments.uploadStarterFile(c.assignmentId(), "two_layer_net.py", fixture("starter.py")));
        submit(c, s.student(), "dana.py"); // last term's zoe, renamed and reordered
        as(s.ta(), () -> plagiarism.runCheck(c.assignmentId()));
        assertThat(awaitCheck(s.ta(), c.assignmentId()).outcome()).isEqualTo("COMPARED");
        PlagiarismResults r = as(s.ta(), () -> plagiarism.results(c.assignmentId()));
        PairSummary top = r.pairs().getFirst();
        assertThat(top.first().id()).isEqualTo(party(s.student()));
        assertThat(top.second().kind()).isEqualTo("PREVIOUS_TERM");
        assertThat(top.second().describe()).isEqualTo("zoe (2025 autumn)");
        assertThat(top.flagged()).isTrue();
        assertThat(r.pairs()).filteredOn(p -> p.second().label().equals("yan")).allSatisfy(p -> assertThat(p.flagged()).isFalse());
    }

    @Test
    void theDeadlineCheckWaitsForTheCurrentDeadlineAndThenRunsOnce() {
        var s = coursework.setup(false);
        String due = "select count(*) from scheduled_tasks where task_name = 'plagiarism-deadline' and task_instance like ?";
        assertThat(jdbc.sql(due).param("deadline-" + s.assignment().id() + "-%").query(Integer.class).single()).isEqualTo(1);
        worker.deadlineReached(s.assignment().id()); // fired early (the deadline moved): nothing runs yet
        assertThat(as(s.ta(), () -> plagiarism.latestCheck(s.assignment().id()))).isEmpty();

        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Assignment past = as(s.instructor(), () -> assignments.create(s.courseId(), AssignmentDraft.of("A0", "Past", now.minus(3, ChronoUnit.DAYS),
                now.minus(1, ChronoUnit.DAYS), BigDecimal.TEN)));
        assertThat(jdbc.sql(due).param("deadline-" + past.id() + "-%").query(Integer.class).single()).isZero();
        worker.deadlineReached(past.id());
        PlagiarismCheckRun run = awaitCheck(s.ta(), past.id());
        assertThat(run.trigger()).isEqualTo(CheckTrigger.DEADLINE);
        assertThat(run.outcome()).isEqualTo("NO_SUBMISSIONS");
    }
}
