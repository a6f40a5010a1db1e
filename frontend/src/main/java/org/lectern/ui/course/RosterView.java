package org.lectern.ui.course;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.lectern.course.CourseAccess;
import org.lectern.course.CourseRole;
import org.lectern.course.CourseService;
import org.lectern.course.Member;
import org.lectern.course.NewMember;
import org.lectern.course.RosterPlan;
import org.lectern.project.TeamService;
import org.lectern.ui.Form;
import org.lectern.ui.Notifications;
import org.lectern.ui.Uploads;
import org.lectern.ui.course.TeamsPanel;

/**
 * The roster: staff see everyone; instructors add people one by one or import a CSV, seeing a
 * preview with every bad row named before anything is saved.
 */
@Route("courses/:courseId([0-9]+)/roster")
@PageTitle("Roster · Lectern")
@PermitAll
public class RosterView extends CoursePage {

    private final CourseService courses;
    private final TeamService teams;
    private final Grid<Member> grid = new Grid<>();

    public RosterView(CourseService courses, TeamService teams, org.lectern.mail.InvitationMail invitationMail,
                      org.lectern.mail.Outbox outbox) {
        this.courses = courses;
        this.teams = teams;
        this.invitationMail = invitationMail;
        this.outbox = outbox;
    }

    private final org.lectern.mail.InvitationMail invitationMail;
    private final org.lectern.mail.Outbox outbox;

    @Override
    protected void render() {
        var members = courses.roster(courseId); // throws for students: the access-denied view shows
        CourseAccess.Grant grant = courses.open(courseId);
        add(new CourseHeader(grant, CourseHeader.Tab.ROSTER));

        grid.removeAllColumns();
        grid.setId("roster-grid");
        grid.addColumn(Member::name).setHeader("Name").setSortable(true).setAutoWidth(true).setFlexGrow(1);
        grid.addColumn(Member::email).setHeader("E-mail").setSortable(true).setFlexGrow(1);
        grid.addColumn(m -> m.role().label()).setHeader("Role").setSortable(true).setAutoWidth(true);
        grid.addColumn(m -> m.section() == null ? "" : m.section()).setHeader("Section").setSortable(true).setAutoWidth(true);
        grid.addColumn(m -> m.activated() ? "Active" : "Invited").setHeader("Account").setAutoWidth(true);
        if (grant.isInstructor()) {
            grid.addComponentColumn(m -> {
                Button remove = new Button("Remove", e -> confirmRemove(m));
                remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_ERROR);
                remove.setEnabled(m.accountId() != grant.caller().accountId());
                return remove;
            }).setAutoWidth(true).setFlexGrow(0);
        }
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.setItems(members);
        grid.setAllRowsVisible(members.size() <= 30);
        grid.setHeight(members.size() <= 30 ? null : "60vh");
        Span counts = new Span(members.stream().collect(Collectors.groupingBy(Member::role, Collectors.counting()))
                .entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> e.getValue() + " " + (e.getKey() == CourseRole.TA ? "TA" : e.getKey().label().toLowerCase())
                        + (e.getValue() == 1 ? "" : "s"))
                .collect(Collectors.joining(" · ")));
        counts.setId("roster-counts");
        counts.addClassName("lectern-muted");
        add(counts, grid);

        if (grant.isInstructor()) {
            add(addPersonForm(), importSection());
            Button invites = new Button("Invitation links for people without a password", e -> showInvitations());
            invites.setId("invite-links");
            add(invites);
            if (outbox.enabled()) {
                Button mailInvites = new Button("E-mail invitations to people without a password", e -> {
                    Notifications.call(() -> invitationMail.send(courseId)).ifPresent(queued ->
                            Notifications.success(queued == 0 ? "Everyone on the roster has set a password."
                                    : queued + (queued == 1 ? " invitation is" : " invitations are") + " on their way."));
                });
                mailInvites.setId("mail-invitations");
                add(mailInvites);
            }
        }
        add(new TeamsPanel(teams, courseId)); // staff: the roster page is theirs
    }

    private HorizontalLayout addPersonForm() {
        TextField name = new TextField("Name");
        name.setId("person-name");
        TextField email = new TextField("E-mail");
        email.setId("person-email");
        Select<CourseRole> role = new Select<>();
        role.setLabel("Role");
        role.setItems(CourseRole.values());
        role.setItemLabelGenerator(CourseRole::label);
        role.setValue(CourseRole.STUDENT);
        role.setId("person-role");
        TextField section = new TextField("Section");
        section.setId("person-section");
        section.setWidth("8em");
        Button add = new Button("Add person", e -> {
            if (new org.lectern.ui.Form().required(email, "An e-mail address is needed.", "e-mail", "email", "address")
                    .field(section, "section").field(name, "name").run(() -> courses.addMember(courseId,
                    new NewMember(name.getValue(), email.getValue(), role.getValue(), section.getValue())))) {
                Notifications.success("Added " + email.getValue() + ".");
                refresh();
            }
        });
        add.setId("add-person");
        HorizontalLayout row = new HorizontalLayout(name, email, role, section, add);
        row.setAlignItems(FlexComponent.Alignment.BASELINE);
        row.getStyle().set("flex-wrap", "wrap");
        return row;
    }

    private Details importSection() {
        VerticalLayout body = new VerticalLayout();
        body.setPadding(false);
        body.add(new Paragraph("Columns: name, email, role (student, TA, instructor), section. Canvas roster exports "
                + "(Name or Sortable Name, Login ID, Role, Section, SIS User ID) work as they are. Nothing is saved until "
                + "you press Save, and then all rows are saved or none."));
        TextArea csv = new TextArea("Roster CSV");
        csv.setId("roster-csv");
        csv.setWidthFull();
        csv.setMinHeight("10em");
        csv.setPlaceholder("name,email,role,section\nAda Lovelace,ada@example.edu,student,AA");

        UI ui = UI.getCurrent();
        Upload upload = Uploads.inMemory(2 * 1024 * 1024, 1, (meta, bytes) -> ui.access(() -> {
            csv.setValue(new String(bytes, StandardCharsets.UTF_8));
            Notifications.success("Read " + meta.fileName() + ": check the preview, edit below if needed.");
        }));
        upload.setId("roster-upload");
        upload.setAcceptedFileTypes(".csv", "text/csv");
        upload.setDropLabel(new Span("Drop a roster .csv here, or paste it below"));

        Span summary = new Span();
        summary.setId("roster-summary");
        UnorderedList errors = new UnorderedList();
        errors.setId("roster-errors");
        Grid<RosterPlan.Line> preview = new Grid<>();
        preview.setId("roster-preview");
        preview.addColumn(l -> l.row().rowNumber()).setHeader("Row").setAutoWidth(true).setFlexGrow(0);
        preview.addColumn(l -> l.row().name()).setHeader("Name");
        preview.addColumn(l -> l.row().email()).setHeader("E-mail");
        preview.addColumn(l -> l.bad() ? l.row().role() : l.role().label()).setHeader("Role").setAutoWidth(true);
        preview.addColumn(l -> l.section() == null ? "" : l.section()).setHeader("Section").setAutoWidth(true);
        preview.addColumn(l -> outcome(l.action())).setHeader("Outcome").setAutoWidth(true);
        preview.addColumn(l -> String.join(" ", l.bad() ? l.problems() : l.notes())).setHeader("Details").setFlexGrow(2);
        preview.setPartNameGenerator(l -> l.bad() ? "error-row" : null);
        preview.addThemeVariants(GridVariant.LUMO_COMPACT);
        preview.setAllRowsVisible(true);
        preview.setVisible(false);

        Button save = new Button("Save roster");
        save.setId("save-roster");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setEnabled(false);
        AtomicReference<String> previewed = new AtomicReference<>();

        // A refusal of the file as a whole (too large, no e-mail column) is about the text in the box: said under it.
        Form sheet = new Form().field(csv, "");
        Button previewButton = new Button("Preview", e -> {
            if (!sheet.run(() -> {
                RosterPlan.Preview p = courses.previewRoster(courseId, csv.getValue());
                showPreview(p, summary, errors, preview);
                previewed.set(p.hasErrors() ? null : csv.getValue());
                save.setEnabled(!p.hasErrors());
            })) {
                save.setEnabled(false);
            }
        });
        previewButton.setId("preview-roster");
        // An edit after the preview needs a new preview: what is saved is always what was seen.
        csv.addValueChangeListener(e -> {
            if (!e.getValue().equals(previewed.get())) {
                save.setEnabled(false);
            }
        });
        save.addClickListener(e -> {
            AtomicReference<RosterPlan.Preview> done = new AtomicReference<>();
            if (sheet.run(() -> done.set(courses.importRoster(courseId, previewed.get())))) {
                var p = done.get();
                Notifications.success("Roster saved: " + p.count(RosterPlan.Action.NEW_ACCOUNT) + " new accounts, "
                        + p.count(RosterPlan.Action.ADD) + " added, " + p.count(RosterPlan.Action.UPDATE) + " updated.");
                refresh();
            }
        });
        body.add(upload, csv, new HorizontalLayout(previewButton, save), summary, errors, preview);
        Details details = new Details(new H3("Import a roster"), body);
        details.setId("roster-import");
        details.setOpened(true);
        details.setWidthFull();
        return details;
    }

    private static void showPreview(RosterPlan.Preview p, Span summary, UnorderedList errors, Grid<RosterPlan.Line> grid) {
        errors.removeAll();
        p.fileProblems().forEach(msg -> errors.add(errorItem(msg)));
        p.errors().forEach(l -> errors.add(errorItem("Row " + l.row().rowNumber() + ": " + String.join(" ", l.problems()))));
        if (p.hasErrors()) {
            summary.setText("Fix the problems below, then preview again. Nothing has been saved.");
            summary.addClassName("lectern-error-text");
        } else {
            summary.removeClassName("lectern-error-text");
            summary.setText("Ready to save: " + p.count(RosterPlan.Action.NEW_ACCOUNT) + " new accounts, "
                    + p.count(RosterPlan.Action.ADD) + " added, " + p.count(RosterPlan.Action.UPDATE) + " updated, "
                    + p.count(RosterPlan.Action.UNCHANGED) + " unchanged.");
        }
        grid.setItems(p.lines());
        grid.setVisible(!p.lines().isEmpty());
    }

    private static ListItem errorItem(String text) {
        ListItem li = new ListItem(text);
        li.addClassName("lectern-row-error");
        return li;
    }

    private static String outcome(RosterPlan.Action a) {
        return switch (a) {
            case NEW_ACCOUNT -> "New account";
            case ADD -> "Add";
            case UPDATE -> "Update";
            case UNCHANGED -> "Unchanged";
            case ERROR -> "Error";
        };
    }

    private void confirmRemove(Member m) {
        org.lectern.ui.Confirm.ask("Remove " + m.name() + "?", m.email() + " loses access to this course. Their account stays.", "Remove", () -> {
            if (Notifications.attempt(() -> courses.removeMember(courseId, m.accountId()))) {
                refresh();
            }
        });
    }

    private void showInvitations() {
        Map<String, String> tokens = courses.inviteTokens(courseId);
        Dialog d = new Dialog();
        d.setHeaderTitle("Invitation links");
        d.setWidth("min(90vw, 800px)");
        if (tokens.isEmpty()) {
            d.add(new Paragraph("Everyone on the roster has set a password."));
        } else {
            TextArea links = new TextArea("Send each person their link (valid 14 days, usable once)");
            links.setWidthFull();
            links.setReadOnly(true);
            links.setId("invitation-links");
            UI.getCurrent().getPage().fetchCurrentURL(url -> {
                String origin = url.getProtocol() + "://" + url.getAuthority();
                links.setValue("email,link\n" + tokens.entrySet().stream()
                        .map(e -> e.getKey() + "," + origin + "/activate/" + e.getValue())
                        .collect(Collectors.joining("\n")));
            });
            d.add(links);
        }
        d.getFooter().add(new Button("Close", e -> d.close()));
        d.open();
    }
}
