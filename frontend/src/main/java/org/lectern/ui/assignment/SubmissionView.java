package org.lectern.ui.assignment;

import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.nio.charset.StandardCharsets;
import org.lectern.assignment.AssignmentService;
import org.lectern.autograde.AutogradeService;
import org.lectern.notebooks.Notebook;
import org.lectern.notebooks.NotebookFormatException;
import org.lectern.notebooks.NotebookHtml;
import org.lectern.submission.Submission;
import org.lectern.submission.SubmissionService;
import org.lectern.ui.Notifications;
import org.lectern.ui.course.CourseItemPage;

/** One submission: the notebook rendered (markdown, code, outputs, images) beside its test results. */
@Route("courses/:courseId([0-9]+)/submissions/:submissionId([0-9]+)")
@PageTitle("Submission · Lectern")
@PermitAll
public class SubmissionView extends CourseItemPage {

    private final SubmissionService submissions;
    private final AutogradeService autograde;
    private final AssignmentService assignments;

    public SubmissionView(SubmissionService submissions, AutogradeService autograde, AssignmentService assignments) {
        super("submissionId", "submission");
        this.assignments = assignments;
        this.submissions = submissions;
        this.autograde = autograde;
    }

    @Override
    protected void render() {
        Submission s = submissions.get(itemId);
        requireInCourse(assignments.get(s.assignmentId()).courseId());
        add(new H2(s.studentName() + " · version " + s.version() + (s.reference() ? " (reference solution)" : "")));
        Span sha = new Span("SHA-256 " + s.sha256());
        // 64 hex digits are one word wider than a phone: they break anywhere rather than push the page sideways.
        sha.getStyle().set("font-family", "monospace").set("overflow-wrap", "anywhere").set("display", "block");
        add(sha);
        VerticalLayout files = new VerticalLayout();
        files.setPadding(false);
        for (var f : submissions.files(itemId)) {
            files.add(new Span(f.path()));
            if (f.path().endsWith(".ipynb")) {
                try {
                    Html notebook = new Html("<div>" + NotebookHtml.render(Notebook.parse(f.content())) + "</div>");
                    // As Jupyter shows it: math typeset by KaTeX, code coloured by highlight.js (both served by the app).
                    org.lectern.ui.MathMarkdown.typeset(notebook);
                    org.lectern.ui.qa.CodeHighlight.apply(notebook);
                    files.add(notebook);
                } catch (NotebookFormatException e) {
                    files.add(new Span("Not readable: " + e.getMessage()));
                }
            } else {
                Pre code = new Pre(new String(f.content(), StandardCharsets.UTF_8));
                code.addClassName("nb-code");
                files.add(code);
            }
        }
        files.setWidth("60%");
        Div side = new Div(new ResultsPanel(autograde.results(itemId)));
        side.setWidth("40%");
        side.getStyle().set("min-width", "0").set("overflow-x", "auto");
        Button rerun = new Button("Re-run", e -> {
            if (Notifications.attempt(() -> autograde.rerun(itemId))) {
                Notifications.success("Queued again.");
                refresh();
            }
        });
        rerun.setId("rerun");
        if (assignments.page(s.assignmentId()).grant().isStaff()) {
            side.addComponentAsFirst(rerun);
        }
        HorizontalLayout both = new HorizontalLayout(files, side);
        both.setWidthFull();
        add(both);
    }
}
