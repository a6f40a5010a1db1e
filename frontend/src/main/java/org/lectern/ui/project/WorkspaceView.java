package org.lectern.ui.project;

import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.PermitAll;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lectern.notebooks.Notebook;
import org.lectern.notebooks.NotebookHtml;
import org.lectern.platform.NotFoundException;
import org.lectern.project.Team;
import org.lectern.ui.LiveUpdates;
import org.lectern.workspace.NotebookRunBroadcaster;
import org.lectern.workspace.NotebookRunService;
import org.lectern.workspace.WorkspaceService;
import org.lectern.ui.Notifications;
import org.lectern.ui.Uploads;
import org.lectern.ui.MathMarkdown;

/**
 * A team's project workspace: the notes page (Markdown, rendered by the app's one sanitised Markdown path), the files with
 * their versions (notebooks rendered by {@link NotebookHtml}, other files as text), a link to the playground for the
 * team's training runs, and for staff the mentor TA. Members and staff only; others get the not-found page.
 */
@Route("teams/:teamId([0-9]+)/workspace")
@PageTitle("Workspace · Lectern")
@PermitAll
public class WorkspaceView extends VerticalLayout implements BeforeEnterObserver {

    private final WorkspaceService workspaces;
    private final NotebookRunService runs;
    private final NotebookRunBroadcaster runUpdates;
    private final Div runsCard = new Div();
    private final java.util.Set<Long> followed = new java.util.HashSet<>();
    private long teamId;
    private Long shownFile;

    public WorkspaceView(WorkspaceService workspaces, NotebookRunService runs, NotebookRunBroadcaster runUpdates) {
        this.workspaces = workspaces;
        this.runs = runs;
        this.runUpdates = runUpdates;
        addClassName("workspace-page");
        runsCard.addClassName("lectern-card");
        runsCard.setId("notebook-runs");
        runsCard.setWidthFull();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        teamId = event.getRouteParameters().getLong("teamId").orElseThrow(() -> new NotFoundException("No such team."));
        draw();
    }

    private void draw() {
        removeAll();
        WorkspaceService.Workspace w = workspaces.workspace(teamId);
        Team team = w.team();
        H2 title = new H2("Workspace · " + team.name());
        title.setId("workspace-title");
        add(title, new Span(team.members().stream().map(Team.Member::name).reduce((a, b) -> a + ", " + b).orElse("no members")
                + (w.mentorName() == null ? "" : " · mentor " + w.mentorName())));
        RouteParameters course = new RouteParameters("courseId", Long.toString(team.courseId()));
        add(new HorizontalLayout(new RouterLink("Teams", TeamsView.class, course),
                // by route: naming the playground's view class here would tie the view packages into a cycle
                new Anchor("courses/" + team.courseId() + "/training", "Training runs (playground)")));
        mentor(w);
        notes(w);
        files(w);
        add(runsCard);
        drawRuns();
    }

    /** The team's notebook runs; a run still going is followed by push, so its cells appear as the worker sends them. */
    private void drawRuns() {
        runsCard.removeAll();
        runsCard.add(new H3("Notebook runs on the pool"));
        List<NotebookRunService.Run> list = runs.runs(teamId);
        if (list.isEmpty()) {
            runsCard.add(new Paragraph("No runs yet: open a notebook's version and press Run on the pool."));
        }
        for (var r : list) {
            Div box = new Div();
            box.addClassName("notebook-run");
            box.setId("notebook-run-" + r.id());
            int finished = r.cells().size() - (r.runningCell() == null ? 0 : 1);
            Span head = new Span(r.fileName() + " v" + r.fileVersion() + " · " + r.startedBy() + " · " + r.status().toLowerCase(java.util.Locale.ROOT)
                    + (r.ended() ? "" : " (" + finished + " of " + r.codeCells() + " cells)")
                    + (r.onGpu() ? " · on the GPU worker" : "")
                    + (r.cancelling() ? " · stopping" : "")
                    + (r.seconds() == null ? "" : " · " + Math.round(r.seconds()) + " s"));
            head.addClassName("notebook-run-status");
            head.getStyle().set("font-weight", "600");
            Div top = new Div(head);
            if (!r.ended() && !r.cancelling()) {
                long id = r.id();
                Button cancel = new Button("Cancel", e -> Notifications.call(() -> runs.cancel(id)).ifPresent(x -> drawRuns()));
                cancel.setId("cancel-run-" + r.id());
                cancel.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_ERROR);
                top.add(new Span(" "), cancel);
            }
            box.add(top);
            if (r.problem() != null) {
                box.add(new Paragraph(r.problem()));
            }
            for (var c : r.cells()) {
                boolean running = r.runningCell() != null && r.runningCell() == c.cell();
                Div cell = new Div();
                cell.addClassName(running ? "notebook-run-cell-running" : "notebook-run-cell");
                Span label = new Span("[" + (c.cell() + 1) + "]" + (running ? " running… " : " "));
                label.addClassName("lectern-muted");
                Span out = new Span(c.stdout() + c.stderr() + (c.error() == null ? "" : c.error())); // escaped text
                out.getStyle().set("white-space", "pre-wrap").set("font-family", "monospace").set("overflow-wrap", "anywhere");
                cell.add(label, out);
                for (String png : c.pngBase64()) {
                    if (png.matches("[A-Za-z0-9+/=]{1,4000000}")) {
                        com.vaadin.flow.component.html.Image img = new com.vaadin.flow.component.html.Image("data:image/png;base64," + png, "figure");
                        img.setMaxWidth("100%");
                        cell.add(new Div(img));
                    }
                }
                box.add(cell);
            }
            if (r.resultFileId() != null) {
                Button open = new Button("Open the executed notebook", e -> {
                    shownFile = r.resultFileId();
                    draw();
                });
                open.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
                box.add(open);
            }
            if (!r.packages().isEmpty()) {
                Span pk = new Span("Worker: " + String.join(", ", r.packages().subList(0, Math.min(12, r.packages().size())))
                        + (r.packages().size() > 12 ? " … (" + r.packages().size() + " packages)" : ""));
                pk.addClassName("lectern-muted");
                box.add(new Div(pk));
            }
            runsCard.add(box);
            if (!r.ended() && followed.add(r.id())) {
                long id = r.id();
                LiveUpdates.follow(runsCard, redraw -> runUpdates.subscribe(id, redraw), this::drawRuns);
            }
        }
    }

    private void mentor(WorkspaceService.Workspace w) {
        List<Team.Member> staff;
        try {
            staff = workspaces.mentors(w.team().courseId());
        } catch (org.lectern.platform.ForbiddenException e) {
            return; // students see the mentor's name only
        }
        ComboBox<Team.Member> pick = new ComboBox<>("Mentor TA");
        pick.setItems(staff);
        pick.setItemLabelGenerator(Team.Member::name);
        staff.stream().filter(m -> w.mentorId() != null && m.accountId() == w.mentorId()).findFirst().ifPresent(pick::setValue);
        pick.setClearButtonVisible(true);
        Button save = new Button("Set mentor", e -> {
            if (Notifications.attempt(() -> workspaces.setMentor(teamId, pick.getValue() == null ? null : pick.getValue().accountId()))) {
                draw();
            }
        });
        HorizontalLayout row = new HorizontalLayout(pick, save);
        row.setAlignItems(HorizontalLayout.Alignment.BASELINE);
        add(row);
    }

    private void notes(WorkspaceService.Workspace w) {
        Div card = new Div();
        card.addClassName("lectern-card");
        card.setWidthFull();
        card.add(new H3("Notes"));
        Div shown = new Div(MathMarkdown.of(w.notes().isBlank() ? "_No notes yet._" : w.notes()));
        shown.setId("workspace-notes");
        TextArea edit = new TextArea("Edit (Markdown)");
        edit.setId("workspace-notes-edit");
        edit.setWidthFull();
        edit.setMaxLength(WorkspaceService.MAX_NOTES);
        edit.setValue(w.notes());
        Button save = new Button("Save notes", e -> {
            if (Notifications.attempt(() -> workspaces.saveNotes(teamId, edit.getValue()))) {
                draw();
            }
        });
        save.setId("workspace-notes-save");
        card.add(shown, edit, save);
        add(card);
    }

    private void files(WorkspaceService.Workspace w) {
        Div card = new Div();
        card.addClassName("lectern-card");
        card.setWidthFull();
        card.setId("workspace-files");
        card.add(new H3("Files"));
        UI ui = UI.getCurrent();
        Upload upload = Uploads.inMemory(WorkspaceService.MAX_FILE_BYTES, 10, (meta, bytes) -> ui.access(() -> {
            if (Notifications.attempt(() -> workspaces.upload(teamId, meta.fileName(), bytes))) {
                Notifications.success(meta.fileName() + " saved as a new version.");
                draw();
            }
        }));
        upload.setId("workspace-upload");
        card.add(upload);
        Map<String, List<WorkspaceService.FileVersion>> byName = new LinkedHashMap<>();
        w.files().forEach(f -> byName.computeIfAbsent(f.name(), k -> new java.util.ArrayList<>()).add(f));
        if (byName.isEmpty()) {
            card.add(new Paragraph("No files yet."));
        }
        byName.forEach((name, versions) -> {
            Div row = new Div();
            row.addClassName("workspace-file");
            row.add(new Span(name + " "));
            for (var v : versions) {
                Button open = new Button("v" + v.version(), e -> {
                    shownFile = v.id();
                    draw();
                });
                open.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
                open.setId("workspace-version-" + v.id());
                open.getElement().setAttribute("title", "by " + v.createdBy() + ", " + v.sizeBytes() + " bytes");
                row.add(open, new Span(" "));
            }
            card.add(row);
        });
        if (shownFile != null) {
            try {
                var f = workspaces.file(shownFile);
                Div view = new Div();
                view.setId("workspace-file-view");
                view.add(new H3(f.file().name() + " · version " + f.file().version() + " by " + f.file().createdBy()));
                if (f.file().notebook()) {
                    long fileId = f.file().id();
                    Button run = new Button("Run on the pool", e -> {
                        if (Notifications.attempt(() -> runs.start(fileId))) {
                            Notifications.success("Queued: each cell's lines appear below as it runs.");
                            drawRuns();
                        }
                    });
                    run.setId("run-notebook");
                    run.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
                    view.add(run);
                    view.add(new Html("<div>" + NotebookHtml.render(Notebook.parse(f.content())) + "</div>"));
                } else {
                    Span text = new Span(new String(f.content(), StandardCharsets.UTF_8)); // text, escaped by the Span
                    text.getStyle().set("white-space", "pre-wrap").set("font-family", "monospace");
                    view.add(text);
                }
                card.add(view);
            } catch (RuntimeException e) {
                shownFile = null;
                card.add(new Paragraph("That version cannot be shown: " + e.getMessage()));
            }
        }
        add(card);
    }
}
