package org.lectern.course;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.lectern.identity.EmailAddress;

/**
 * What importing a roster would do, row by row, before anything is saved: who is new, who changes,
 * and every bad row with its reason. Import is all or nothing, so one bad row blocks the save.
 */
public final class RosterPlan {

    public enum Action { NEW_ACCOUNT, ADD, UPDATE, UNCHANGED, ERROR }

    /** One row's outcome. {@code role} and {@code section} are what will be stored. */
    public record Line(RosterCsv.Row row, Action action, String email, CourseRole role, String section,
                       List<String> problems, List<String> notes) {
        public boolean bad() {
            return action == Action.ERROR;
        }
    }

    public record Preview(List<Line> lines, List<String> fileProblems, Set<String> newSections) {
        public boolean hasErrors() {
            return !fileProblems.isEmpty() || lines.stream().anyMatch(Line::bad);
        }

        public long count(Action action) {
            return lines.stream().filter(l -> l.action() == action).count();
        }

        public List<Line> errors() {
            return lines.stream().filter(Line::bad).toList();
        }
    }

    private RosterPlan() {
    }

    /**
     * @param members     the course's current roster, by e-mail
     * @param accounts    e-mails that already have an account on the site
     * @param sections    the course's section names
     * @param callerEmail who imports: they may not demote themselves
     */
    public static Preview preview(RosterCsv.Parsed parsed, Map<String, Member> members, Set<String> accounts,
                                  Set<String> sections, String callerEmail) {
        if (!parsed.readable()) {
            return new Preview(List.of(), parsed.fileProblems(), Set.of());
        }
        Map<String, Integer> firstRowOf = new HashMap<>();
        Map<String, String> sectionsLower = new HashMap<>();
        sections.forEach(s -> sectionsLower.put(s.toLowerCase(Locale.ROOT), s));
        Set<String> newSections = new LinkedHashSet<>();
        List<Line> lines = new ArrayList<>();
        for (RosterCsv.Row row : parsed.rows()) {
            List<String> problems = new ArrayList<>();
            List<String> notes = new ArrayList<>();
            String email = EmailAddress.normalise(row.email());
            if (row.name().isBlank()) {
                problems.add("Name is missing.");
            }
            if (email.isEmpty()) {
                problems.add("E-mail is missing.");
            } else if (!EmailAddress.isValid(email)) {
                problems.add("'" + row.email() + "' is not a valid e-mail address.");
            } else {
                Integer earlier = firstRowOf.putIfAbsent(email, row.rowNumber());
                if (earlier != null) {
                    problems.add("Duplicate e-mail " + email + ": also on row " + earlier + ".");
                }
            }
            CourseRole role = CourseRole.STUDENT;
            if (!row.role().isBlank()) {
                Optional<CourseRole> parsedRole = CourseRole.parse(row.role());
                if (parsedRole.isEmpty()) {
                    problems.add("Unknown role '" + row.role() + "': use student, TA or instructor.");
                } else {
                    role = parsedRole.get();
                }
            }
            String section = row.section().isBlank() ? null : row.section().strip();
            if (section != null) {
                String known = sectionsLower.get(section.toLowerCase(Locale.ROOT));
                if (known != null) {
                    section = known;
                } else {
                    if (newSections.add(section)) {
                        notes.add("New section '" + section + "' will be created.");
                    }
                    sectionsLower.put(section.toLowerCase(Locale.ROOT), section);
                }
            }
            Member current = members.get(email);
            if (problems.isEmpty() && email.equals(callerEmail) && current != null
                    && current.role() == CourseRole.INSTRUCTOR && role != CourseRole.INSTRUCTOR) {
                problems.add("This row would remove your own instructor role; another instructor must do that.");
            }
            Action action;
            if (!problems.isEmpty()) {
                action = Action.ERROR;
            } else if (current == null) {
                action = accounts.contains(email) ? Action.ADD : Action.NEW_ACCOUNT;
                if (action == Action.NEW_ACCOUNT) {
                    notes.add("New account: they set a password from an invitation link.");
                }
            } else if (current.role() != role || (section != null && !section.equals(current.section()))
                    || (!row.login().isBlank() && !row.login().equals(current.login()))) {
                action = Action.UPDATE;
                if (!row.login().isBlank() && !row.login().equals(current.login())) {
                    notes.add("Login becomes " + row.login() + ".");
                }
                if (current.role() != role) {
                    notes.add("Role changes from " + current.role().label() + " to " + role.label() + ".");
                }
                if (section != null && !section.equals(current.section())) {
                    notes.add("Section changes to " + section + ".");
                }
            } else {
                action = Action.UNCHANGED;
            }
            lines.add(new Line(row, action, email, role, section, List.copyOf(problems), List.copyOf(notes)));
        }
        return new Preview(List.copyOf(lines), List.of(), Collections.unmodifiableSet(newSections));
    }
}
