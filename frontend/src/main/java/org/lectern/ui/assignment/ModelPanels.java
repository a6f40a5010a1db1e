package org.lectern.ui.assignment;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.upload.Upload;
import java.util.Locale;
import org.lectern.autograde.ModelAssignmentService;
import org.lectern.autograde.ModelLeaderboard;
import org.lectern.autograde.ModelRunView;
import org.lectern.autograde.ModelTaskDraft;
import org.lectern.ui.Notifications;
import org.lectern.ui.Uploads;
import tools.jackson.databind.json.JsonMapper;

/** The parts of a model assignment's page: one model's evaluation, the leaderboard, and the instructor's evaluation data. */
final class ModelPanels {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ModelPanels() {
    }

    static Component result(ModelRunView r) {
        VerticalLayout box = new VerticalLayout();
        box.setPadding(false);
        box.setId("model-result");
        if (r == null) {
            box.add(new Paragraph("Stored. It is evaluated once the instructor has added the evaluation data."));
            return box;
        }
        Span state = new Span(switch (r.state()) {
            case "QUEUED" -> "Waiting for a worker…";
            case "RUNNING" -> "Evaluating on the pool…";
            case "DONE" -> "Evaluated" + (r.device() == null ? "" : " on the " + r.device().toUpperCase(Locale.ROOT));
            case "INVALID" -> "This model cannot be evaluated:";
            default -> "The evaluation failed:";
        });
        state.setId("model-state");
        box.add(state);
        if (r.message() != null) {
            Paragraph m = new Paragraph(r.message());
            m.setId("model-message");
            m.getStyle().set("color", "var(--lumo-error-text-color)");
            box.add(m);
        }
        if (r.state().equals("DONE")) {
            Span pub = new Span("Public score: " + pct(r.publicScore()));
            pub.setId("model-public-score");
            pub.getStyle().set("font-weight", "600");
            box.add(pub, new Span("Private score: " + (r.privateScore() == null ? "after the deadline" : pct(r.privateScore()))),
                    new Span(String.format(Locale.ROOT, "%,d parameters · %.3f ms per image (p95 %.3f ms)", r.parameters(),
                            r.latencyMillis(), r.latencyP95Millis())));
        }
        return box;
    }

    static Component leaderboard(ModelLeaderboard board) {
        VerticalLayout box = new VerticalLayout();
        box.setPadding(false);
        box.add(new H3("Leaderboard (" + board.metric() + ")"));
        if (board.rows().isEmpty()) {
            box.add(new Paragraph("No evaluated models yet."));
            return box;
        }
        // Bars first: the spread of the class is what people look for. Each names its figures on hover; screen
        // readers get the same figures once, from the table below, so the bars are hidden from them.
        Div bars = new Div();
        bars.setId("leaderboard-chart");
        bars.addClassName("poll-chart");
        bars.getElement().setAttribute("aria-hidden", "true");
        for (var row : board.rows()) {
            Div line = new Div();
            line.addClassName("poll-bar-row");
            if (row.me()) {
                line.addClassName("correct");
            }
            Div bar = new Div();
            bar.addClassName("poll-bar");
            bar.setWidth((row.publicScore() == null ? 0 : row.publicScore() * 100) + "%");
            Div track = new Div(bar);
            track.addClassName("poll-bar-track");
            line.getElement().setAttribute("title", hover(board.metric(), row));
            line.add(new Span(row.rank() + ". " + row.who() + (row.me() ? " (you)" : "")), track, new Span(pct(row.publicScore())));
            bars.add(line);
        }
        Grid<ModelLeaderboard.Row> grid = new Grid<>();
        grid.setId("leaderboard");
        grid.getElement().setAttribute("aria-label", "Leaderboard by " + board.metric());
        grid.addColumn(ModelLeaderboard.Row::rank).setHeader("#").setAutoWidth(true);
        grid.addColumn(r -> r.who() + (r.me() ? " (you)" : "")).setHeader("Who").setAutoWidth(true);
        grid.addColumn(r -> pct(r.publicScore())).setHeader("Public").setAutoWidth(true);
        if (board.privateShown()) {
            grid.addColumn(r -> pct(r.privateScore())).setHeader("Private").setAutoWidth(true);
        }
        grid.addColumn(r -> r.parameters() == null ? "" : String.format(Locale.ROOT, "%,d", r.parameters())).setHeader("Parameters");
        grid.addColumn(r -> r.latencyMillis() == null ? "" : String.format(Locale.ROOT, "%.3f ms", r.latencyMillis())).setHeader("Per image");
        grid.setItems(board.rows());
        grid.setAllRowsVisible(true);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT);
        box.add(bars, grid);
        return box;
    }

    /** What a leaderboard bar shows on hover: rank, who, the score, and the model's size and speed when known. */
    static String hover(String metric, ModelLeaderboard.Row row) {
        StringBuilder b = new StringBuilder().append(row.rank()).append(". ").append(row.who()).append(row.me() ? " (you)" : "")
                .append(": ").append(metric).append(' ').append(pct(row.publicScore()));
        if (row.parameters() != null) {
            b.append(", ").append(String.format(Locale.ROOT, "%,d", row.parameters())).append(" parameters");
        }
        if (row.latencyMillis() != null) {
            b.append(", ").append(String.format(Locale.ROOT, "%.3f ms", row.latencyMillis())).append(" per image");
        }
        return b.toString();
    }

    /** Instructors: the hidden evaluation data (a zip of a lectern-eval-v1 folder) and the spec as JSON. */
    static Component evaluationData(ModelAssignmentService models, long assignmentId) {
        VerticalLayout box = new VerticalLayout();
        box.setPadding(false);
        box.add(new H3("Evaluation data"));
        TextArea spec = new TextArea("Spec (JSON; empty: the digits model, 1x8x8 NCHW, pixels / 16, 10 classes, accuracy)");
        spec.setWidthFull();
        spec.setId("model-spec");
        models.task(assignmentId).ifPresent(t -> spec.setValue(JSON.writeValueAsString(t)));
        Span status = new Span(models.task(assignmentId).isPresent() ? "Evaluation data is set." : "No evaluation data yet.");
        status.setId("model-task-status");
        UI ui = UI.getCurrent();
        Upload upload = Uploads.inMemory(Uploads.MAX_REQUEST_BYTES, 1, (meta, bytes) -> ui.access(() -> {
            if (Notifications.attempt(() -> models.configure(assignmentId,
                    spec.getValue().isBlank() ? null : JSON.readValue(spec.getValue(), ModelTaskDraft.class), bytes))) {
                status.setText("Evaluation data is set: " + meta.fileName() + ".");
                Notifications.success("Evaluation data saved.");
            }
        }));
        upload.setId("model-data-upload");
        upload.setAcceptedFileTypes(".zip", "application/zip");
        box.add(new Paragraph("A zip of data.json, the images file and labels.csv (split public/private), as models/README.md describes."),
                spec, upload, status);
        return box;
    }

    static String pct(Double v) {
        return v == null ? "–" : String.format(Locale.ROOT, "%.2f%%", v * 100);
    }
}
