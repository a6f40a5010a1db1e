package org.lectern.ui.qa;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParam;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.streams.UploadHandler;
import jakarta.annotation.security.PermitAll;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.lectern.course.CourseService;
import org.lectern.qa.EmailDelivery;
import org.lectern.qa.ImageCheck;
import org.lectern.qa.Post;
import org.lectern.qa.PostDraft;
import org.lectern.qa.PostFilter;
import org.lectern.qa.QaBroadcaster;
import org.lectern.qa.QaService;
import org.lectern.schedule.CourseItem;
import org.lectern.schedule.ScheduleService;
import org.lectern.ui.LiveUpdates;
import org.lectern.ui.Notifications;
import org.lectern.ui.course.CourseHeader;
import org.lectern.ui.course.CoursePage;

/** The course's questions: search, filters, the unread count, a form to ask; the list follows new activity by push. */
@Route("courses/:courseId([0-9]+)/qa")
@PageTitle("Q&A · Lectern")
@PermitAll
public class QaView extends CoursePage {

    /** A category to pick: a lecture or an assignment from the schedule. */
    record Category(String label, Long lectureId, Long itemId) {
    }

    private final CourseService courses;
    private final QaService qa;
    private final ScheduleService schedule;
    private final QaBroadcaster broadcaster;

    public QaView(CourseService courses, QaService qa, ScheduleService schedule, QaBroadcaster broadcaster) {
        this.courses = courses;
        this.qa = qa;
        this.schedule = schedule;
        this.broadcaster = broadcaster;
        addClassName("qa-page");
    }

    @Override
    protected void render() {
        var grant = courses.open(courseId);
        add(new CourseHeader(grant, CourseHeader.Tab.QA));
        List<Category> categories = new ArrayList<>();
        schedule.lectures(courseId).forEach(l -> categories.add(new Category("Lecture " + l.number() + ": " + l.title(), l.id(), null)));
        schedule.items(courseId).stream().filter(i -> i.kind() == CourseItem.Kind.ASSIGNMENT)
                .forEach(i -> categories.add(new Category(i.title(), null, i.id())));

        Span unread = new Span();
        unread.setId("qa-unread");
        unread.addClassName("qa-meta");

        // Ask
        TextField title = new TextField("Question");
        title.setId("qa-title");
        title.setWidthFull();
        title.setMaxLength(200);
        TextArea body = new TextArea("Details (Markdown: ``` for code, $…$ for math)");
        body.setId("qa-body");
        body.setWidthFull();
        body.setMaxLength(20_000);
        ComboBox<Category> category = new ComboBox<>("Lecture or assignment", categories);
        category.setItemLabelGenerator(Category::label);
        category.setId("qa-category");
        Checkbox privatePost = new Checkbox("Private: only staff see it");
        privatePost.setId("qa-private");
        Checkbox anonymous = new Checkbox("Anonymous to classmates");
        anonymous.setId("qa-anonymous");
        Button ask = new Button("Post question", e -> {
            Category c = category.getValue();
            new org.lectern.ui.Form().field(title, "title", "question").field(body, "body", "details")
                    .submit(() -> qa.ask(courseId, new PostDraft(title.getValue(), body.getValue(),
                            c == null ? null : c.lectureId(), c == null ? null : c.itemId(), privatePost.getValue(), anonymous.getValue())))
                    .ifPresent(made -> getUI().ifPresent(ui -> ui.navigate("courses/" + courseId + "/qa/" + made.id())));
        });
        ask.setId("qa-ask");
        ask.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        UI ui = UI.getCurrent();
        Upload image = new Upload(
                UploadHandler.inMemory((meta, bytes) -> ui.access(() -> {
                    Notifications.call(() -> qa.uploadImage(courseId, bytes)).ifPresent(md ->
                            body.setValue(body.getValue() + (body.getValue().isEmpty() ? "" : "\n\n") + md));
                })));
        image.setId("qa-image");
        image.setAcceptedFileTypes("image/png", "image/jpeg", "image/gif", "image/webp");
        image.setMaxFileSize(ImageCheck.MAX_BYTES);
        image.setDropLabel(new Span("Drop an image (PNG, JPEG, GIF, WebP; at most 2 MB)"));
        image.addFileRejectedListener(e -> Notifications.error(e.getErrorMessage()));
        Div askForm = new Div(new H3("Ask a question"), title, body, image, new HorizontalLayout(category), privatePost, anonymous, ask);
        askForm.addClassName("qa-card");

        // Find
        TextField search = new TextField();
        search.setPlaceholder("Search questions and answers");
        search.setAriaLabel("Search questions and answers");
        search.setId("qa-search");
        search.setClearButtonVisible(true);
        Select<PostFilter.Show> show = new Select<>();
        show.setItems(PostFilter.Show.values());
        show.setValue(PostFilter.Show.ALL);
        show.setItemLabelGenerator(s -> switch (s) {
            case ALL -> "All";
            case UNANSWERED -> "Unanswered";
            case MINE -> "Mine";
            case FOLLOWING -> "Following";
        });
        show.setId("qa-show");
        ComboBox<Category> inCategory = new ComboBox<>();
        inCategory.setItems(categories);
        inCategory.setItemLabelGenerator(Category::label);
        inCategory.setPlaceholder("Any lecture or assignment");
        inCategory.setAriaLabel("Lecture or assignment");
        inCategory.setClearButtonVisible(true);
        Select<EmailDelivery> email = new Select<>();
        email.setLabel("E-mail me about what I follow");
        email.setItems(EmailDelivery.values());
        email.setItemLabelGenerator(d -> switch (d) {
            case NONE -> "Never";
            case IMMEDIATE -> "Right away";
            case DAILY -> "Daily digest";
        });
        email.setValue(qa.emailDelivery(courseId));
        email.setId("qa-email");
        email.addValueChangeListener(e -> {
            if (e.isFromClient() && Notifications.attempt(() -> qa.setEmailDelivery(courseId, e.getValue()))) {
                Notifications.success("Saved.");
            }
        });
        HorizontalLayout filters = new HorizontalLayout(search, show, inCategory, unread);
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);
        filters.getStyle().set("flex-wrap", "wrap");

        Div list = new Div();
        list.setId("qa-list");
        list.setWidthFull();
        Runnable reload = () -> {
            Category c = inCategory.getValue();
            List<Post> posts = qa.posts(courseId, new PostFilter(show.getValue(), c == null ? null : c.lectureId(), c == null ? null : c.itemId(),
                    search.getValue()));
            int n = qa.unread(courseId);
            unread.setText(n == 0 ? "" : n + " with new activity");
            list.removeAll();
            if (posts.isEmpty()) {
                list.add(new Paragraph("No questions here yet."));
            }
            posts.forEach(p -> list.add(card(p, categories)));
        };
        search.addValueChangeListener(e -> reload.run());
        show.addValueChangeListener(e -> reload.run());
        inCategory.addValueChangeListener(e -> reload.run());
        reload.run();
        LiveUpdates.follow(list, r -> broadcaster.course(courseId, r), reload, "The list of questions was updated.");
        if (grant.isStaff()) {
            var t = qa.responseTimes(courseId);
            Paragraph times = new Paragraph("Response times: " + t.staffAnswered() + " of " + t.posts() + " questions have a staff answer · "
                    + "median time to the first staff answer " + duration(t.medianSecondsToStaffAnswer()) + " · 90% within "
                    + duration(t.p90SecondsToStaffAnswer()) + " · " + t.unanswered() + " unanswered");
            times.setId("qa-response-times");
            add(times);
        }
        add(filters, list, askForm, email);
    }

    static String duration(Long seconds) {
        if (seconds == null) {
            return "–";
        }
        return seconds < 3600 ? Math.round(seconds / 60.0) + " min" : String.format(Locale.ROOT, "%.1f h", seconds / 3600.0);
    }

    private Div card(Post p, List<Category> categories) {
        Div card = new Div();
        card.addClassName("qa-card");
        if (p.unread()) {
            card.addClassName("unread");
        }
        card.setId("qa-post-" + p.id());
        RouterLink link = new RouterLink();
        link.setRoute(QaPostView.class, new RouteParameters(new RouteParam("courseId",
                Long.toString(courseId)), new RouteParam("postId", Long.toString(p.id()))));
        link.setText((p.pinned() ? "📌 " : "") + p.title());
        List<String> tags = new ArrayList<>();
        categories.stream().filter(c -> p.lectureId() != null && p.lectureId().equals(c.lectureId()) || p.itemId() != null && p.itemId().equals(c.itemId()))
                .findFirst().ifPresent(c -> tags.add(c.label()));
        if (p.privatePost()) {
            tags.add("private");
        }
        tags.add(p.resolved() ? "resolved" : "unresolved");
        tags.add(p.answers() + (p.answers() == 1 ? " answer" : " answers"));
        if (p.endorsedAnswer()) {
            tags.add("endorsed answer");
        }
        if (p.duplicateOf() != null) {
            tags.add("duplicate");
        }
        tags.add(p.author() == null ? "anonymous" : p.author());
        Span meta = new Span(String.join(" · ", tags));
        meta.addClassName("qa-meta");
        card.add(new Div(link), meta);
        return card;
    }
}
