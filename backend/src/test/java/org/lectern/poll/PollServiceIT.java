package org.lectern.poll;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.lectern.People.as;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.lectern.BackendTest;
import org.lectern.Coursework;
import org.lectern.People;
import org.lectern.gradebook.GradebookService;
import org.lectern.platform.ConflictException;
import org.lectern.platform.ForbiddenException;
import org.lectern.platform.InvalidInputException;
import org.lectern.platform.NotFoundException;
import org.lectern.schedule.ScheduleService;
import org.springframework.beans.factory.annotation.Autowired;

/** Polls on the real database: one vote per student and round, phases, what students may see, participation. */
@BackendTest
class PollServiceIT {

    @Autowired Coursework coursework;
    @Autowired People people;
    @Autowired PollService polls;
    @Autowired ScheduleService schedule;
    @Autowired GradebookService gradebook;
    @Autowired org.lectern.TestClock clock;

    PollDraft kernelQuestion() {
        // The seed's question (UW CSE 416): a kernel on an image with 1x1 zero padding and 2x2 stride.
        return new PollDraft(null, "What is the result of applying this kernel with 1x1 zero padding and 2x2 stride?", PollKind.CHOICE,
                List.of("[[1, 2], [3, 4]]", "[[0, 2], [3, 0]]", "[[4]]"), "1", null, 90, 180);
    }

    @Test
    void oneVotePerStudentPerRoundThroughThePhases() throws Exception {
        var s = coursework.setup(false);
        Poll p = as(s.instructor(), () -> polls.create(s.courseId(), kernelQuestion()));
        assertThat(p.code()).hasSize(6).matches("[A-HJ-NP-Z2-9]+");
        var waiting = as(s.student(), () -> polls.join(p.code().toLowerCase()));
        assertThat(waiting.phase()).isEqualTo(PollPhase.DRAFT);
        // A draft's question and options stay the instructor's until the poll opens, by code or by id.
        assertThat(waiting.question()).isNull();
        assertThat(waiting.options()).isEmpty();
        assertThat(as(s.student(), () -> polls.snapshot(p.id())).question()).isNull();
        assertThat(as(s.ta(), () -> polls.snapshot(p.id())).question()).startsWith("What is the result");
        assertThatThrownBy(() -> as(s.student(), () -> polls.vote(p.id(), "1")))
                .isInstanceOf(ConflictException.class).hasMessageContaining("not open");

        as(s.instructor(), () -> polls.advance(p.id(), PollPhase.THINK));
        assertThat(as(s.student(), () -> polls.snapshot(p.id())).options()).hasSize(3);
        // Two taps at once from one student: the database takes one.
        CountDownLatch go = new CountDownLatch(1);
        List<CompletableFuture<Boolean>> taps = List.of(0, 1).stream().map(i -> CompletableFuture.supplyAsync(() -> as(s.student(), () -> {
            try {
                go.await();
                polls.vote(p.id(), "0");
                return true;
            } catch (ConflictException e) {
                return false;
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }))).toList();
        go.countDown();
        assertThat(taps.stream().map(CompletableFuture::join).filter(ok -> ok).count()).isEqualTo(1);
        assertThatThrownBy(() -> as(s.student(), () -> polls.vote(p.id(), "1")))
                .isInstanceOf(ConflictException.class).hasMessage("You have already voted in this round.");
        as(s.otherStudent(), () -> polls.vote(p.id(), "1"));

        // Students see their own vote but not the room's until the reveal; staff see the bars live, without the answer.
        var student = as(s.student(), () -> polls.snapshot(p.id()));
        assertThat(student.myVotes()).containsExactly("0", null);
        assertThat(student.round1()).isEmpty();
        assertThat(student.correct()).isNull();
        var staff = as(s.ta(), () -> polls.snapshot(p.id()));
        assertThat(staff.round1()).extracting(PollTally.Bar::votes).containsExactly(1, 1, 0);
        assertThat(staff.round1()).noneMatch(PollTally.Bar::correct);

        as(s.instructor(), () -> polls.advance(p.id(), PollPhase.GROUP));
        as(s.student(), () -> polls.vote(p.id(), "1")); // round 2 is a new vote
        assertThatThrownBy(() -> as(s.instructor(), () -> polls.advance(p.id(), PollPhase.THINK)))
                .isInstanceOf(ConflictException.class);
        as(s.instructor(), () -> polls.advance(p.id(), PollPhase.REVEAL));
        assertThatThrownBy(() -> as(s.otherStudent(), () -> polls.vote(p.id(), "1")))
                .isInstanceOf(ConflictException.class).hasMessageContaining("not open");

        var revealed = as(s.student(), () -> polls.snapshot(p.id()));
        assertThat(revealed.correct()).isEqualTo("1");
        assertThat(revealed.round1()).extracting(PollTally.Bar::votes).containsExactly(1, 1, 0);
        assertThat(revealed.round2()).extracting(PollTally.Bar::votes).containsExactly(0, 1, 0);
        assertThat(revealed.round2().get(1).correct()).isTrue();
    }

    @Test
    void badInputAndStrangersAreRefused() {
        var s = coursework.setup(false);
        var stranger = people.user("stranger");
        assertThatThrownBy(() -> as(s.instructor(), () -> polls.create(s.courseId(),
                new PollDraft(null, "Pick one", PollKind.CHOICE, List.of("only"), null, null, null, null))))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("2 to 10 options");
        assertThatThrownBy(() -> as(s.instructor(), () -> polls.create(s.courseId(),
                new PollDraft(null, "Output width?", PollKind.NUMBER, List.of(), "three", null, null, null))))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("must be a number");
        assertThatThrownBy(() -> as(s.student(), () -> polls.create(s.courseId(), kernelQuestion())))
                .isInstanceOf(ForbiddenException.class);

        Poll p = as(s.instructor(), () -> polls.create(s.courseId(),
                new PollDraft(null, "Output width for W=7, K=3, P=1, S=2?", PollKind.NUMBER, List.of(), "4", null, 30, 60)));
        as(s.instructor(), () -> polls.advance(p.id(), PollPhase.THINK));
        assertThatThrownBy(() -> as(stranger, () -> polls.join(p.code()))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> as(stranger, () -> polls.vote(p.id(), "4"))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> as(s.ta(), () -> polls.vote(p.id(), "4"))).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> as(s.student(), () -> polls.vote(p.id(), "four")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("must be a number");
        as(s.student(), () -> polls.vote(p.id(), "4,0")); // a decimal comma from a European phone
        assertThat(as(s.ta(), () -> polls.snapshot(p.id())).round1()).singleElement()
                .isEqualTo(new PollTally.Bar("4", 1, false));
        assertThatThrownBy(() -> as(s.student(), () -> polls.advance(p.id(), PollPhase.REVEAL))).isInstanceOf(ForbiddenException.class);
    }

    @Test
    void finishedPollsCountTowardParticipationAndShowOnTheSchedule() {
        var s = coursework.setup(false);
        long lectureId = as(s.instructor(), () -> schedule.addLecture(s.courseId(), new org.lectern.schedule.LectureDraft(1,
                java.time.LocalDate.of(2026, 1, 6), java.time.LocalTime.of(10, 0), java.time.LocalTime.of(11, 20), "CNNs", "", null, null)).id());
        Poll first = as(s.instructor(), () -> polls.create(s.courseId(), new PollDraft(lectureId, "Ready?", PollKind.CHOICE,
                List.of("yes", "no"), null, null, null, null)));
        Poll second = as(s.instructor(), () -> polls.create(s.courseId(), new PollDraft(lectureId, "Still?", PollKind.CHOICE,
                List.of("yes", "no"), null, null, null, null)));
        assertThat(as(s.student(), () -> schedule.items(s.courseId())))
                .filteredOn(i -> i.kind() == org.lectern.schedule.CourseItem.Kind.POLL)
                .hasSize(2).allMatch(i -> lectureId == i.lectureId() && i.route().endsWith("/polls/" + (i.title().equals("Ready?") ? first.id() : second.id())));
        for (Poll p : List.of(first, second)) {
            as(s.instructor(), () -> polls.advance(p.id(), PollPhase.THINK));
        }
        as(s.student(), () -> polls.vote(first.id(), "0"));
        as(s.student(), () -> polls.vote(second.id(), "1"));
        as(s.otherStudent(), () -> polls.vote(second.id(), "0"));
        as(s.instructor(), () -> polls.advance(first.id(), PollPhase.REVEAL));
        as(s.instructor(), () -> polls.advance(second.id(), PollPhase.CLOSED));

        var g = as(s.ta(), () -> gradebook.gradebook(s.courseId()));
        var byEmail = g.students().stream().collect(java.util.stream.Collectors.toMap(GradebookService.StudentRow::email, r -> r));
        assertThat(byEmail.get(s.student().email()).items().get("participation").score()).isEqualByComparingTo("100");
        assertThat(byEmail.get(s.otherStudent().email()).items().get("participation").score()).isEqualByComparingTo("50");
    }

    @Test
    void anExercisePollSharesOneInstanceWithTheRoom() {
        var s = coursework.setup(false);
        Poll p = as(s.instructor(), () -> polls.create(s.courseId(),
                new PollDraft(null, "Think first:", PollKind.EXERCISE, null, null, "conv-output-size", 60, 60)));
        assertThat(p.kind()).isEqualTo(PollKind.EXERCISE);
        assertThat(p.question()).startsWith("Think first:").contains("Output width");
        assertThat(p.correct()).matches("\\d+");
        as(s.instructor(), () -> polls.advance(p.id(), PollPhase.THINK));
        as(s.student(), () -> polls.vote(p.id(), p.correct()));
        as(s.instructor(), () -> polls.advance(p.id(), PollPhase.REVEAL));
        assertThat(as(s.student(), () -> polls.snapshot(p.id())).round1()).singleElement()
                .satisfies(bar -> assertThat(bar.correct()).isTrue());
        assertThatThrownBy(() -> as(s.instructor(), () -> polls.create(s.courseId(),
                new PollDraft(null, null, PollKind.EXERCISE, null, null, "conv2d", null, null))))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("vector or matrix");
    }

    @Test
    void theServerEndsARoundWhenItsTimerRunsOut() {
        var s = coursework.setup(false);
        Poll p = as(s.instructor(), () -> polls.create(s.courseId(), kernelQuestion()));
        as(s.instructor(), () -> polls.advance(p.id(), PollPhase.THINK));
        try {
            clock.advance(java.time.Duration.ofSeconds(92)); // 90 s think, within the 3 s grace
            as(s.student(), () -> polls.vote(p.id(), "1"));
            clock.advance(java.time.Duration.ofSeconds(2));
            assertThatThrownBy(() -> as(s.otherStudent(), () -> polls.vote(p.id(), "1")))
                    .isInstanceOf(ConflictException.class).hasMessage("Time is up for this round.");
            assertThat(as(s.ta(), () -> polls.snapshot(p.id())).secondsLeft()).isZero();
            as(s.instructor(), () -> polls.advance(p.id(), PollPhase.GROUP)); // a new round, a fresh timer
            as(s.otherStudent(), () -> polls.vote(p.id(), "1"));
        } finally {
            clock.reset();
        }
    }
}
