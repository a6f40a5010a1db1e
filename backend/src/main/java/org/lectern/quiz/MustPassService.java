package org.lectern.quiz;

import java.math.BigDecimal;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.lectern.course.CourseAccess;
import org.lectern.course.CourseRole;
import org.lectern.course.CourseService;
import org.lectern.course.Member;
import org.lectern.gradebook.GradedItemDeclared;
import org.lectern.gradebook.ScoreReported;
import org.lectern.platform.ConflictException;
import org.lectern.platform.ForbiddenException;
import org.lectern.platform.InvalidInputException;
import org.lectern.platform.NotFoundException;
import org.lectern.platform.audit.AuditLog;
import org.lectern.quiz.internal.QuizRepository;
import org.lectern.schedule.CourseItem;
import org.lectern.schedule.CourseItemDraft;
import org.lectern.schedule.ScheduleService;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Must-pass quizzes: who has not passed yet, for staff (students see their own reminder on the quiz list). */
@Service
public class MustPassService {

    private final QuizRepository repo;
    private final CourseAccess access;
    private final CourseService courses;
    private final QuizAttempts attempts;

    MustPassService(QuizRepository repo, CourseAccess access, CourseService courses, QuizAttempts attempts) {
        this.repo = repo;
        this.access = access;
        this.courses = courses;
        this.attempts = attempts;
    }

    /** Students who have not passed a must-pass quiz (empty for other quizzes), for staff. */
    @Transactional
    public List<MustPassRow> mustPass(long quizId) {
        Quiz q = repo.quiz(quizId).orElseThrow(() -> notFound(quizId));
        access.staff(q.courseId());
        attempts.finishExpired(q.courseId());
        if (!q.mustPass()) {
            return List.of();
        }
        Map<Long, List<Attempt>> byStudent = repo.attemptsForQuiz(quizId).stream().collect(Collectors.groupingBy(Attempt::accountId));
        List<MustPassRow> rows = new ArrayList<>();
        for (Member m : courses.roster(q.courseId())) {
            if (m.role() != CourseRole.STUDENT) {
                continue;
            }
            List<Attempt> attempts = byStudent.getOrDefault(m.accountId(), List.of());
            if (QuizAttempts.passed(q, attempts)) {
                continue;
            }
            BigDecimal best = attempts.stream().filter(Attempt::finished).map(Attempt::score).filter(Objects::nonNull)
                    .max(Comparator.naturalOrder()).orElse(null);
            String status = attempts.isEmpty() ? "not_started"
                    : attempts.stream().anyMatch(a -> !a.finished()) ? "in_progress"
                    : attempts.stream().anyMatch(a -> a.pending() > 0) ? "awaiting_grading" : "not_passed";
            rows.add(new MustPassRow(m.accountId(), m.name(), m.email(), status, best));
        }
        return rows;
    }

    private static NotFoundException notFound(long id) {
        return new NotFoundException("No quiz " + id + " that you can see.");
    }
}
