package org.lectern.dashboard;

import java.util.List;
import org.lectern.course.CourseAccess;
import org.lectern.extensionrequest.ExtensionRequestService;
import org.lectern.quiz.QuizGradingService;
import org.lectern.written.RegradeService;
import org.lectern.written.WrittenService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What waits for course staff now, each with a count: the TA's start. Every count comes from its own feature's
 * role-checked service, so the dashboard knows no rule of its own.
 */
@Service
public class TaDashboardService {

    /** One kind of waiting work; {@code key} is stable for scripts and the page. */
    public record Waiting(String key, String label, int count) {
    }

    private final CourseAccess access;
    private final WrittenService written;
    private final RegradeService regrades;
    private final ExtensionRequestService extensions;
    private final QuizGradingService quizzes;

    TaDashboardService(CourseAccess access, WrittenService written, RegradeService regrades, ExtensionRequestService extensions, QuizGradingService quizzes) {
        this.access = access;
        this.written = written;
        this.regrades = regrades;
        this.extensions = extensions;
        this.quizzes = quizzes;
    }

    @Transactional
    public List<Waiting> waiting(long courseId) {
        access.staff(courseId);
        return List.of(
                new Waiting("written", "Written answers to grade", written.ungradedAnswers(courseId)),
                new Waiting("quiz-short-answers", "Quiz short answers to grade", quizzes.gradingQueue(courseId).size()),
                new Waiting("regrade-requests", "Regrade requests to answer", regrades.openCount(courseId)),
                new Waiting("extension-requests", "Extension requests to decide", extensions.openCount(courseId)));
    }
}
