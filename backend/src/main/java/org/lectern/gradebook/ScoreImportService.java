package org.lectern.gradebook;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.lectern.course.CourseAccess;
import org.lectern.course.CourseRole;
import org.lectern.course.CourseService;
import org.lectern.course.Member;
import org.lectern.gradebook.internal.GradebookRepository;
import org.lectern.platform.InvalidInputException;
import org.lectern.platform.audit.AuditLog;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Scores from a CSV sheet: a preview that names each bad row, then all of it saved or none; staff only. */
@Service
public class ScoreImportService {

    private final GradebookRepository repo;
    private final CourseAccess access;
    private final CourseService courses;
    private final GradingPolicyService policies;
    private final AuditLog audit;

    ScoreImportService(GradebookRepository repo, CourseAccess access, CourseService courses, GradingPolicyService policies, AuditLog audit) {
        this.repo = repo;
        this.access = access;
        this.courses = courses;
        this.policies = policies;
        this.audit = audit;
    }

    /** Reads a score CSV and says what saving it would do, naming each bad row; stores nothing. */
    @Transactional(readOnly = true)
    public ScoreSheet.Preview previewScores(long courseId, String csv) {
        access.staff(courseId);
        return sheet(courseId, csv);
    }

    /** Saves a score CSV: every cell or none. */
    @Transactional
    public ScoreSheet.Preview importScores(long courseId, String csv) {
        var grant = access.staff(courseId);
        ScoreSheet.Preview p = sheet(courseId, csv);
        if (p.hasErrors()) {
            String first = p.fileProblems().isEmpty()
                    ? "row " + p.lines().stream().filter(ScoreSheet.Line::bad).findFirst().orElseThrow().rowNumber() + ": "
                    + p.lines().stream().filter(ScoreSheet.Line::bad).findFirst().orElseThrow().problems().getFirst()
                    : p.fileProblems().getFirst();
            throw new InvalidInputException("Nothing was saved: " + first);
        }
        Map<String, Long> ids = new HashMap<>();
        courses.roster(courseId).forEach(m -> ids.put(m.email(), m.accountId()));
        for (ScoreSheet.Line line : p.lines()) {
            for (ScoreSheet.Cell c : line.cells()) {
                repo.putEntry(courseId, c.itemKey(), ids.get(line.email()), c.score(), c.excused(), grant.caller().accountId());
            }
        }
        // A Canvas export read once links the course to Canvas: later exports carry Canvas's ids.
        p.canvasItems().forEach((key, canvasId) -> repo.linkCanvasItem(courseId, key, canvasId));
        p.canvasUsers().forEach((email, canvasId) -> repo.linkCanvasStudent(courseId, ids.get(email), canvasId));
        audit.record(grant.caller().accountId(), courseId, "grades.imported", p.cellCount() + " scores for " + p.lines().size() + " students");
        return p;
    }

    private ScoreSheet.Preview sheet(long courseId, String csv) {
        PolicyDocument policy = policies.load(courseId);
        Map<String, BigDecimal> items = new LinkedHashMap<>();
        policy.scheme().items().forEach(i -> items.put(i.key(), i.pointsPossible()));
        var students = courses.roster(courseId).stream().filter(m -> m.role() == CourseRole.STUDENT).toList();
        Map<String, String> byLogin = new HashMap<>();
        Map<Long, String> emails = new HashMap<>();
        for (Member m : students) {
            emails.put(m.accountId(), m.email());
            if (m.login() != null) {
                byLogin.putIfAbsent(m.login().toLowerCase(java.util.Locale.ROOT), m.email());
            }
        }
        Map<String, String> byCanvasId = new HashMap<>();
        repo.canvasStudents(courseId).forEach((account, canvasId) -> {
            if (emails.containsKey(account)) {
                byCanvasId.put(canvasId, emails.get(account));
            }
        });
        return ScoreSheet.read(csv, items, new ScoreSheet.Students(
                students.stream().map(Member::email).collect(java.util.stream.Collectors.toSet()), byLogin, byCanvasId));
    }

}
