package org.lectern.gradebook;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.lectern.assignment.Assignment;
import org.lectern.assignment.AssignmentService;
import org.lectern.course.CourseAccess;
import org.lectern.course.CourseRole;
import org.lectern.course.CourseService;
import org.lectern.course.Member;
import org.lectern.gradebook.internal.GradebookRepository;
import org.lectern.identity.EmailAddress;
import org.lectern.latepolicy.Extension;
import org.lectern.latepolicy.LateDayLedger;
import org.lectern.latepolicy.LateItem;
import org.lectern.latepolicy.LedgerEntry;
import org.lectern.latepolicy.WhatIf;
import org.lectern.platform.InvalidInputException;
import org.lectern.platform.audit.AuditLog;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The gradebook: the course's policy applied to autograder totals and staff-entered scores, with
 * late days charged by {@link LateDayLedger} and totals by {@link GradeCalculator}. Staff see every
 * student; a student sees only their own released scores.
 */
@Service
public class GradebookService {

    public record Gradebook(CourseAccess.Grant grant, PolicyDocument policy, List<String> itemKeys, List<GradebookRows.StudentRow> students) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final GradebookRepository repo;
    private final CourseAccess access;
    private final CourseService courses;
    private final AssignmentService assignments;
    private final CountedScores counted;
    private final AuditLog audit;
    private final Clock clock;

    GradebookService(GradebookRepository repo, CourseAccess access, CourseService courses, AssignmentService assignments,
                     CountedScores counted, AuditLog audit, Clock clock) {
        this.repo = repo;
        this.access = access;
        this.courses = courses;
        this.assignments = assignments;
        this.counted = counted;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public PolicyDocument policy(long courseId) {
        access.member(courseId);
        return load(courseId);
    }

    @Transactional
    public PolicyDocument setPolicy(long courseId, PolicyDocument document) {
        var grant = access.instructor(courseId);
        if (document == null || document.lateDays() == null || document.categories() == null) {
            throw new InvalidInputException("A grading policy needs lateDays and categories.");
        }
        document.validate();
        repo.savePolicy(courseId, JSON.writeValueAsString(document), grant.caller().accountId());
        audit.record(grant.caller().accountId(), courseId, "grading_policy.saved", document.categories().size() + " categories");
        return load(courseId);
    }

    @Transactional(readOnly = true)
    public Gradebook gradebook(long courseId) {
        var grant = access.member(courseId);
        PolicyDocument policy = load(courseId);
        List<Member> students;
        if (grant.isStaff()) {
            students = courses.roster(courseId).stream().filter(m -> m.role() == CourseRole.STUDENT).toList();
        } else {
            var c = grant.caller();
            students = List.of(new Member(c.accountId(), c.displayName(), c.email(), CourseRole.STUDENT, null, null, true));
        }
        Map<String, GradebookRows.Assigned> assigned = new HashMap<>();
        for (Assignment a : assignments.list(courseId)) {
            policy.item(a.shortName()).ifPresent(i -> assigned.put(i.shortName(),
                    new GradebookRows.Assigned(a.dueAt(), a.gradesReleased(), counted.forAssignment(a))));
        }
        Map<Long, List<Extension>> extensions = new HashMap<>();
        for (var x : repo.extensions(courseId)) {
            extensions.computeIfAbsent(x.accountId(), k -> new ArrayList<>()).add(x.newDueAt() != null
                    ? Extension.until(x.itemKey(), x.newDueAt(), x.reason()) : Extension.byDays(x.itemKey(), x.extraDays(), x.reason()));
        }
        List<String> keys = policy.scheme().items().stream().map(GradedItem::key).toList();
        var rows = GradebookRows.rows(policy, students, assigned, repo.entries(courseId), repo.overrides(courseId), extensions,
                grant.isStaff(), grant.course().timeZone(), clock.instant());
        return new Gradebook(grant, policy, keys, rows);
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

    /**
     * A new assignment joins its gradebook category (named in the assignment JSON) with its per-item
     * late rules; without a category it joins a category holding an item of that short name, if any.
     */
    @org.springframework.context.event.EventListener
    void onAssignmentCreated(org.lectern.assignment.AssignmentCreated e) {
        PolicyDocument.ItemLateJson late = e.takesLateDays() == null && e.acceptsLate() == null && e.maxLateDaysPerItem() == null
                && e.latePenaltyPercentPerDay() == null && e.maxDaysLate() == null ? null
                : new PolicyDocument.ItemLateJson(e.takesLateDays(), e.acceptsLate(), e.maxLateDaysPerItem(), e.latePenaltyPercentPerDay(),
                        e.maxDaysLate());
        place(e.courseId(), e.shortName(), e.points(), e.category(), late);
    }

    /** A quiz, exercise set or the like joins its category (see {@link GradedItemDeclared}). */
    @org.springframework.context.event.EventListener
    void onGradedItemDeclared(GradedItemDeclared e) {
        place(e.courseId(), e.shortName(), e.points(), e.category(), null);
    }

    /**
     * Stores a score a feature computed (see {@link ScoreReported}); no role check for a plain report: the reporter
     * did it. An override-kind report is an override, with its checks.
     */
    @org.springframework.context.event.EventListener
    void onScoreReported(ScoreReported e) {
        if (e.isOverride()) {
            Member m = courses.roster(e.courseId()).stream().filter(r -> r.accountId() == e.accountId() && r.role() == CourseRole.STUDENT)
                    .findFirst().orElseThrow(() -> new InvalidInputException("A student of this report is no longer in the course."));
            override(e.courseId(), e.itemKey(), m.email(), e.score(), e.overrideReason());
            return;
        }
        if (e.score() == null || e.score().signum() < 0) {
            throw new IllegalArgumentException("a reported score is zero or more");
        }
        repo.putEntry(e.courseId(), e.itemKey(), e.accountId(), e.score(), false, null);
        audit.record(null, e.courseId(), "grade.reported", e.itemKey() + " account " + e.accountId() + " = " + e.score() + " by " + e.source());
    }

    private void place(long courseId, String shortName, BigDecimal points, String categoryName, PolicyDocument.ItemLateJson late) {
        PolicyDocument doc = load(courseId);
        if (categoryName == null || categoryName.isBlank()) {
            return;
        }
        var category = doc.categories().stream().filter(c -> c.name().equalsIgnoreCase(categoryName.strip())).findFirst()
                .orElseThrow(() -> new InvalidInputException("category: no gradebook category '" + categoryName + "' (categories: "
                        + String.join(", ", doc.categories().stream().map(PolicyDocument.CategoryJson::name).toList()) + ")."));
        List<PolicyDocument.CategoryJson> categories = new ArrayList<>();
        for (var c : doc.categories()) {
            // The assignment takes the place of a same-named placeholder (A2 for a2), else joins the end.
            List<PolicyDocument.ItemJson> items = new ArrayList<>();
            boolean placed = false;
            for (var i : c.items()) {
                if (i.shortName().equalsIgnoreCase(shortName)) {
                    if (c == category) {
                        items.add(new PolicyDocument.ItemJson(shortName, points, i.weight(), null, late));
                        placed = true;
                    }
                } else {
                    items.add(i);
                }
            }
            if (c == category && !placed) {
                items.add(new PolicyDocument.ItemJson(shortName, points, null, null, late));
            }
            categories.add(new PolicyDocument.CategoryJson(c.name(), c.weight(), c.dropLowest(), c.extraCredit(), c.cap(), items));
        }
        PolicyDocument updated = new PolicyDocument(doc.lateDays(), categories, doc.letters());
        updated.validate();
        var caller = org.lectern.identity.CurrentUser.require();
        repo.savePolicy(courseId, JSON.writeValueAsString(updated), caller.accountId());
    }

    @Transactional
    public void enterScore(long courseId, String itemKey, String email, BigDecimal score, boolean excused) {
        var grant = access.staff(courseId);
        String key = itemKey(courseId, itemKey);
        Member m = student(courseId, email);
        if (!excused && (score == null || score.signum() < 0)) {
            throw new InvalidInputException("A score is zero or more (or mark the item excused).");
        }
        repo.putEntry(courseId, key, m.accountId(), excused ? null : score, excused, grant.caller().accountId());
        audit.record(grant.caller().accountId(), courseId, "grade.entered", key + " " + m.email() + " " + (excused ? "excused" : score));
    }

    /** A manual override (e.g. a zero for an integrity case); instructors only, always with a reason, audited. */
    @Transactional
    public void override(long courseId, String itemKey, String email, BigDecimal score, String reason) {
        var grant = access.instructor(courseId);
        if (reason == null || reason.isBlank()) {
            throw new InvalidInputException("An override needs a reason.");
        }
        if (score == null || score.signum() < 0) {
            throw new InvalidInputException("An override is a score of zero or more.");
        }
        String key = itemKey(courseId, itemKey);
        Member m = student(courseId, email);
        repo.putOverride(courseId, key, m.accountId(), score, reason.strip(), grant.caller().accountId());
        audit.record(grant.caller().accountId(), courseId, "grade.override", key + " " + m.email() + " = " + score + " (" + reason.strip() + ")");
    }

    @Transactional
    public void grantExtension(long courseId, String itemKey, String email, Instant newDue, Integer extraDays, String reason) {
        var grant = access.staff(courseId);
        if ((newDue == null) == (extraDays == null)) {
            throw new InvalidInputException("Give either a new due time or a number of extra days.");
        }
        if (extraDays != null && extraDays < 1) {
            throw new InvalidInputException("Extra days are one or more.");
        }
        if (reason == null || reason.isBlank()) {
            throw new InvalidInputException("An extension needs a reason.");
        }
        String key = itemKey(courseId, itemKey);
        Member m = student(courseId, email);
        repo.addExtension(courseId, key, m.accountId(), newDue, extraDays, reason.strip(), grant.caller().accountId());
        audit.record(grant.caller().accountId(), courseId, "extension.granted", key + " " + m.email() + " "
                + (newDue != null ? "until " + newDue : extraDays + " days") + " (" + reason.strip() + ")");
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
        audit.record(grant.caller().accountId(), courseId, "grades.imported", p.cellCount() + " scores for " + p.lines().size() + " students");
        return p;
    }

    private ScoreSheet.Preview sheet(long courseId, String csv) {
        PolicyDocument policy = load(courseId);
        Map<String, BigDecimal> items = new LinkedHashMap<>();
        policy.scheme().items().forEach(i -> items.put(i.key(), i.pointsPossible()));
        var students = courses.roster(courseId).stream().filter(m -> m.role() == CourseRole.STUDENT).map(Member::email)
                .collect(java.util.stream.Collectors.toSet());
        return ScoreSheet.read(csv, items, students);
    }

    /** Every student and item with totals. */
    @Transactional(readOnly = true)
    public String csv(long courseId) {
        access.staff(courseId);
        Gradebook g = gradebook(courseId);
        List<String> header = new ArrayList<>(List.of("Student", "Email", "SIS User ID", "Section"));
        header.addAll(g.itemKeys());
        header.addAll(List.of("Late days used", "Late days left", "Total %", "Letter"));
        return write(header, g, false);
    }

    /** Canvas's gradebook import: Student, ID, SIS User ID, SIS Login ID, Section, then one column per item. */
    @Transactional(readOnly = true)
    public String canvasCsv(long courseId) {
        access.staff(courseId);
        Gradebook g = gradebook(courseId);
        List<String> header = new ArrayList<>(List.of("Student", "ID", "SIS User ID", "SIS Login ID", "Section"));
        header.addAll(g.itemKeys());
        return write(header, g, true);
    }

    private String write(List<String> header, Gradebook g, boolean canvas) {
        StringWriter out = new StringWriter();
        try (CSVPrinter p = new CSVPrinter(out, CSVFormat.DEFAULT)) {
            p.printRecord(header.stream().map(CsvCells::safe).toList());
            if (canvas) {
                List<String> possible = new ArrayList<>(List.of("    Points Possible", "", "", "", ""));
                g.policy().scheme().items().forEach(i -> possible.add(Rounding.forDisplay(i.pointsPossible()).toPlainString()));
                p.printRecord(possible);
            }
            for (GradebookRows.StudentRow r : g.students()) {
                List<String> cells = new ArrayList<>();
                if (canvas) {
                    cells.addAll(List.of(CsvCells.safe(sortable(r.name())), "", CsvCells.safe(nz(r.sisId())), CsvCells.safe(r.email()),
                            CsvCells.safe(nz(r.section()))));
                } else {
                    cells.addAll(List.of(CsvCells.safe(r.name()), CsvCells.safe(r.email()), CsvCells.safe(nz(r.sisId())), CsvCells.safe(nz(r.section()))));
                }
                for (String key : g.itemKeys()) {
                    GradebookRows.ItemLine l = r.items().get(key);
                    cells.add(l == null || l.score() == null ? "" : Rounding.forDisplay(l.score()).toPlainString());
                }
                if (!canvas) {
                    cells.add(Integer.toString(r.lateDaysUsed()));
                    cells.add(Integer.toString(r.lateDaysRemaining()));
                    cells.add(r.totalPercent() == null ? "" : Rounding.forDisplay(r.totalPercent()).toPlainString());
                    cells.add(CsvCells.safe(nz(r.letter())));
                }
                p.printRecord(cells);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toString();
    }

    private static String sortable(String name) {
        int space = name.lastIndexOf(' ');
        return space < 0 ? name : name.substring(space + 1) + ", " + name.substring(0, space);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private String itemKey(long courseId, String key) {
        return load(courseId).item(key == null ? "" : key.strip()).map(PolicyDocument.ItemJson::shortName)
                .orElseThrow(() -> new InvalidInputException("No gradebook item '" + key + "' in this course's grading policy."));
    }

    private Member student(long courseId, String email) {
        String e = EmailAddress.normalise(email);
        return courses.roster(courseId).stream().filter(m -> m.email().equals(e) && m.role() == CourseRole.STUDENT).findFirst()
                .orElseThrow(() -> new InvalidInputException(email + " is not a student in this course."));
    }

    private PolicyDocument load(long courseId) {
        return repo.policy(courseId).map(json -> {
            try {
                return JSON.readValue(json, PolicyDocument.class);
            } catch (JacksonException e) {
                throw new IllegalStateException("Stored grading policy of course " + courseId + " is unreadable", e);
            }
        }).orElseGet(PolicyDocument::defaults);
    }
}
