package org.lectern.gradebook;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.lectern.assignment.Assignment;
import org.lectern.assignment.AssignmentService;
import org.lectern.course.CourseAccess;
import org.lectern.course.CourseRole;
import org.lectern.course.CourseService;
import org.lectern.course.Member;
import org.lectern.gradebook.internal.GradebookRepository;
import org.lectern.latepolicy.Extension;
import org.lectern.latepolicy.LateDayLedger;
import org.lectern.latepolicy.TeamLateRule;
import org.lectern.latepolicy.WhatIf;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The gradebook's rows: loads the policy, reported work scores ({@link ScoreReported.Work}), entries, overrides and
 * extensions, and lets {@link GradebookRows} decide each cell. Staff see every student; a student sees only their
 * own row, as {@link ScoreVisibility} allows.
 */
@Service
public class GradebookService {

    public record Gradebook(CourseAccess.Grant grant, PolicyDocument policy, List<String> itemKeys, List<GradebookRows.StudentRow> students) {
    }

    private final GradebookRepository repo;
    private final CourseAccess access;
    private final CourseService courses;
    private final AssignmentService assignments;
    private final GradingPolicyService policies;
    private final Clock clock;

    GradebookService(GradebookRepository repo, CourseAccess access, CourseService courses, AssignmentService assignments,
                     GradingPolicyService policies, Clock clock) {
        this.repo = repo;
        this.access = access;
        this.courses = courses;
        this.assignments = assignments;
        this.policies = policies;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Gradebook gradebook(long courseId) {
        var grant = access.member(courseId);
        PolicyDocument policy = policies.load(courseId);
        List<Member> students;
        Map<Long, Map<Long, GradebookRows.Counted>> work = repo.workScores(courseId);
        if (grant.isStaff()) {
            students = courses.roster(courseId).stream().filter(m -> m.role() == CourseRole.STUDENT).toList();
        } else {
            var c = grant.caller();
            students = new ArrayList<>(List.of(new Member(c.accountId(), c.displayName(), c.email(), CourseRole.STUDENT, null, null, true)));
            if (policy.teamLateRule() == TeamLateRule.SHARED_PENALTY) {
                // the team's penalty depends on every member's days: their rows are computed, never returned
                for (long mate : teammates(work, c.accountId())) {
                    students.add(new Member(mate, "", "", CourseRole.STUDENT, null, null, true));
                }
            }
        }
        Map<String, GradebookRows.Assigned> assigned = new HashMap<>();
        for (Assignment a : assignments.list(courseId)) {
            policy.item(a.shortName()).ifPresent(i -> assigned.put(i.shortName(),
                    new GradebookRows.Assigned(a.dueAt(), a.gradesReleased(), work.getOrDefault(a.id(), Map.of()), a.points())));
        }
        Map<Long, List<Extension>> extensions = new HashMap<>();
        for (var x : repo.extensions(courseId)) {
            extensions.computeIfAbsent(x.accountId(), k -> new ArrayList<>()).add(x.newDueAt() != null
                    ? Extension.until(x.itemKey(), x.newDueAt(), x.reason()) : Extension.byDays(x.itemKey(), x.extraDays(), x.reason()));
        }
        List<String> keys = policy.scheme().items().stream().map(GradedItem::key).toList();
        var rows = GradebookRows.rows(policy, students, assigned, repo.entries(courseId), repo.overrides(courseId), extensions,
                grant.isStaff(), grant.course().timeZone(), clock.instant());
        if (!grant.isStaff()) {
            long me = grant.caller().accountId();
            rows = rows.stream().filter(r -> r.accountId() == me).toList();
        }
        return new Gradebook(grant, policy, keys, rows);
    }

    /** The students who share a team version of any assignment with this one. */
    private static Set<Long> teammates(Map<Long, Map<Long, GradebookRows.Counted>> work, long accountId) {
        Set<Long> mates = new TreeSet<>();
        for (Map<Long, GradebookRows.Counted> byStudent : work.values()) {
            GradebookRows.Counted mine = byStudent.get(accountId);
            if (mine != null && mine.teamId() != null) {
                byStudent.forEach((who, c) -> {
                    if (who != accountId && mine.teamId().equals(c.teamId())) {
                        mates.add(who);
                    }
                });
            }
        }
        return mates;
    }

    /**
     * What submitting an item now would cost the calling student: days late, free days it would use,
     * penalty, refusal, days left. Computed on the student's whole ledger, so it never offers days
     * they do not have.
     */
    @Transactional(readOnly = true)
    public Optional<WhatIf> whatIfNow(long courseId, String itemKey) {
        var grant = access.member(courseId);
        if (grant.isStaff()) {
            return Optional.empty();
        }
        Gradebook mine = gradebook(courseId);
        var key = mine.policy().item(itemKey == null ? "" : itemKey).map(PolicyDocument.ItemJson::shortName);
        if (key.isEmpty() || mine.students().isEmpty()) {
            return Optional.empty();
        }
        LateDayLedger ledger = mine.students().getFirst().lateDays();
        if (ledger.entries().stream().noneMatch(e -> e.key().equals(key.get()))) {
            return Optional.empty();
        }
        return Optional.of(ledger.whatIf(key.get(), clock.instant()));
    }

}
