package org.lectern.ui.assignment;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import java.math.BigDecimal;
import java.util.List;
import org.lectern.autograde.RunStatus;
import org.lectern.autograde.RunView;
import org.lectern.autograde.TestResult;

/** A grading run as its viewer may see it: status, public tests, and private tests or the points they still hold. */
public class ResultsPanel extends VerticalLayout {

    public ResultsPanel(RunView r) {
        setPadding(false);
        setId("results");
        Span status = new Span(statusText(r));
        status.setId("run-status");
        status.getElement().setAttribute("data-status", r.status() == null ? "waiting" : r.status().name().toLowerCase());
        add(status);
        if (!r.finished()) {
            ProgressBar bar = new ProgressBar();
            bar.setIndeterminate(true);
            bar.setWidth("20em");
            add(bar);
        }
        if (r.problem() != null) {
            Paragraph p = new Paragraph(r.problem());
            p.setId("run-problem");
            p.addClassName("lectern-error-text");
            add(p);
        }
        if (r.environment() != null) {
            Span environment = new Span("Graded with " + r.environment());
            environment.setId("run-environment");
            environment.addClassName("lectern-muted");
            add(environment);
        }
        if (!r.removals().isEmpty()) {
            UnorderedList list = new UnorderedList();
            r.removals().forEach(x -> list.add(new ListItem(x)));
            Details d = new Details(new Span("Lines removed from your notebook before grading (IPython magics and shell commands): "
                    + r.removals().size()), list);
            d.setId("removals");
            add(d);
        }
        if (r.publicEarned() != null) {
            H4 h = new H4("Public tests: " + fmt(r.publicEarned()) + " / " + fmt(r.publicPossible()));
            h.setId("public-score");
            add(h, grid("public-tests", r.publicResults()));
        }
        if (r.privateVisible()) {
            if (r.privateEarned() != null || !r.privateResults().isEmpty()) {
                H4 h = new H4("Private tests: " + fmt(r.privateEarned()) + " / " + fmt(r.privatePossible()));
                h.setId("private-score");
                add(h, grid("private-tests", r.privateResults()));
            }
            if (r.total() != null) {
                H4 total = new H4("Total: " + fmt(r.total()) + " / " + fmt(r.totalPossible()));
                total.setId("total-score");
                add(total);
            }
        } else if (r.privatePossible() != null && r.privatePossible().signum() > 0) {
            Div pending = new Div(new Span(fmt(r.privatePossible()) + " more points are in private tests, graded when staff release grades. "
                    + "Passing every public test does not mean full marks."));
            pending.setId("private-pending");
            pending.addClassName("lectern-card");
            add(pending);
        }
    }

    static String statusText(RunView r) {
        if (r.status() == null) {
            return r.waitingFor();
        }
        return switch (r.status()) {
            case QUEUED, RUNNING -> r.waitingFor();
            case DONE -> "Graded.";
            case FAILED -> "Grading failed on our side; staff have been told. Your submission is safe.";
            case SUPERSEDED -> "Not graded: you submitted a newer version while this one waited, and that one is graded.";
        };
    }

    private static Grid<TestResult> grid(String id, List<TestResult> results) {
        Grid<TestResult> g = new Grid<>();
        g.setId(id);
        g.addColumn(t -> t.number() == null ? t.testName() : t.number() + " " + t.testName()).setHeader("Test").setFlexGrow(2);
        g.addColumn(t -> t.passed() ? "passed" : t.outcome()).setHeader("Result").setAutoWidth(true);
        g.addColumn(t -> fmt(t.earned()) + " / " + fmt(t.possible())).setHeader("Points").setAutoWidth(true);
        // A visible toggle per row: output was once behind a click on the row that nobody knew was clickable.
        g.addComponentColumn(t -> {
            Button toggle = new Button(g.isDetailsVisible(t) ? "Hide output" : "Show output");
            toggle.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY_INLINE);
            toggle.addClickListener(e -> {
                g.setDetailsVisible(t, !g.isDetailsVisible(t));
                g.getDataProvider().refreshItem(t);
            });
            return toggle;
        }).setHeader("Output").setAutoWidth(true);
        g.setItemDetailsRenderer(new ComponentRenderer<>(t -> {
            Pre pre = new Pre(t.message() == null || t.message().isBlank() ? "(no output)" : t.message());
            pre.addClassName("test-output");
            pre.getStyle().set("white-space", "pre-wrap").set("max-height", "20em").set("overflow", "auto").set("margin", "0");
            return pre;
        }));
        g.setDetailsVisibleOnClick(false);
        g.setPartNameGenerator(t -> t.passed() ? null : "error-row");
        g.addThemeVariants(GridVariant.LUMO_COMPACT);
        g.setAllRowsVisible(true);
        g.setItems(results);
        // What went wrong is the first thing a student needs: failed tests show their output from the start.
        results.stream().filter(t -> !t.passed()).forEach(t -> g.setDetailsVisible(t, true));
        return g;
    }

    static String fmt(BigDecimal b) {
        return b == null ? "–" : b.stripTrailingZeros().toPlainString();
    }

    static boolean done(RunStatus s) {
        return s == RunStatus.DONE || s == RunStatus.FAILED || s == RunStatus.SUPERSEDED;
    }
}
