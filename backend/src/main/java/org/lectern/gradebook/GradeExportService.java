package org.lectern.gradebook;

import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.lectern.course.CourseAccess;
import org.lectern.course.CourseService;
import org.lectern.gradebook.internal.GradebookRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The gradebook as CSV, for staff: Lectern's own columns, or Canvas's import format. */
@Service
public class GradeExportService {

    private final CourseAccess access;
    private final GradebookService gradebook;
    private final CourseService courses;
    private final GradebookRepository repo;

    GradeExportService(CourseAccess access, GradebookService gradebook, CourseService courses, GradebookRepository repo) {
        this.access = access;
        this.gradebook = gradebook;
        this.courses = courses;
        this.repo = repo;
    }

    /** Every student and item with totals. */
    @Transactional(readOnly = true)
    public String csv(long courseId) {
        access.staff(courseId);
        GradebookService.Gradebook g = gradebook.gradebook(courseId);
        List<String> header = new ArrayList<>(List.of("Student", "Email", "SIS User ID", "Section"));
        header.addAll(g.itemKeys());
        header.addAll(List.of("Late days used", "Late days left", "Total %", "Letter"));
        return write(header, g);
    }

    /**
     * Canvas's gradebook import, into the course's existing Canvas assignments and rows once they are linked (a Canvas
     * export imported once): see {@link CanvasGradeCsv}.
     */
    @Transactional(readOnly = true)
    public String canvasCsv(long courseId) {
        access.staff(courseId);
        GradebookService.Gradebook g = gradebook.gradebook(courseId);
        Map<Long, String> logins = new HashMap<>();
        courses.roster(courseId).forEach(m -> {
            if (m.login() != null) {
                logins.put(m.accountId(), m.login());
            }
        });
        Map<Long, String> canvasIds = repo.canvasStudents(courseId);
        List<CanvasGradeCsv.Item> items = g.policy().scheme().items().stream()
                .map(i -> new CanvasGradeCsv.Item(i.key(), i.pointsPossible())).toList();
        List<CanvasGradeCsv.Student> students = new ArrayList<>();
        for (GradebookRows.StudentRow r : g.students()) {
            Map<String, java.math.BigDecimal> scores = new HashMap<>();
            r.items().forEach((key, line) -> {
                if (line != null && line.score() != null) {
                    scores.put(key, line.score());
                }
            });
            students.add(new CanvasGradeCsv.Student(r.name(), canvasIds.get(r.accountId()), r.sisId(), logins.get(r.accountId()),
                    r.email(), r.section(), scores));
        }
        return CanvasGradeCsv.write(items, repo.canvasItems(courseId), students);
    }

    private String write(List<String> header, GradebookService.Gradebook g) {
        StringWriter out = new StringWriter();
        try (CSVPrinter p = new CSVPrinter(out, CSVFormat.DEFAULT)) {
            p.printRecord(header.stream().map(CsvCells::safe).toList());
            for (GradebookRows.StudentRow r : g.students()) {
                List<String> cells = new ArrayList<>();
                cells.addAll(List.of(CsvCells.safe(r.name()), CsvCells.safe(r.email()), CsvCells.safe(nz(r.sisId())), CsvCells.safe(nz(r.section()))));
                for (String key : g.itemKeys()) {
                    GradebookRows.ItemLine l = r.items().get(key);
                    cells.add(l == null || l.score() == null ? "" : Rounding.forDisplay(l.score()).toPlainString());
                }
                cells.add(Integer.toString(r.lateDaysUsed()));
                cells.add(Integer.toString(r.lateDaysRemaining()));
                cells.add(r.totalPercent() == null ? "" : Rounding.forDisplay(r.totalPercent()).toPlainString());
                cells.add(CsvCells.safe(nz(r.letter())));
                p.printRecord(cells);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toString();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

}
