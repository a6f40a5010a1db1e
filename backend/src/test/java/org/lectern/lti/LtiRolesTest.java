package org.lectern.lti;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.lectern.course.CourseRole;

class LtiRolesTest {

    static final String M = "http://purl.imsglobal.org/vocab/lis/v2/membership#";
    static final String TA = "http://purl.imsglobal.org/vocab/lis/v2/membership/Instructor#TeachingAssistant";
    static final String INST_ADMIN = "http://purl.imsglobal.org/vocab/lis/v2/institution/person#Administrator";
    static final String SYS_ADMIN = "http://purl.imsglobal.org/vocab/lis/v2/system/person#Administrator";
    static final String INST_INSTRUCTOR = "http://purl.imsglobal.org/vocab/lis/v2/institution/person#Instructor";

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of(List.of(M + "Learner"), Optional.of(CourseRole.STUDENT)),
                Arguments.of(List.of(M + "Instructor"), Optional.of(CourseRole.INSTRUCTOR)),
                Arguments.of(List.of(M + "Instructor", TA), Optional.of(CourseRole.TA)), // Canvas's TA
                Arguments.of(List.of(TA, M + "Instructor"), Optional.of(CourseRole.TA)),
                Arguments.of(List.of(INST_ADMIN), Optional.empty()),
                Arguments.of(List.of(SYS_ADMIN, INST_ADMIN), Optional.empty()),
                Arguments.of(List.of(INST_ADMIN, M + "Learner"), Optional.of(CourseRole.STUDENT)),
                Arguments.of(List.of(INST_INSTRUCTOR), Optional.empty()), // a teacher at the school, not of this course
                Arguments.of(List.of(M + "Learner", M + "Instructor"), Optional.of(CourseRole.INSTRUCTOR)),
                Arguments.of(List.of("Learner"), Optional.of(CourseRole.STUDENT)), // short form the spec allows for context roles
                Arguments.of(List.of(M + "Mentor"), Optional.empty()),
                Arguments.of(List.of(), Optional.empty()));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @MethodSource("cases")
    void courseRole(List<String> roles, Optional<CourseRole> expected) {
        assertThat(LtiRoles.courseRole(roles)).isEqualTo(expected);
    }
}
