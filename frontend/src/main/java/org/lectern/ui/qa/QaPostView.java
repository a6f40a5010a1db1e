package org.lectern.ui.qa;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.PermitAll;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Objects;
import org.lectern.course.CourseService;
import org.lectern.qa.Moderation;
import org.lectern.qa.Post;
import org.lectern.qa.PostThread;
import org.lectern.qa.QaBroadcaster;
import org.lectern.qa.QaService;
import org.lectern.qa.Reply;
import org.lectern.ui.LiveUpdates;
import org.lectern.ui.Notifications;
import org.lectern.ui.course.CourseHeader;
import org.lectern.ui.course.CourseItemPage;
import org.lectern.ui.MathMarkdown;

/**
 * One question with its answers and follow-ups. Every text written by people goes through {@link MathMarkdown}, the
 * app's one Markdown path (escaped HTML, math typeset by the managed KaTeX webjar); code blocks are coloured by {@link CodeHighlight}. Redraws by push when the thread changes.
 */
@Route("courses/:courseId([0-9]+)/qa/:postId([0-9]+)")
@PageTitle("Question · Lectern")
@PermitAll
public class QaPostView extends CourseItemPage {

    private final CourseService courses;
    private final QaService qa;
    private final QaBroadcaster broadcaster;

    public QaPostView(CourseService courses, QaService qa, QaBroadcaster broadcaster) {
        super("postId", "post");
        this.courses = courses;
        this.qa = qa;
        this.broadcaster = broadcaster;
        addClassName("qa-page");
    }

    @Override
    protected void render() {
        var grant = courses.open(courseId);
        add(new CourseHeader(grant, CourseHeader.Tab.QA));
        PostThread first = qa.thread(itemId);
        requireInCourse(first.post().courseId());
        RouterLink back = new RouterLink("← All questions", QaView.class, new RouteParameters("courseId",
                Long.toString(courseId)));
        Div thread = new Div();
        thread.setId("qa-thread");
        thread.setWidthFull();
        add(back, thread);
        ZoneId zone = grant.course().timeZone();
        boolean staff = grant.isStaff();
        Runnable[] redraw = new Runnable[1];
        redraw[0] = () -> draw(thread, qa.thread(itemId), staff, zone, redraw[0]);
        draw(thread, first, staff, zone, redraw[0]);
        // A pushed redraw does not mark the thread seen (the reader may have left the page): see QaService.thread.
        LiveUpdates.follow(thread, r -> broadcaster.post(itemId, r),
                () -> draw(thread, qa.thread(itemId, false), staff, zone, redraw[0]), "This question has new activity.");
    }

    private void draw(Div root, PostThread t, boolean staff, ZoneId zone, Runnable redraw) {
        root.removeAll();
        Post p = t.post();
        H2 title = new H2(p.title());
        title.setId("qa-post-title");
        Span meta = new Span(who(p.author(), false, p.mine()) + " · " + org.lectern.ui.Dates.dateTime(p.createdAt(), zone)
                + (p.privatePost() ? " · private" : "") + (p.anonymous() && staff ? " · anonymous to classmates" : "")
                + (p.locked() ? " · locked" : "") + (p.duplicateOf() != null ? " · duplicate of #" + p.duplicateOf() : ""));
        meta.addClassName("qa-meta");
        Span state = new Span(p.resolved() ? "Resolved" : "Unresolved");
        state.setId("qa-state");
        Div body = markdown(p.body());
        body.setId("qa-post-body");
        root.add(title, meta, new Div(state), body);

        HorizontalLayout actions = new HorizontalLayout();
        actions.getStyle().set("flex-wrap", "wrap");
        if (staff || p.mine()) {
            Button resolve = new Button(p.resolved() ? "Mark unresolved" : "Mark resolved", e -> act(() -> qa.resolve(itemId, !p.resolved()), redraw));
            resolve.setId("qa-resolve");
            actions.add(resolve);
        }
        Button follow = new Button(p.following() ? "Unfollow" : "Follow", e -> act(() -> qa.follow(itemId, !p.following()), redraw));
        follow.setId("qa-follow");
        actions.add(follow);
        if (staff) {
            Button pin = new Button(p.pinned() ? "Unpin" : "Pin", e -> act(() -> qa.moderate(itemId, new Moderation(!p.pinned(), null, null, null)), redraw));
            pin.setId("qa-pin");
            Button lock = new Button(p.locked() ? "Unlock" : "Lock", e -> act(() -> qa.moderate(itemId, new Moderation(null, !p.locked(), null, null)), redraw));
            lock.setId("qa-lock");
            actions.add(pin, lock);
            if (p.privatePost()) {
                Button pub = new Button("Make public (name hidden)", e -> act(() -> qa.moderate(itemId, new Moderation(null, null, true, null)), redraw));
                pub.setId("qa-make-public");
                actions.add(pub);
            }
            IntegerField dupOf = new IntegerField();
            dupOf.setPlaceholder("Post #");
            dupOf.setAriaLabel("Duplicate of post number");
            dupOf.setWidth("7rem");
            Button dup = new Button("Mark duplicate", e -> act(() -> qa.moderate(itemId,
                    new Moderation(null, null, null, dupOf.getValue() == null ? 0L : dupOf.getValue().longValue())), redraw));
            actions.add(dupOf, dup);
        }
        actions.setAlignItems(FlexComponent.Alignment.BASELINE);
        root.add(actions);
        comments(root, t, null, zone, redraw, p.locked() && !staff);

        root.add(new H3(t.answers().size() == 1 ? "1 answer" : t.answers().size() + " answers"));
        for (Reply a : t.answers()) {
            Div answer = new Div();
            answer.addClassName("qa-answer");
            answer.addClassName("qa-card");
            if (a.endorsed()) {
                answer.addClassName("endorsed");
            }
            answer.setId("qa-answer-" + a.id());
            Span by = new Span(who(a.author(), a.byStaff(), a.mine()) + " · " + org.lectern.ui.Dates.dateTime(a.createdAt(), zone)
                    + (a.endorsed() ? " · endorsed by staff" : ""));
            by.addClassName("qa-meta");
            answer.add(by, markdown(a.body()));
            if (staff) {
                Button endorse = new Button(a.endorsed() ? "Withdraw endorsement" : "Endorse", e -> act(() -> qa.endorse(a.id(), !a.endorsed()), redraw));
                endorse.setId("qa-endorse-" + a.id());
                answer.add(endorse);
            }
            comments(answer, t, a.id(), zone, redraw, p.locked() && !staff);
            root.add(answer);
        }
        if (!p.locked() || staff) {
            TextArea text = new TextArea("Your answer (Markdown)");
            text.setId("qa-answer-text");
            text.setWidthFull();
            Checkbox anon = new Checkbox("Anonymous to classmates");
            anon.setVisible(!staff);
            Button send = new Button("Answer", e -> act(() -> qa.answer(itemId, text.getValue(), anon.getValue()), redraw));
            send.setId("qa-answer-send");
            send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            root.add(text, anon, send);
        }
    }

    private void comments(Div parent, PostThread t, Long answerId, ZoneId zone, Runnable redraw, boolean closed) {
        Div list = new Div();
        t.comments().stream().filter(c -> Objects.equals(c.answerId(), answerId)).forEach(c -> {
            Div line = new Div();
            line.addClassName("oh-line");
            Span by = new Span(who(c.author(), c.byStaff(), c.mine()) + " · " + org.lectern.ui.Dates.dateTime(c.createdAt(), zone));
            by.addClassName("qa-meta");
            line.add(by, markdown(c.body()));
            list.add(line);
        });
        parent.add(list);
        if (!closed) {
            TextArea text = new TextArea();
            text.setPlaceholder("Follow-up…");
            text.setAriaLabel("Follow-up comment");
            text.setWidthFull();
            Button send = new Button("Comment", e -> act(() -> qa.comment(itemId, answerId, text.getValue(), false), redraw));
            send.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            parent.add(text, send);
        }
    }

    private static String who(String author, boolean staff, boolean mine) {
        String name = author == null ? "Anonymous classmate" : author;
        return name + (mine ? " (you)" : "") + (staff ? " · staff" : "");
    }

    private static Div markdown(String text) {
        Div d = new Div(MathMarkdown.of(text));
        d.addClassName("qa-body");
        CodeHighlight.apply(d);
        return d;
    }

    private static void act(Runnable action, Runnable redraw) {
        if (Notifications.attempt(action)) {
            redraw.run();
        }
    }
}
