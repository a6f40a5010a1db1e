package org.lectern.course;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.lectern.course.internal.CourseRepository;
import org.lectern.identity.Account;
import org.lectern.identity.AccountService;
import org.lectern.identity.Caller;
import org.lectern.identity.CurrentUser;
import org.lectern.identity.EmailAddress;
import org.lectern.platform.ConflictException;
import org.lectern.platform.ForbiddenException;
import org.lectern.platform.InvalidInputException;
import org.lectern.platform.NotFoundException;
import org.lectern.platform.audit.AuditLog;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Courses, their people and sections. Every method checks the caller's role in the course first. */
@Service
public class CourseService {

    private final CourseRepository courses;
    private final CourseAccess access;
    private final AccountService accounts;
    private final AuditLog audit;

    CourseService(CourseRepository courses, CourseAccess access, AccountService accounts, AuditLog audit) {
        this.courses = courses;
        this.access = access;
        this.accounts = accounts;
        this.audit = audit;
    }

    /** Site admins and course creators create courses; the creator becomes its first instructor. */
    @Transactional
    public Course create(CourseDraft draft) {
        Caller caller = CurrentUser.require();
        if (!caller.siteRole().mayCreateCourses()) {
            throw new ForbiddenException("Only site admins and instructors may create courses.");
        }
        CourseDraft d = validate(draft);
        if (courses.byCodeAndTerm(d.code(), d.term()).isPresent()) {
            throw new ConflictException("A course " + d.code() + " already exists in " + d.term() + ".");
        }
        long id = courses.insert(d.code(), d.title(), d.term(), d.timeZone(), caller.accountId());
        courses.upsertMember(id, caller.accountId(), CourseRole.INSTRUCTOR, null, null);
        audit.record(caller.accountId(), id, "course.created", d.code() + " " + d.term());
        return courses.byId(id).orElseThrow();
    }

    @Transactional
    public Course update(long courseId, CourseDraft draft) {
        var grant = access.instructor(courseId);
        CourseDraft d = validate(draft);
        courses.byCodeAndTerm(d.code(), d.term()).filter(c -> c.id() != courseId).ifPresent(c -> {
            throw new ConflictException("A course " + d.code() + " already exists in " + d.term() + ".");
        });
        courses.update(courseId, d.code(), d.title(), d.term(), d.timeZone());
        audit.record(grant.caller().accountId(), courseId, "course.updated", d.toString());
        return courses.byId(courseId).orElseThrow();
    }

    /** The caller's courses (a site admin sees every course). */
    @Transactional(readOnly = true)
    public List<CourseSummary> myCourses() {
        Caller caller = CurrentUser.require();
        return caller.isAdmin() ? courses.all(caller.accountId()) : courses.forAccount(caller.accountId());
    }

    /** The course and the caller's role in it. */
    @Transactional(readOnly = true)
    public CourseAccess.Grant open(long courseId) {
        return access.member(courseId);
    }

    @Transactional(readOnly = true)
    public List<Member> roster(long courseId) {
        access.staff(courseId);
        return courses.members(courseId);
    }

    /** Sections are public to the course: students see when their recitation meets. */
    @Transactional(readOnly = true)
    public List<Section> sections(long courseId) {
        access.member(courseId);
        return courses.sections(courseId);
    }

    @Transactional
    public Section addSection(long courseId, String name, Section.Kind kind, DayOfWeek day, LocalTime start,
                              LocalTime end, String location) {
        var grant = access.instructor(courseId);
        if (name == null || name.isBlank()) {
            throw new InvalidInputException("A section needs a name.");
        }
        if (start != null && end != null && !end.isAfter(start)) {
            throw new InvalidInputException("A section must end after it starts.");
        }
        if (courses.sections(courseId).stream().anyMatch(s -> s.name().equalsIgnoreCase(name.strip()))) {
            throw new ConflictException("Section " + name.strip() + " already exists.");
        }
        long id = courses.insertSection(courseId, name.strip(), kind == null ? Section.Kind.RECITATION : kind, day,
                start, end, blankToNull(location));
        audit.record(grant.caller().accountId(), courseId, "section.added", name.strip());
        return courses.sections(courseId).stream().filter(s -> s.id() == id).findFirst().orElseThrow();
    }

    @Transactional
    public void removeSection(long courseId, long sectionId) {
        var grant = access.instructor(courseId);
        if (courses.deleteSection(courseId, sectionId) == 0) {
            throw new NotFoundException("No such section.");
        }
        audit.record(grant.caller().accountId(), courseId, "section.removed", Long.toString(sectionId));
    }

    /** Adds one person (creating their account if needed) or updates their role and section. */
    @Transactional
    public Member addMember(long courseId, NewMember person) {
        var grant = access.instructor(courseId);
        String email = EmailAddress.normalise(person.email());
        if (person.name() == null || person.name().isBlank()) {
            throw new InvalidInputException("A name is required.");
        }
        if (!EmailAddress.isValid(email)) {
            throw new InvalidInputException("'" + person.email() + "' is not a valid e-mail address.");
        }
        CourseRole role = person.role() == null ? CourseRole.STUDENT : person.role();
        guardOwnRole(grant, email, role);
        Long sectionId = sectionId(courseId, person.section(), true);
        Account account = accounts.findOrCreateMember(email, person.name().strip());
        courses.upsertMember(courseId, account.id(), role, sectionId, null);
        audit.record(grant.caller().accountId(), courseId, "member.added", email + " as " + role);
        return member(courseId, account.id());
    }

    @Transactional
    public void removeMember(long courseId, long accountId) {
        var grant = access.instructor(courseId);
        if (accountId == grant.caller().accountId()) {
            throw new InvalidInputException("You cannot remove yourself; another instructor must.");
        }
        guardLastInstructor(courseId, accountId, null);
        if (courses.removeMember(courseId, accountId) == 0) {
            throw new NotFoundException("That person is not in this course.");
        }
        audit.record(grant.caller().accountId(), courseId, "member.removed", Long.toString(accountId));
    }

    /** Reads a roster CSV and says what saving it would do; stores nothing. */
    @Transactional(readOnly = true)
    public RosterPlan.Preview previewRoster(long courseId, String csv) {
        var grant = access.instructor(courseId);
        return plan(grant, csv);
    }

    /**
     * Saves a roster CSV: all rows or none. The plan is made again inside the transaction, so a
     * roster changed since the preview is judged as it is now.
     */
    @Transactional
    public RosterPlan.Preview importRoster(long courseId, String csv) {
        var grant = access.instructor(courseId);
        RosterPlan.Preview preview = plan(grant, csv);
        if (preview.hasErrors()) {
            String first = preview.fileProblems().isEmpty()
                    ? "row " + preview.errors().getFirst().row().rowNumber() + ": " + preview.errors().getFirst().problems().getFirst()
                    : preview.fileProblems().getFirst();
            int count = preview.fileProblems().isEmpty() ? preview.errors().size() : preview.fileProblems().size();
            throw new InvalidInputException("Nothing was saved: " + count + " problem(s), first " + first);
        }
        Map<String, Long> sectionIds = new HashMap<>();
        courses.sections(courseId).forEach(s -> sectionIds.put(s.name(), s.id()));
        for (String name : preview.newSections()) {
            sectionIds.put(name, courses.insertSection(courseId, name, Section.Kind.RECITATION, null, null, null, null));
        }
        for (RosterPlan.Line line : preview.lines()) {
            if (line.action() == RosterPlan.Action.UNCHANGED) {
                continue;
            }
            Account account = accounts.findOrCreateMember(line.email(), line.row().name());
            String sis = line.row().sisId().isBlank() ? null : line.row().sisId();
            String login = line.row().login().isBlank() ? null : line.row().login();
            courses.upsertMember(courseId, account.id(), line.role(),
                    line.section() == null ? null : sectionIds.get(line.section()), sis, login);
        }
        audit.record(grant.caller().accountId(), courseId, "roster.imported",
                "new accounts " + preview.count(RosterPlan.Action.NEW_ACCOUNT) + ", added " + preview.count(RosterPlan.Action.ADD)
                        + ", updated " + preview.count(RosterPlan.Action.UPDATE));
        return preview;
    }

    /**
     * Invitation links for members who have not set a password yet, keyed by e-mail. Each call makes
     * fresh links (older ones stay valid until they expire).
     */
    @Transactional
    public Map<String, String> inviteTokens(long courseId) {
        var grant = access.instructor(courseId);
        Map<String, String> links = new LinkedHashMap<>();
        for (Member m : courses.members(courseId)) {
            if (!m.activated()) {
                links.put(m.email(), accounts.invite(m.accountId()));
            }
        }
        audit.record(grant.caller().accountId(), courseId, "roster.invitations", links.size() + " links");
        return links;
    }

    private RosterPlan.Preview plan(CourseAccess.Grant grant, String csv) {
        long courseId = grant.course().id();
        RosterCsv.Parsed parsed = RosterCsv.parse(csv);
        Map<String, Member> members = courses.members(courseId).stream()
                .collect(Collectors.toMap(Member::email, Function.identity()));
        var emails = parsed.rows().stream().map(r -> EmailAddress.normalise(r.email())).filter(e -> !e.isEmpty()).distinct().toList();
        var existing = accounts.byEmails(emails).keySet();
        var sectionNames = courses.sections(courseId).stream().map(Section::name).collect(Collectors.toSet());
        return RosterPlan.preview(parsed, members, existing, sectionNames, grant.caller().email());
    }

    /**
     * Changes a member's role (and section, when one is named): the roster page's role change, for scripts.
     * The caller's role is checked before anything is looked up.
     */
    @Transactional
    public Member changeRole(long courseId, long accountId, CourseRole role, String section) {
        var grant = access.instructor(courseId);
        if (role == null) {
            throw new InvalidInputException("Name the new role: instructor, ta or student.");
        }
        Member current = courses.members(courseId).stream().filter(m -> m.accountId() == accountId).findFirst()
                .orElseThrow(() -> new NotFoundException("That person is not in this course."));
        guardOwnRole(grant, current.email(), role);
        guardLastInstructor(courseId, accountId, role);
        Long sectionId = sectionId(courseId, section, true);
        courses.upsertMember(courseId, accountId, role, sectionId, null);
        audit.record(grant.caller().accountId(), courseId, "member.role", current.email() + " as " + role);
        return member(courseId, accountId);
    }

    /** A course keeps an instructor: the last one is neither removed nor made something else (409). */
    private void guardLastInstructor(long courseId, long accountId, CourseRole newRole) {
        List<Member> members = courses.members(courseId);
        boolean isInstructor = members.stream().anyMatch(m -> m.accountId() == accountId && m.role() == CourseRole.INSTRUCTOR);
        long instructors = members.stream().filter(m -> m.role() == CourseRole.INSTRUCTOR).count();
        if (isInstructor && instructors == 1 && newRole != CourseRole.INSTRUCTOR) {
            throw new ConflictException("This is the course's only instructor; add another instructor first.");
        }
    }

    private Member member(long courseId, long accountId) {
        return courses.members(courseId).stream().filter(m -> m.accountId() == accountId).findFirst().orElseThrow();
    }

    private void guardOwnRole(CourseAccess.Grant grant, String email, CourseRole role) {
        if (email.equals(grant.caller().email()) && grant.role() == CourseRole.INSTRUCTOR && role != CourseRole.INSTRUCTOR
                && !grant.caller().isAdmin()) {
            throw new InvalidInputException("You cannot remove your own instructor role; another instructor must.");
        }
    }

    private Long sectionId(long courseId, String name, boolean create) {
        if (name == null || name.isBlank()) {
            return null;
        }
        return courses.sections(courseId).stream().filter(s -> s.name().equalsIgnoreCase(name.strip())).findFirst()
                .map(Section::id)
                .orElseGet(() -> {
                    if (!create) {
                        throw new InvalidInputException("No section " + name);
                    }
                    return courses.insertSection(courseId, name.strip(), Section.Kind.RECITATION, null, null, null, null);
                });
    }

    static CourseDraft validate(CourseDraft d) {
        if (d == null) {
            throw new InvalidInputException("Course details are missing.");
        }
        String code = strip(d.code());
        String title = strip(d.title());
        String term = strip(d.term());
        String zone = strip(d.timeZone());
        if (code.isEmpty() || title.isEmpty() || term.isEmpty()) {
            throw new InvalidInputException("A course needs a code, a title and a term.");
        }
        if (code.length() > 40) {
            throw new InvalidInputException("A course code has at most 40 characters.");
        }
        try {
            zone = ZoneId.of(zone.isEmpty() ? "UTC" : zone).getId();
        } catch (DateTimeException e) {
            throw new InvalidInputException("'" + d.timeZone() + "' is not a time zone; use a name like America/Los_Angeles or Europe/Istanbul.");
        }
        return new CourseDraft(code, title, term, zone);
    }

    private static String strip(String s) {
        return s == null ? "" : s.strip();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
