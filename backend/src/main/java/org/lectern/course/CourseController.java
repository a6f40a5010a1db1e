package org.lectern.course;

import io.swagger.v3.oas.annotations.Operation;
import org.lectern.platform.api.ApiConflict;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.lectern.platform.InvalidInputException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PutMapping;
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

    record MemberChange(String role, String section) {
    }

    record NewMemberJson(String name, String email, String role, String section) {
    }

    record RosterLineJson(int row, String action, String email, String role, String section, String login, List<String> problems,
                          List<String> notes) {
    }

    record RosterImportJson(boolean saved, List<String> fileProblems, List<RosterLineJson> lines, List<String> newSections) {
    }

    @Operation(summary = "Add one person to the course, or change their role and section (instructors)")
    @PostMapping("/{courseId}/members")
    @ResponseStatus(HttpStatus.CREATED)
    MemberJson addMember(@PathVariable long courseId, @RequestBody NewMemberJson body) {
        if (body == null) {
            throw new InvalidInputException("Send {\"name\": ..., \"email\": ..., \"role\": \"student\", \"section\": ...}.");
        }
        return json(courses.addMember(courseId, new NewMember(body.name(), body.email(), role(body.role(), true), body.section())));
    }

    @Operation(summary = "Change a member's role (and section) (instructors)")
    @ApiConflict("The member is the course's only instructor")
    @PutMapping("/{courseId}/members/{accountId}")
    MemberJson changeRole(@PathVariable long courseId, @PathVariable long accountId, @RequestBody MemberChange body) {
        return json(courses.changeRole(courseId, accountId, body == null ? null : role(body.role(), false),
                body == null ? null : body.section()));
    }

    @Operation(summary = "Remove a member from the course (instructors)")
    @ApiConflict("The member is the course's only instructor")
    @DeleteMapping("/{courseId}/members/{accountId}")
    ResponseEntity<Void> removeMember(@PathVariable long courseId, @PathVariable long accountId) {
        courses.removeMember(courseId, accountId);
        return ResponseEntity.noContent().build();
    }

    /** A roster CSV (text/csv body) as on the roster page: ?preview=true says what saving would do; saving is all or nothing. */
    @Operation(summary = "Import a roster CSV (Lectern's columns or Canvas's export); preview=true only checks (instructors)")
    @PostMapping(value = "/{courseId}/roster.csv", consumes = {"text/csv", "text/plain"})
    ResponseEntity<RosterImportJson> importRoster(@PathVariable long courseId, @RequestBody(required = false) String csv,
                                                  @RequestParam(defaultValue = "false") boolean preview) {
        RosterPlan.Preview p = courses.previewRoster(courseId, csv);
        boolean saved = false;
        if (!preview && !p.hasErrors()) {
            p = courses.importRoster(courseId, csv); // planned again in its own transaction: all or nothing
            saved = true;
        }
        List<RosterLineJson> lines = p.lines().stream().map(l -> new RosterLineJson(l.row().rowNumber(),
                l.action().name().toLowerCase(), l.email(), l.role() == null ? null : l.role().name().toLowerCase(), l.section(),
                l.row().login().isBlank() ? null : l.row().login(), l.problems(), l.notes())).toList();
        return ResponseEntity.status(p.hasErrors() ? 400 : 200)
                .body(new RosterImportJson(saved, p.fileProblems(), lines, List.copyOf(p.newSections())));
    }

    private static CourseRole role(String role, boolean defaultStudent) {
        if (role == null || role.isBlank()) {
            if (defaultStudent) {
                return CourseRole.STUDENT;
            }
            throw new InvalidInputException("Name the role: instructor, ta or student.");
        }
        return switch (role.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "instructor" -> CourseRole.INSTRUCTOR;
            case "ta" -> CourseRole.TA;
            case "student" -> CourseRole.STUDENT;
            default -> throw new InvalidInputException("'" + role + "' is not a role: instructor, ta or student.");
        };
    }

    private static MemberJson json(Member m) {
        return new MemberJson(m.accountId(), m.name(), m.email(), m.role().name().toLowerCase(), m.section(), m.sisId(), m.activated());
    }
}
