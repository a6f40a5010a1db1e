package org.lectern.written;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.lectern.course.CourseAccess;
import org.lectern.course.CourseRole;
import org.lectern.course.CourseService;
import org.lectern.course.Member;
import org.lectern.platform.InvalidInputException;
import org.lectern.platform.NotFoundException;
import org.lectern.platform.audit.AuditLog;
import org.lectern.submission.Submission;
import org.lectern.submission.SubmissionService;
import org.lectern.written.internal.GradingSetupRepository;
import org.lectern.written.internal.WrittenRepository;
import org.lectern.written.internal.WrittenRepository.Owner;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Written grading shared among the TAs: the instructor picks how ({@link GradingSplit}: by section, by question, or
 * evenly) and whether graders see names; each TA's queue is what the rule gives them plus what it gives nobody, and
 * each TA's progress is counted over the counted versions that have pages. Anonymous grading hides a question's
 * students' names on the grading page until every answer to it is graded.
 */
@Service
public class GradingSplitService {

    /** An assignment's choice; {@code questionGraders}: question id → the TAs named for it (split by question). */
    public record Setup(String split, Boolean anonymous, Map<Long, List<Long>> questionGraders) {
    }

    /** One answer waiting or graded: a question of a student's counted version with pages, and its grader (null: anyone). */
    public record AnswerState(long questionId, long studentId, String studentName, long submissionId, Long graderId, boolean graded) {
    }

    /** One grader's share of the course's written answers. */
    public record Progress(long graderId, String grader, int assigned, int graded) {
    }

    private final GradingSetupRepository setups;
    private final WrittenRepository repo;
    private final CourseAccess access;
    private final CourseService courses;
    private final SubmissionService submissions;
    private final AuditLog audit;

    GradingSplitService(GradingSetupRepository setups, WrittenRepository repo, CourseAccess access, CourseService courses,
                        SubmissionService submissions, AuditLog audit) {
        this.setups = setups;
        this.repo = repo;
        this.access = access;
        this.courses = courses;
        this.submissions = submissions;
        this.audit = audit;
    }

    @Transactional(readOnly = true)
    public Setup setup(long assignmentId) {
        Owner a = owner(assignmentId);
        staff(a, assignmentId);
        return load(a);
    }

    /** Instructors choose the split and anonymity; graders named for questions must be the course's TAs. */
    @Transactional
    public Setup saveSetup(long assignmentId, Setup s) {
        Owner a = owner(assignmentId);
        CourseAccess.Grant grant;
        try {
            grant = access.instructor(a.courseId());
        } catch (NotFoundException e) {
            throw notFound(assignmentId);
        }
        if (s == null || s.split() == null) {
            throw new InvalidInputException("split: none, section, question or even.");
        }
        GradingSplit.Mode mode;
        try {
            mode = GradingSplit.Mode.parse(s.split());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("split: none, section, question or even.");
        }
        Set<Long> questions = repo.questions(assignmentId).stream().map(WrittenQuestion::id).collect(Collectors.toSet());
        Set<Long> tas = courses.roster(a.courseId()).stream().filter(m -> m.role() == CourseRole.TA).map(Member::accountId).collect(Collectors.toSet());
        Map<Long, List<Long>> named = s.questionGraders() == null ? Map.of() : s.questionGraders();
        List<String> problems = new ArrayList<>();
        named.forEach((q, graders) -> {
            if (q == null || !questions.contains(q)) {
                problems.add("question " + q + " is not a written question of this assignment");
            }
            for (Long g : graders == null ? List.<Long>of() : graders) {
                if (g == null || !tas.contains(g)) {
                    problems.add("account " + g + " is not a TA of this course");
                }
            }
        });
        if (!problems.isEmpty()) {
            throw new InvalidInputException("questionGraders: " + String.join("; ", problems) + ".");
        }
        boolean anonymous = Boolean.TRUE.equals(s.anonymous());
        setups.save(assignmentId, mode.name().toLowerCase(java.util.Locale.ROOT), anonymous);
        for (long q : questions) {
            setups.replaceQuestionGraders(q, new HashSet<>(named.getOrDefault(q, List.of())));
        }
        audit.record(grant.caller().accountId(), a.courseId(), "written.grading.setup", a.shortName() + " split " + mode + (anonymous ? ", anonymous" : "")
                + (named.isEmpty() ? "" : ", graders " + named));
        return load(a);
    }

    /** Every answer of the assignment with its grader; no role check (callers in this feature check staff). */
    List<AnswerState> answers(Owner a) {
        Setup setup = load(a);
        List<Member> roster = courses.roster(a.courseId());
        List<GradingSplit.Person> tas = roster.stream().filter(m -> m.role() == CourseRole.TA)
                .map(m -> new GradingSplit.Person(m.accountId(), m.section())).toList();
        Map<Long, Member> students = roster.stream().filter(m -> m.role() == CourseRole.STUDENT)
                .collect(Collectors.toMap(Member::accountId, m -> m));
        List<Submission> withPages = submissions.counted(a.assignmentId()).stream().filter(s -> repo.pageCount(s.id()) > 0)
                .sorted(Comparator.comparingLong(Submission::id)).toList();
        List<Long> questions = repo.questions(a.assignmentId()).stream().map(WrittenQuestion::id).toList();
        Map<Long, Set<Long>> named = new HashMap<>();
        setup.questionGraders().forEach((q, g) -> named.put(q, new HashSet<>(g)));
        var assigned = GradingSplit.assign(GradingSplit.Mode.parse(setup.split()), tas,
                withPages.stream().map(s -> new GradingSplit.Person(s.accountId(), students.containsKey(s.accountId())
                        ? students.get(s.accountId()).section() : null)).toList(), questions, named);
        Set<String> graded = repo.grades(a.assignmentId(), null).stream().filter(g -> g.gradedAt() != null)
                .map(g -> g.questionId() + "/" + g.accountId()).collect(Collectors.toSet());
        List<AnswerState> out = new ArrayList<>();
        for (long q : questions) {
            for (Submission s : withPages) {
                out.add(new AnswerState(q, s.accountId(), s.studentName(), s.id(), assigned.get(new GradingSplit.Answer(q, s.accountId())),
                        graded.contains(q + "/" + s.accountId())));
            }
        }
        return out;
    }

    /** Whether graders should not see names on this question yet: anonymous grading, and an answer still ungraded. */
    boolean namesHidden(Owner a, long questionId, List<AnswerState> answers) {
        return Boolean.TRUE.equals(load(a).anonymous()) && answers.stream().anyMatch(x -> x.questionId() == questionId && !x.graded());
    }

    /**
     * Staff: each TA's share of the course's written answers, assigned and graded, and a line for answers the split
     * gives nobody (grader id 0). Instructors see every TA; a TA sees their own line and the unassigned one.
     */
    @Transactional(readOnly = true)
    public List<Progress> progress(long courseId) {
        var grant = access.staff(courseId);
        Map<Long, String> names = new LinkedHashMap<>();
        courses.roster(courseId).stream().filter(m -> m.role() == CourseRole.TA).sorted(Comparator.comparing(Member::name))
                .forEach(m -> names.put(m.accountId(), m.name()));
        Map<Long, int[]> counts = new HashMap<>();
        for (long assignmentId : repo.writtenAssignments(courseId)) {
            for (AnswerState x : answers(repo.assignment(assignmentId).orElseThrow())) {
                int[] c = counts.computeIfAbsent(x.graderId() == null ? 0L : x.graderId(), k -> new int[2]);
                c[0]++;
                c[1] += x.graded() ? 1 : 0;
            }
        }
        List<Progress> out = new ArrayList<>();
        names.forEach((id, name) -> {
            if (grant.isInstructor() || id == grant.caller().accountId()) {
                int[] c = counts.getOrDefault(id, new int[2]);
                out.add(new Progress(id, name, c[0], c[1]));
            }
        });
        int[] nobody = counts.getOrDefault(0L, new int[2]);
        out.add(new Progress(0, "Anyone (not assigned)", nobody[0], nobody[1]));
        return out;
    }

    /** Staff: ungraded answers that wait for the caller: assigned to them or to nobody (instructors: all). */
    @Transactional(readOnly = true)
    public int waitingFor(long courseId) {
        var grant = access.staff(courseId);
        long me = grant.caller().accountId();
        int n = 0;
        for (long assignmentId : repo.writtenAssignments(courseId)) {
            for (AnswerState x : answers(repo.assignment(assignmentId).orElseThrow())) {
                if (!x.graded() && (grant.isInstructor() || x.graderId() == null || x.graderId() == me)) {
                    n++;
                }
            }
        }
        return n;
    }

    private Setup load(Owner a) {
        var row = setups.setup(a.assignmentId()).orElse(new GradingSetupRepository.Row("none", false));
        return new Setup(row.split(), row.anonymous(), setups.questionGraders(a.assignmentId()));
    }

    private Owner owner(long assignmentId) {
        return repo.assignment(assignmentId).orElseThrow(() -> notFound(assignmentId));
    }

    private void staff(Owner a, long assignmentId) {
        try {
            access.staff(a.courseId());
        } catch (NotFoundException e) {
            throw notFound(assignmentId);
        }
    }

    private static NotFoundException notFound(long id) {
        return new NotFoundException("No assignment " + id + ".");
    }
}
