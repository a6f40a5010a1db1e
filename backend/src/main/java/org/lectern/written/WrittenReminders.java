package org.lectern.written;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.lectern.submission.Submission;
import org.lectern.submission.SubmissionMaterials;
import org.lectern.written.internal.WrittenRepository;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The reminder before a written deadline (the pool's {@code written-reminders} task, no caller): for each assignment
 * with written questions due within {@link #AHEAD}, each student whose counted PDF leaves questions unmarked is told
 * once which ({@link WrittenPagesUnmarked}); the row recording it is written in the same transaction as the mail.
 */
@Component
public class WrittenReminders {

    /** How long before the deadline students are reminded. */
    public static final Duration AHEAD = Duration.ofHours(24);

    private final WrittenRepository repo;
    private final SubmissionMaterials submissions;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    WrittenReminders(WrittenRepository repo, SubmissionMaterials submissions, ApplicationEventPublisher events, Clock clock) {
        this.repo = repo;
        this.submissions = submissions;
        this.events = events;
        this.clock = clock;
    }

    /** Sends what is due now; answers how many students were reminded. */
    @Transactional
    public int sendDue() {
        Instant now = clock.instant();
        int n = 0;
        for (WrittenRepository.Due a : repo.writtenDueBetween(now, now.plus(AHEAD))) {
            List<WrittenQuestion> questions = repo.questions(a.assignmentId());
            for (Submission s : submissions.counted(a.assignmentId())) {
                if (repo.pageCount(s.id()) == 0) {
                    continue;
                }
                var marks = repo.marks(s.id());
                List<Integer> unmarked = questions.stream().filter(q -> !marks.containsKey(q.id())).map(WrittenQuestion::number).toList();
                if (unmarked.isEmpty() || !repo.remember(a.assignmentId(), s.accountId(), now)) {
                    continue;
                }
                events.publishEvent(new WrittenPagesUnmarked(a.courseId(), a.assignmentId(), a.shortName(), s.accountId(), unmarked, a.dueAt()));
                n++;
            }
        }
        return n;
    }
}
