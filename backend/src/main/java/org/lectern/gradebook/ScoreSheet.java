package org.lectern.gradebook;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.lectern.identity.EmailAddress;

/**
 * Reads a score CSV (an e-mail column, then one column per gradebook item; our own export works as
 * it is) and judges every cell before anything is saved: unknown students, unknown columns, values
 * that are not numbers, negative scores. "EX" marks an item excused; a blank cell is left alone.
 * <p>Canvas's own gradebook export works as it is too: students are found by e-mail, by the roster's login
 * ({@code SIS Login ID}, a NetID or an e-mail) or by their Canvas user id ({@code ID}) once known; item columns
 * are read in Canvas's {@code Name (assignment id)} form, and the ids read are handed back so the course can link
 * its items and students to Canvas; Canvas's computed columns (current/final points, scores and grades), its
 * assignments that are no Lectern item, the "Points Possible" row, the muted/manual-posting/read-only rows and
 * Canvas's test student are passed over (the last two with a note).
 */
public final class ScoreSheet {

    /** A cell to store: a score, or excused. */
    public record Cell(String itemKey, BigDecimal score, boolean excused) {
    }

    public record Line(int rowNumber, String email, List<Cell> cells, List<String> problems) {
        public boolean bad() {
            return !problems.isEmpty();
        }
    }

    /**
     * @param canvasItems item key → Canvas assignment id, from headers in Canvas's "Name (id)" form
     * @param canvasUsers student e-mail → Canvas user id, from Canvas's ID column
     */
    public record Preview(List<Line> lines, List<String> fileProblems, List<String> notes, Map<String, String> canvasItems,
                          Map<String, String> canvasUsers) {
        public Preview(List<Line> lines, List<String> fileProblems, List<String> notes) {
            this(lines, fileProblems, notes, Map.of(), Map.of());
        }

        public boolean hasErrors() {
            return !fileProblems.isEmpty() || lines.stream().anyMatch(Line::bad);
        }

        public int cellCount() {
            return lines.stream().mapToInt(l -> l.cells().size()).sum();
        }
    }

    /**
     * Who the course's students are, by each key a sheet may name them with.
     * @param byLogin the roster's login (NetID, lower case) → e-mail
     * @param byCanvasId Canvas user id → e-mail, for students linked to Canvas
     */
    public record Students(Set<String> emails, Map<String, String> byLogin, Map<String, String> byCanvasId) {
        public static Students byEmail(Set<String> emails) {
            return new Students(emails, Map.of(), Map.of());
        }
    }

    // Columns of our own export and of Canvas's that are not scores.
    private static final Set<String> IGNORED = Set.of("student", "name", "sis user id", "section", "late days used",
            "late days left", "total %", "letter", "integration id", "root account");
    /** Canvas's computed columns: per assignment group and overall, current/final (unposted) points, score, grade. */
    private static final Pattern CANVAS_COMPUTED = Pattern.compile("(.* )?(unposted )?(current|final) (points|score|grade)");
    /** An item header in Canvas's form: the assignment's name, then its Canvas id in parentheses. */
    private static final Pattern CANVAS_ITEM = Pattern.compile("(.*\\S)\\s*\\((\\d{1,19})\\)");
    /** What Canvas writes under assignments in the rows that are not students. */
    private static final Set<String> CANVAS_MARKERS = Set.of("muted", "manual posting", "(read only)", "read only");

    private ScoreSheet() {
    }

    /**
     * @param items    gradebook item keys with their points possible (any case in the header matches)
     * @param students e-mails of the course's students
     */
    public static Preview read(String text, Map<String, BigDecimal> items, Set<String> students) {
        return read(text, items, Students.byEmail(students));
    }

    public static Preview read(String text, Map<String, BigDecimal> items, Students students) {
        if (text == null || text.isBlank()) {
            return new Preview(List.of(), List.of("The file is empty."), List.of());
        }
        String body = text.charAt(0) == '\uFEFF' ? text.substring(1) : text;
        List<CSVRecord> records;
        try (CSVParser parser = CSVParser.parse(new StringReader(body), CSVFormat.DEFAULT.builder().setIgnoreSurroundingSpaces(true).get())) {
            records = parser.getRecords();
        } catch (IOException | RuntimeException e) {
            return new Preview(List.of(), List.of("The file is not valid CSV: " + e.getMessage()), List.of());
        }
        if (records.isEmpty()) {
            return new Preview(List.of(), List.of("The file is empty."), List.of());
        }
        CSVRecord header = records.getFirst();
        Map<String, String> keysLower = new HashMap<>();
        items.keySet().forEach(k -> keysLower.put(k.toLowerCase(Locale.ROOT), k));
        int emailColumn = -1;
        int loginColumn = -1;
        int canvasIdColumn = -1;
        Map<Integer, String> itemColumns = new LinkedHashMap<>();
        Map<String, String> canvasItems = new LinkedHashMap<>();
        List<String> fileProblems = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            String h = header.get(i).strip().toLowerCase(Locale.ROOT);
            Matcher canvas = CANVAS_ITEM.matcher(header.get(i).strip());
            if (h.equals("email") || h.equals("e-mail")) {
                emailColumn = i;
            } else if (h.equals("sis login id") || h.equals("login id")) {
                loginColumn = i;
            } else if (h.equals("id")) {
                canvasIdColumn = i;
            } else if (keysLower.containsKey(h)) {
                itemColumns.put(i, keysLower.get(h));
            } else if (canvas.matches() && keysLower.containsKey(canvas.group(1).toLowerCase(Locale.ROOT))) {
                String key = keysLower.get(canvas.group(1).toLowerCase(Locale.ROOT));
                itemColumns.put(i, key);
                canvasItems.put(key, canvas.group(2));
            } else if (canvas.matches()) {
                notes.add("Column '" + header.get(i).strip() + "' is a Canvas assignment that is no Lectern item: passed over.");
            } else if (!IGNORED.contains(h) && !CANVAS_COMPUTED.matcher(h).matches() && !h.isEmpty()) {
                fileProblems.add("Column '" + header.get(i).strip() + "' is not a gradebook item (items: " + String.join(", ", items.keySet()) + ").");
            }
        }
        if (emailColumn < 0 && loginColumn < 0 && canvasIdColumn < 0) {
            fileProblems.add("The header has no Email column.");
        }
        if (itemColumns.isEmpty()) {
            fileProblems.add("The header names no gradebook item.");
        }
        if (!fileProblems.isEmpty()) {
            return new Preview(List.of(), fileProblems, List.of());
        }
        List<Line> lines = new ArrayList<>();
        Map<String, String> canvasUsers = new LinkedHashMap<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int r = 1; r < records.size(); r++) {
            CSVRecord rec = records.get(r);
            String name = rec.size() > 0 ? rec.get(0).strip() : "";
            if (name.toLowerCase(Locale.ROOT).contains("points possible") || canvasMarkerRow(rec)) {
                continue;
            }
            if (rec.stream().allMatch(String::isBlank)) {
                continue;
            }
            String emailCell = cell(rec, emailColumn);
            String login = cell(rec, loginColumn);
            String canvasId = cell(rec, canvasIdColumn);
            String email = who(students, emailCell, login, canvasId);
            if (email == null && isCanvasTestStudent(name)) {
                notes.add("Row " + (r + 1) + ": Canvas's test student, passed over.");
                continue;
            }
            List<String> problems = new ArrayList<>();
            if (email == null) {
                String named = !emailCell.isEmpty() ? EmailAddress.normalise(emailCell) : !login.isEmpty() ? login : canvasId;
                problems.add("'" + named + "' is not a student in this course.");
                email = named;
            } else if (seen.putIfAbsent(email, r + 1) != null) {
                problems.add(email + " also appears on row " + seen.get(email) + ".");
            }
            List<Cell> cells = new ArrayList<>();
            for (var col : itemColumns.entrySet()) {
                String raw = col.getKey() < rec.size() ? rec.get(col.getKey()).strip() : "";
                if (raw.isEmpty()) {
                    continue;
                }
                if (raw.startsWith("'")) {
                    raw = raw.substring(1); // our export's formula guard
                }
                if (raw.equalsIgnoreCase("ex")) {
                    cells.add(new Cell(col.getValue(), null, true));
                    continue;
                }
                try {
                    BigDecimal score = new BigDecimal(raw);
                    if (score.signum() < 0) {
                        problems.add(col.getValue() + ": a score cannot be negative (" + raw + ").");
                    } else {
                        BigDecimal max = items.get(col.getValue());
                        if (max != null && score.compareTo(max) > 0) {
                            notes.add("Row " + (r + 1) + ", " + col.getValue() + ": " + raw + " is above the " + max.stripTrailingZeros().toPlainString()
                                    + " points possible (kept: extra credit).");
                        }
                        cells.add(new Cell(col.getValue(), score, false));
                    }
                } catch (NumberFormatException e) {
                    problems.add(col.getValue() + ": '" + raw + "' is not a number (or EX for excused).");
                }
            }
            if (problems.isEmpty() && canvasId.matches("\\d{1,19}")) {
                canvasUsers.put(email, canvasId);
            }
            lines.add(new Line(r + 1, email, List.copyOf(cells), List.copyOf(problems)));
        }
        return new Preview(List.copyOf(lines), List.of(), List.copyOf(notes), java.util.Collections.unmodifiableMap(canvasItems),
                java.util.Collections.unmodifiableMap(canvasUsers));
    }

    /** The student's e-mail: by the e-mail column, else the login (a NetID, or an e-mail), else the Canvas user id. */
    private static String who(Students students, String email, String login, String canvasId) {
        if (!email.isEmpty()) {
            String e = EmailAddress.normalise(email);
            return students.emails().contains(e) ? e : null;
        }
        if (!login.isEmpty()) {
            String byLogin = students.byLogin().get(login.toLowerCase(Locale.ROOT));
            if (byLogin != null) {
                return byLogin;
            }
            String e = EmailAddress.normalise(login);
            if (students.emails().contains(e)) {
                return e;
            }
        }
        return canvasId.isEmpty() ? null : students.byCanvasId().get(canvasId);
    }

    /** Canvas's rows under the header that name no student: "Muted" / "Manual Posting" / "(read only)" markers. */
    private static boolean canvasMarkerRow(CSVRecord rec) {
        boolean marker = false;
        for (String v : rec) {
            String c = v.strip().toLowerCase(Locale.ROOT);
            if (c.isEmpty()) {
                continue;
            }
            if (!CANVAS_MARKERS.contains(c)) {
                return false;
            }
            marker = true;
        }
        return marker;
    }

    private static boolean isCanvasTestStudent(String name) {
        String n = name.strip().toLowerCase(Locale.ROOT);
        return n.equals("student, test") || n.equals("test student");
    }

    private static String cell(CSVRecord rec, int column) {
        return column >= 0 && column < rec.size() ? rec.get(column).strip() : "";
    }
}
