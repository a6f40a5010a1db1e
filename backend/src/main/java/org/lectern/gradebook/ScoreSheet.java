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
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.lectern.identity.EmailAddress;

/**
 * Reads a score CSV (an e-mail column, then one column per gradebook item; our own export works as
 * it is) and judges every cell before anything is saved: unknown students, unknown columns, values
 * that are not numbers, negative scores. "EX" marks an item excused; a blank cell is left alone.
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

    public record Preview(List<Line> lines, List<String> fileProblems, List<String> notes) {
        public boolean hasErrors() {
            return !fileProblems.isEmpty() || lines.stream().anyMatch(Line::bad);
        }

        public int cellCount() {
            return lines.stream().mapToInt(l -> l.cells().size()).sum();
        }
    }

    // Columns of our own export that are not scores.
    private static final Set<String> IGNORED = Set.of("student", "name", "sis user id", "sis login id", "section", "id", "late days used",
            "late days left", "total %", "letter");

    private ScoreSheet() {
    }

    /**
     * @param items    gradebook item keys with their points possible (any case in the header matches)
     * @param students e-mails of the course's students
     */
    public static Preview read(String text, Map<String, BigDecimal> items, Set<String> students) {
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
        Map<Integer, String> itemColumns = new LinkedHashMap<>();
        List<String> fileProblems = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            String h = header.get(i).strip().toLowerCase(Locale.ROOT);
            if (h.equals("email") || h.equals("e-mail") || (h.equals("sis login id") && emailColumn < 0)) {
                emailColumn = i;
            } else if (keysLower.containsKey(h)) {
                itemColumns.put(i, keysLower.get(h));
            } else if (!IGNORED.contains(h) && !h.isEmpty()) {
                fileProblems.add("Column '" + header.get(i).strip() + "' is not a gradebook item (items: " + String.join(", ", items.keySet()) + ").");
            }
        }
        if (emailColumn < 0) {
            fileProblems.add("The header has no Email column.");
        }
        if (itemColumns.isEmpty()) {
            fileProblems.add("The header names no gradebook item.");
        }
        if (!fileProblems.isEmpty()) {
            return new Preview(List.of(), fileProblems, List.of());
        }
        List<Line> lines = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int r = 1; r < records.size(); r++) {
            CSVRecord rec = records.get(r);
            String name = rec.size() > 0 ? rec.get(0).strip() : "";
            if (name.toLowerCase(Locale.ROOT).contains("points possible")) {
                continue;
            }
            List<String> problems = new ArrayList<>();
            String email = emailColumn < rec.size() ? EmailAddress.normalise(rec.get(emailColumn)) : "";
            if (email.isEmpty() && rec.stream().allMatch(String::isBlank)) {
                continue;
            }
            if (!students.contains(email)) {
                problems.add("'" + email + "' is not a student in this course.");
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
            lines.add(new Line(r + 1, email, List.copyOf(cells), List.copyOf(problems)));
        }
        return new Preview(List.copyOf(lines), List.of(), List.copyOf(notes));
    }
}
