package org.lectern.gradebook;

import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.lectern.course.CourseAccess;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The gradebook as CSV, for staff: Lectern's own columns, or Canvas's import format. */
@Service
public class GradeExportService {

    private final CourseAccess access;
    private final GradebookService gradebook;

    GradeExportService(CourseAccess access, GradebookService gradebook) {
        this.access = access;
        this.gradebook = gradebook;
    }

    /** Every student and item with totals. */
    @Transactional(readOnly = true)
    public String csv(long courseId) {
        access.staff(courseId);
        GradebookService.Gradebook g = gradebook.gradebook(courseId);
        List<String> header = new ArrayList<>(List.of("Student", "Email", "SIS User ID", "Section"));
        header.addAll(g.itemKeys());
        header.addAll(List.of("Late days used", "Late days left", "Total %", "Letter"));
        return write(header, g, false);
    }

    /** Canvas's gradebook import: Student, ID, SIS User ID, SIS Login ID, Section, then one column per item. */
    @Transactional(readOnly = true)
    public String canvasCsv(long courseId) {
        access.staff(courseId);
        GradebookService.Gradebook g = gradebook.gradebook(courseId);
        List<String> header = new ArrayList<>(List.of("Student", "ID", "SIS User ID", "SIS Login ID", "Section"));
        header.addAll(g.itemKeys());
        return write(header, g, true);
    }

    private String write(List<String> header, GradebookService.Gradebook g, boolean canvas) {
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

}
