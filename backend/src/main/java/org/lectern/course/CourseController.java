package org.lectern.course;

import io.swagger.v3.oas.annotations.Operation;
import org.lectern.platform.api.ApiConflict;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** REST: the caller's courses and a course's roster. Shapes are kept stable for scripts and the LMS. */
@RestController
@RequestMapping("/api/v1/courses")
class CourseController {

    record CourseJson(long id, String code, String title, String term, String timeZone, String role) {
    }

    record MemberJson(long id, String name, String email, String role, String section, String sisId, boolean activated) {
    }

    private final CourseService courses;

    CourseController(CourseService courses) {
        this.courses = courses;
    }

    @Operation(summary = "The caller's courses and role in each")
    @GetMapping
    List<CourseJson> mine() {
        return courses.myCourses().stream()
                .map(c -> new CourseJson(c.id(), c.code(), c.title(), c.term(), c.timeZone(), c.role().name().toLowerCase()))
                .toList();
    }

    @Operation(summary = "Create a course (course creators and site admins)")
    @ApiConflict("A course with that code already exists in that term")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    CourseJson create(@RequestBody CourseDraft draft) {
        Course c = courses.create(draft);
        return new CourseJson(c.id(), c.code(), c.title(), c.term(), c.timeZone().getId(), "instructor");
    }

    @Operation(summary = "Read one course")
    @GetMapping("/{courseId}")
    CourseJson one(@PathVariable long courseId) {
        var g = courses.open(courseId);
        Course c = g.course();
        return new CourseJson(c.id(), c.code(), c.title(), c.term(), c.timeZone().getId(), g.role().name().toLowerCase());
    }

    @Operation(summary = "The course roster (staff)")
    @GetMapping("/{courseId}/roster")
    List<MemberJson> roster(@PathVariable long courseId) {
        return courses.roster(courseId).stream()
                .map(m -> new MemberJson(m.accountId(), m.name(), m.email(), m.role().name().toLowerCase(), m.section(),
                        m.sisId(), m.activated()))
                .toList();
    }
}
