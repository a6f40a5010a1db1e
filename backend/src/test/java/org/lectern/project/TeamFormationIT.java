package org.lectern.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.lectern.People.as;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.lectern.BackendTest;
import org.lectern.Coursework;
import org.lectern.People;
import org.lectern.course.CourseRole;
import org.lectern.course.CourseService;
import org.lectern.course.NewMember;
import org.lectern.identity.Account;
import org.lectern.platform.ConflictException;
import org.lectern.platform.ForbiddenException;
import org.lectern.platform.InvalidInputException;
import org.lectern.platform.NotFoundException;
import org.springframework.beans.factory.annotation.Autowired;

@BackendTest
class TeamFormationIT {

    @Autowired Coursework coursework;
    @Autowired People people;
    @Autowired CourseService courses;
    @Autowired TeamFormationService formation;
    @Autowired TeamService teams;

    private Account student(Coursework.Setup s, String name) {
        Account a = people.user(name);
        as(s.instructor(), () -> courses.addMember(s.courseId(), new NewMember(name, a.email(), CourseRole.STUDENT, null)));
        return a;
    }

    @Test
    void threeStudentsFormATeamOneDeclinesAndStaffPlaceTheThird() {
        var s = coursework.setup(false);
        Account carol = student(s, "Carol");
        as(s.instructor(), () -> formation.configure(s.courseId(), 2, 3, null));

        Team team = as(s.student(), () -> formation.start(s.courseId(), "Attention Seekers"));
        assertThat(team.members()).extracting(Team.Member::accountId).containsExactly(s.student().id());
        // by name (as the course lists it, any case) and by e-mail
        var toDana = as(s.student(), () -> formation.invite(team.id(), s.otherStudent().email()));
        var toCarol = as(s.student(), () -> formation.invite(team.id(), "cAROL"));
        assertThat(toCarol.inviteeId()).isEqualTo(carol.id());
        assertThat(as(carol, () -> formation.mine(s.courseId())).received()).extracting(TeamFormationService.Invitation::teamName)
                .containsExactly("Attention Seekers");
        // the two open invitations hold the places: no fourth invitation
        Account dave = student(s, "Dave");
        assertThatThrownBy(() -> as(s.student(), () -> formation.invite(team.id(), dave.email())))
                .isInstanceOf(ConflictException.class).hasMessageContaining("this course allows 3 per team");

        as(carol, () -> formation.decline(toCarol.id()));
        assertThatThrownBy(() -> as(carol, () -> formation.accept(toCarol.id())))
                .isInstanceOf(ConflictException.class).hasMessage("This invitation is no longer open.");
        Team two = as(s.otherStudent(), () -> formation.accept(toDana.id()));
        assertThat(two.members()).hasSize(2);

        // staff see who has no team and place Carol
        var overview = as(s.ta(), () -> formation.overview(s.courseId()));
        assertThat(overview.withoutTeam()).extracting(Team.Member::name).contains("Carol", "Dave");
        assertThat(overview.tooSmall()).isEmpty();
        Team three = as(s.ta(), () -> teams.addMember(team.id(), carol.email()));
        assertThat(three.members()).hasSize(3);
        assertThat(as(carol, () -> formation.mine(s.courseId())).team().id()).isEqualTo(team.id());
    }

    @Test
    void theLockStopsStudentsNotStaffAndTheLastOneOutEndsTheTeam() {
        var s = coursework.setup(false);
        Team solo = as(s.student(), () -> formation.start(s.courseId(), "Solo"));
        assertThat(as(s.ta(), () -> formation.overview(s.courseId())).tooSmall()).isEmpty(); // minimum 1 by default
        as(s.student(), () -> formation.leave(solo.id()));
        assertThat(as(s.ta(), () -> teams.teams(s.courseId()))).isEmpty();

        Team t = as(s.student(), () -> formation.start(s.courseId(), "Locked In"));
        as(s.instructor(), () -> formation.configure(s.courseId(), 2, 3, null));
        assertThat(as(s.ta(), () -> formation.overview(s.courseId())).tooSmall()).containsExactly(t.id());
        var settings = as(s.instructor(), () -> formation.lockNow(s.courseId()));
        assertThat(settings.locked()).isTrue();
        assertThatThrownBy(() -> as(s.student(), () -> formation.leave(t.id())))
                .isInstanceOf(ConflictException.class).hasMessage("Teams are locked; ask the course staff for a change.");
        assertThatThrownBy(() -> as(s.otherStudent(), () -> formation.start(s.courseId(), "Late")))
                .isInstanceOf(ConflictException.class).hasMessage("Teams are locked; ask the course staff for a change.");
        assertThat(as(s.ta(), () -> teams.addMember(t.id(), s.otherStudent().email())).members()).hasSize(2);

        as(s.instructor(), () -> formation.configure(s.courseId(), 2, 3, Instant.now().plus(7, ChronoUnit.DAYS)));
        assertThat(as(s.student(), () -> formation.settings(s.courseId())).locked()).isFalse();
        assertThatThrownBy(() -> as(s.instructor(), () -> formation.configure(s.courseId(), 3, 2, null)))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> as(s.ta(), () -> formation.configure(s.courseId(), 1, 2, null))).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> as(s.instructor(), () -> teams.setMaxTeamSize(s.courseId(), 1)))
                .isInstanceOf(InvalidInputException.class).hasMessage("The maximum cannot be below the course's minimum team size (2).");
    }

    @Test
    void invitationsAndTeamsAreTheirPartiesBusinessOnly() {
        var s = coursework.setup(false);
        Account carol = student(s, "Carol");
        Account stranger = people.user("stranger");
        Team t = as(s.student(), () -> formation.start(s.courseId(), "Private"));
        var inv = as(s.student(), () -> formation.invite(t.id(), carol.email()));
        // a classmate outside the team cannot invite into it, answer, or withdraw its invitation: as if none existed
        assertThatThrownBy(() -> as(s.otherStudent(), () -> formation.invite(t.id(), s.otherStudent().email())))
                .isInstanceOf(NotFoundException.class).hasMessage("No team " + t.id() + ".");
        assertThatThrownBy(() -> as(s.otherStudent(), () -> formation.invite(-1, s.otherStudent().email())))
                .isInstanceOf(NotFoundException.class).hasMessage("No team -1.");
        assertThatThrownBy(() -> as(s.otherStudent(), () -> formation.accept(inv.id()))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> as(s.otherStudent(), () -> formation.withdraw(inv.id()))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> as(s.otherStudent(), () -> formation.leave(t.id()))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> as(stranger, () -> formation.decline(inv.id()))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> as(stranger, () -> formation.mine(s.courseId()))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> as(s.student(), () -> formation.overview(s.courseId()))).isInstanceOf(ForbiddenException.class);
        assertThat(as(s.otherStudent(), () -> formation.mine(s.courseId())).team()).isNull();
        // staff are not invited and do not start teams
        assertThatThrownBy(() -> as(s.student(), () -> formation.invite(t.id(), s.ta().email())))
                .isInstanceOf(ConflictException.class).hasMessage("Only students of this course can be in a team.");
        assertThatThrownBy(() -> as(s.ta(), () -> formation.start(s.courseId(), "Staff"))).isInstanceOf(InvalidInputException.class);
        // a member withdraws; joining another team ends the student's other open invitations
        as(s.student(), () -> formation.withdraw(inv.id()));
        var again = as(s.student(), () -> formation.invite(t.id(), carol.email()));
        as(s.otherStudent(), () -> formation.start(s.courseId(), "Other"));
        Team other = as(s.otherStudent(), () -> formation.mine(s.courseId())).team();
        var fromOther = as(s.otherStudent(), () -> formation.invite(other.id(), carol.email()));
        as(carol, () -> formation.accept(fromOther.id()));
        assertThat(as(s.student(), () -> formation.mine(s.courseId())).sent()).isEmpty();
        assertThatThrownBy(() -> as(carol, () -> formation.accept(again.id()))).isInstanceOf(ConflictException.class);
    }
}
