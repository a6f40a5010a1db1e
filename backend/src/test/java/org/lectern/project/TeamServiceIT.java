package org.lectern.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.lectern.People.as;

import java.util.List;
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
class TeamServiceIT {

    @Autowired Coursework coursework;
    @Autowired People people;
    @Autowired CourseService courses;
    @Autowired TeamService teams;

    private Account student(Coursework.Setup s, String name) {
        Account a = people.user(name);
        as(s.instructor(), () -> courses.addMember(s.courseId(), new NewMember(name, a.email(), CourseRole.STUDENT, null)));
        return a;
    }

    @Test
    void staffMakeTeamsUpToTheCoursesSizeAndAStudentIsInOneTeam() {
        var s = coursework.setup(false);
        Account third = student(s, "Third");
        Account fourth = student(s, "Fourth");

        Team blue = as(s.ta(), () -> teams.createWithMembers(s.courseId(), " Blue ", List.of(s.student().email(), s.otherStudent().email())));
        assertThat(blue.name()).isEqualTo("Blue");
        assertThat(blue.members()).extracting(Team.Member::accountId).containsExactlyInAnyOrder(s.student().id(), s.otherStudent().id());
        assertThat(as(s.ta(), () -> teams.addMember(blue.id(), s.student().email())).members()).hasSize(2); // already in: no change
        Team full = as(s.ta(), () -> teams.addMember(blue.id(), third.email().toUpperCase()));
        assertThat(full.members()).hasSize(3);
        assertThatThrownBy(() -> as(s.ta(), () -> teams.addMember(blue.id(), fourth.email())))
                .isInstanceOf(ConflictException.class)
                .hasMessage("Team Blue is full: it has 3 members and this course allows 3 per team.");

        Team red = as(s.ta(), () -> teams.create(s.courseId(), "Red"));
        assertThatThrownBy(() -> as(s.ta(), () -> teams.addMember(red.id(), third.email())))
                .isInstanceOf(ConflictException.class)
                .hasMessage("Third is already in team Blue; a student is in one team per course.");
        assertThatThrownBy(() -> as(s.ta(), () -> teams.create(s.courseId(), "Red")))
                .isInstanceOf(ConflictException.class).hasMessage("This course already has a team called Red.");
        assertThatThrownBy(() -> as(s.ta(), () -> teams.addMember(red.id(), s.ta().email())))
                .isInstanceOf(InvalidInputException.class).hasMessage("ta is a TA in this course; only students are in teams.");
        assertThatThrownBy(() -> as(s.ta(), () -> teams.addMember(red.id(), "nobody@example.org")))
                .isInstanceOf(InvalidInputException.class).hasMessage("'nobody@example.org' is not in this course.");

        // Out of Blue, into Red; the instructor raises the limit and Blue takes a fourth.
        as(s.ta(), () -> teams.removeMember(blue.id(), third.id()));
        assertThat(as(s.ta(), () -> teams.addMember(red.id(), third.email())).members()).extracting(Team.Member::name).containsExactly("Third");
        as(s.instructor(), () -> teams.setMaxTeamSize(s.courseId(), 4));
        as(s.ta(), () -> teams.addMember(blue.id(), fourth.email()));
        assertThat(as(s.ta(), () -> teams.teams(s.courseId()))).extracting(Team::name, t -> t.members().size())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Blue", 3), org.assertj.core.groups.Tuple.tuple("Red", 1));
        assertThat(as(fourth, () -> teams.maxTeamSize(s.courseId()))).isEqualTo(4);
    }

    @Test
    void aStudentSeesTheirOwnTeamAndNothingElse() {
        var s = coursework.setup(false);
        Team blue = as(s.instructor(), () -> teams.createWithMembers(s.courseId(), "Blue", List.of(s.student().email())));
        assertThat(as(s.student(), () -> teams.myTeam(s.courseId()))).contains(blue);
        assertThat(as(s.otherStudent(), () -> teams.myTeam(s.courseId()))).isEmpty();
        assertThatThrownBy(() -> as(s.student(), () -> teams.teams(s.courseId()))).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> as(s.student(), () -> teams.create(s.courseId(), "Mine"))).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> as(s.student(), () -> teams.addMember(blue.id(), s.otherStudent().email())))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> as(s.ta(), () -> teams.setMaxTeamSize(s.courseId(), 5))).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> as(s.instructor(), () -> teams.setMaxTeamSize(s.courseId(), 0)))
                .isInstanceOf(InvalidInputException.class).hasMessage("A team may have 1 to 50 students (you gave 0).");
        Account stranger = people.user("stranger");
        assertThatThrownBy(() -> as(stranger, () -> teams.myTeam(s.courseId()))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> as(stranger, () -> teams.addMember(blue.id(), stranger.email()))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> as(s.instructor(), () -> teams.addMember(-5, s.student().email()))).isInstanceOf(NotFoundException.class);
    }

    @Test
    void leavingTheCourseLeavesTheTeam() {
        var s = coursework.setup(false);
        Team blue = as(s.instructor(), () -> teams.createWithMembers(s.courseId(), "Blue", List.of(s.student().email(), s.otherStudent().email())));
        as(s.instructor(), () -> courses.removeMember(s.courseId(), s.otherStudent().id()));
        assertThat(as(s.instructor(), () -> teams.teams(s.courseId())).getFirst().members())
                .extracting(Team.Member::accountId).containsExactly(s.student().id());
        assertThat(blue.members()).hasSize(2);
    }
}
