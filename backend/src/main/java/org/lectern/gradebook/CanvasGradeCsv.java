package org.lectern.gradebook;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The gradebook in the CSV Canvas imports into a course's existing gradebook, pure. Canvas finds a row's student by
 * its {@code ID} (the Canvas user id) or, without one, by its SIS ids, and a column's assignment by the id in its
 * {@code Name (id)} header; a column without an id becomes a new Canvas assignment. So: the ID once the student is
 * linked to Canvas, the SIS Login ID from the roster's login (a NetID; the e-mail only where the roster named no
 * login), each linked item headed {@code Name (id)}, and the "Points Possible" row Canvas writes itself.
 */
public final class CanvasGradeCsv {

    /** An item's column: its key and points possible. */
    public record Item(String key, BigDecimal pointsPossible) {
    }

    /** One student's row; a missing score is an empty cell (Canvas leaves the grade as it is). */
    public record Student(String name, String canvasId, String sisId, String login, String email, String section,
                          Map<String, BigDecimal> scores) {
    }

    private CanvasGradeCsv() {
    }

    public static String write(List<Item> items, Map<String, String> canvasItems, List<Student> students) {
        List<String> header = new ArrayList<>(List.of("Student", "ID", "SIS User ID", "SIS Login ID", "Section"));
        items.forEach(i -> header.add(column(i.key(), canvasItems.get(i.key()))));
        StringWriter out = new StringWriter();
        try (CSVPrinter p = new CSVPrinter(out, CSVFormat.DEFAULT)) {
            p.printRecord(header.stream().map(CsvCells::safe).toList());
            List<String> possible = new ArrayList<>(List.of("    Points Possible", "", "", "", ""));
            items.forEach(i -> possible.add(number(i.pointsPossible())));
            p.printRecord(possible);
            for (Student s : students) {
                List<String> cells = new ArrayList<>(List.of(CsvCells.safe(sortable(s.name())), digitsOrEmpty(s.canvasId()),
                        CsvCells.safe(nz(s.sisId())), CsvCells.safe(login(s)), CsvCells.safe(nz(s.section()))));
                items.forEach(i -> cells.add(number(s.scores().get(i.key()))));
                p.printRecord(cells);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return out.toString();
    }

    /** "A1 (88012)" once A1 is linked to Canvas assignment 88012, else "A1". */
    static String column(String key, String canvasId) {
        return canvasId == null ? key : key + " (" + canvasId + ")";
    }

    private static String login(Student s) {
        return s.login() != null && !s.login().isBlank() ? s.login() : nz(s.email());
    }

    /** Canvas's "Student" column is the sortable name: "Lovelace, Ada". */
    static String sortable(String name) {
        String n = nz(name).strip();
        int space = n.lastIndexOf(' ');
        return space < 0 ? n : n.substring(space + 1) + ", " + n.substring(0, space);
    }

    private static String digitsOrEmpty(String id) {
        return id != null && id.matches("[0-9]{1,19}") ? id : "";
    }

    private static String number(BigDecimal value) {
        return value == null ? "" : Rounding.forDisplay(value).toPlainString();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
