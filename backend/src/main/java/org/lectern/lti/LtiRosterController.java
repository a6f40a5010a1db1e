package org.lectern.lti;

import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import org.lectern.course.RosterPlan;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** Roster sync from the LMS (NRPS): GET previews, POST applies all or nothing. Instructors only. */
@RestController
class LtiRosterController {

    record Line(String name, String email, String role, String action, List<String> problems, List<String> notes) {
    }

    record Dropped(String name, String email, String role) {
    }

    record PreviewJson(int lmsMembers, List<Line> lines, List<Dropped> drops, List<String> fileProblems, boolean hasErrors) {
        static PreviewJson of(LtiRoster.Preview p) {
            RosterPlan.Preview plan = p.plan();
            return new PreviewJson(p.lmsMembers(), plan.lines().stream().map(l -> new Line(l.row().name(), l.email(),
                    l.role() == null ? null : l.role().name(), l.action().name(), l.problems(), l.notes())).toList(),
                    p.drops().stream().map(m -> new Dropped(m.name(), m.email(), m.role().name())).toList(), plan.fileProblems(),
                    plan.hasErrors());
        }
    }

    private final LtiRoster roster;

    LtiRosterController(LtiRoster roster) {
        this.roster = roster;
    }

    @Operation(summary = "Preview the LMS roster's adds, role changes and drops (instructors)")
    @GetMapping("/api/v1/courses/{courseId}/lti/roster")
    PreviewJson preview(@PathVariable long courseId) {
        return PreviewJson.of(roster.preview(courseId));
    }

    @Operation(summary = "Apply the LMS roster, all or nothing (instructors)")
    @PostMapping("/api/v1/courses/{courseId}/lti/roster")
    PreviewJson apply(@PathVariable long courseId) {
        return PreviewJson.of(roster.apply(courseId));
    }
}
