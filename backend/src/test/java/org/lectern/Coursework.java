package org.lectern;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.lectern.assignment.Assignment;
import org.lectern.assignment.AssignmentDraft;
import org.lectern.assignment.AssignmentService;
import org.lectern.assignment.TestFileUpload;
import org.lectern.assignment.Visibility;
import org.lectern.course.CourseDraft;
import org.lectern.course.CourseRole;
import org.lectern.course.CourseService;
import org.lectern.course.NewMember;
import org.lectern.identity.Account;
import org.springframework.stereotype.Component;

/** A course with an assignment whose autograder has public and private tests, and notebooks to submit. */
@Component
public class Coursework {

    public static final String PUBLIC_TEST = """
            import numpy as np
            from submission import relu

            def test_positive():
                assert relu(np.array([1.0, 2.0])).tolist() == [1.0, 2.0]

            def test_negative():
                assert relu(np.array([-1.0])).tolist() == [0.0]
            """;
    public static final String PRIVATE_TEST = """
            import numpy as np
            from submission import relu

            def test_matrix_secret_case():
                assert relu(np.array([[-1.0, 3.0], [0.5, -0.5]])).tolist() == [[0.0, 3.0], [0.5, 0.0]]
            """;

    public record Setup(Account instructor, Account ta, Account student, Account otherStudent, long courseId, Assignment assignment) {
    }

    private final People people;
    private final CourseService courses;
    private final AssignmentService assignments;

    public Coursework(People people, CourseService courses, AssignmentService assignments) {
        this.people = people;
        this.courses = courses;
        this.assignments = assignments;
    }

    public Setup setup(boolean withAutograder) {
        Account instructor = people.instructor();
        Account ta = people.user("ta");
        Account student = people.user("student");
        Account other = people.user("other");
        return People.as(instructor, () -> {
            long courseId = courses.create(new CourseDraft("CW " + instructor.id(), "Deep Learning", "Winter 2026", "America/Los_Angeles")).id();
            courses.addMember(courseId, new NewMember("TA", ta.email(), CourseRole.TA, null));
            courses.addMember(courseId, new NewMember("Stu", student.email(), CourseRole.STUDENT, null));
            courses.addMember(courseId, new NewMember("Oth", other.email(), CourseRole.STUDENT, null));
            Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            Assignment a = assignments.create(courseId, AssignmentDraft.of("A1", "ReLU", now.minus(1, ChronoUnit.DAYS),
                    now.plus(7, ChronoUnit.DAYS), BigDecimal.TEN));
            if (withAutograder) {
                assignments.uploadAutograder(a.id(), autograder());
            }
            return new Setup(instructor, ta, student, other, courseId, a);
        });
    }

    public static List<TestFileUpload> autograder() {
        return List.of(new TestFileUpload("test_public.py", PUBLIC_TEST.getBytes(StandardCharsets.UTF_8), Visibility.PUBLIC, BigDecimal.valueOf(4)),
                new TestFileUpload("test_private.py", PRIVATE_TEST.getBytes(StandardCharsets.UTF_8), Visibility.PRIVATE, BigDecimal.valueOf(6)));
    }

    /** A notebook with a markdown cell, a magic, and the given code cell. */
    public static byte[] notebook(String code) {
        String json = """
                {"nbformat": 4, "nbformat_minor": 5,
                 "metadata": {"kernelspec": {"name": "python3", "language": "python", "display_name": "Python 3"}},
                 "cells": [
                  {"cell_type": "markdown", "metadata": {}, "source": ["# ReLU\\n", "Implement it."]},
                  {"cell_type": "code", "metadata": {}, "execution_count": 1, "outputs": [], "source": ["%matplotlib inline\\n", "import numpy as np\\n"]},
                  {"cell_type": "code", "metadata": {}, "execution_count": 2, "outputs": [], "source": CODE}
                 ]}""".replace("CODE", jsonString(code));
        return json.getBytes(StandardCharsets.UTF_8);
    }

    public static byte[] correct() {
        return notebook("def relu(x):\n    return np.maximum(x, 0)\n");
    }

    /** Passes the public tests only: abs equals relu on the public inputs' positive half... and fails on negatives. */
    public static byte[] halfRight() {
        return notebook("def relu(x):\n    return np.abs(x)\n");
    }

    public static byte[] zip(String... namesAndContents) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (int i = 0; i < namesAndContents.length; i += 2) {
                zip.putNextEntry(new ZipEntry(namesAndContents[i]));
                zip.write(namesAndContents[i + 1].getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    private static String jsonString(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }
}
