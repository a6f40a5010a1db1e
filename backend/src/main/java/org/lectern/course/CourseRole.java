package org.lectern.course;

import java.util.Locale;
import java.util.Optional;

/** A person's role in one course. */
public enum CourseRole {
    INSTRUCTOR, TA, STUDENT;

    public boolean isStaff() {
        return this != STUDENT;
    }

    public String label() {
        return switch (this) {
            case INSTRUCTOR -> "Instructor";
            case TA -> "TA";
            case STUDENT -> "Student";
        };
    }

    /**
     * Reads a role as people and LMS exports write it: "student", "TA", "Teaching Assistant",
     * Canvas's "StudentEnrollment", "TaEnrollment", "TeacherEnrollment", "Teacher".
     */
    public static Optional<CourseRole> parse(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String r = raw.strip().toLowerCase(Locale.ROOT).replace("_", " ").replace("-", " ");
        if (r.endsWith("enrollment")) {
            r = r.substring(0, r.length() - "enrollment".length()).strip();
        }
        return switch (r) {
            case "student", "learner", "s" -> Optional.of(STUDENT);
            case "ta", "teaching assistant", "assistant", "grader", "t" -> Optional.of(TA);
            case "instructor", "teacher", "professor", "lecturer", "i" -> Optional.of(INSTRUCTOR);
            default -> Optional.empty();
        };
    }
}
