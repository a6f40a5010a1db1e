package org.lectern.gradebook;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * A gradebook export: one row per student with each item's score, each category's percent, the total
 * and the letter. Numbers are at scale 2, half up (what students see); an excused item reads "EX",
 * an item without a score is empty. Text cells go through {@link CsvCells#safe}.
 */
public final class GradeCsv {

    /** One student's row. */
    public record Row(String studentName, String email, CourseGrade grade) {
        public Row {
            Objects.requireNonNull(grade, "grade");
        }
    }

    private GradeCsv() {
    }

    public static String export(GradingScheme scheme, List<Row> rows) {
        List<String> header = new ArrayList<>(List.of("Student", "Email"));
        scheme.items().forEach(i -> header.add(i.key()));
        scheme.categories().forEach(c -> header.add(c.name() + " %"));
        header.add("Total %");
        header.add("Letter");
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT)) {
            printer.printRecord(header.stream().map(CsvCells::safe).toList());
            for (Row row : rows) {
                List<String> cells = new ArrayList<>();
                cells.add(CsvCells.safe(row.studentName()));
                cells.add(CsvCells.safe(row.email()));
                for (GradedItem item : scheme.items()) {
                    ItemResult result = row.grade().item(item.key());
                    cells.add(result.status() == ItemStatus.EXCUSED ? "EX" : number(result.earned()));
                }
                scheme.categories().forEach(c -> cells.add(number(row.grade().category(c.name()).percent())));
                cells.add(number(row.grade().totalPercent()));
                cells.add(CsvCells.safe(row.grade().letter()));
                printer.printRecord(cells);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return out.toString();
    }

    private static String number(BigDecimal value) {
        return value == null ? "" : Rounding.forDisplay(value).toPlainString();
    }
}
