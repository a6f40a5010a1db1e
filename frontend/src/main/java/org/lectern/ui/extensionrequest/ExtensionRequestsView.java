package org.lectern.ui.extensionrequest;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import jakarta.annotation.security.PermitAll;
import java.io.ByteArrayInputStream;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.lectern.course.CourseService;
import org.lectern.extensionrequest.Evidence;
import org.lectern.extensionrequest.ExtensionRequest;
import org.lectern.extensionrequest.ExtensionRequestService;
import org.lectern.gradebook.GradingPolicyService;
import org.lectern.gradebook.PolicyDocument;
import org.lectern.ui.Dates;
import org.lectern.ui.Form;
import org.lectern.ui.Notifications;
import org.lectern.ui.Uploads;
import org.lectern.ui.course.CourseHeader;
import org.lectern.ui.course.CoursePage;

/**
 * Extension requests. A student asks for days on one item with a reason and, if they have one, a document (a PDF or a
 * picture of a note), and reads the decision; staff see the open requests first, open the document, and approve (the
 * days become an extension the late-day ledger honours) or deny with a note.
 */
@Route("courses/:courseId([0-9]+)/extension-requests")
@PageTitle("Extension requests · Lectern")
@PermitAll
public class ExtensionRequestsView extends CoursePage {

    private final CourseService courses;
    private final ExtensionRequestService requests;
    private final GradingPolicyService policies;

    public ExtensionRequestsView(CourseService courses, ExtensionRequestService requests, GradingPolicyService policies) {
        this.courses = courses;
        this.requests = requests;
        this.policies = policies;
        addClassName("extension-requests");
    }

    @Override
    protected void render() {
        var grant = courses.open(courseId);
        boolean staff = grant.isStaff();
        ZoneId zone = grant.course().timeZone();
        add(new CourseHeader(grant, staff ? CourseHeader.Tab.DASHBOARD : CourseHeader.Tab.GRADES));
        List<ExtensionRequest> all = requests.requests(courseId);
        if (!staff) {
            add(askForm());
        }
        H3 title = new H3(staff ? "Extension requests (" + all.stream().filter(ExtensionRequest::open).count() + " open)" : "Your requests");
        title.setId("extension-requests-title");
        add(title);
        if (all.isEmpty()) {
            add(new Paragraph(staff ? "No student has asked for an extension." : "You have not asked for an extension."));
        }
        for (ExtensionRequest r : all) {
            add(card(r, staff, zone));
        }
    }

    private Div askForm() {
        Div box = new Div();
        box.addClassName("lectern-card");
        box.setWidthFull();
        box.add(new H3("Ask for an extension"));
        ComboBox<String> item = new ComboBox<>("Item");
        item.setId("extension-item");
        item.setItems(policies.policy(courseId).categories().stream().flatMap(c -> c.items() == null ? java.util.stream.Stream.empty() : c.items().stream())
                .map(PolicyDocument.ItemJson::shortName).toList());
        IntegerField days = new IntegerField("Days");
        days.setId("extension-days");
        days.setMin(1);
        days.setMax(30);
        days.setStepButtonsVisible(true);
        TextArea reason = new TextArea("Reason");
        reason.setId("extension-reason");
        reason.setMaxLength(2000);
        reason.setWidthFull();
        AtomicReference<ExtensionRequestService.Document> document = new AtomicReference<>();
        Span attached = new Span("No document attached (optional).");
        attached.setId("extension-document-name");
        attached.addClassName("lectern-muted");
        UI ui = UI.getCurrent();
        Upload upload = Uploads.inMemory(Evidence.MAX_BYTES, 1, (meta, bytes) -> ui.access(() -> {
            var d = new ExtensionRequestService.Document(meta.fileName(), bytes);
            var problem = Evidence.problem(d.name(), d.content());
            if (problem.isPresent()) {
                Notifications.error(problem.get());
                return;
            }
            document.set(d);
            attached.setText("Attached: " + d.name());
        }));
        upload.setId("extension-document");
        upload.setAcceptedFileTypes(".pdf", ".png", ".jpg", ".jpeg", "application/pdf", "image/png", "image/jpeg");
        upload.setDropLabel(new Span("A document if you have one: PDF, PNG or JPEG, up to 5 MB"));
        upload.addFileRejectedListener(e -> Notifications.error(e.getErrorMessage()));
        Form form = new Form().required(item, "Choose the item.", "item").required(days, "How many days?", "days")
                .required(reason, "Say why.", "reason");
        Button ask = new Button("Send request", e -> form.submit(() -> requests.request(courseId,
                new ExtensionRequestService.Draft(item.getValue(), days.getValue(), reason.getValue()), document.get())).ifPresent(r -> {
                    Notifications.success("Sent. Staff will decide; you see their answer here.");
                    refresh();
                }));
        ask.setId("extension-send");
        ask.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout line = new HorizontalLayout(item, days);
        line.getStyle().set("flex-wrap", "wrap");
        box.add(line, reason, upload, attached, ask);
        return box;
    }

    private Div card(ExtensionRequest r, boolean staff, ZoneId zone) {
        Div d = new Div();
        d.setId("extension-request-" + r.id());
        d.addClassName("lectern-card");
        d.setWidthFull();
        d.getStyle().set("overflow-wrap", "anywhere");
        d.add(new H4((staff ? r.studentName() + " · " : "") + r.itemKey() + " · " + r.days() + (r.days() == 1 ? " day" : " days")));
        Span asked = new Span("Asked " + Dates.dateTime(r.askedAt(), zone));
        asked.addClassName("lectern-muted");
        Paragraph reason = new Paragraph(r.reason());
        reason.getStyle().set("white-space", "pre-wrap");
        d.add(asked, reason);
        if (r.documentName() != null) {
            long id = r.id();
            Anchor doc = new Anchor(DownloadHandler.fromInputStream(ev -> {
                var stored = requests.document(id);
                return new DownloadResponse(new ByteArrayInputStream(stored.content()), "document-" + id + stored.kind().extension,
                        stored.kind().contentType, stored.content().length);
            }), "Document: " + r.documentName());
            doc.getElement().setAttribute("download", true);
            doc.setId("extension-document-" + r.id());
            d.add(new Div(doc));
        }
        Span status = new Span(switch (r.status()) {
            case "approved" -> "Approved" + (r.decidedAt() == null ? "" : " " + Dates.dateTime(r.decidedAt(), zone)) + ": the deadline moves by "
                    + r.days() + (r.days() == 1 ? " day." : " days.");
            case "denied" -> "Denied" + (r.decidedAt() == null ? "" : " " + Dates.dateTime(r.decidedAt(), zone)) + ".";
            default -> "Waiting for staff.";
        });
        status.setId("extension-status-" + r.id());
        status.getStyle().set("font-weight", "600");
        d.add(new Div(status));
        if (r.note() != null && !r.note().isBlank()) {
            Paragraph note = new Paragraph("Note from staff: " + r.note());
            note.setId("extension-note-" + r.id());
            note.getStyle().set("white-space", "pre-wrap");
            d.add(note);
        }
        if (staff && r.open()) {
            TextArea note = new TextArea("Note to the student (needed when denying)");
            note.setId("extension-decision-note-" + r.id());
            note.setWidthFull();
            Form form = new Form().field(note, "note");
            Button approve = new Button("Approve", e -> form.submit(() -> requests.decide(r.id(), true, note.getValue())).ifPresent(x -> {
                Notifications.success("Approved: the extension is in the gradebook.");
                refresh();
            }));
            approve.setId("extension-approve-" + r.id());
            approve.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            Button deny = new Button("Deny", e -> form.submit(() -> requests.decide(r.id(), false, note.getValue())).ifPresent(x -> {
                Notifications.success("Denied.");
                refresh();
            }));
            deny.setId("extension-deny-" + r.id());
            deny.addThemeVariants(ButtonVariant.LUMO_ERROR);
            HorizontalLayout buttons = new HorizontalLayout(approve, deny);
            buttons.getStyle().set("flex-wrap", "wrap");
            d.add(note, buttons);
        }
        return d;
    }
}
