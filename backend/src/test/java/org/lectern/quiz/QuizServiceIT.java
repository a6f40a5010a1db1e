package org.lectern.quiz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.lectern.People.as;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.lectern.BackendTest;
import org.lectern.Coursework;
import org.lectern.TestClock;
import org.lectern.gradebook.GradebookService;
import org.lectern.identity.Account;
import org.lectern.platform.ConflictException;
import org.lectern.platform.ForbiddenException;
import org.lectern.platform.InvalidInputException;
import org.lectern.platform.NotFoundException;
import org.lectern.platform.audit.AuditLog;
import org.lectern.quiz.QuizDraft.QuestionDraft;
import org.lectern.schedule.CourseItem;
import org.lectern.schedule.ScheduleService;
import org.springframework.beans.factory.annotation.Autowired;

/** Quizzes on the real database: the server's timer, resuming, privacy, TA grading into the gradebook, must-pass. */
@BackendTest
class QuizServiceIT {

    @Autowired Coursework coursework;
    @Autowired QuizAuthoringService authoring;
    @Autowired QuizAttemptService attempts;
    @Autowired QuizGradingService grading;
    @Autowired MustPassService mustPass;
    @Autowired GradebookService gradebook;
    @Autowired org.lectern.gradebook.GradingPolicyService policies;
    @Autowired ScheduleService schedule;
    @Autowired AuditLog audit;
    @Autowired TestClock clock;
    @Autowired org.lectern.quiz.internal.QuizRepository repo;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    static final QuestionDraft KNN = QuestionDraft.single("With k = 1, what is a kNN classifier's training accuracy (no duplicate points)?",
            BigDecimal.ONE, List.of("0%", "50%", "100%"), 2).explained("Each training point is its own nearest neighbour.");
    static final QuestionDraft LINEAR = QuestionDraft.many("Which are linear classifiers?", new BigDecimal("2"),
            List.of("softmax regression", "multiclass SVM", "kNN"), List.of(0, 1));
    static final QuestionDraft PARAMS = QuestionDraft.numeric("How many parameters has a linear classifier on 3072 inputs and 10 classes, with biases?",
            new BigDecimal("3"), new BigDecimal("30730"), BigDecimal.ZERO);
    static final QuestionDraft DISTANCE = QuestionDraft.text("Name the distance kNN uses most often.", new BigDecimal("4"), List.of("L2", "Euclidean"));

    static QuizDraft draft(String shortName, Integer limitMinutes, Instant open, Instant close, List<QuestionDraft> questions) {
        return new QuizDraft(shortName, "Quiz on kNN and linear classifiers", open, close, limitMinutes, null, "Quizzes", null, false,
                true, null, null, questions, null);
    }

    static QuizDraft openNow(String shortName, Integer limitMinutes) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        return draft(shortName, limitMinutes, now.minus(1, ChronoUnit.HOURS), now.plus(2, ChronoUnit.DAYS), List.of(KNN, LINEAR, PARAMS, DISTANCE));
    }

    Quiz create(Coursework.Setup s, QuizDraft d) {
        return as(s.instructor(), () -> authoring.create(s.courseId(), d));
    }

    static AttemptView.AttemptQuestion question(AttemptView v, String promptStart) {
        return v.questions().stream().filter(q -> q.prompt().startsWith(promptStart)).findFirst().orElseThrow();
    }

    BigDecimal gradebookScore(Coursework.Setup s, Account student, String item) {
        var g = as(s.ta(), () -> gradebook.gradebook(s.courseId()));
        return g.students().stream().filter(r -> r.email().equals(student.email())).findFirst().orElseThrow().items().get(item).score();
    }

    @Test
    void aQuizIsOnTheScheduleAndTakesItsPlaceholdersPlaceInTheGradebook() {
        var s = coursework.setup(false);
        Quiz q = create(s, openNow("Quiz1", 10));
        assertThat(q.points()).isEqualByComparingTo("10");
        assertThat(q.questionCount()).isEqualTo(4);
        assertThat(as(s.student(), () -> schedule.items(s.courseId()))).anySatisfy(i -> {
            assertThat(i.kind()).isEqualTo(CourseItem.Kind.QUIZ);
            assertThat(i.shortName()).isEqualTo("Quiz1");
            assertThat(i.route()).isEqualTo("courses/" + s.courseId() + "/quizzes/" + q.id());
        });
        var policy = as(s.ta(), () -> policies.policy(s.courseId()));
        var quizzesCategory = policy.categories().stream().filter(c -> c.name().equals("Quizzes")).findFirst().orElseThrow();
        assertThat(quizzesCategory.items()).extracting(i -> i.shortName()).containsExactly("Quiz1", "quiz2", "quiz3", "quiz4", "quiz5");
    }

    @Test
    void theTimerRunsOnTheServerAndResumingKeepsTheDeadline() {
        var s = coursework.setup(false);
        Quiz q = create(s, openNow("Quiz1", 10));
        AttemptView first = as(s.student(), () -> attempts.start(q.id()));
        assertThat(first.state()).isEqualTo(Attempt.State.OPEN);
        assertThat(first.deadline()).isEqualTo(first.startedAt().plus(Duration.ofMinutes(10)));
        assertThat(first.remainingSeconds()).isBetween(595L, 600L);
        assertThat(first.questions()).hasSize(4).allSatisfy(x -> assertThat(x.key()).isNull());

        long knn = question(first, "With k = 1").questionId();
        int right = question(first, "With k = 1").options().stream().filter(o -> o.text().equals("100%")).findFirst().orElseThrow().index();
        as(s.student(), () -> attempts.saveAnswer(first.id(), knn, Answer.choices(right)));

        // Five minutes later a reload (or a second tab) resumes the same attempt: same deadline, the answer still there.
        clock.advance(Duration.ofMinutes(5));
        AttemptView again = as(s.student(), () -> attempts.start(q.id()));
        assertThat(again.id()).isEqualTo(first.id());
        assertThat(again.deadline()).isEqualTo(first.deadline());
        assertThat(again.remainingSeconds()).isBetween(295L, 300L);
        assertThat(question(again, "With k = 1").response().choices()).containsExactly(right);
        assertThat(again.questions()).extracting(AttemptView.AttemptQuestion::questionId)
                .containsExactlyElementsOf(first.questions().stream().map(AttemptView.AttemptQuestion::questionId).toList());

        // Past the deadline the server refuses answers, and the next read finishes the attempt as of its deadline.
        clock.advance(Duration.ofMinutes(5).plusSeconds(1));
        long params = question(first, "How many parameters").questionId();
        assertThatThrownBy(() -> as(s.student(), () -> attempts.saveAnswer(first.id(), params, Answer.number(new BigDecimal("30730")))))
                .isInstanceOf(ConflictException.class).hasMessageContaining("Time is up");
        AttemptView expired = as(s.student(), () -> attempts.attempt(first.id()));
        assertThat(expired.state()).isEqualTo(Attempt.State.EXPIRED);
        assertThat(expired.remainingSeconds()).isZero();
        assertThat(expired.score()).isEqualByComparingTo("1");
        assertThat(expired.possible()).isEqualByComparingTo("10");
        assertThat(question(expired, "How many parameters").response().isEmpty()).isTrue();
        assertThat(gradebookScore(s, s.student(), "Quiz1")).isEqualByComparingTo("1");

        // Submitting now changes nothing, and starting again returns the finished attempt (one attempt allowed).
        assertThat(as(s.student(), () -> attempts.submit(first.id())).state()).isEqualTo(Attempt.State.EXPIRED);
        assertThat(as(s.student(), () -> attempts.start(q.id())).id()).isEqualTo(first.id());
    }

    @Test
    void theWindowsCloseCutsATimeLimitShort() {
        var s = coursework.setup(false);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Quiz q = create(s, draft("Q2", 30, now.minus(1, ChronoUnit.HOURS), now.plus(3, ChronoUnit.MINUTES), List.of(KNN)));
        AttemptView a = as(s.student(), () -> attempts.start(q.id()));
        assertThat(a.deadline()).isEqualTo(q.closeAt());
        clock.advance(Duration.ofMinutes(4));
        assertThatThrownBy(() -> as(s.otherStudent(), () -> attempts.start(q.id()))).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("closed");
        // Nobody read the expired attempt, yet staff's list finishes it, so its score reaches the gradebook.
        as(s.ta(), () -> attempts.list(s.courseId()));
        assertThat(as(s.student(), () -> attempts.page(q.id())).myAttempts()).singleElement()
                .satisfies(x -> assertThat(x.state()).isEqualTo(Attempt.State.EXPIRED));
        assertThat(gradebookScore(s, s.student(), "Q2")).isEqualByComparingTo("0");
    }

    @Test
    void studentsSeeNeitherOthersAttemptsNorAnswerKeys() {
        var s = coursework.setup(false);
        Quiz q = create(s, openNow("Quiz1", 10));
        AttemptView mine = as(s.student(), () -> attempts.start(q.id()));
        long anyQuestion = mine.questions().getFirst().questionId();
        assertThatThrownBy(() -> as(s.otherStudent(), () -> attempts.attempt(mine.id()))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> as(s.otherStudent(), () -> attempts.saveAnswer(mine.id(), anyQuestion, Answer.choices(0))))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> as(s.otherStudent(), () -> attempts.submit(mine.id()))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> as(s.ta(), () -> attempts.saveAnswer(mine.id(), anyQuestion, Answer.choices(0))))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> as(s.ta(), () -> attempts.start(q.id()))).isInstanceOf(ForbiddenException.class);
        assertThat(as(s.student(), () -> attempts.page(q.id())).pools()).isEmpty();
        assertThat(as(s.ta(), () -> attempts.page(q.id())).pools()).hasSize(4);
        assertThat(as(s.ta(), () -> attempts.attempt(mine.id())).id()).isEqualTo(mine.id());
        assertThatThrownBy(() -> as(s.student(), () -> grading.gradingQueue(s.courseId()))).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> as(s.student(), () -> mustPass.mustPass(q.id()))).isInstanceOf(ForbiddenException.class);
        // A student answering someone else's question id, or nonsense, is told so.
        assertThatThrownBy(() -> as(s.student(), () -> attempts.saveAnswer(mine.id(), -1, Answer.choices(0)))).isInstanceOf(NotFoundException.class);
        long numeric = question(mine, "How many parameters").questionId();
        assertThatThrownBy(() -> as(s.student(), () -> attempts.saveAnswer(mine.id(), numeric, Answer.text("many"))))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("Enter a number");
    }

    @Test
    void aTaGradesShortTextAnswersAndTheGradebookFollows() {
        var s = coursework.setup(false);
        Quiz q = create(s, openNow("Quiz1", 10));
        AttemptView a = as(s.student(), () -> attempts.start(q.id()));
        as(s.student(), () -> {
            attempts.saveAnswer(a.id(), question(a, "How many parameters").questionId(), Answer.number(new BigDecimal("30730")));
            attempts.saveAnswer(a.id(), question(a, "Name the distance").questionId(), Answer.text("the straight-line distance"));
        });
        AttemptView submitted = as(s.student(), () -> attempts.submit(a.id()));
        assertThat(submitted.state()).isEqualTo(Attempt.State.SUBMITTED);
        assertThat(submitted.score()).isEqualByComparingTo("3");
        assertThat(submitted.pending()).isEqualTo(1);
        assertThat(submitted.review()).isFalse();
        assertThat(gradebookScore(s, s.student(), "Quiz1")).isEqualByComparingTo("3");

        List<PendingAnswer> queue = as(s.ta(), () -> grading.gradingQueue(s.courseId()));
        assertThat(queue).singleElement().satisfies(p -> {
            assertThat(p.response()).isEqualTo("the straight-line distance");
            assertThat(p.studentEmail()).isEqualTo(s.student().email());
            assertThat(p.accepted()).containsExactly("L2", "Euclidean");
        });
        PendingAnswer p = queue.getFirst();
        assertThatThrownBy(() -> as(s.ta(), () -> grading.grade(p.attemptId(), p.questionId(), new BigDecimal("5"), null)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("between 0 and 4");
        assertThatThrownBy(() -> as(s.student(), () -> grading.grade(p.attemptId(), p.questionId(), new BigDecimal("4"), null)))
                .isInstanceOf(ForbiddenException.class);
        AttemptView graded = as(s.ta(), () -> grading.grade(p.attemptId(), p.questionId(), new BigDecimal("3.5"), "Right idea: that is L2."));
        assertThat(graded.score()).isEqualByComparingTo("6.5");
        assertThat(graded.pending()).isZero();
        assertThat(as(s.ta(), () -> grading.gradingQueue(s.courseId()))).isEmpty();
        assertThat(gradebookScore(s, s.student(), "Quiz1")).isEqualByComparingTo("6.5");
        assertThat(audit.forCourse(s.courseId())).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo("quiz.graded");
            assertThat(e.actorId()).isEqualTo(s.ta().id());
        });
    }

    @Test
    void reviewOpensAfterTheWindowClosesAndOnlyIfAllowed() {
        var s = coursework.setup(false);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        QuizDraft d = draft("Q3", 10, now.minus(1, ChronoUnit.HOURS), now.plus(1, ChronoUnit.HOURS), List.of(KNN, DISTANCE));
        Quiz reviewed = create(s, new QuizDraft(d.shortName(), d.title(), d.openAt(), d.closeAt(), 10, null, null, null, true, true, null,
                null, d.questions(), null));
        Quiz hidden = create(s, draft("Q4", 10, d.openAt(), d.closeAt(), List.of(KNN)));
        AttemptView a = as(s.student(), () -> attempts.start(reviewed.id()));
        AttemptView b = as(s.student(), () -> attempts.start(hidden.id()));
        as(s.student(), () -> {
            attempts.saveAnswer(a.id(), question(a, "Name the distance").questionId(), Answer.text("manhattan"));
            attempts.submit(a.id());
            attempts.submit(b.id());
        });
        assertThat(as(s.student(), () -> attempts.attempt(a.id())).questions()).allSatisfy(x -> {
            assertThat(x.key()).isNull();
            assertThat(x.earned()).isNull();
        });
        var ta = as(s.ta(), () -> grading.grade(a.id(), question(a, "Name the distance").questionId(), BigDecimal.ZERO, "That is L1."));
        assertThat(ta.review()).isTrue();

        clock.advance(Duration.ofHours(2));
        AttemptView review = as(s.student(), () -> attempts.attempt(a.id()));
        assertThat(review.review()).isTrue();
        assertThat(question(review, "With k = 1").key().correct()).containsExactly(2);
        assertThat(question(review, "With k = 1").key().explanation()).contains("own nearest neighbour");
        assertThat(question(review, "Name the distance").feedback()).isEqualTo("That is L1.");
        assertThat(question(review, "Name the distance").status()).isEqualTo(QuizGrading.Status.GRADED);
        assertThat(as(s.student(), () -> attempts.attempt(b.id())).questions()).allSatisfy(x -> assertThat(x.key()).isNull());
    }

    @Test
    void mustPassQuizzesListWhoHasNotPassedAndRemindThem() {
        var s = coursework.setup(false);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Quiz q = create(s, new QuizDraft("SelfCheck", "Self-assessment quiz (theory)", now.minus(1, ChronoUnit.HOURS), now.plus(7, ChronoUnit.DAYS),
                null, null, null, new BigDecimal("50"), false, false, 2, null, List.of(KNN, PARAMS), null));
        assertThat(as(s.ta(), () -> mustPass.mustPass(q.id()))).extracting(MustPassRow::email, MustPassRow::status)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(s.student().email(), "not_started"),
                        org.assertj.core.groups.Tuple.tuple(s.otherStudent().email(), "not_started"));
        assertThat(as(s.student(), () -> attempts.reminders(s.courseId()))).extracting(Quiz::shortName).containsExactly("SelfCheck");

        // The first student fails once (1 of 4 is under 50%), then passes on the second attempt.
        AttemptView first = as(s.student(), () -> attempts.start(q.id()));
        as(s.student(), () -> attempts.saveAnswer(first.id(), question(first, "With k = 1").questionId(), Answer.choices(2)));
        AttemptView failed = as(s.student(), () -> attempts.submit(first.id()));
        assertThat(failed.passed()).isFalse();
        assertThat(as(s.ta(), () -> mustPass.mustPass(q.id()))).filteredOn(r -> r.email().equals(s.student().email()))
                .singleElement().satisfies(r -> {
                    assertThat(r.status()).isEqualTo("not_passed");
                    assertThat(r.bestScore()).isEqualByComparingTo("1");
                });
        AttemptView second = as(s.student(), () -> attempts.start(q.id()));
        assertThat(second.number()).isEqualTo(2);
        assertThat(second.id()).isNotEqualTo(first.id());
        as(s.student(), () -> attempts.saveAnswer(second.id(), question(second, "How many parameters").questionId(), Answer.number(new BigDecimal("30730"))));
        assertThat(as(s.student(), () -> attempts.submit(second.id())).passed()).isTrue();

        assertThat(as(s.ta(), () -> mustPass.mustPass(q.id()))).extracting(MustPassRow::email).containsExactly(s.otherStudent().email());
        assertThat(as(s.student(), () -> attempts.reminders(s.courseId()))).isEmpty();
        assertThat(as(s.otherStudent(), () -> attempts.page(q.id())).reminder()).isTrue();
        // Both attempts used: starting again shows the last one.
        assertThat(as(s.student(), () -> attempts.start(q.id())).id()).isEqualTo(second.id());
    }

    @Test
    void poolsGiveEachStudentTheirOwnDraw() {
        var s = coursework.setup(false);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        List<QuestionDraft> pool = java.util.stream.IntStream.range(0, 6).mapToObj(i -> QuestionDraft.numeric("What is " + i + " + 1?",
                BigDecimal.ONE, BigDecimal.valueOf(i + 1), null)).toList();
        QuizDraft d = draft("Pooled", 10, now.minus(1, ChronoUnit.HOURS), now.plus(1, ChronoUnit.DAYS), List.of(KNN))
                .withPools(List.of(new QuizDraft.PoolDraft(2, pool)));
        Quiz q = create(s, d);
        assertThat(q.points()).isEqualByComparingTo("3");
        assertThat(q.questionCount()).isEqualTo(3);
        AttemptView a = as(s.student(), () -> attempts.start(q.id()));
        AttemptView b = as(s.otherStudent(), () -> attempts.start(q.id()));
        assertThat(a.questions()).hasSize(3);
        assertThat(b.questions()).hasSize(3);
        assertThat(a.possible()).isEqualByComparingTo("3");
        assertThat(a.questions().stream().filter(x -> x.prompt().startsWith("What is"))).hasSize(2);
    }

    @Test
    void quizzesAreCheckedWithEveryProblemNamedAndQuestionsFreezeOnceStarted() {
        var s = coursework.setup(false);
        Instant now = Instant.now();
        assertThatThrownBy(() -> create(s, new QuizDraft("Quiz 1!", "", now, now.minusSeconds(60), 0, new BigDecimal("99"), null,
                new BigDecimal("120"), null, null, null, null, List.of(new QuestionDraft("essay", "Why?", BigDecimal.ONE, null, null, null,
                null, null, null), QuestionDraft.single("Pick", BigDecimal.ONE, List.of("a", "b"), 5)),
                List.of(new QuizDraft.PoolDraft(3, List.of(KNN, PARAMS))))))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("shortName").hasMessageContaining("title is required").hasMessageContaining("closeAt must be after openAt")
                .hasMessageContaining("timeLimitMinutes").hasMessageContaining("mustPassPercent")
                .hasMessageContaining("questions[0]: kind is").hasMessageContaining("questions[1]: correct names an option")
                .hasMessageContaining("pools[0]: draw is between 1 and").hasMessageContaining("pools[0]: every question of a pool is worth the same");
        assertThat(create(s, openNow("Quiz1", 10).withQuestions(List.of(KNN))).questionCount()).isEqualTo(1);
        assertThatThrownBy(() -> create(s, openNow("quiz1", 10))).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> as(s.ta(), () -> authoring.create(s.courseId(), openNow("Quiz2", 10)))).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> create(s, new QuizDraft("Quiz3", "t", now, now.plusSeconds(600), null, new BigDecimal("5"), null, null,
                null, null, null, null, List.of(KNN), null))).hasMessageContaining("points: the questions add up to 1, not 5");
        assertThatThrownBy(() -> create(s, new QuizDraft("Quiz4", "t", now, now.plusSeconds(600), null, null, "Nonsense", null,
                null, null, null, null, List.of(KNN), null))).isInstanceOf(InvalidInputException.class).hasMessageContaining("category");

        Quiz q = create(s, openNow("Quiz5", 10));
        Quiz moved = as(s.instructor(), () -> authoring.update(q.id(), openNow("Quiz5", 20).withQuestions(List.of(KNN, LINEAR))));
        assertThat(moved.questionCount()).isEqualTo(2);
        as(s.student(), () -> attempts.start(q.id()));
        assertThatThrownBy(() -> as(s.instructor(), () -> authoring.update(q.id(), openNow("Quiz5", 20).withQuestions(List.of(KNN)))))
                .isInstanceOf(ConflictException.class).hasMessageContaining("questions can no longer change");
        Quiz longer = as(s.instructor(), () -> authoring.update(q.id(), openNow("Quiz5", 30).withQuestions(List.of(KNN, LINEAR))));
        assertThat(longer.timeLimitMinutes()).isEqualTo(30);
    }

    @Test
    void exerciseQuestionsGiveEachStudentTheirOwnNumbers() {
        var s = coursework.setup(false);
        Quiz q = create(s, draft("Quiz4", 20, Instant.now().minus(1, ChronoUnit.HOURS), Instant.now().plus(1, ChronoUnit.DAYS),
                List.of(QuestionDraft.exercise("conv-output-size", new BigDecimal("3")), QuestionDraft.exercise("knn", new BigDecimal("2")))));
        assertThat(q.points()).isEqualByComparingTo("5");
        AttemptView mine = as(s.student(), () -> attempts.start(q.id()));
        AttemptView theirs = as(s.otherStudent(), () -> attempts.start(q.id()));
        assertThat(mine.questions()).extracting(AttemptView.AttemptQuestion::kind)
                .containsExactlyInAnyOrder(QuestionKind.NUMERIC, QuestionKind.SINGLE_CHOICE);
        assertThat(mine.questions().stream().map(AttemptView.AttemptQuestion::prompt).sorted().toList())
                .isNotEqualTo(theirs.questions().stream().map(AttemptView.AttemptQuestion::prompt).sorted().toList());

        // The right answers for this attempt's own instance: full marks, and the gradebook gets them.
        long seed = repo.attempt(mine.id()).orElseThrow().seed();
        var stored = repo.questions(q.id());
        for (var shown : mine.questions()) {
            Question own = ExerciseQuestions.forAttempt(stored.get(shown.questionId()), seed);
            Answer right = own.kind() == QuestionKind.NUMERIC ? new Answer(null, own.answer(), null) : new Answer(own.correct(), null, null);
            as(s.student(), () -> attempts.saveAnswer(mine.id(), shown.questionId(), right));
        }
        AttemptView done = as(s.student(), () -> attempts.submit(mine.id()));
        assertThat(done.score()).isEqualByComparingTo("5");
        assertThatThrownBy(() -> create(s, draft("Quiz5", null, Instant.now(), Instant.now().plus(1, ChronoUnit.DAYS),
                List.of(QuestionDraft.exercise("conv2d", BigDecimal.ONE)))))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("vectors or matrices");
    }
}
