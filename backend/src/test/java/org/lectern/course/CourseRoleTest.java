package org.lectern.course;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CourseRoleTest {

    @ParameterizedTest
    @CsvSource(nullValues = "none", value = {
            "student, STUDENT", "Student, STUDENT", "StudentEnrollment, STUDENT",
            "TA, TA", "ta, TA", "TaEnrollment, TA", "Teaching Assistant, TA", "teaching_assistant, TA",
            "instructor, INSTRUCTOR", "Teacher, INSTRUCTOR", "TeacherEnrollment, INSTRUCTOR",
            "wizard, none", "'', none", "ObserverEnrollment, none", "DesignerEnrollment, none"})
    void readsRolesAsPeopleAndCanvasWriteThem(String raw, CourseRole expected) {
        assertThat(CourseRole.parse(raw)).isEqualTo(Optional.ofNullable(expected));
    }
}
