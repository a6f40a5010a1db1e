package org.lectern.course;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a roster CSV: Lectern's own columns (name, email, role, section, login) or an LMS export
 * (Canvas: "Name"/"Sortable Name", "Email"/"Login ID", "Role"/"Type", "Section", "SIS User ID"). The login column
 * (Login ID, SIS Login ID, login, username, netid) is kept as the member's login, whether a NetID or an e-mail.
 * It only reads; {@link RosterPlan} judges the rows.
 */
public final class RosterCsv {

    /**
     * One data row as written, with its row number in the file (the header is row 1). {@code login} is the login
     * column's value as written (Canvas's Login ID / SIS Login ID: a NetID or an e-mail), "" when there is none.
     */
    public record Row(int rowNumber, String name, String email, String role, String section, String sisId, String login) {
        public Row(int rowNumber, String name, String email, String role, String section, String sisId) {
            this(rowNumber, name, email, role, section, sisId, "");
        }
    }

    public record Parsed(List<Row> rows, List<String> fileProblems) {
        public boolean readable() {
            return fileProblems.isEmpty();
        }
    }

    enum Field { NAME, SORTABLE_NAME, EMAIL, LOGIN, ROLE, SECTION, SIS_ID }

    private static final Map<String, Field> HEADERS = new LinkedHashMap<>();

    static {
        for (String h : List.of("name", "full name", "student", "student name", "display name", "user name")) {
            HEADERS.put(h, Field.NAME);
        }
        HEADERS.put("sortable name", Field.SORTABLE_NAME);
        for (String h : List.of("email", "e-mail", "email address", "e-mail address", "mail")) {
            HEADERS.put(h, Field.EMAIL);
        }
        for (String h : List.of("login id", "sis login id", "login", "username", "netid", "net id")) {
            HEADERS.put(h, Field.LOGIN);
        }
        for (String h : List.of("role", "type", "enrollment type", "enrollment role", "course role")) {
            HEADERS.put(h, Field.ROLE);
        }
        for (String h : List.of("section", "section name", "sections", "course section")) {
            HEADERS.put(h, Field.SECTION);
        }
        for (String h : List.of("sis user id", "sis id", "student id", "student number")) {
            HEADERS.put(h, Field.SIS_ID);
        }
    }

    private RosterCsv() {
    }

    public static Parsed parse(String text) {
        if (text == null || text.isBlank()) {
            return new Parsed(List.of(), List.of("The file is empty."));
        }
        String body = text.charAt(0) == '\uFEFF' ? text.substring(1) : text;
        CSVFormat format = CSVFormat.DEFAULT.builder().setIgnoreSurroundingSpaces(true).setIgnoreEmptyLines(false).get();
        List<CSVRecord> records;
        try (CSVParser parser = CSVParser.parse(new StringReader(body), format)) {
            records = parser.getRecords();
        } catch (IOException | RuntimeException e) {
            return new Parsed(List.of(), List.of("The file is not valid CSV: " + e.getMessage()));
        }
        int headerIndex = 0;
        while (headerIndex < records.size() && blank(records.get(headerIndex))) {
            headerIndex++;
        }
        if (headerIndex == records.size()) {
            return new Parsed(List.of(), List.of("The file is empty."));
        }
        Map<Field, Integer> columns = new LinkedHashMap<>();
        CSVRecord header = records.get(headerIndex);
        for (int i = 0; i < header.size(); i++) {
            Field f = HEADERS.get(header.get(i).strip().toLowerCase(Locale.ROOT));
            if (f != null) {
                columns.putIfAbsent(f, i);
            }
        }
        List<String> problems = new ArrayList<>();
        if (!columns.containsKey(Field.NAME) && !columns.containsKey(Field.SORTABLE_NAME)) {
            problems.add("The first row must be a header with a name column (name, full name, or Canvas's Name / Sortable Name).");
        }
        if (!columns.containsKey(Field.EMAIL) && !columns.containsKey(Field.LOGIN)) {
            problems.add("The header has no e-mail column (email, or Canvas's Login ID / SIS Login ID).");
        }
        if (!problems.isEmpty()) {
            return new Parsed(List.of(), problems);
        }
        List<Row> rows = new ArrayList<>();
        for (int r = headerIndex + 1; r < records.size(); r++) {
            CSVRecord rec = records.get(r);
            if (blank(rec)) {
                continue;
            }
            String name = cell(rec, columns.get(Field.NAME))
                    .or(() -> cell(rec, columns.get(Field.SORTABLE_NAME)).map(RosterCsv::unsort))
                    .orElse("");
            // Canvas's gradebook export carries a "Points Possible" row that is not a person.
            if (name.toLowerCase(Locale.ROOT).contains("points possible")) {
                continue;
            }
            String email = cell(rec, columns.get(Field.EMAIL))
                    .or(() -> cell(rec, columns.get(Field.LOGIN)).filter(v -> v.contains("@")))
                    .orElse("");
            rows.add(new Row(r + 1, name, email,
                    cell(rec, columns.get(Field.ROLE)).orElse(""),
                    cell(rec, columns.get(Field.SECTION)).orElse(""),
                    cell(rec, columns.get(Field.SIS_ID)).orElse(""),
                    cell(rec, columns.get(Field.LOGIN)).filter(RosterCsv::plausibleLogin).orElse("")));
        }
        if (rows.isEmpty()) {
            return new Parsed(List.of(), List.of("The file has a header but no people."));
        }
        return new Parsed(rows, List.of());
    }

    /** A login is kept as written when it is one short token (a NetID or an e-mail), nothing a person could not type. */
    static boolean plausibleLogin(String login) {
        return login.length() <= 200 && login.codePoints().noneMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c));
    }

    /** "Lovelace, Ada" becomes "Ada Lovelace". */
    static String unsort(String sortable) {
        int comma = sortable.indexOf(',');
        if (comma < 0) {
            return sortable;
        }
        return (sortable.substring(comma + 1).strip() + " " + sortable.substring(0, comma).strip()).strip();
    }

    private static Optional<String> cell(CSVRecord rec, Integer column) {
        if (column == null || column >= rec.size()) {
            return Optional.empty();
        }
        String v = rec.get(column).strip();
        return v.isEmpty() ? Optional.empty() : Optional.of(v);
    }

    private static boolean blank(CSVRecord rec) {
        for (String v : rec) {
            if (!v.isBlank()) {
                return false;
            }
        }
        return true;
    }
}
