package org.lectern.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.lectern.People.as;

import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.lectern.BackendTest;
import org.lectern.Coursework;
import org.lectern.People;
import org.lectern.course.CourseRole;
import org.lectern.course.CourseService;
import org.lectern.course.NewMember;
import org.lectern.grading.training.TrainingPreset;
import org.lectern.identity.Account;
import org.lectern.platform.ConflictException;
import org.lectern.platform.ForbiddenException;
import org.lectern.platform.InvalidInputException;
import org.lectern.platform.NotFoundException;
import org.lectern.project.Team;
import org.lectern.project.TeamService;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The playground through the service on the real database and the real pool: each run trains in a worker JVM on the
 * digits training split (2 to 4 s each on two cores).
 */
@BackendTest
class TrainingServiceIT {

    static final Duration RUN_WAIT = Duration.ofSeconds(120);

    @Autowired Coursework coursework;
    @Autowired People people;
    @Autowired CourseService courses;
    @Autowired TeamService teams;
    @Autowired TrainingService training;

    record Course(Coursework.Setup s, Account teammate, Team team) {
        long id() {
            return s.courseId();
        }
    }

    /** A course offering the digits, with the student and a teammate in team Blue; the other student is in no team. */
    private Course course() {
        var s = coursework.setup(false);
        Account teammate = people.user("teammate");
        Team team = as(s.instructor(), () -> {
            courses.addMember(s.courseId(), new NewMember("Mate", teammate.email(), CourseRole.STUDENT, null));
            training.addDataset(s.courseId(), "digits");
            return teams.createWithMembers(s.courseId(), "Blue", List.of(s.student().email(), teammate.email()));
        });
        return new Course(s, teammate, team);
    }

    private static TrainingDraft draft(String architecture, String optimizer, double lr, int batch, int epochs) {
        return new TrainingDraft("digits", architecture, optimizer, lr, batch, 0.0, epochs, null);
    }

    /** Long enough to act on while it runs: batches of one for 50 epochs, about 37 s of work. */
    private static TrainingDraft longRun() {
        return draft("cnn-16", "sgd", 0.01, 1, 50);
    }

    private TrainingRunDetail awaitRun(Account who, long runId, Predicate<TrainingRunDetail> until) {
        return await().atMost(RUN_WAIT).pollInterval(Duration.ofMillis(100)).until(() -> as(who, () -> training.run(runId)), until);
    }

    private TrainingRunDetail awaitEnd(Account who, long runId) {
        return awaitRun(who, runId, d -> !d.run().state().active());
    }

    @Test
    void aStudentSeesTheCostBeforeTrainingAndThePoolTrainsTheRunEpochByEpoch() {
        Course c = course();
        Account student = c.s().student();
        TrainingDraft d = TrainingDraft.of("digits", TrainingPreset.COARSE_SEARCH);

        TrainingEstimate estimate = as(student, () -> training.estimate(c.id(), d));
        assertThat(estimate.allowed()).isTrue();
        assertThat(estimate.refusal()).isNull();
        assertThat(estimate.parameters()).isEqualTo(4810);
        assertThat(estimate.trainImages()).isEqualTo(1078);
        assertThat(estimate.validationImages()).isEqualTo(269);
        assertThat(estimate.estimateSeconds()).isBetween(2L, 10L);
        assertThat(estimate.quota().student()).isEqualTo(new QuotaUse(600, 0, 0));
        assertThat(estimate.quota().teamName()).isEqualTo("Blue");
        assertThat(estimate.quota().team()).isEqualTo(new QuotaUse(1800, 0, 0));

        TrainingRun queued = as(student, () -> training.start(c.id(), d));
        assertThat(queued.state()).isIn(RunState.QUEUED, RunState.RUNNING);
        assertThat(queued.teamId()).isEqualTo(c.team().id());
        assertThat(queued.estimateSeconds()).isEqualTo(estimate.estimateSeconds());
        assertThat(as(student, () -> training.quota(c.id())).student().heldSeconds()).isIn(0L, estimate.estimateSeconds());

        TrainingRunDetail done = awaitEnd(student, queued.id());
        assertThat(done.run().state()).as(done.run().message()).isEqualTo(RunState.DONE);
        assertThat(done.epochs()).extracting(e -> e.epoch()).containsExactly(1, 2);
        assertThat(done.epochs().getLast().validationAccuracy()).as("chance is 10%").isGreaterThan(0.3);
        assertThat(done.run().last()).isEqualTo(done.epochs().getLast());
        assertThat(done.run().epochsDone()).isEqualTo(2);
        assertThat(done.run().parameters()).isEqualTo(4810);
        assertThat(done.run().device()).isEqualTo("cpu");
        assertThat(done.run().engine()).startsWith("PyTorch");
        assertThat(done.run().budgetSeconds()).isEqualTo(600);
        assertThat(done.run().chargedSeconds()).isPositive().isLessThan(60);
        assertThat(done.run().describe()).isEqualTo("MLP 64 · Adam, lr 0.001, batch 64, weight decay 0.0001, 2 epochs");

        TrainingQuota after = as(student, () -> training.quota(c.id()));
        assertThat(after.student().chargedSeconds()).isEqualTo(done.run().chargedSeconds());
        assertThat(after.student().heldSeconds()).isZero();
        assertThat(after.team().chargedSeconds()).isEqualTo(done.run().chargedSeconds());
        // The teammate's own quota is untouched; the team's is shared.
        TrainingQuota mate = as(c.teammate(), () -> training.quota(c.id()));
        assertThat(mate.student().chargedSeconds()).isZero();
        assertThat(mate.team().chargedSeconds()).isEqualTo(done.run().chargedSeconds());
    }

    @Test
    void aRunThatDoesNotFitTheQuotaIsRefusedAndARunningOneIsStoppedWhereTheQuotaEnds() {
        Course c = course();
        Account student = c.s().otherStudent(); // in no team: only their own quota
        as(c.s().instructor(), () -> training.updateSettings(c.id(), new TrainingSettings(1, 1800)));
        TrainingDraft d = TrainingDraft.of("digits", TrainingPreset.SANITY_CHECK);

        TrainingEstimate estimate = as(student, () -> training.estimate(c.id(), d));
        assertThat(estimate.allowed()).isFalse();
        assertThat(estimate.quota().team()).isNull();
        assertThat(estimate.refusal()).startsWith("This run needs about " + estimate.estimateSeconds()
                + " s of worker time, but you have 1 s left this week (1 s a week: 0 s used).");
        assertThatThrownBy(() -> as(student, () -> training.start(c.id(), d)))
                .isInstanceOf(ConflictException.class).hasMessage(estimate.refusal());
        assertThat(as(student, () -> training.runs(c.id()))).isEmpty();

        // A long run fits 600 s; once it trains, the instructor cuts the quota to 1 s and the worker stops it.
        as(c.s().instructor(), () -> training.updateSettings(c.id(), TrainingSettings.DEFAULT));
        long runId = as(student, () -> training.start(c.id(), longRun())).id();
        awaitRun(student, runId, r -> !r.epochs().isEmpty());
        as(c.s().instructor(), () -> training.updateSettings(c.id(), new TrainingSettings(1, 1800)));
        TrainingRunDetail stopped = awaitEnd(student, runId);
        assertThat(stopped.run().state()).isEqualTo(RunState.STOPPED);
        assertThat(stopped.run().message()).startsWith("Stopped after " + stopped.epochs().size() + " of 50 epochs: it used the")
                .endsWith("s of worker time the quotas had left this week.");
        assertThat(stopped.epochs()).hasSizeBetween(1, 49);
        assertThat(stopped.run().chargedSeconds()).isPositive();
        assertThat(as(student, () -> training.quota(c.id())).student().remainingSeconds()).isZero();
    }

    @Test
    void cancellingARunningRunStopsItsWorkerAndChargesWhatItUsed() {
        Course c = course();
        Account student = c.s().student();
        long runId = as(student, () -> training.start(c.id(), longRun())).id();
        awaitRun(student, runId, r -> !r.epochs().isEmpty());
        TrainingRun asked = as(student, () -> training.cancel(runId));
        assertThat(asked.state()).isIn(RunState.RUNNING, RunState.CANCELLED);

        TrainingRunDetail cancelled = awaitEnd(student, runId);
        assertThat(cancelled.run().state()).isEqualTo(RunState.CANCELLED);
        assertThat(cancelled.run().message()).isEqualTo("Cancelled after " + cancelled.epochs().size() + " of 50 epochs.");
        assertThat(cancelled.epochs()).hasSizeBetween(1, 49);
        assertThat(cancelled.run().chargedSeconds()).isPositive().isLessThan(cancelled.run().estimateSeconds());
        assertThatThrownBy(() -> as(student, () -> training.cancel(runId)))
                .isInstanceOf(ConflictException.class).hasMessage("This run has already ended (cancelled).");
    }

    @Test
    void studentsSeeTheirOwnAndTheirTeamsRunsStaffSeeEveryRunOthersGetNotFound() {
        Course c = course();
        Account student = c.s().student();
        Account outsider = c.s().otherStudent();
        Account stranger = people.user("stranger");
        long runId = as(student, () -> training.start(c.id(), TrainingDraft.of("digits", TrainingPreset.SANITY_CHECK))).id();
        long second = as(student, () -> training.start(c.id(), draft("mlp1-16", "sgd-momentum", 0.05, 32, 1))).id();
        awaitEnd(student, runId);
        awaitEnd(student, second);

        assertThatThrownBy(() -> as(outsider, () -> training.run(runId))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> as(outsider, () -> training.cancel(runId))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> as(outsider, () -> training.compare(c.id(), List.of(runId, second)))).isInstanceOf(NotFoundException.class);
        assertThat(as(outsider, () -> training.runs(c.id()))).isEmpty();
        assertThatThrownBy(() -> as(stranger, () -> training.runs(c.id()))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> as(stranger, () -> training.run(runId))).isInstanceOf(NotFoundException.class);

        // The teammate sees the team's runs but cannot cancel them.
        assertThat(as(c.teammate(), () -> training.runs(c.id()))).extracting(TrainingRun::id).containsExactly(second, runId);
        assertThat(as(c.teammate(), () -> training.run(runId)).run().studentName()).isEqualTo("student");
        assertThatThrownBy(() -> as(c.teammate(), () -> training.cancel(runId)))
                .isInstanceOf(ForbiddenException.class).hasMessage("Only student (or staff) can cancel this run.");

        assertThat(as(c.s().ta(), () -> training.runs(c.id()))).extracting(TrainingRun::id).contains(runId, second);
        List<TrainingRunDetail> compared = as(c.s().ta(), () -> training.compare(c.id(), List.of(second, runId)));
        assertThat(compared).extracting(r -> r.run().id()).containsExactly(second, runId);
        assertThat(compared).allSatisfy(r -> assertThat(r.epochs()).hasSize(1));
        assertThatThrownBy(() -> as(student, () -> training.compare(c.id(), List.of(runId))))
                .isInstanceOf(InvalidInputException.class).hasMessage("Choose 2 to 8 runs to compare (you chose 1).");
    }

    @Test
    void theTeamsQuotaIsSharedByItsMembers() {
        Course c = course();
        long runId = as(c.s().student(), () -> training.start(c.id(), TrainingDraft.of("digits", TrainingPreset.SANITY_CHECK))).id();
        double charged = awaitEnd(c.s().student(), runId).run().chargedSeconds();
        as(c.s().instructor(), () -> training.updateSettings(c.id(), new TrainingSettings(600, (int) Math.ceil(charged) + 1)));

        TrainingEstimate mate = as(c.teammate(), () -> training.estimate(c.id(), TrainingDraft.of("digits", TrainingPreset.TRAIN_LONGER)));
        assertThat(mate.allowed()).isFalse();
        assertThat(mate.refusal()).contains("but your team Blue has 1 s left this week");
        assertThatThrownBy(() -> as(c.teammate(), () -> training.start(c.id(), TrainingDraft.of("digits", TrainingPreset.TRAIN_LONGER))))
                .isInstanceOf(ConflictException.class).hasMessageContaining("your team Blue");
        // The student outside the team is not held back by it.
        assertThat(as(c.s().otherStudent(), () -> training.estimate(c.id(), TrainingDraft.of("digits", TrainingPreset.TRAIN_LONGER))).allowed())
                .isTrue();
    }

    @Test
    void badChoicesAreRefusedWithEveryProblemNamed() {
        Course c = course();
        Account student = c.s().student();
        assertThatThrownBy(() -> as(student, () -> training.start(c.id(), new TrainingDraft("digits", "resnet", "adam", 0.0, 64, 0.0, 0, null))))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("There is no architecture 'resnet'")
                .hasMessageContaining("The learning rate must be greater than 0 and at most 10 (you gave 0).")
                .hasMessageContaining("Epochs must be from 1 to 50 (you gave 0).");
        assertThatThrownBy(() -> as(student, () -> training.estimate(c.id(), draft("mlp1-64", "adam", 1e-3, 1000, 5))))
                .isInstanceOf(InvalidInputException.class).hasMessage("The batch size must be from 1 to 512 (you gave 1000).");
        assertThatThrownBy(() -> as(student, () -> training.start(c.id(), new TrainingDraft("cifar-10", "linear", "sgd", 0.1, 64, 0.0, 1, null))))
                .isInstanceOf(InvalidInputException.class).hasMessage("This course offers no dataset 'cifar-10'; it offers digits.");
        assertThatThrownBy(() -> as(student, () -> training.updateSettings(c.id(), TrainingSettings.DEFAULT)))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> as(c.s().instructor(), () -> training.updateSettings(c.id(), new TrainingSettings(-1, 10))))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> as(c.s().instructor(), () -> training.addDataset(c.id(), "imagenet")))
                .isInstanceOf(InvalidInputException.class).hasMessage("There is no training dataset 'imagenet'; Lectern ships digits.");

        var bare = coursework.setup(false);
        assertThatThrownBy(() -> as(bare.student(), () -> training.estimate(bare.courseId(), TrainingDraft.of(null, TrainingPreset.SANITY_CHECK))))
                .isInstanceOf(ConflictException.class).hasMessage("This course offers no training dataset yet; its instructors can add one.");
        assertThat(as(bare.student(), () -> training.datasets(bare.courseId()))).isEmpty();
    }
}
