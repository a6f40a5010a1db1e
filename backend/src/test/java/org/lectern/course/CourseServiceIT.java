package org.lectern.course;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.lectern.People.as;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lectern.BackendTest;
import org.lectern.People;
import org.lectern.identity.Account;
import org.lectern.identity.AccountService;
import org.lectern.identity.SiteRole;
import org.lectern.platform.ConflictException;
import org.lectern.platform.ForbiddenException;
import org.lectern.platform.InvalidInputException;
import org.lectern.platform.NotFoundException;
import org.lectern.platform.audit.AuditLog;
import org.springframework.beans.factory.annotation.Autowired;

@BackendTest
class CourseServiceIT {

    @Autowired CourseService courses;
    @Autowired AccountService accounts;
    @Autowired AuditLog audit;
    @Autowired People people;

    Account instructor;
    Account student;
    Account ta;
    Account outsider;
    long courseId;

    @BeforeEach
    void course() {
        instructor = people.instructor();
        student = people.user("student");
        ta = people.user("ta");
        outsider = people.user("outsider");
        courseId = as(instructor, () -> {
            long id = courses.create(new CourseDraft("CSE " + instructor.id(), "Deep Learning", "Winter 2026", "America/Los_Angeles")).id();
            courses.addMember(id, new NewMember("Stu Dent", student.email(), CourseRole.STUDENT, "AA"));
            courses.addMember(id, new NewMember("Tee Ay", ta.email(), CourseRole.TA, null));
            return id;
        });
    }

    @Test
    void onlyCourseCreatorsAndAdminsCreateCourses() {
        assertThatThrownBy(() -> as(student, () -> courses.create(new CourseDraft("X1", "X", "T", "UTC"))))
                .isInstanceOf(ForbiddenException.class);
        Account admin = people.make("admin", SiteRole.ADMIN);
        var c = as(admin, () -> courses.create(new CourseDraft("ADM " + admin.id(), "Admin's", "T", "Europe/Istanbul")));
        assertThat(c.timeZone().getId()).isEqualTo("Europe/Istanbul");
        assertThat(as(admin, () -> courses.open(c.id())).role()).isEqualTo(CourseRole.INSTRUCTOR);
    }

    @Test
    void courseDetailsAreChecked() {
        assertThatThrownBy(() -> as(instructor, () -> courses.create(new CourseDraft("Z1", "Z", "T", "Mars/Olympus"))))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("not a time zone");
        assertThatThrownBy(() -> as(instructor, () -> courses.create(new CourseDraft("", "Z", "T", "UTC"))))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> as(instructor, () -> courses.create(new CourseDraft("CSE " + instructor.id(), "Again", "winter 2026", "UTC"))))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void rolesDecideWhatEachPersonSees() {
        assertThat(as(student, () -> courses.myCourses())).extracting(CourseSummary::id).containsExactly(courseId);
        assertThat(as(outsider, () -> courses.myCourses())).isEmpty();
        assertThatThrownBy(() -> as(student, () -> courses.roster(courseId))).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> as(outsider, () -> courses.roster(courseId))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> as(outsider, () -> courses.open(courseId))).isInstanceOf(NotFoundException.class);
        assertThat(as(ta, () -> courses.roster(courseId))).extracting(Member::email)
                .containsExactlyInAnyOrder(instructor.email(), ta.email(), student.email());
        assertThatThrownBy(() -> as(ta, () -> courses.addMember(courseId, new NewMember("N", "n@uni.edu", CourseRole.STUDENT, null))))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> as(ta, () -> courses.previewRoster(courseId, "name,email\nA,a@uni.edu")))
                .isInstanceOf(ForbiddenException.class);
    }

    @Test
    void aRosterWithABadRowSavesNothingAndTheFixedOneSavesEverything() {
        String bad = "name,email,role,section\nAnn New,ann-" + courseId + "@uni.edu,student,AB\nBob Bad,bob@,student,AB\n"
                + "Stu Dent," + student.email() + ",ta,AA\n";
        var preview = as(instructor, () -> courses.previewRoster(courseId, bad));
        assertThat(preview.hasErrors()).isTrue();
        assertThat(preview.errors()).singleElement().satisfies(l -> assertThat(l.row().rowNumber()).isEqualTo(3));

        assertThatThrownBy(() -> as(instructor, () -> courses.importRoster(courseId, bad)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("Nothing was saved").hasMessageContaining("row 3");
        assertThat(as(instructor, () -> courses.roster(courseId))).hasSize(3);
        assertThat(accounts.byEmail("ann-" + courseId + "@uni.edu")).isEmpty();
        assertThat(as(instructor, () -> courses.sections(courseId))).extracting(Section::name).containsExactly("AA");

        String fixed = bad.replace("bob@,", "bob-" + courseId + "@uni.edu,");
        var saved = as(instructor, () -> courses.importRoster(courseId, fixed));
        assertThat(saved.count(RosterPlan.Action.NEW_ACCOUNT)).isEqualTo(2);
        assertThat(saved.count(RosterPlan.Action.UPDATE)).isEqualTo(1);
        var roster = as(instructor, () -> courses.roster(courseId));
        assertThat(roster).hasSize(5);
        assertThat(roster).filteredOn(m -> m.email().equals(student.email())).singleElement()
                .satisfies(m -> assertThat(m.role()).isEqualTo(CourseRole.TA));
        assertThat(roster).filteredOn(m -> m.email().startsWith("ann-")).singleElement().satisfies(m -> {
            assertThat(m.section()).isEqualTo("AB");
            assertThat(m.activated()).isFalse();
        });
        assertThat(audit.forCourse(courseId)).extracting(AuditLog.Entry::action).contains("roster.imported");
    }

    @Test
    void invitedPeopleSetAPasswordOnceAndThenSignIn() {
        as(instructor, () -> courses.addMember(courseId, new NewMember("Ivy New", "ivy-" + courseId + "@uni.edu", CourseRole.STUDENT, null)));
        var links = as(instructor, () -> courses.inviteTokens(courseId));
        assertThat(links).containsOnlyKeys("ivy-" + courseId + "@uni.edu");
        String token = links.values().iterator().next();
        accounts.acceptInvitation(token, "a-good-long-password");
        assertThat(accounts.authenticate("ivy-" + courseId + "@uni.edu", "a-good-long-password", "192.0.2.1").activated()).isTrue();
        assertThatThrownBy(() -> accounts.acceptInvitation(token, "another-long-password"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("invalid, used or expired");
    }

    @Test
    void anInstructorCannotDemoteOrRemoveThemselves() {
        assertThatThrownBy(() -> as(instructor, () -> courses.addMember(courseId, new NewMember("Me", instructor.email(), CourseRole.STUDENT, null))))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> as(instructor, () -> courses.removeMember(courseId, instructor.id())))
                .isInstanceOf(InvalidInputException.class);
        as(instructor, () -> courses.removeMember(courseId, student.id()));
        assertThat(as(student, () -> courses.myCourses())).isEmpty();
    }
}
